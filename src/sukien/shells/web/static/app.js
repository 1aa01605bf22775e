// The timeline filter, in place: the leader and country selects hide the lanes, marks and rows that
// do not match; the year changes the stretch of time shown, so it asks the server for it.
// Without JavaScript the same form is a plain GET that the server filters.
(function () {
  "use strict";
  function applyFilter() {
    var leader = document.getElementById("filter-leader").value;
    var country = document.getElementById("filter-country").value;
    var shown = 0;
    document.querySelectorAll("tr.trip-row").forEach(function (row) {
      var ok = (!leader || row.dataset.actor === leader) &&
        (!country || row.dataset.countries.indexOf(" " + country + " ") >= 0);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    document.querySelectorAll(".lane").forEach(function (lane) {
      lane.classList.toggle("hidden", Boolean(leader) && lane.dataset.actor !== leader);
    });
    document.querySelectorAll("circle.mark").forEach(function (mark) {
      mark.classList.toggle("hidden", Boolean(country) && mark.dataset.countries.indexOf(" " + country + " ") < 0);
    });
    var count = document.getElementById("shown-count");
    if (count) { count.textContent = String(shown); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("trip-filter");
    if (!form) { return; }
    ["filter-leader", "filter-country"].forEach(function (id) {
      document.getElementById(id).addEventListener("change", applyFilter);
    });
    document.getElementById("filter-year").addEventListener("change", function () { form.submit(); });
    applyFilter();
  });
})();
