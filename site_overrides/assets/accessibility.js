// Name the search dialog for screen readers (Material's markup leaves it unnamed), on the
// first load and after every instant navigation.
(function () {
  function nameDialogs() {
    document.querySelectorAll('[data-md-component="search"][role="dialog"]').forEach(
      function (dialog) { dialog.setAttribute("aria-label", "Search this briefing"); });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(nameDialogs);
  } else {
    document.addEventListener("DOMContentLoaded", nameDialogs);
  }
})();
