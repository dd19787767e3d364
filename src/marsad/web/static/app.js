// Light progressive enhancement: toggle highlight layers and jump from the side panel
// to a highlight in the text. The page works without it.
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
  ready(function () {
    var body = document.getElementById("article-text");
    if (!body) return;
    document.querySelectorAll(".layer-toggles input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
      });
    });
    function jump(selector) {
      var target = body.querySelector(selector);
      if (!target) return;
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      target.classList.remove("flash"); void target.offsetWidth; target.classList.add("flash");
    }
    document.querySelectorAll(".side-quote[data-quote] blockquote").forEach(function (el) {
      el.style.cursor = "pointer";
      el.addEventListener("click", function () {
        jump('mark.quote[data-quote="' + el.parentNode.getAttribute("data-quote") + '"]');
      });
    });
    document.querySelectorAll(".side-list.events li[data-event]").forEach(function (el) {
      el.style.cursor = "pointer";
      el.addEventListener("click", function () { jump('.event[data-event="' + el.getAttribute("data-event") + '"]'); });
    });
  });
})();
