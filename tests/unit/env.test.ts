import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_VARIABLES, parseEnv } from "@/lib/env";
import { moduleVariables } from "@/lib/platform/module-settings";
import { CHANNEL_SERVER_ENV_VARIABLES } from "@/realtime/src/config";
import { deriveSecret, SECRET_PURPOSES } from "@/lib/secrets";

const APP_SECRET = "a-test-master-secret-with-enough-entropy-123456";
const tempDataDir = () => mkdtempSync(path.join(tmpdir(), "wheelhouse-env-"));

describe("configuration", () => {
  it("needs nothing for the embedded mode and applies the documented defaults", () => {
    const dataDir = tempDataDir();
    const config = parseEnv({ EMBEDDED_DATABASE: "true", DATA_DIR: dataDir });
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_SEED).toBe(true);
    expect(config.DATABASE_POOL_SIZE).toBe(1);
    expect(config.ACCESS_TOKEN_EXPIRE_MINUTES).toBe(30);
    expect(config.REFRESH_TOKEN_EXPIRE_DAYS).toBe(7);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("defaults demo data off and a larger pool on a real database", () => {
    const config = parseEnv({ DATABASE_URL: "postgresql://db.example/wheelhouse", APP_SECRET });
    expect(config.DEMO_SEED).toBe(false);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
  });

  it("treats empty values as unset", () => {
    const config = parseEnv({ EMBEDDED_DATABASE: "true", DATA_DIR: tempDataDir(), PORT: "", REDIS_URL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("names every invalid variable at once", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "seventy", DATABASE_URL: "mysql://x", REDIS_URL: "http://x", APP_SECRET: "short" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const variable of ["PORT", "DATABASE_URL", "REDIS_URL", "APP_SECRET"]) expect(message).toContain(variable);
  });

  it("refuses to start in production on a real database without APP_SECRET or the individual keys", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/wheelhouse", DATA_DIR: tempDataDir() }),
    ).toThrow(/APP_SECRET is not set/);
  });

  it("names the missing individual keys when only some are set in production", () => {
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        DATABASE_URL: "postgresql://db.example/wheelhouse",
        ACCESS_TOKEN_SECRET: "x".repeat(32),
      }),
    ).toThrow(/REFRESH_TOKEN_SECRET, NEXTAUTH_SECRET, INTERNAL_API_SECRET, PUSHER_SECRET/);
  });

  it("accepts production with every individual key and no APP_SECRET", () => {
    const keys = Object.fromEntries(Object.values(SECRET_PURPOSES).map((name, index) => [name, `${index}`.repeat(40)]));
    const config = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://db.example/wheelhouse", ...keys });
    expect(config.secrets.accessToken).toBe("0".repeat(40));
    expect(config.secrets.channelServer).toBe("4".repeat(40));
  });

  it("derives a distinct key per purpose from APP_SECRET, and an individually set key wins", () => {
    const base = { DATABASE_URL: "postgresql://db.example/wheelhouse", APP_SECRET };
    const config = parseEnv(base);
    const values = Object.values(config.secrets);
    expect(new Set(values).size).toBe(values.length);
    expect(config.secrets.refreshToken).toBe(deriveSecret(APP_SECRET, "refreshToken"));
    expect(parseEnv(base).secrets).toEqual(config.secrets);

    const overridden = parseEnv({ ...base, REFRESH_TOKEN_SECRET: "r".repeat(32) });
    expect(overridden.secrets.refreshToken).toBe("r".repeat(32));
    expect(overridden.secrets.accessToken).toBe(config.secrets.accessToken);
  });

  it("generates the master secret once in the embedded mode and keeps it under the data directory", () => {
    const dataDir = tempDataDir();
    const first = parseEnv({ EMBEDDED_DATABASE: "true", NODE_ENV: "production", DATA_DIR: dataDir });
    const file = path.join(dataDir, "app-secret");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
    const second = parseEnv({ EMBEDDED_DATABASE: "true", NODE_ENV: "production", DATA_DIR: dataDir });
    expect(second.secrets).toEqual(first.secrets);
  });

  it("refuses a kept master secret that is too short instead of silently replacing it (which would sign everyone out)", () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, "app-secret");
    writeFileSync(file, "short-secret\n");
    expect(() => parseEnv({ EMBEDDED_DATABASE: "true", DATA_DIR: dataDir })).toThrow(/app-secret.*at least 32 characters/);
    expect(readFileSync(file, "utf8")).toBe("short-secret\n");
  });

  it("replaces an empty kept master secret (a first start cut off before it was written)", () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, "app-secret");
    writeFileSync(file, "");
    parseEnv({ EMBEDDED_DATABASE: "true", DATA_DIR: dataDir });
    expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);
  });
});

describe("configuration documentation", () => {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const variables = [...ENV_VARIABLES, ...moduleVariables(), ...CHANNEL_SERVER_ENV_VARIABLES, "NEXTAUTH_URL"];

  it(".env.example documents every variable", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("the README's configuration table lists every variable", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Configuration"), readme.indexOf("\n## ", readme.indexOf("\n## Configuration") + 1));
    const rows = section.split("\n").filter((line) => line.startsWith("| `"));
    const documented = new Set(rows.flatMap((row) => [...row.split("|")[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1])));
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });
});
