import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalDb = globalThis as { wheelhouseDb?: PrismaClient };

/** Swaps the app's Prisma client for one whose single connection counts the SQL statements it runs; `restore` puts the app's back. */
export function countStatements(): { count: () => number; restore: () => Promise<void> } {
  let statements = 0;
  class CountingClient extends pg.Client {
    // pg's `query` is overloaded; this wrapper forwards every form unchanged.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: any[]): any {
      statements += 1;
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
  }
  const counting = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: inject("databaseUrl"), Client: CountingClient, max: 1 })) });
  const previous = globalDb.wheelhouseDb;
  globalDb.wheelhouseDb = counting;
  return {
    count: () => statements,
    restore: async () => {
      globalDb.wheelhouseDb = previous;
      await counting.$disconnect();
    },
  };
}
