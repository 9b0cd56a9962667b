import type { Config } from "tailwindcss";

/**
 * Design tokens. Colours resolve to CSS variables (app/globals.css) so that the
 * light and dark themes swap one set of values instead of every class.
 */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        surface: "var(--color-surface)",
        "surface-raised": "var(--color-surface-raised)",
        ink: "var(--color-ink)",
        "ink-muted": "var(--color-ink-muted)",
        line: "var(--color-line)",
        brand: {
          DEFAULT: "var(--color-brand)",
          ink: "var(--color-brand-ink)",
          soft: "var(--color-brand-soft)",
        },
        parking: "var(--color-parking)",
        rentals: "var(--color-rentals)",
        garage: "var(--color-garage)",
      },
      fontFamily: {
        sans: ["var(--font-geist-sans)", "var(--font-geist-sans-beyond-latin)", "ui-sans-serif", "system-ui", "sans-serif"],
        mono: ["var(--font-geist-mono)", "ui-monospace", "monospace"],
      },
      borderRadius: {
        card: "1rem",
      },
      maxWidth: {
        page: "72rem",
      },
    },
  },
};

export default config;
