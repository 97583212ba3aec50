// The header menu works without JavaScript (details/summary). This only improves it:
// on a wide screen the menu is always open (browsers without ::details-content need this),
// and an open dropdown closes on Escape or a click elsewhere.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem)");

  function fitMenu() {
    var menu = document.querySelector("[data-site-menu]");
    if (menu) menu.open = wide.matches;
  }

  function closeDropdowns(except) {
    document.querySelectorAll(".nav-dropdown[open]").forEach(function (dropdown) {
      if (dropdown !== except) dropdown.open = false;
    });
  }

  document.addEventListener("DOMContentLoaded", fitMenu);
  wide.addEventListener("change", fitMenu);
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
