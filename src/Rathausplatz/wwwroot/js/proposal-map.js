// The map of a process's proposals that have a place; progressive enhancement: without script the map stays
// hidden and the list below it ([data-proposal-places]) links the proposals. With the map the list folds up.
// [data-proposal-map]: data-source is the GeoJSON of the list's filter; each marker links to its proposal.
// Nearby markers join into a cluster (leaflet.markercluster, from npm through the build) that shows how many it holds
// (the number, and data-cluster-label for screen readers) and opens on a click, below street level (zoom 16); without the plugin the markers stand alone.
(function () {
  "use strict";
  if (!window.L) return;
  var box = document.querySelector("[data-proposal-map]");
  if (!box) return;

  box.hidden = false;
  var map = L.map(box.querySelector(".report-map__canvas"), { scrollWheelZoom: false });
  L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
  map.setView([51.1657, 10.4515], 6);

  fetch(box.dataset.source, { headers: { Accept: "application/geo+json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (collection) {
      if (!collection || collection.features.length === 0) return;
      var markers = collection.features.map(function (f) {
        var c = f.geometry.coordinates;
        var title = f.properties.title + " (" + f.properties.status_name + ")";
        var marker = L.marker([c[1], c[0]], { title: title, alt: title });
        var link = document.createElement("a");
        link.href = f.properties.url;
        link.textContent = title;
        marker.bindPopup(link);
        return marker;
      });
      // The view first, then the markers: added before, the clusters were laid out again when the view changed, and a
      // marker (with its open popup) could be replaced under a click.
      var bounds = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(bounds, { maxZoom: 16, padding: [24, 24], animate: false });
      (L.markerClusterGroup ? clusters(markers) : L.featureGroup(markers)).addTo(map);
      var list = document.querySelector("[data-proposal-places]");
      if (list) list.open = false;
    });

  function clusters(markers) {
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      // From street level on (the most the map zooms to by itself) every proposal stands alone.
      disableClusteringAtZoom: 16,
      iconCreateFunction: function (cluster) {
        var count = cluster.getChildCount();
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        var outer = document.createElement("div");
        var number = document.createElement("span");
        number.textContent = String(count);
        var words = document.createElement("span");
        words.className = "kern-sr-only";
        words.textContent = " " + (box.dataset.clusterLabel || "");
        number.appendChild(words);
        outer.appendChild(number);
        return L.divIcon({ html: outer, className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
      }
    });
    group.addLayers(markers);
    return group;
  }
})();
