// Ask before destructive steps: a form with data-confirm="question" is sent only if the user agrees.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // A form sent without htmx shows its progress indicator (data-busy="id") until the next page arrives.
  var busy = form.getAttribute && form.getAttribute("data-busy");
  var indicator = busy && document.getElementById(busy);
  if (indicator) { indicator.hidden = false; }
});

// Tables become cards below 600 px: each cell gets its column's header as a label.
function labelCells(root) {
  root.querySelectorAll("table").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (!heads.length) { return; }
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", heads[i]); }
      });
    });
  });
}
document.addEventListener("DOMContentLoaded", function () { labelCells(document); });
document.addEventListener("htmx:afterSwap", function (event) { labelCells(event.target); });

// A "Print" button (scripts may not be inline: the CSP allows only this file).
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target && target.closest && target.closest("[data-print]")) { window.print(); }
});

// A link to a collapsed section (#src-…) opens it.
function openTarget() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.tagName === "DETAILS") { el.open = true; }
}
window.addEventListener("hashchange", openTarget);
document.addEventListener("DOMContentLoaded", openTarget);
