import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Flags for a root, sandboxed, offline machine (see ARCHITECTURE.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const NO_CHROMIUM_MESSAGE = [
  "No Chromium found for the browser tests.",
  "Install one of:",
  "  - Debian/Ubuntu: sudo apt-get install -y chromium",
  "  - Playwright's own build (needs internet): npx playwright install chromium",
  "  - or point CHROMIUM_PATH at a Chromium/Chrome binary.",
].join("\n");

/** CHROMIUM_PATH, then a system Chromium, then Playwright's downloaded browser; undefined when none exists. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_CHROMIUM_PATHS];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed.
  }
  return undefined;
}
