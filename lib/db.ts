import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import { Pool, type QueryConfig } from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

export type { PrismaClient } from "./generated/prisma/client";
/** The client handed to callbacks of `db.$transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(databaseUrl: string, poolSize: number, pool?: Pool): PrismaClient {
  const adapter = new PrismaPg(pool ?? { connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as typeof globalThis & { wheelhouseDb?: PrismaClient; wheelhouseDbPool?: Pool };

export interface PoolUsage {
  total: number;
  idle: number;
  waiting: number;
}

/** The application pool's connections right now (for /api/metrics); zeros before the first query. */
export function databasePoolUsage(): PoolUsage {
  const pool = globalForDb.wheelhouseDbPool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

function client(): PrismaClient {
  if (!globalForDb.wheelhouseDb) {
    const config = env();
    if (!config.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL is not set. Start Wheelhouse with `npm start` (which runs the embedded database) or set DATABASE_URL.",
      );
    }
    // The pool is made here (not inside the adapter) so its usage can be read for the metrics.
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE });
    globalForDb.wheelhouseDbPool = pool;
    globalForDb.wheelhouseDb = createPrismaClient(config.DATABASE_URL, config.DATABASE_POOL_SIZE, pool);
  }
  return globalForDb.wheelhouseDb;
}

/**
 * The application's one Prisma client, created on first use so that importing
 * this module (e.g. while `next build` collects routes) needs no database.
 * On the embedded database the pool holds a single connection.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});

/** The application's `pg` pool, the one Prisma's adapter uses (opened with the client on first use). */
function openPool(): Pool {
  client();
  const pool = globalForDb.wheelhouseDbPool;
  if (!pool) throw new Error("The database pool is not open.");
  return pool;
}

const statementNames = new Map<string, string>();

/**
 * A statement for `pg`, named after its text (DATABASE_PREPARED_STATEMENTS): `pg` keeps a named statement per
 * connection, so each connection parses and plans it once instead of on every call. The texts are the code's own
 * constants, so the names are few.
 */
function statement(text: string, values: readonly unknown[]): QueryConfig {
  if (!env().DATABASE_PREPARED_STATEMENTS) return { text, values: [...values] };
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `wheelhouse_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: [...values] };
}

/**
 * One statement straight through the application's `pg` pool, skipping Prisma (which compiles every query, raw ones
 * included, before it runs: measurable on the hottest statements, see bench/README.md). For single read statements on
 * the request path only; never inside a Prisma transaction (on the embedded database the pool has one connection).
 * `text` is a constant of the code, every value goes in `values`: the text names the prepared statement (`statement`).
 */
export async function directQuery<Row extends object>(text: string, values: readonly unknown[]): Promise<Row[]> {
  return (await openPool().query<Row>(statement(text, values))).rows;
}

/** What `directTransaction` hands its work: statements on the transaction's own connection (constant texts, as for `directQuery`). */
export interface SqlClient {
  query<Row extends object>(text: string, values: readonly unknown[]): Promise<Row[]>;
}

/**
 * A transaction straight on the application's `pg` pool, skipping Prisma's per-statement compile: for the hottest
 * write paths (a reservation), see bench/README.md. The work must not touch Prisma meanwhile: on the embedded
 * database the pool has one connection, and this transaction holds it.
 */
export async function directTransaction<T>(work: (sql: SqlClient) => Promise<T>): Promise<T> {
  const connection = await openPool().connect();
  const sql: SqlClient = {
    query: async <Row extends object>(text: string, values: readonly unknown[]) => (await connection.query<Row>(statement(text, values))).rows,
  };
  let broken: Error | undefined;
  try {
    await connection.query("BEGIN");
    const result = await work(sql);
    await connection.query("COMMIT");
    return result;
  } catch (error) {
    await connection.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    // A connection that could not roll back is closed rather than handed to the next caller mid-transaction.
    connection.release(broken);
  }
}

export async function disconnectDb(): Promise<void> {
  const instance = globalForDb.wheelhouseDb;
  const pool = globalForDb.wheelhouseDbPool;
  globalForDb.wheelhouseDb = undefined;
  globalForDb.wheelhouseDbPool = undefined;
  await instance?.$disconnect();
  // A pool handed to the adapter is the caller's to end.
  await pool?.end().catch(() => undefined);
}
