// ReDoc for the one OpenAPI document. ReDoc hard-codes many colours for a light background (headings, schema
// labels, response badges), so it keeps its light panel in both colour schemes; the page header around it follows
// the scheme. Colours below darken ReDoc's defaults to WCAG AA (4.5:1) on their own tinted backgrounds.
(function () {
  var theme = {
    colors: {
      primary: { main: "#115e59" },
      success: { main: "#166534" },
      error: { main: "#b91c1c" },
      warning: { main: "#92400e" },
      text: { primary: "#1e293b", secondary: "#475569" },
    },
    sidebar: { backgroundColor: "#ffffff", textColor: "#1e293b" },
    typography: { links: { color: "#0f766e" } },
  };
  window.Redoc.init("/api/openapi.json", { theme: theme, hideDownloadButton: false, expandResponses: "200,201" }, document.getElementById("redoc"));
})();
