// Maps of the report pages; progressive enhancement: without script the maps stay hidden and the
// coordinate fields and lists do the work.
// [data-report-pick]: a click fills the latitude and longitude fields of the place step.
// [data-report-overview]: the reports of the list's filters in the visible box (GeoJSON endpoint).
// [data-report-point]: one report's place.
(function () {
  "use strict";
  if (!window.L) return;

  function baseMap(box) {
    box.hidden = false;
    var map = L.map(box.querySelector(".report-map__canvas"), { scrollWheelZoom: false });
    L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
    return map;
  }

  function fitDistricts(map, fallback) {
    return fetch("/api/v1/districts", { headers: { Accept: "application/geo+json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (collection) {
        if (!collection || collection.features.length === 0) { fallback(); return; }
        var layer = L.geoJSON(collection, { style: { weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map);
        map.fitBounds(layer.getBounds());
      })
      .catch(fallback);
  }

  var pick = document.querySelector("[data-report-pick]");
  if (pick) {
    var map = baseMap(pick);
    var lat = document.getElementById("lat");
    var lon = document.getElementById("lon");
    var status = pick.querySelector("[data-report-map-status]");
    var marker = null;
    function place(latlng) {
      if (marker) marker.setLatLng(latlng); else marker = L.marker(latlng).addTo(map);
    }
    var given = lat && lon && parseFloat(lat.value) && parseFloat(lon.value);
    if (given) {
      map.setView([parseFloat(lat.value), parseFloat(lon.value)], 16);
      place([parseFloat(lat.value), parseFloat(lon.value)]);
    } else {
      fitDistricts(map, function () { map.setView([51.1657, 10.4515], 6); });
    }
    map.on("click", function (e) {
      var la = e.latlng.lat.toFixed(6), lo = e.latlng.lng.toFixed(6);
      lat.value = la;
      lon.value = lo;
      place(e.latlng);
      status.textContent = pick.dataset.chosen.replace("{0}", la).replace("{1}", lo);
    });
  }

  var overview = document.querySelector("[data-report-overview]");
  if (overview) {
    var omap = baseMap(overview);
    var layer = L.layerGroup().addTo(omap);
    var query = overview.dataset.query || "";
    function load() {
      var bbox = omap.getBounds().toBBoxString();
      var url = "/api/v1/reports.geojson" + (query ? query + "&" : "?") + "bbox=" + encodeURIComponent(bbox);
      fetch(url, { headers: { Accept: "application/geo+json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (collection) {
          layer.clearLayers();
          if (!collection) return;
          collection.features.forEach(function (f) {
            var c = f.geometry.coordinates;
            var m = L.circleMarker([c[1], c[0]], { radius: 7, weight: 2, color: f.properties.open ? "#b00020" : "#1b5e20", fillOpacity: 0.6 });
            var link = document.createElement("a");
            link.href = f.properties.url;
            link.textContent = f.properties.category + " – " + f.properties.id + " (" + f.properties.status_name + ")";
            m.bindPopup(link);
            m.addTo(layer);
          });
        });
    }
    omap.on("moveend", load);
    fitDistricts(omap, function () { omap.setView([51.1657, 10.4515], 6); });
  }

  var point = document.querySelector("[data-report-point]");
  if (point) {
    var pmap = baseMap(point);
    var at = [parseFloat(point.dataset.lat), parseFloat(point.dataset.lon)];
    pmap.setView(at, 17);
    L.marker(at, { keyboard: false }).addTo(pmap);
  }
})();
