// Lets a coordinator drop the problem's pin on a map, or drag it, writing its latitude and longitude into the form's
// own fields. The address and those fields stay the way to give a place without the map; without tiles (none
// configured, or the tile server out of reach) the pin still moves over a plain background.
(function () {
  var element = document.querySelector("[data-pin-picker]");
  if (!element || !window.L) return;
  var latitude = document.getElementById(element.dataset.latitude);
  var longitude = document.getElementById(element.dataset.longitude);
  if (!latitude || !longitude) return;
  element.hidden = false;
  document.querySelectorAll("[data-pin-picker-hint]").forEach(function (hint) { hint.hidden = false; });

  function given() {
    var point = [parseFloat(latitude.value), parseFloat(longitude.value)];
    return isFinite(point[0]) && isFinite(point[1]) && Math.abs(point[0]) <= 90 && Math.abs(point[1]) <= 180 ? point : null;
  }

  var start = given();
  var centre = [parseFloat(element.dataset.centreLatitude), parseFloat(element.dataset.centreLongitude)];
  var map = L.map(element, { scrollWheelZoom: false }).setView(start || centre, start ? 17 : 14);
  if (element.dataset.tiles && element.dataset.tiles !== "none") {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: "&copy; OpenStreetMap contributors" }).addTo(map);
  }
  var pin = null;

  function write(point) {
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lng.toFixed(6);
  }

  function put(point) {
    if (pin) { pin.setLatLng(point); return; }
    pin = L.marker(point, { draggable: true, title: "The problem's pin", alt: "The problem's pin" }).addTo(map);
    pin.on("dragend", function () { write(pin.getLatLng()); });
  }

  if (start) put(start);
  map.on("click", function (event) {
    put(event.latlng);
    write(event.latlng);
  });
  [latitude, longitude].forEach(function (field) {
    field.addEventListener("change", function () {
      var point = given();
      if (!point) return;
      put(point);
      map.panTo(point);
    });
  });
})();
