import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalDb = globalThis as { wheelhouseDb?: PrismaClient };

/**
 * Swaps the app's Prisma client for one whose single connection counts the SQL statements it runs (and keeps their
 * text, whitespace collapsed); `restore` puts the app's back.
 */
export function countStatements(): { count: () => number; texts: () => string[]; restore: () => Promise<void> } {
  let statements = 0;
  const texts: string[] = [];
  class CountingClient extends pg.Client {
    // pg's `query` is overloaded; this wrapper forwards every form unchanged.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: any[]): any {
      statements += 1;
      const first: unknown = args[0];
      const text = typeof first === "string" ? first : typeof first === "object" && first !== null && "text" in first ? String(first.text) : "";
      texts.push(text.replace(/\s+/g, " ").trim());
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
  }
  const counting = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: inject("databaseUrl"), Client: CountingClient, max: 1 })) });
  const previous = globalDb.wheelhouseDb;
  globalDb.wheelhouseDb = counting;
  return {
    count: () => statements,
    texts: () => [...texts],
    restore: async () => {
      globalDb.wheelhouseDb = previous;
      await counting.$disconnect();
    },
  };
}
