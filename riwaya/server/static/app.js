// riwaya desk: a citation opens its source sentence and chain in a dialog.
// Without JavaScript the citation is a plain link to the sentence in the article.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var dialog = document.getElementById("cite-dialog");
    var body = document.getElementById("cite-dialog-body");
    if (dialog && body && typeof dialog.showModal === "function") {
      document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a.cite") : null;
        if (!link) return;
        var panel = document.getElementById(link.getAttribute("data-panel"));
        if (!panel) return;
        event.preventDefault();
        body.replaceChildren(panel.cloneNode(true));
        body.firstChild.removeAttribute("id");
        dialog.showModal();
      });
      dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    }
    // On an article page, flash the sentence the URL points at (#s-N).
    var hash = window.location.hash.match(/^#s-(\d+)$/);
    if (hash) {
      document.querySelectorAll('[data-s="' + hash[1] + '"]').forEach(function (el) { el.classList.add("flash"); });
    }
  });
})();
