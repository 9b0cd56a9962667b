/** What the benchmarks share: the app started the way `npm start` does, and a browser session signed in through next-auth. */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../scripts/free-port";

const root = path.resolve(import.meta.dirname, "..");

export interface StartedApp {
  baseUrl: string;
  port: number;
  /** Stops the launcher and everything it started, then removes the data directory. */
  stop: () => Promise<void>;
}

async function waitUntilReady(baseUrl: string, exited: Promise<void>, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the app exited before it was ready:\n${readFileSync(logFile, "utf8").slice(-4000)}`);
    const ready = await fetch(`${baseUrl}/api/ready`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${baseUrl} was not ready after 15 minutes; see ${logFile}`);
}

/**
 * `npm start` (building first if the build is stale) on free ports and a fresh data directory, with the demo data;
 * `env` adds to or overrides the environment (an empty DATABASE_URL means the embedded database). Its output goes
 * to `app.log` in the data directory, not to the benchmark's table.
 */
export async function startApp(name: string, env: Record<string, string> = {}): Promise<StartedApp> {
  const port = await freePort();
  const channelPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `wheelhouse-${name}-`));
  const logFile = path.join(dataDir, "app.log");
  console.log(`starting the app on port ${port} (data and log in ${dataDir}; builds first if the build is stale)…`);
  const log = openSync(logFile, "a");
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/launcher.ts", "start"], {
    cwd: root,
    // Its own process group: stopping it reaches the web, channel and database processes the launcher started.
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      PUSHER_PORT: String(channelPort),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      DEMO_SEED: "true",
      ...env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      process.kill(-child.pid, "SIGINT");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, port, stop };
}

/** `name=value` pairs of a response's Set-Cookie headers, for a Cookie header. */
function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the session's Cookie header. */
export async function sessionCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }).toString(),
  });
  const session = cookiePairs(callback).filter((pair) => pair.includes("session-token="));
  if (session.length === 0) throw new Error(`signing in as ${username} set no session cookie (HTTP ${callback.status})`);
  return session.join("; ");
}
