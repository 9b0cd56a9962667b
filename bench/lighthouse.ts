/**
 * `npm run bench:lighthouse` — Lighthouse mobile scores of the pages a phone user meets first.
 *
 * Starts the app the way `npm start` does (builds if stale, embedded database with the demo data) on free ports
 * and a throwaway data directory — or, with BENCH_URL, audits an app that is already running. Signs the demo
 * resident in through next-auth's own endpoints for the signed-in pages and hands the session cookie to
 * Lighthouse as an extra header. Runs Lighthouse 12.2.3 (mobile form factor, its default simulated throttling)
 * against Debian's Chromium, and prints performance, accessibility, best practices and SEO per page, with the
 * metrics and audits that cost points, and the main thread's tasks by wall time and by CPU time.
 * `LIGHTHOUSE_REPORTS=1` (or `--reports`) also writes every JSON report to a temporary directory. Asserts nothing.
 * See bench/README.md.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result, type TraceEvent as LighthouseTraceEvent } from "lighthouse";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "../e2e/chromium";
import { sessionCookie, startApp } from "./app";

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
const writeReports = process.env.LIGHTHOUSE_REPORTS === "1" || process.argv.includes("--reports");
/** Runs per page; the run with the median performance score is the one reported (Lighthouse's advice against variance). */
const runsPerPage = Math.max(1, Number.parseInt(process.env.LIGHTHOUSE_RUNS ?? "3", 10) || 1);
/** `LIGHTHOUSE_PAGES=/parking,/rentals` audits only those paths. */
const onlyPaths = process.env.LIGHTHOUSE_PAGES?.split(",").map((entry) => entry.trim()).filter(Boolean);
const auditedPages = onlyPaths ? PAGES.filter((page) => onlyPaths.includes(page.path)) : PAGES;

const score = (result: Result, category: (typeof CATEGORIES)[number]) => Math.round((result.categories[category]?.score ?? 0) * 100);

/** Lighthouse's trace event, with the thread's CPU time that Chromium records beside the wall time (`dur`). */
type TraceEvent = LighthouseTraceEvent & { tdur?: number };

/**
 * The page's main-thread tasks in one run, by wall time (what Lighthouse multiplies by 4 for TBT) and by the thread's
 * own CPU time. Where the two differ, the thread was waiting for a core that Chromium's other processes, Lighthouse
 * and the app server were using: on a small machine that waiting, not the page, makes most of the blocking time.
 */
function mainThreadTasks(traceEvents: readonly TraceEvent[]) {
  const navigation = traceEvents.filter((event) => event.name === "navigationStart" && event.args?.data?.documentLoaderURL?.startsWith("http")).at(-1);
  if (!navigation) return null;
  const tasks = traceEvents.filter(
    (event) => event.ph === "X" && event.name === "RunTask" && event.pid === navigation.pid && event.tid === navigation.tid && event.ts >= navigation.ts,
  );
  const milliseconds = (microseconds: number | undefined) => (microseconds ?? 0) / 1000;
  const blocking = (duration: number) => Math.max(0, 4 * duration - 50);
  return {
    wall: tasks.reduce((sum, task) => sum + milliseconds(task.dur), 0),
    cpu: tasks.reduce((sum, task) => sum + milliseconds(task.tdur), 0),
    blockingFromWall: tasks.reduce((sum, task) => sum + blocking(milliseconds(task.dur)), 0),
    blockingFromCpu: tasks.reduce((sum, task) => sum + blocking(milliseconds(task.tdur)), 0),
  };
}

const formatMs = (value: number) => `${Math.round(value).toLocaleString("en")} ms`;

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
  : await startApp("lighthouse");
const reportDir = writeReports ? mkdtempSync(path.join(tmpdir(), "wheelhouse-lighthouse-reports-")) : null;
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, "--headless=new"] });
const rows: string[] = [];
let lighthouseVersion = "";
try {
  const cookie = await sessionCookie(app.baseUrl, DEMO_USERNAME, DEMO_PASSWORD);
  for (const auditedPage of auditedPages) {
    const url = `${app.baseUrl}${auditedPage.path}`;
    // One unmeasured visit first, so the server's first render of the route is not what is scored.
    await fetch(url, { headers: auditedPage.signedIn ? { cookie } : {} }).then((response) => response.arrayBuffer());
    const runs: { result: Result; report: string; mainThread: ReturnType<typeof mainThreadTasks> }[] = [];
    for (let run = 0; run < runsPerPage; run++) {
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
        formFactor: "mobile",
        extraHeaders: auditedPage.signedIn ? { Cookie: cookie } : undefined,
      });
      if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (runner.lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runner.lhr.runtimeError.message}`);
      runs.push({
        result: runner.lhr,
        report: typeof runner.report === "string" ? runner.report : JSON.stringify(runner.lhr),
        mainThread: mainThreadTasks(runner.artifacts.Trace.traceEvents),
      });
    }
    runs.sort((a, b) => score(a.result, "performance") - score(b.result, "performance"));
    const { result, report, mainThread } = runs[Math.floor(runs.length / 2)]!;
    if (runs.length > 1) console.log(`${auditedPage.name}: performance of ${runs.length} runs ${runs.map((run) => score(run.result, "performance")).join(", ")}; the median run follows`);
    if (result.finalDisplayedUrl !== url) console.warn(`  note: ${url} ended at ${result.finalDisplayedUrl}`);
    lighthouseVersion = result.lighthouseVersion;
    const scores = CATEGORIES.map((category) => score(result, category));
    rows.push(`| ${auditedPage.name} \`${auditedPage.path}\` | ${scores.join(" | ")} |`);
    console.log(`${auditedPage.name} (${auditedPage.path}): ${CATEGORIES.map((category, index) => `${category} ${scores[index]}`).join(", ")}`);
    for (const line of explain(result)) console.log(line);
    if (mainThread) {
      console.log(
        `    main thread: tasks ${formatMs(mainThread.wall)} of wall time, ${formatMs(mainThread.cpu)} of CPU (${Math.round((100 * mainThread.cpu) / Math.max(1, mainThread.wall))}%); ` +
          `4 × duration − 50 summed over the tasks: ${formatMs(mainThread.blockingFromWall)} from wall time, ${formatMs(mainThread.blockingFromCpu)} from CPU`,
      );
    }
    if (reportDir) {
      const file = path.join(reportDir, `${auditedPage.name.replace(/\W+/g, "-")}.report.json`);
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(file, report);
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
