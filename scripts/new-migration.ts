/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the committed schema (git HEAD) to the working prisma/schema.prisma.
 * A datamodel-to-datamodel diff; the schema engine still wants a connection, so without
 * DATABASE_URL an in-memory embedded database serves. Add CHECKs and exclusion
 * constraints to the file by hand.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedPostgres } from "../lib/embedded-postgres";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const previous = path.join(mkdtempSync(path.join(tmpdir(), "wheelhouse-schema-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
// Asynchronous: the embedded database answers from this very process.
const { stdout: sql } = await promisify(execFile)(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? embedded?.url },
    encoding: "utf8",
  },
);
await embedded?.stop();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const directory = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
mkdirSync(directory, { recursive: true });
writeFileSync(path.join(directory, "migration.sql"), sql);
console.log(`wrote ${path.relative(root, directory)}/migration.sql`);
