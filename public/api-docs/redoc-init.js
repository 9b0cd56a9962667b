// ReDoc for the one OpenAPI document, in the page's colour scheme.
(function () {
  var dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  var theme = dark
    ? {
        colors: { primary: { main: "#2dd4bf" }, text: { primary: "#e5e7eb", secondary: "#94a3b8" }, border: { dark: "#1f2937", light: "#1f2937" } },
        schema: { nestedBackground: "#111827", typeNameColor: "#94a3b8", linesColor: "#334155" },
        sidebar: { backgroundColor: "#111827", textColor: "#e5e7eb", activeTextColor: "#2dd4bf" },
        rightPanel: { backgroundColor: "#020617", textColor: "#e5e7eb" },
        typography: { links: { color: "#2dd4bf" }, code: { backgroundColor: "#1f2937", color: "#e5e7eb" } },
      }
    : {
        colors: { primary: { main: "#0f766e" } },
        sidebar: { backgroundColor: "#ffffff" },
        typography: { links: { color: "#0f766e" } },
      };
  if (dark) document.body.style.background = "#0b1120";
  window.Redoc.init("/api/openapi.json", { theme: theme, hideDownloadButton: false, expandResponses: "200,201" }, document.getElementById("redoc"));
})();
