import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { createPrismaClient, disconnectDb, type PrismaClient } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { MemoryStore } from "@/lib/kv";
import { checkReadiness, DEFAULT_MIGRATIONS_DIR } from "@/lib/platform/readiness";
import { createThrowawayDatabase } from "../support/databases";

describe("GET /api/health", () => {
  it("answers while the process is alive", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

describe("GET /api/ready", () => {
  afterAll(async () => {
    await disconnectDb();
    resetEnvCache();
  });

  it("is ready when the database answers and every migration is applied", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true, pending: [] }, cache: { ok: true } },
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("is 503 when the database is unreachable", async () => {
    const workingUrl = process.env.DATABASE_URL;
    await disconnectDb();
    resetEnvCache();
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/unreachable";
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "not_ready", checks: { database: { ok: false } } });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = workingUrl;
      resetEnvCache();
    }
    expect((await ready()).status).toBe(200);
  });

  it("is not ready, rather than hanging, when the database or the cache stops answering", async () => {
    const never = () => new Promise<never>(() => {});
    const stalledDatabase = { $queryRaw: never } as unknown as PrismaClient;
    const stalledCache = Object.assign(new MemoryStore(), { ping: never });
    const started = Date.now();
    const report = await checkReadiness(stalledDatabase, stalledCache, DEFAULT_MIGRATIONS_DIR, 200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({
      status: "not_ready",
      checks: { database: { ok: false, error: expect.stringContaining("200 ms") }, cache: { ok: false } },
    });
  });

  it("reports every pending migration on a database that was never migrated", async () => {
    const empty = await createThrowawayDatabase();
    const client = createPrismaClient(empty.url, 1);
    try {
      const report = await checkReadiness(client, new MemoryStore());
      expect(report.status).toBe("not_ready");
      expect(report.checks.database.ok).toBe(true);
      expect(report.checks.migrations.ok).toBe(false);
    } finally {
      await client.$disconnect();
      await empty.drop();
    }
  });
});
