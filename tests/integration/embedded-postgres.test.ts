import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps data in its directory across a restart", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "wheelhouse-pglite-")), "pglite");
    const first = await startEmbeddedPostgres({ dataDir });
    await withClient(first.url, async (client) => {
      await client.query("CREATE TABLE notes (body text)");
      await client.query("INSERT INTO notes VALUES ('survives restarts')");
    });
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const rows = await withClient(second.url, (client) => client.query("SELECT body FROM notes"));
      expect(rows.rows).toEqual([{ body: "survives restarts" }]);
    } finally {
      await second.stop();
    }
  });

  it("serves several connections and keeps each transaction on its own connection", async () => {
    const server = await startEmbeddedPostgres();
    const a = new pg.Client({ connectionString: server.url });
    const b = new pg.Client({ connectionString: server.url });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("CREATE TABLE counter (value int)");
      await a.query("INSERT INTO counter VALUES (0)");
      await a.query("BEGIN");
      await a.query("UPDATE counter SET value = 1");
      const readByB = b.query<{ value: number }>("SELECT value FROM counter");
      await a.query("ROLLBACK");
      expect((await readByB).rows).toEqual([{ value: 0 }]);
    } finally {
      await Promise.all([a.end(), b.end()]);
      await server.stop();
    }
  });
});
