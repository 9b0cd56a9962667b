/**
 * `npm run bench:lighthouse` — Lighthouse mobile scores of the pages a phone user meets first.
 *
 * Starts the app the way `npm start` does (builds if stale, embedded database with the demo data) on free ports
 * and a throwaway data directory — or, with BENCH_URL, audits an app that is already running. Signs the demo
 * resident in through next-auth's own endpoints for the signed-in pages and hands the session cookie to
 * Lighthouse as an extra header. Runs Lighthouse 12.2.3 (mobile form factor, its default simulated throttling)
 * against Debian's Chromium, and prints performance, accessibility, best practices and SEO per page, with the
 * metrics and audits that cost points. `LIGHTHOUSE_REPORTS=1` (or `--reports`) also writes every JSON report
 * to a temporary directory. Asserts nothing. See bench/README.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "../e2e/chromium";
import { freePort } from "../scripts/free-port";

interface AuditedPage {
  name: string;
  path: string;
  signedIn: boolean;
}

const PAGES: readonly AuditedPage[] = [
  { name: "home", path: "/", signedIn: false },
  { name: "sign-in", path: "/login", signedIn: false },
  { name: "parking board", path: "/parking", signedIn: true },
  { name: "rentals catalogue", path: "/rentals", signedIn: true },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const DEMO_USERNAME = "resident@wheelhouse.local";
const DEMO_PASSWORD = "wheelhouse-demo";
const root = path.resolve(import.meta.dirname, "..");
const writeReports = process.env.LIGHTHOUSE_REPORTS === "1" || process.argv.includes("--reports");

async function waitUntilReady(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${baseUrl} was not ready after ${timeoutMs / 1000} s`);
}

/** `npm start` on free ports and a fresh data directory; its output goes to a log file, not the table. */
async function startApp(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const channelPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "wheelhouse-lighthouse-"));
  const logFile = path.join(dataDir, "app.log");
  console.log(`starting the app on port ${port} (data and log in ${dataDir}; builds first if the build is stale)…`);
  const log = openSync(logFile, "a");
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/launcher.ts", "start"], {
    cwd: root,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      PUSHER_PORT: String(channelPort),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      DEMO_SEED: "true",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitUntilReady(baseUrl, 900_000),
    exited.then(() => {
      throw new Error(`the app exited before it was ready; see ${logFile}`);
    }),
  ]);
  return {
    baseUrl,
    stop: async () => {
      child.kill("SIGINT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `name=value` pairs of a response's Set-Cookie headers, for a Cookie header. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs the demo resident in through next-auth's credentials endpoint; returns the Cookie header of the session. */
async function signInCookie(baseUrl: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = cookiePairs(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; ") },
    body: new URLSearchParams({ csrfToken, username: DEMO_USERNAME, password: DEMO_PASSWORD, json: "true" }).toString(),
  });
  const session = cookiePairs(callback).filter((pair) => pair.includes("session-token="));
  if (session.length === 0) throw new Error(`signing in as ${DEMO_USERNAME} set no session cookie (HTTP ${callback.status})`);
  return session.join("; ");
}

const score = (result: Result, category: (typeof CATEGORIES)[number]) => Math.round((result.categories[category]?.score ?? 0) * 100);

/** What cost points: the core metrics, then every failing audit in a category below 100. */
function explain(result: Result): string[] {
  const metric = (id: string) => result.audits[id]?.displayValue ?? "n/a";
  const lines = [
    `    FCP ${metric("first-contentful-paint")} · LCP ${metric("largest-contentful-paint")} · TBT ${metric("total-blocking-time")} · CLS ${metric("cumulative-layout-shift")} · SI ${metric("speed-index")}`,
  ];
  for (const category of CATEGORIES) {
    const entry = result.categories[category];
    if (!entry || entry.score === 1) continue;
    for (const ref of entry.auditRefs) {
      const audit = result.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
      lines.push(`    ${category}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ""}`);
    }
  }
  return lines;
}

const chromePath = findChromium();
if (!chromePath) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const app = process.env.BENCH_URL
  ? { baseUrl: process.env.BENCH_URL.replace(/\/$/, ""), stop: async () => {} }
  : await startApp();
const reportDir = writeReports ? mkdtempSync(path.join(tmpdir(), "wheelhouse-lighthouse-reports-")) : null;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, "--headless=new"] });
const rows: string[] = [];
let lighthouseVersion = "";
try {
  const cookie = await signInCookie(app.baseUrl);
  for (const auditedPage of PAGES) {
    const url = `${app.baseUrl}${auditedPage.path}`;
    // One unmeasured visit first, so the server's first render of the route is not what is scored.
    await fetch(url, { headers: auditedPage.signedIn ? { cookie } : {} }).then((response) => response.arrayBuffer());
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      formFactor: "mobile",
      extraHeaders: auditedPage.signedIn ? { Cookie: cookie } : undefined,
    });
    if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
    const result = runner.lhr;
    if (result.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${result.runtimeError.message}`);
    if (result.finalDisplayedUrl !== url) console.warn(`  note: ${url} ended at ${result.finalDisplayedUrl}`);
    lighthouseVersion = result.lighthouseVersion;
    const scores = CATEGORIES.map((category) => score(result, category));
    rows.push(`| ${auditedPage.name} \`${auditedPage.path}\` | ${scores.join(" | ")} |`);
    console.log(`${auditedPage.name} (${auditedPage.path}): ${CATEGORIES.map((category, index) => `${category} ${scores[index]}`).join(", ")}`);
    for (const line of explain(result)) console.log(line);
    if (reportDir) {
      const file = path.join(reportDir, `${auditedPage.name.replace(/\W+/g, "-")}.report.json`);
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(file, typeof runner.report === "string" ? runner.report : JSON.stringify(result));
    }
  }
} finally {
  await chrome.kill();
  await app.stop();
}

console.log(`\nLighthouse ${lighthouseVersion}, mobile, ${new Date().toISOString().slice(0, 10)}:\n`);
console.log(`| page | performance | accessibility | best practices | SEO |`);
console.log(`|---|---|---|---|---|`);
for (const row of rows) console.log(row);
if (reportDir) console.log(`\nJSON reports in ${reportDir}`);
