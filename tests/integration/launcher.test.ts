import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

function launch(env: Record<string, string>) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(APP_SECRET|DATABASE_URL|EMBEDDED_DATABASE|.*_SECRET)$/.test(name),
    ),
  );
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/launcher.ts", "start"], {
    cwd: root,
    env: { ...inherited, ...env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start launcher", () => {
  it("refuses to start in production on a real database without secrets, saying what to set", () => {
    const run = launch({ NODE_ENV: "production", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("APP_SECRET is not set");
    expect(run.stdout).not.toContain("building the app");
  });

  it("rejects invalid configuration before starting anything", () => {
    const run = launch({ PORT: "not-a-port", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid configuration:[\s\S]*PORT/);
  });
});
