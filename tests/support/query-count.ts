import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalDb = globalThis as { wheelhouseDb?: PrismaClient; wheelhouseDbPool?: pg.Pool };

/** The statement that reads a credential's state (`lib/auth/authenticate.ts`). */
const CREDENTIAL_STATE_STATEMENT = /FROM revoked_tokens WHERE jti = CAST\(\$1 AS uuid\)/;

/**
 * Swaps the app's Prisma client and pool for ones whose single connection counts the SQL statements it runs (and keeps their
 * text, whitespace collapsed); `restore` puts the app's back.
 *
 * Authentication's own statement is left out unless `includeAuthentication`: whether a request pays it depends on
 * the credential cache, which any test file running at the same time may invalidate (the epoch is shared through Redis),
 * and the counts compare what the request itself does.
 */
export function countStatements({ includeAuthentication = false } = {}): { count: () => number; texts: () => string[]; restore: () => Promise<void> } {
  let statements = 0;
  const texts: string[] = [];
  class CountingClient extends pg.Client {
    // pg's `query` is overloaded; this wrapper forwards every form unchanged.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: any[]): any {
      const first: unknown = args[0];
      const text = typeof first === "string" ? first : typeof first === "object" && first !== null && "text" in first ? String(first.text) : "";
      const collapsed = text.replace(/\s+/g, " ").trim();
      if (includeAuthentication || !CREDENTIAL_STATE_STATEMENT.test(collapsed)) {
        statements += 1;
        texts.push(collapsed);
      }
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
  }
  const countingPool = new pg.Pool({ connectionString: inject("databaseUrl"), Client: CountingClient, max: 1 });
  const counting = new PrismaClient({ adapter: new PrismaPg(countingPool) });
  const previous = { client: globalDb.wheelhouseDb, pool: globalDb.wheelhouseDbPool };
  // Both doors to the database: Prisma, and the pool that `directQuery` uses.
  globalDb.wheelhouseDb = counting;
  globalDb.wheelhouseDbPool = countingPool;
  return {
    count: () => statements,
    texts: () => [...texts],
    restore: async () => {
      globalDb.wheelhouseDb = previous.client;
      globalDb.wheelhouseDbPool = previous.pool;
      await counting.$disconnect();
      await countingPool.end().catch(() => undefined);
    },
  };
}
