import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/embedded-postgres";

export interface ThrowawayDatabase {
  url: string;
  backend: "postgresql" | "embedded";
  drop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, empty database: a new database on the server named by TEST_DATABASE_URL
 * (dropped afterwards), or else a new in-memory embedded PGlite.
 */
export async function createThrowawayDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<ThrowawayDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, backend: "embedded", drop: () => embedded.stop() };
  }
  const name = `wheelhouse_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabaseName(serverUrl, name),
    backend: "postgresql",
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", command), args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

/** Applies prisma/migrations with the real CLI, as `npm start` does. */
export function migrate(databaseUrl: string): Promise<string> {
  return run("prisma", ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
}

/** Runs the real seed script without demo data: the permission matrix. */
export function seedReferenceData(databaseUrl: string): Promise<string> {
  return run("tsx", ["prisma/seed.ts"], {
    DATABASE_URL: databaseUrl,
    DEMO_SEED: "false",
    APP_SECRET: "integration-tests-only-secret-0123456789abcdef",
  });
}

/**
 * A second database client for concurrency tests. On a real server: its own
 * connection pool, so transactions truly overlap. On the embedded database (one
 * PostgreSQL session behind a socket multiplexer, where statements of separate
 * connections can interleave mid-protocol) the app's own single-connection
 * client is shared instead: the calls still race, the database serialises them.
 */
export async function concurrentClient(): Promise<{ client: import("@/lib/db").PrismaClient; release: () => Promise<void> }> {
  const { db, createPrismaClient } = await import("@/lib/db");
  const { inject } = await import("vitest");
  if (inject("databaseBackend") === "embedded") return { client: db, release: async () => {} };
  const client = createPrismaClient(inject("databaseUrl"), 4);
  return { client, release: () => client.$disconnect() };
}
