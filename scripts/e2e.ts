/**
 * `npm run test:e2e`: Playwright against the built app on a free port with a
 * fresh embedded database. Fails (never skips) when no Chromium is available.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium, NO_CHROMIUM_MESSAGE } from "../e2e/chromium";
import { freePort } from "./free-port";

if (!findChromium()) {
  process.stderr.write(`\n${NO_CHROMIUM_MESSAGE}\n\n`);
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "wheelhouse-e2e-"));
const port = await freePort();
// The channel server gets its own free port too, so e2e runs next to a running `npm start`.
const channelPort = await freePort();

const child = spawn(path.join(root, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, E2E_PORT: String(port), E2E_CHANNEL_PORT: String(channelPort), E2E_DATA_DIR: dataDir },
});
child.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
