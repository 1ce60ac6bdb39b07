// Material links a page's own search result with an empty "?h=" when the words matched only in
// the page's sections, not in its title or opening: the reader lands with nothing highlighted.
// Give that link the words its sections highlight, or no "h=" at all if there are none.
(function () {
  function highlightOf(link) {
    return new URL(link.href, location.href).searchParams.get("h") || "";
  }

  function wordsOfItem(links) {
    var words = [];
    links.forEach(function (link) {
      highlightOf(link).split(" ").forEach(function (word) {
        if (word && words.indexOf(word) < 0) words.push(word);
      });
    });
    return words;
  }

  function mendItem(item) {
    var links = item.querySelectorAll("a[href]");
    var words = null;
    links.forEach(function (link) {
      var url = new URL(link.href, location.href);
      if (!url.searchParams.has("h") || url.searchParams.get("h")) return;
      words = words || wordsOfItem(links);
      if (words.length) url.searchParams.set("h", words.join(" "));
      else url.searchParams.delete("h");
      link.setAttribute("href", url.href);
    });
  }

  function watch(list) {
    if (list.hasAttribute("data-briefing-mended")) return;
    list.setAttribute("data-briefing-mended", "");
    var mend = function () { list.querySelectorAll(".md-search-result__item").forEach(mendItem); };
    new MutationObserver(mend).observe(list, { childList: true, subtree: true });
    mend();
  }

  function watchResults() {
    document.querySelectorAll(".md-search-result__list").forEach(watch);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(watchResults);
  } else {
    document.addEventListener("DOMContentLoaded", watchResults);
  }
})();
