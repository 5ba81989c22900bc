// The district map on the subscription pages: progressive enhancement. Without script the map stays
// hidden and the district list works. A click asks the server which district lies there (the same
// point-in-polygon as the address search) and ticks that district's box in the form.
(function () {
  "use strict";
  var box = document.querySelector("[data-district-map]");
  if (!box || !window.L) return;
  var canvas = box.querySelector(".district-map__canvas");
  var status = box.querySelector("[data-district-map-status]");
  box.hidden = false;
  var map = L.map(canvas, { scrollWheelZoom: false });
  L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
  map.setView([51.1657, 10.4515], 6);
  fetch("/api/v1/districts", { headers: { Accept: "application/geo+json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (collection) {
      if (!collection || collection.features.length === 0) return;
      var layer = L.geoJSON(collection, { style: { weight: 2, fillOpacity: 0.1 } }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
  map.on("click", function (e) {
    var url = "/api/v1/districts/at?lat=" + encodeURIComponent(e.latlng.lat.toFixed(6)) + "&lon=" + encodeURIComponent(e.latlng.lng.toFixed(6));
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (answer) {
        if (!answer.ok) {
          status.textContent = answer.body.detail || box.dataset.failed;
          return;
        }
        var check = document.getElementById("district-" + answer.body.id);
        if (check) check.checked = true;
        status.textContent = box.dataset.chosen.replace("{0}", answer.body.name);
      })
      .catch(function () { status.textContent = box.dataset.failed; });
  });
})();
