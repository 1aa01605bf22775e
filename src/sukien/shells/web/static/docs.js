// Swagger UI over this server's OpenAPI document. A file rather than an inline script: the pages'
// Content-Security-Policy runs only the site's own scripts. No validator badge: it would call out.
(function () {
  "use strict";
  window.addEventListener("load", function () {
    var target = document.getElementById("swagger-ui");
    if (!target || typeof window.SwaggerUIBundle !== "function") { return; }
    window.ui = window.SwaggerUIBundle({
      url: target.dataset.openapi,
      domNode: target,
      deepLinking: true,
      validatorUrl: null,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
      docExpansion: "list",
      defaultModelsExpandDepth: 0
    });
  });
})();
