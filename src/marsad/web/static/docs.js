// A minimal, offline reader for the OpenAPI document (replaces the CDN-hosted Swagger UI).
// Everything from the document is inserted with textContent, never as HTML.
(function () {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("api-docs");
    fetch(root.getAttribute("data-spec")).then(function (r) { return r.json(); }).then(function (spec) {
      root.textContent = "";
      root.appendChild(el("h1", null, (spec.info && spec.info.title) || "API"));
      root.appendChild(el("p", null, (spec.info && spec.info.description) || ""));
      Object.keys(spec.paths || {}).sort().forEach(function (path) {
        var ops = spec.paths[path];
        Object.keys(ops).forEach(function (method) {
          var op = ops[method];
          var box = el("section", "op");
          var head = el("h3");
          head.appendChild(el("span", "method", method));
          head.appendChild(el("code", null, path));
          box.appendChild(head);
          if (op.summary) box.appendChild(el("p", null, op.summary));
          if (op.description) box.appendChild(el("p", "muted", op.description));
          (op.parameters || []).forEach(function (p) {
            var s = p.schema || {};
            if (!s.type && s.anyOf) {
              s = s.anyOf.filter(function (x) { return x.type !== "null"; })[0] || {};
            }
            box.appendChild(el("div", null, p.name + " (" + p["in"] + (p.required ? ", required" : "") + ") " +
              (s.type || "") + (s.maximum !== undefined ? " max " + s.maximum : "") + (p.description ? " — " + p.description : "")));
          });
          var codes = Object.keys(op.responses || {}).join(", ");
          box.appendChild(el("div", "muted", "responses: " + codes));
          root.appendChild(box);
        });
      });
      var raw = el("details"); raw.appendChild(el("summary", null, "Raw OpenAPI JSON"));
      raw.appendChild(el("pre", null, JSON.stringify(spec, null, 2)));
      root.appendChild(raw);
    }).catch(function (err) { root.textContent = "Could not load the OpenAPI document: " + err; });
  });
})();
