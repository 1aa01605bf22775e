// The timeline filter, in place: the selects hide the rows (and map markers) that do not match.
// Without JavaScript the same form is a plain GET that the server filters.
(function () {
  "use strict";
  function applyFilter() {
    var leader = document.getElementById("filter-leader").value;
    var country = document.getElementById("filter-country").value;
    var year = document.getElementById("filter-year").value;
    var shown = 0;
    document.querySelectorAll("tr.trip-row").forEach(function (row) {
      var ok = (!leader || row.dataset.actor === leader) &&
        (!country || row.dataset.countries.indexOf(" " + country + " ") >= 0) &&
        (!year || row.dataset.year === year);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    var count = document.getElementById("shown-count");
    if (count) { count.textContent = String(shown); }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("trip-filter");
    if (!form) { return; }
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", applyFilter);
    });
    applyFilter();
  });
})();
