// Selecting words in the source fills in the quote form: the words and where they start.
// Without JavaScript staff paste the words instead; the server checks both the same way.
(function () {
  "use strict";
  var source = document.getElementById("quote-source");
  var words = document.getElementById("id_text");
  var start = document.getElementById("id_start");
  var status = document.getElementById("quote-selection-status");
  if (!source || !words || !start) {
    return;
  }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(source, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function takeSelection() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) {
      return;
    }
    var from = offsetOf(range.startContainer, range.startOffset);
    var to = offsetOf(range.endContainer, range.endOffset);
    if (to <= from) {
      return;
    }
    words.value = source.textContent.slice(from, to);
    start.value = from;
    if (status) {
      status.textContent = "Selected " + (to - from) + " characters, starting at " + from + ".";
    }
  }

  source.addEventListener("mouseup", takeSelection);
  source.addEventListener("keyup", takeSelection);
  source.addEventListener("touchend", takeSelection);
})();
