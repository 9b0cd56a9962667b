import { readdir } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../db";
import type { KeyValueStore } from "../kv";

export interface ReadinessReport {
  status: "ready" | "not_ready";
  checks: {
    database: { ok: boolean; error?: string };
    migrations: { ok: boolean; pending: string[]; error?: string };
    cache: { ok: boolean; backend: KeyValueStore["backend"]; error?: string };
  };
}

export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export async function migrationNames(migrationsDir: string): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? error.name : String(error);
}

/** A probe must answer, not hang: a dependency that does not reply in time is not ready. */
const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Ready = database answers, every migration on disk is applied, and the cache answers. */
export async function checkReadiness(
  database: PrismaClient,
  cache: KeyValueStore,
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
  timeoutMs: number = DEFAULT_CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const checks: ReadinessReport["checks"] = {
    database: { ok: false },
    migrations: { ok: false, pending: [] },
    cache: { ok: false, backend: cache.backend },
  };

  try {
    await withinTimeout(database.$queryRaw`SELECT 1`, timeoutMs);
    checks.database.ok = true;
  } catch (error) {
    checks.database.error = describe(error);
  }

  if (checks.database.ok) {
    try {
      const expected = await migrationNames(migrationsDir);
      const applied = await withinTimeout(
        database.$queryRaw<Array<{ migration_name: string }>>`
          SELECT migration_name FROM _prisma_migrations
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        timeoutMs,
      );
      const appliedNames = new Set(applied.map((row) => row.migration_name));
      checks.migrations.pending = expected.filter((name) => !appliedNames.has(name));
      checks.migrations.ok = checks.migrations.pending.length === 0;
    } catch (error) {
      checks.migrations.error = describe(error);
    }
  } else {
    checks.migrations.error = "database unreachable";
  }

  try {
    await withinTimeout(cache.ping(), timeoutMs);
    checks.cache.ok = true;
  } catch (error) {
    checks.cache.error = describe(error);
  }

  const ready = checks.database.ok && checks.migrations.ok && checks.cache.ok;
  return { status: ready ? "ready" : "not_ready", checks };
}
