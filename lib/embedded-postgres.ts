import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A normal `postgresql://` URL for the socket server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory that keeps the data across restarts; omit for an in-memory database. */
  dataDir?: string;
  /** 0 lets the OS choose a free port. */
  port?: number;
  /**
   * Several processes (app, migrate, seed, psql) may connect. The socket server
   * runs one query at a time and keeps a transaction on the connection that
   * opened it, so transactions are serialized across connections.
   */
  maxConnections?: number;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) behind a Postgres wire-protocol
 * socket on loopback, so Prisma, `pg` and `psql` talk to it exactly as to a server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { btree_gist },
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
