import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";

/**
 * The backup file: gzip of UTF-8 text. Line 1 is the manifest (JSON); then, per table in
 * the manifest's order, a line `@<table>` followed by one line per row: PostgreSQL's own
 * `row_to_json(row)::text`. Rows are never parsed in JavaScript (numbers, bigints, numeric
 * precision, bytea, jsonb and arrays stay exactly as PostgreSQL wrote them) and go back
 * through `json_populate_recordset`. JSON text holds no raw line feed, so a row is one line.
 */
export const BACKUP_FORMAT = "wheelhouse-backup";
export const BACKUP_FORMAT_VERSION = 1;

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** The latest migration applied to the database it was taken from. */
  migration: z.string(),
  tables: z.array(z.strictObject({ name: z.string(), rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  sequences: z.array(z.strictObject({ name: z.string(), value: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  /** sha256 of everything after the manifest line. */
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface TableRows {
  name: string;
  /** Each row as PostgreSQL's JSON text. */
  rows: string[];
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const tableChecksum = (rows: readonly string[]) => sha256(rows.join("\n"));

function dataSection(tables: readonly TableRows[]): string {
  return tables.map((table) => [`@${table.name}`, ...table.rows].join("\n")).join("\n");
}

export function encodeBackup(header: Omit<BackupManifest, "tables" | "dataSha256" | "format" | "formatVersion">, tables: readonly TableRows[]): {
  manifest: BackupManifest;
  file: Buffer;
} {
  const data = dataSection(tables);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...header,
    tables: tables.map((table) => ({ name: table.name, rows: table.rows.length, sha256: tableChecksum(table.rows) })),
    dataSha256: sha256(data),
  };
  return { manifest, file: gzipSync(Buffer.from(`${JSON.stringify(manifest)}\n${data}`, "utf8")) };
}

/** Why a file is not a backup we can trust. */
export class CorruptBackupError extends Error {}

/** Reads just the manifest line. */
export function parseManifest(line: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CorruptBackupError("the manifest is not JSON");
  }
  const result = manifestSchema.safeParse(value);
  if (!result.success) throw new CorruptBackupError("the manifest is not a Wheelhouse backup manifest");
  return result.data;
}

/** Unpacks a backup file and checks every checksum against its manifest. */
export function decodeBackup(file: Buffer): { manifest: BackupManifest; tables: TableRows[] } {
  let text: string;
  try {
    text = gunzipSync(file).toString("utf8");
  } catch {
    throw new CorruptBackupError("the file is not gzip");
  }
  const newline = text.indexOf("\n");
  if (newline < 0) throw new CorruptBackupError("the file has no data section");
  const manifest = parseManifest(text.slice(0, newline));
  const data = text.slice(newline + 1);
  if (sha256(data) !== manifest.dataSha256) throw new CorruptBackupError("the data does not match the manifest's checksum");

  const tables: TableRows[] = [];
  for (const line of data.split("\n")) {
    if (line.startsWith("@")) tables.push({ name: line.slice(1), rows: [] });
    else if (tables.length > 0) tables.at(-1)!.rows.push(line);
    else throw new CorruptBackupError("rows before the first table");
  }
  if (tables.length !== manifest.tables.length) throw new CorruptBackupError("the tables do not match the manifest");
  manifest.tables.forEach((expected, index) => {
    const table = tables[index]!;
    if (table.name !== expected.name || table.rows.length !== expected.rows || tableChecksum(table.rows) !== expected.sha256) {
      throw new CorruptBackupError(`table ${expected.name} does not match its checksum`);
    }
  });
  return { manifest, tables };
}
