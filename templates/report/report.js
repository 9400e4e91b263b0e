/* The report's progressive enhancement: filters by severity, rule and page; opening the
   section a link points to; all sections open for printing. The report works without it.
   Inlined into the report and allowed by its hash (CSP); it loads nothing. */
(function () {
  "use strict";
  var section = document.getElementById("filter-section");
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    // A section of findings opens its list; other targets (the index) stay as they are.
    var inner = target.tagName === "DETAILS" ? target
      : target.hasAttribute("data-block") ? target.querySelector("details") : null;
    if (inner) inner.open = true;
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }

  function setOpen(open) {
    all("main details").forEach(function (details) { details.open = open; });
  }

  window.addEventListener("hashchange", openTarget);
  window.addEventListener("beforeprint", function () { setOpen(true); });
  openTarget();

  if (!section || !form || !status) return;
  var rows = all("tr[data-kind]");
  var blocks = all("[data-block]");
  var boxes = all("input[name=kind]", form);
  var rule = form.elements.namedItem("rule");
  var page = form.elements.namedItem("page");
  var total = all("tr[data-count]").length;

  // A row in the section by rule lists its pages; a row in the section by page is on its block's.
  function pagesOf(row) {
    if (row.hasAttribute("data-pages")) return row.getAttribute("data-pages");
    var block = row.closest("[data-page]");
    return block ? block.getAttribute("data-page") : "";
  }

  function apply() {
    var kinds = {};
    boxes.forEach(function (box) { kinds[box.value] = box.checked; });
    var shown = 0;
    rows.forEach(function (row) {
      var match = kinds[row.getAttribute("data-kind")] === true &&
        (!rule.value || row.getAttribute("data-rule") === rule.value) &&
        (!page.value || (" " + pagesOf(row) + " ").indexOf(" " + page.value + " ") >= 0);
      row.hidden = !match;
      if (match && row.hasAttribute("data-count")) shown += 1;
    });
    blocks.forEach(function (block) {
      block.hidden = !block.querySelector("tr[data-kind]:not([hidden])");
    });
    status.textContent = form.getAttribute("data-status")
      .replace("{shown}", String(shown)).replace("{total}", String(total));
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  document.getElementById("expand-all").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setOpen(false); });
  section.hidden = false;
  apply();
})();
