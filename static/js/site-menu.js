// The header menu works without JavaScript (details/summary). This only improves it:
// on a wide screen the menu is always open (browsers without ::details-content need this),
// and an open dropdown closes on Escape or a click elsewhere.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");
  var filtersBeside = window.matchMedia("(min-width: 56rem)");

  var filtersWereOpen = false;

  function fitMenu() {
    var menu = document.querySelector("[data-site-menu]");
    if (menu) menu.open = wide.matches;
    fitFilters();
  }

  function fitFilters() {
    document.querySelectorAll("[data-filters]").forEach(function (filters) {
      if (filtersBeside.matches || filtersWereOpen) filters.open = true;
    });
  }

  function closeDropdowns(except) {
    document.querySelectorAll(".nav-dropdown[open]").forEach(function (dropdown) {
      if (dropdown !== except) dropdown.open = false;
    });
  }

  document.addEventListener("DOMContentLoaded", fitMenu);
  wide.addEventListener("change", fitMenu);
  filtersBeside.addEventListener("change", fitMenu);
  // A listing swapped in anew keeps its filters open if they were (a phone person filtering).
  document.addEventListener("htmx:beforeSwap", function () {
    var filters = document.querySelector("[data-filters]");
    filtersWereOpen = Boolean(filters && filters.open);
  });
  document.addEventListener("htmx:afterSettle", fitFilters);
  document.addEventListener("click", function (event) {
    if (!wide.matches) return;
    closeDropdowns(event.target.closest(".nav-dropdown"));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".nav-dropdown[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
})();
