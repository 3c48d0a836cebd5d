// Progressive enhancement only: every page works without this file.
document.documentElement.classList.replace("no-js", "js");

// After a failed submit, move focus to the error summary so that screen readers announce it and
// keyboard users start from the list of problems; each link in it then moves to its field.
(function focusErrorSummary() {
  var summary = document.querySelector(".error-summary");
  if (!summary) return;
  if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
})();
