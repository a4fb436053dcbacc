// Draws the problem's pin on a map when the tiles can be fetched. The address and coordinates beside the map stay
// the accessible alternative; offline, the box keeps the pin on a plain background.
(function () {
  var element = document.getElementById("map");
  if (!element || !window.L) return;
  var point = [parseFloat(element.dataset.latitude), parseFloat(element.dataset.longitude)];
  var map = L.map(element, { scrollWheelZoom: false, attributionControl: true }).setView(point, 17);
  if (element.dataset.tiles !== "none") {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 19,
      attribution: "&copy; OpenStreetMap contributors",
    }).addTo(map);
  }
  L.circleMarker(point, { radius: 9, color: "#0b0c0c", weight: 2, fillColor: "#d4351c", fillOpacity: 1 }).addTo(map);
  element.removeAttribute("role");
})();
