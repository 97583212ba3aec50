/* Searchable pickers for long multiple choices (core/lib/pickers.py).
 *
 * Each <select multiple data-picker> becomes a search box (accessible-autocomplete) and a
 * list of the chosen items with Remove buttons. The select stays in the form, hidden, and
 * holds the choices, so without this script (or without the package) nothing changes.
 * A <select data-picker> without `multiple` (one choice) becomes a search box alone.
 */
(function () {
  "use strict";
  if (window.groundswellPickers) return;
  window.groundswellPickers = true;

  function optionsOf(select) {
    return Array.prototype.slice.call(select.options);
  }

  function enhance(select) {
    if (select.dataset.pickerReady || !window.accessibleAutocomplete) return;
    select.dataset.pickerReady = "true";
    var label = document.querySelector('label[for="' + select.id + '"]');
    var labelText = label ? label.textContent.trim().replace(/:$/, "") : "Choices";
    var searchId = select.id + "-search";

    var picker = document.createElement("div");
    picker.className = "picker";
    var searchBox = document.createElement("div");
    searchBox.className = "picker-search";
    var chosenHeading = document.createElement("p");
    chosenHeading.className = "picker-chosen-heading";
    chosenHeading.id = select.id + "-chosen-heading";
    var chosen = document.createElement("ul");
    chosen.className = "picker-chosen";
    chosen.setAttribute("aria-labelledby", chosenHeading.id);
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    picker.appendChild(searchBox);
    picker.appendChild(chosenHeading);
    picker.appendChild(chosen);
    picker.appendChild(status);
    select.parentNode.insertBefore(picker, select.nextSibling);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    if (label) label.htmlFor = searchId;
    var hint = document.getElementById(select.id + "_helptext");
    if (hint) {
      hint.textContent = hint.textContent.replace(
        "Hold Ctrl (or ⌘) to choose more than one.",
        "Type part of a name, then choose it from the list; add as many as you need."
      );
    }

    function available(query) {
      var words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return optionsOf(select).filter(function (option) {
        if (option.selected || !option.value) return false;
        var text = option.text.toLowerCase();
        return words.every(function (word) { return text.indexOf(word) !== -1; });
      }).map(function (option) { return option.text; });
    }

    function renderChosen() {
      chosen.innerHTML = "";
      var picked = optionsOf(select).filter(function (option) { return option.selected; });
      chosenHeading.textContent = picked.length
        ? labelText + ": " + picked.length + " chosen"
        : labelText + ": none chosen yet";
      picked.forEach(function (option) {
        var item = document.createElement("li");
        var name = document.createElement("span");
        name.textContent = option.text;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link-button picker-remove";
        remove.textContent = "Remove";
        var hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = " " + option.text;
        remove.appendChild(hidden);
        remove.addEventListener("click", function () {
          option.selected = false;
          renderChosen();
          status.textContent = "Removed " + option.text + ".";
          var input = document.getElementById(searchId);
          if (input) input.focus();
        });
        item.appendChild(name);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(remove);
        chosen.appendChild(item);
      });
    }

    function choose(text) {
      if (!text) return;
      var option = optionsOf(select).filter(function (o) { return !o.selected && o.text === text; })[0];
      if (!option) return;
      option.selected = true;
      renderChosen();
      status.textContent = "Added " + text + ". " + chosenHeading.textContent + ".";
      // A fresh, empty search box for the next choice.
      window.setTimeout(function () { build(true); }, 0);
    }

    function build(focus) {
      searchBox.innerHTML = "";
      window.accessibleAutocomplete({
        element: searchBox,
        id: searchId,
        source: function (query, populate) { populate(available(query)); },
        onConfirm: choose,
        confirmOnBlur: false,
        showNoOptionsFound: true,
        minLength: 1,
        displayMenu: "overlay",
        tNoResults: function () { return "Nothing else matches"; },
      });
      var input = document.getElementById(searchId);
      if (input) {
        input.removeAttribute("name"); // the hidden select carries the choices
        if (hint) input.setAttribute("aria-describedby", hint.id);
        if (focus) input.focus();
      }
    }

    build(false);
    renderChosen();
  }

  // A single choice (SearchableSelect): the package's own select enhancement, which keeps
  // the select's name on a hidden input, so the form posts what it always did.
  function enhanceSingle(select) {
    if (select.dataset.pickerReady || !window.accessibleAutocomplete) return;
    select.dataset.pickerReady = "true";
    var chosen = select.options[select.selectedIndex];
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: chosen && chosen.value ? chosen.text : "",
      showAllValues: true,
      dropdownArrow: function () { return ""; },
    });
  }

  function enhanceAll() {
    document.querySelectorAll("select[multiple][data-picker]").forEach(enhance);
    document.querySelectorAll("select:not([multiple])[data-picker]").forEach(enhanceSingle);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
