import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as backupItem from "@/app/api/v1/backups/[id]/route";
import * as backupFile from "@/app/api/v1/backups/[id]/file/route";
import * as backupRestore from "@/app/api/v1/backups/[id]/restore/route";
import * as backups from "@/app/api/v1/backups/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import type { BackupView, RestoreResult } from "@/lib/backups/service";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { seed } from "@/lib/platform/seed";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { createSpot } from "../support/parking";
import { newBranch } from "../support/rentals";

/** A table made only for this file: every awkward type once, so the round trip is checked on each. */
const PROBE = "backup_type_probe";

/** Rows the backup actions themselves add after the snapshot (their audit rows and events), left out of comparisons. */
const ACTION_ROWS: Record<string, string> = {
  audit_logs: `action NOT LIKE 'backup\\_%'`,
  outbox_events: `type NOT LIKE 'security.backup\\_%' AND type <> 'platform.data_restored'`,
};

/** Per table: row count and a hash over the sorted row hashes; plus every sequence's position. */
async function databaseHashes(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY relname`;
  const hashes: Record<string, string> = {};
  for (const { name } of tables) {
    const where = ACTION_ROWS[name] ? `WHERE ${ACTION_ROWS[name]}` : "";
    const [row] = await db.$queryRawUnsafe<Array<{ rows: number; hash: string | null }>>(
      `SELECT count(*)::int AS rows, md5(string_agg(h, ',' ORDER BY h)) AS hash FROM (SELECT md5(row_to_json(t)::text) AS h FROM "${name}" t ${where}) s`,
    );
    hashes[name] = `${row!.rows}:${row!.hash ?? ""}`;
  }
  const sequences = await db.$queryRaw<Array<{ name: string }>>`
    SELECT relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND relkind = 'S'`;
  // The action rows take numbers from these two after the snapshot.
  for (const { name } of sequences.filter((sequence) => !["audit_logs_id_seq", "outbox_events_id_seq"].includes(sequence.name))) {
    const [state] = await db.$queryRawUnsafe<Array<{ value: string }>>(`SELECT last_value::text || ':' || is_called::text AS value FROM "${name}"`);
    hashes[`sequence ${name}`] = state!.value;
  }
  return hashes;
}

async function backUp(admin: TestUser): Promise<BackupView> {
  const created = await call<BackupView>(backups.POST, { method: "POST", token: admin.token });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const restore = (admin: TestUser, id: string) => call<RestoreResult & { detail?: unknown }>(backupRestore.POST, { method: "POST", token: admin.token, params: { id } });

async function rewriteBackup(id: string, change: (text: string) => string): Promise<void> {
  const file = path.join(env().BACKUP_DIR, `wheelhouse-${id}.backup.gz`);
  await writeFile(file, gzipSync(Buffer.from(change(gunzipSync(await readFile(file)).toString("utf8")), "utf8")));
}

describe("backups", () => {
  let admin: TestUser;
  // What the database held before this file: put back at the end, so the files after it (one database per
  // run) do not find the demo data this file seeds.
  let initial: BackupView;

  beforeAll(async () => {
    admin = await createUser("ADMIN");
    initial = await backUp(admin);
    await seed(db, { demo: true });
    await db.$executeRawUnsafe(`
      CREATE TABLE ${PROBE} (
        id bigserial PRIMARY KEY, raw bytea, amount numeric(40, 18), tiny real, big bigint, tags text[], matrix int[][],
        doc jsonb, plain json, at timestamptz(6), day date, span tstzrange, note text)`);
    await db.$executeRawUnsafe(`
      INSERT INTO ${PROBE} (raw, amount, tiny, big, tags, matrix, doc, plain, at, day, span, note) VALUES
        ('\\x00ff10'::bytea, 1234567890123456789012.123456789012345678, 0.1, 9223372036854775807, ARRAY['a', 'b,c', NULL, '"q"'],
         ARRAY[[1, 2], [3, 4]], '{"n": 12345678901234567890, "s": "line\\nbreak", "nested": [1.10, null]}', '{ "spaced" :  1 }',
         '2026-01-02 03:04:05.123456+00', '2028-02-29'::date, tstzrange('2026-01-01', '2026-01-02', '[)'), E'multi\\nline \\u00e9 \\\\ tab\\t'),
        (NULL, 'NaN', '-Infinity', -1, '{}', NULL, '"just a string"', 'null', NULL, NULL, 'empty', NULL)`);
  });

  afterAll(async () => {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${PROBE}`);
    const putBack = await restore(admin, initial.id);
    expect(putBack.status, JSON.stringify(putBack.body)).toBe(200);
  });

  it("restores every table, every type and every sequence exactly as backed up", async () => {
    // Data in several modules before the backup.
    const resident = await createUser("CUSTOMER");
    const spot = await createSpot(resident);
    const branch = await newBranch(admin.token);
    const before = await databaseHashes();
    const backup = await backUp(admin);
    expect(backup.migration).toMatch(/^\d{14}_/);
    expect(backup.counts[PROBE]).toBe(2);
    expect(backup.counts.users).toBeGreaterThan(0);
    expect(backup.counts).not.toHaveProperty("_prisma_migrations");
    expect(Object.keys(backup.counts)).toEqual(expect.arrayContaining(["event_log", "outbox_events", "consumer_offsets", "parking_spots", "branches", "bookings"]));

    const listed = await call<BackupView[]>(backups.GET, { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("x-total-count")).toBe(String(listed.body.length));
    expect(listed.body.find((entry) => entry.id === backup.id)).toEqual(backup);

    // Change data: create, update and delete rows in identity, parking, rentals and the probe.
    const newcomer = await createUser("CUSTOMER");
    await createSpot(newcomer);
    await db.parkingSpot.update({ where: { id: spot.id }, data: { zone: "Changed zone" } });
    await db.branch.delete({ where: { id: branch.id } });
    await newBranch(admin.token);
    await db.$executeRawUnsafe(`UPDATE ${PROBE} SET amount = 1, raw = NULL, tags = ARRAY['x']`);
    await db.$executeRawUnsafe(`INSERT INTO ${PROBE} (note) VALUES ('after the backup')`);
    await db.$executeRawUnsafe(`DELETE FROM ${PROBE} WHERE big = -1`);
    expect(await databaseHashes()).not.toEqual(before);

    const restored = await restore(admin, backup.id);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body).toMatchObject({ id: backup.id, migration: backup.migration, totalRows: backup.totalRows });
    expect(await databaseHashes()).toEqual(before);

    // The restore is audited and announces itself to every browser.
    expect(await db.auditLog.count({ where: { action: "backup_restored", subject: backup.id } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: "platform.data_restored", key: admin.id } })).toBe(1);
    // The newcomer is not in the backup: their token no longer works.
    expect((await call(me, { token: newcomer.token })).status).toBe(401);
    expect((await call(me, { token: admin.token })).status).toBe(200);
  });

  it("keeps revocations made after the backup: a signed-out token stays dead", async () => {
    const user = await createUser("CUSTOMER");
    const backup = await backUp(admin);
    expect((await call(logout, { method: "POST", token: user.token })).status).toBe(200);
    expect((await call(me, { token: user.token })).status).toBe(403);
    expect((await restore(admin, backup.id)).status).toBe(200);
    expect((await call(me, { token: user.token })).status).toBe(403);
  });

  it("refuses a backup of another schema version with 409 and a tampered file with 422, changing nothing", async () => {
    const backup = await backUp(admin);
    await createUser("CUSTOMER");
    const unchanged = await databaseHashes();

    await rewriteBackup(backup.id, (text) => text.replace(`"migration":"${backup.migration}"`, `"migration":"20200101000000_older"`));
    const refused = await restore(admin, backup.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/20200101000000_older/);
    expect(await databaseHashes()).toEqual(unchanged);

    await rewriteBackup(backup.id, (text) => text.replace(`"migration":"20200101000000_older"`, `"migration":"${backup.migration}"`));
    await rewriteBackup(backup.id, (text) => {
      const newline = text.indexOf("\n");
      return text.slice(0, newline) + text.slice(newline).replace(/"name":"[^"]*"/, `"name":"Mallory"`);
    });
    const tampered = await restore(admin, backup.id);
    expect(tampered.status).toBe(422);
    expect(JSON.stringify(tampered.body.detail)).toMatch(/corrupt or was altered/);
    expect(await databaseHashes()).toEqual(unchanged);

    await writeFile(path.join(env().BACKUP_DIR, `wheelhouse-${backup.id}.backup.gz`), "not gzip at all");
    expect((await restore(admin, backup.id)).status).toBe(422);
    expect(await databaseHashes()).toEqual(unchanged);
    expect(await db.auditLog.count({ where: { action: "backup_restore_refused", subject: backup.id } })).toBe(3);
  });

  it("downloads the file as an attachment and deletes it", async () => {
    const backup = await backUp(admin);
    const download = await backupFile.GET(
      new Request(`http://localhost/api/v1/backups/${backup.id}/file`, { headers: { authorization: `Bearer ${admin.token}` } }),
      { params: Promise.resolve({ id: backup.id }) },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/gzip");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="wheelhouse-${backup.id}.backup.gz"`);
    const manifest = JSON.parse(gunzipSync(Buffer.from(await download.arrayBuffer())).toString("utf8").split("\n")[0]!) as { id: string };
    expect(manifest.id).toBe(backup.id);
    expect(await db.auditLog.count({ where: { action: "backup_downloaded", subject: backup.id } })).toBe(1);

    expect((await call(backupItem.GET, { token: admin.token, params: { id: backup.id } })).body).toEqual(backup);
    expect((await call(backupItem.DELETE, { method: "DELETE", token: admin.token, params: { id: backup.id } })).status).toBe(204);
    expect((await call(backupItem.GET, { token: admin.token, params: { id: backup.id } })).status).toBe(404);
    expect((await call(backupItem.DELETE, { method: "DELETE", token: admin.token, params: { id: backup.id } })).status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "backup_deleted", subject: backup.id } })).toBe(1);
  });

  it("answers 401 without a token, 403 for other roles and for a revoked token, 404 for malformed or unknown ids, and changes nothing", async () => {
    const backup = await backUp(admin);
    const revokedAdmin = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revokedAdmin.token });
    const others = await Promise.all((["CUSTOMER", "EMPLOYEE", "MECHANIC"] as const).map((role) => createUser(role)));
    const calls: Array<[unknown, string, Record<string, string>]> = [
      [backups.GET, "GET", {}],
      [backups.POST, "POST", {}],
      [backupItem.GET, "GET", { id: backup.id }],
      [backupItem.DELETE, "DELETE", { id: backup.id }],
      [backupRestore.POST, "POST", { id: backup.id }],
    ];
    const unchanged = await databaseHashes();
    const files = (await call<BackupView[]>(backups.GET, { token: admin.token })).body.length;
    for (const [handler, method, params] of calls) {
      expect((await call(handler, { method, params })).status, `${method} anonymous`).toBe(401);
      expect((await call(handler, { method, params, token: revokedAdmin.token })).status, `${method} revoked`).toBe(403);
      for (const other of others) expect((await call(handler, { method, params, token: other.token })).status, `${method} ${other.role}`).toBe(403);
    }
    const anonymousDownload = await backupFile.GET(new Request(`http://localhost/api/v1/backups/${backup.id}/file`), { params: Promise.resolve({ id: backup.id }) });
    expect(anonymousDownload.status).toBe(401);
    const customerDownload = await backupFile.GET(
      new Request(`http://localhost/api/v1/backups/${backup.id}/file`, { headers: { authorization: `Bearer ${others[0]!.token}` } }),
      { params: Promise.resolve({ id: backup.id }) },
    );
    expect(customerDownload.status).toBe(403);

    for (const id of ["../../etc/passwd", "nope", `${backup.id}x`, "20260101T000000000Z-000000", "%00"]) {
      expect((await call(backupItem.GET, { token: admin.token, params: { id } })).status, id).toBe(404);
      expect((await call(backupItem.DELETE, { method: "DELETE", token: admin.token, params: { id } })).status, id).toBe(404);
      expect((await call(backupRestore.POST, { method: "POST", token: admin.token, params: { id } })).status, id).toBe(404);
    }
    expect((await call(backups.GET, { token: admin.token, path: "/api/v1/backups?limit=5" })).status).toBe(422);
    // Refusals are audited (access_denied, revoked_token_used); nothing else changed.
    const { audit_logs: _audit, outbox_events: _events, ...rest } = await databaseHashes();
    const { audit_logs: _auditBefore, outbox_events: _eventsBefore, ...restBefore } = unchanged;
    expect(rest).toEqual(restBefore);
    expect((await call<BackupView[]>(backups.GET, { token: admin.token })).body.length).toBe(files);
  });
});
