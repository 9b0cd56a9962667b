import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

/**
 * Workaround for prisma/orm#27403: the JS schema engine cannot deserialize
 * PostgreSQL's `name` (OID 19) and `"char"` (OID 18) columns that appear in
 * catalog queries. Both arrive from `pg` as plain strings already, so we only
 * relabel their field type as `text` (OID 25).
 */
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type FieldCarrier = { fields?: Array<{ dataTypeID: number }> };

function relabelCatalogTypes<T>(result: T): T {
  const results: unknown[] = Array.isArray(result) ? result : [result];
  for (const entry of results) {
    const fields = (entry as FieldCarrier | null)?.fields;
    if (!fields) continue;
    for (const field of fields) {
      if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

type QueryCallback = (error: Error | null, result: unknown) => void;

class CatalogTypeShimClient extends pg.Client {
  // pg's `query` is heavily overloaded; this shim forwards every form unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as QueryCallback;
      args[callbackIndex] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : relabelCatalogTypes(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const pending: unknown = super.query(...(args as Parameters<pg.Client["query"]>));
    if (pending && typeof (pending as Promise<unknown>).then === "function") {
      return (pending as Promise<unknown>).then(relabelCatalogTypes);
    }
    return pending;
  }
}

/**
 * The schema's `env("DATABASE_URL")` must resolve for the CLI to read the
 * generator settings (otherwise `prisma generate` falls back to downloading a
 * native engine). Generation never connects, so a placeholder is enough there;
 * migrations use the real value captured here. An empty value (`DATABASE_URL=`
 * in a .env file) counts as unset, as everywhere else.
 */
const databaseUrl = process.env.DATABASE_URL || undefined;
if (!databaseUrl) process.env.DATABASE_URL = "postgresql://not-configured@127.0.0.1:5432/not-configured";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: {
    path: path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = databaseUrl;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set. Run through `npm start` / `npm run dev` (which start the embedded database) or set DATABASE_URL.",
      );
    }
    const pool = new pg.Pool({ connectionString, Client: CatalogTypeShimClient, max: 1 });
    return new PrismaPg(pool);
  },
});
