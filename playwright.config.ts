import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./e2e/chromium";

const executablePath = findChromium();
if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);

// scripts/e2e.ts picks a free port and a fresh data directory; these fallbacks serve a direct `npx playwright test`.
process.env.E2E_PORT ??= String(40_000 + Math.floor(Math.random() * 20_000));
process.env.E2E_CHANNEL_PORT ??= String(Number(process.env.E2E_PORT) + 1);
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "wheelhouse-e2e-"));
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  // Generous on purpose: CI machines are shared, and one bcrypt sign-in plus a server render on the single-session
  // embedded database can take seconds there. A real failure still fails; it only takes longer to say so.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The same launcher as `npm start`: builds if stale, embedded database, migrations, seed.
    command: "node_modules/.bin/tsx scripts/launcher.ts start",
    url: `${baseURL}/api/ready`,
    timeout: 360_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 10_000 },
    env: {
      PORT: String(port),
      PUSHER_PORT: process.env.E2E_CHANNEL_PORT,
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: "",
      REDIS_URL: "",
      DEMO_SEED: "true",
      // The suite signs up dozens of accounts from one address.
      REGISTRATION_MAX_PER_ADDRESS: "10000",
    },
  },
});
