import { db, type Transaction } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { TableRows } from "./archive";

/**
 * The database side of backups: plain SQL that runs the same on PostgreSQL and on the
 * embedded PGlite (one connection: everything here is one transaction at a time).
 */

/** Prisma's bookkeeping; its state is what the migration check compares, never restored. */
const MIGRATIONS_TABLE = "_prisma_migrations";

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The latest applied migration: the schema version a backup belongs to. */
export async function currentMigration(client: Transaction | typeof db = db): Promise<string> {
  const rows = await client.$queryRaw<Array<{ migration_name: string }>>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name DESC LIMIT 1`;
  return rows[0]?.migration_name ?? "";
}

/** Every application table of the current schema, from the catalogue (not a hand-kept list). */
export async function applicationTables(client: Transaction): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ name: string }>>`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ${MIGRATIONS_TABLE}
    ORDER BY c.relname`;
  return rows.map((row) => row.name);
}

export interface SequenceState {
  name: string;
  value: string;
  isCalled: boolean;
}

async function sequences(client: Transaction): Promise<SequenceState[]> {
  const names = await client.$queryRaw<Array<{ name: string }>>`
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`;
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [state] = await client.$queryRawUnsafe<Array<{ value: string; is_called: boolean }>>(
      `SELECT last_value::text AS value, is_called FROM ${quote(name)}`,
    );
    if (state) states.push({ name, value: state.value, isCalled: state.is_called });
  }
  return states;
}

/**
 * Every row of every application table, as PostgreSQL's JSON text, from one snapshot
 * (REPEATABLE READ, read only): the tables agree with each other as of one instant.
 * A raw line feed can only be whitespace between JSON tokens (strings escape theirs), so it becomes a space.
 */
export async function readEverything(): Promise<{ migration: string; tables: TableRows[]; sequences: SequenceState[] }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const migration = await currentMigration(tx);
      const tables: TableRows[] = [];
      for (const name of await applicationTables(tx)) {
        const rows = await tx.$queryRawUnsafe<Array<{ row: string }>>(
          `SELECT replace(row_to_json(t)::text, E'\\n', ' ') AS row FROM ${quote(name)} AS t`,
        );
        tables.push({ name, rows: rows.map((entry) => entry.row) });
      }
      return { migration, tables, sequences: await sequences(tx) };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * Tables in an order that inserts every referenced row before the rows referring to it
 * (foreign keys between different tables); a table's references to itself are satisfied by
 * loading it in one statement (the checks run at the end of the statement).
 */
async function loadOrder(tx: Transaction, tables: readonly string[]): Promise<{ order: string[]; selfReferencing: Set<string> }> {
  const edges = await tx.$queryRaw<Array<{ child: string; parent: string }>>`
    SELECT child.relname::text AS child, parent.relname::text AS parent
    FROM pg_constraint con
    JOIN pg_class child ON child.oid = con.conrelid
    JOIN pg_class parent ON parent.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()`;
  const selfReferencing = new Set(edges.filter((edge) => edge.child === edge.parent).map((edge) => edge.child));
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const edge of edges) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...parents.get(table)!].every((parent) => placed.has(parent) || !parents.has(parent)));
    // A cycle of foreign keys between tables: load the rest in name order (a deferrable constraint copes).
    const next = ready.length > 0 ? ready : tables.filter((table) => !placed.has(table));
    for (const table of next) {
      order.push(table);
      placed.add(table);
      if (ready.length === 0) break;
    }
  }
  return { order, selfReferencing };
}

/** Insertable columns (not generated), in table order. */
async function insertableColumns(tx: Transaction, table: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ name: string }>>`
    SELECT a.attname::text AS name FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY a.attnum`;
  return rows.map((row) => row.name);
}

/** Rows sent per INSERT (one JSON array parameter each). */
const ROWS_PER_STATEMENT = 2_000;

/**
 * Inside the caller's transaction: empties every application table and loads the backup's
 * rows, then puts every sequence back where the backup found it.
 */
export async function replaceEverything(tx: Transaction, tables: readonly TableRows[], sequenceStates: readonly SequenceState[]): Promise<void> {
  const names = tables.map((table) => table.name);
  await tx.$executeRawUnsafe(`TRUNCATE ${names.map(quote).join(", ")}`);
  const { order, selfReferencing } = await loadOrder(tx, names);
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const name of order) {
    const rows = byName.get(name)!.rows;
    if (rows.length === 0) continue;
    const columns = (await insertableColumns(tx, name)).map(quote).join(", ");
    const batch = selfReferencing.has(name) ? rows.length : ROWS_PER_STATEMENT;
    for (let start = 0; start < rows.length; start += batch) {
      const json = `[${rows.slice(start, start + batch).join(",")}]`;
      await tx.$executeRawUnsafe(
        `INSERT INTO ${quote(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${quote(name)}, $1::json)`,
        json,
      );
    }
  }
  for (const sequence of sequenceStates) {
    await tx.$queryRawUnsafe(`SELECT setval($1::regclass, $2::bigint, $3::boolean)::text`, quote(sequence.name), sequence.value, sequence.isCalled);
  }
}
