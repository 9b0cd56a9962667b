import localFont from "next/font/local";

/**
 * Geist, from the `geist` package's files. The sans face is the page's text and is preloaded; the mono face only
 * sets figures and codes, so it is not preloaded: on a slow phone it no longer competes with the page's first
 * paint for the connection (70 KiB that Lighthouse counted before the largest paint).
 */
export const geistSans = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
});

export const geistMono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  weight: "100 900",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Roboto Mono", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", "Courier New", "monospace"],
});
