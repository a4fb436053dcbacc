// Draws the board's problems as pins, from the GeoJSON the page carries, each linking to its problem. The list view
// stays the accessible alternative; without tiles the pins are drawn over a plain background.
(function () {
  var element = document.getElementById("board-map");
  var data = document.getElementById("board-pins");
  if (!element || !data || !window.L) return;
  var pins = JSON.parse(data.textContent);
  element.hidden = false;
  document.querySelectorAll("[data-needs-script]").forEach(function (notice) { notice.hidden = true; });

  var colours = { Clear: "#d4351c", Hold: "#f47738", Build: "#00703c" };
  var map = L.map(element, { scrollWheelZoom: false });
  if (element.dataset.tiles && element.dataset.tiles !== "none") {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap contributors" }).addTo(map);
  }
  var layer = L.geoJSON(pins, {
    pointToLayer: function (feature, point) {
      return L.circleMarker(point, {
        radius: 8, color: "#0b0c0c", weight: 2, fillOpacity: 1, fillColor: colours[feature.properties.phase] || "#505a5f",
      });
    },
    onEachFeature: function (feature, marker) {
      var link = document.createElement("a");
      link.className = "govuk-link";
      link.href = "/problems/" + feature.properties.id;
      link.textContent = feature.properties.reference + " " + feature.properties.title;
      var phase = document.createElement("div");
      phase.textContent = feature.properties.phase + (feature.properties.rag ? " · " + feature.properties.rag : "");
      var popup = document.createElement("div");
      popup.appendChild(link);
      popup.appendChild(phase);
      marker.bindPopup(popup);
    },
  }).addTo(map);
  if (pins.features.length > 0) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 17 });
  else map.setView([54.5, -2.5], 5);
})();
