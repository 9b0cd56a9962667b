/**
 * Runs once per server process before it takes requests: answers unsupported
 * HTTP methods (405/501) and undecodable paths (400) before Next.js sees them, validates the configuration
 * (a misconfigured deploy fails at boot) and starts the in-app scheduler
 * (outbox drain, consumers, module jobs) unless SCHEDULER_ENABLED=false, which is
 * how the web process is run next to a separate worker (worker/main.ts); on the embedded database it then
 * still runs the event pipeline right after its own commits, for live latency (on PostgreSQL the database wakes
 * the worker at each such commit).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { guardHttpRequests } = await import("./lib/http/methods");
  guardHttpRequests();
  const { env } = await import("./lib/env");
  const config = env();
  const { checkModuleSettings } = await import("./lib/platform/module-settings");
  checkModuleSettings();
  if (config.SCHEDULER_ENABLED) {
    const { startScheduler } = await import("./lib/events/scheduler");
    const { registerModuleJobs } = await import("./lib/platform/scheduled-jobs");
    registerModuleJobs();
    startScheduler();
  } else {
    const { drainAfterCommits } = await import("./lib/events/scheduler");
    drainAfterCommits();
  }
}
