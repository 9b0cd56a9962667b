import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { inject } from "vitest";

const client = new pg.Client({ connectionString: inject("databaseUrl") });

beforeAll(async () => {
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function sqlState(statement: string, values: unknown[] = []): Promise<string | undefined> {
  try {
    await client.query(statement, values);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe(`migrations (${inject("databaseBackend")})`, () => {
  it("create every foundation table", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = rows.map((row) => row.table_name);
    for (const table of [
      "users",
      "roles",
      "permissions",
      "role_permissions",
      "user_id_sequences",
      "refresh_tokens",
      "revoked_tokens",
      "outbox_events",
    ]) {
      expect(tables).toContain(table);
    }
  });

  it("ship the four roles with their id prefixes", async () => {
    const { rows } = await client.query("SELECT id, name, id_prefix FROM roles ORDER BY id");
    expect(rows).toEqual([
      { id: 1, name: "ADMIN", id_prefix: "ADM" },
      { id: 2, name: "MECHANIC", id_prefix: "MEC" },
      { id: 3, name: "CUSTOMER", id_prefix: "CST" },
      { id: 4, name: "EMPLOYEE", id_prefix: "EMP" },
    ]);
  });

  it("enable btree_gist so exclusion constraints on time ranges work", async () => {
    const { rows } = await client.query("SELECT extname FROM pg_extension WHERE extname = 'btree_gist'");
    expect(rows).toHaveLength(1);

    await client.query("BEGIN");
    try {
      await client.query(`
        CREATE TEMP TABLE booking_probe (
          resource_id int NOT NULL,
          period tstzrange NOT NULL,
          EXCLUDE USING gist (resource_id WITH =, period WITH &&)
        )`);
      await client.query("INSERT INTO booking_probe VALUES (1, tstzrange('2030-01-01 10:00Z', '2030-01-01 12:00Z'))");
      await client.query("INSERT INTO booking_probe VALUES (2, tstzrange('2030-01-01 10:00Z', '2030-01-01 12:00Z'))");
      await client.query("INSERT INTO booking_probe VALUES (1, tstzrange('2030-01-01 12:00Z', '2030-01-01 13:00Z'))");
      await client.query("SAVEPOINT overlap");
      const state = await sqlState(
        "INSERT INTO booking_probe VALUES (1, tstzrange('2030-01-01 11:00Z', '2030-01-01 11:30Z'))",
      );
      expect(state).toBe("23P01"); // exclusion_violation
    } finally {
      await client.query("ROLLBACK");
    }
  });

  it("guard user rows: credits never negative, emails lower-case, ids well-formed, phone and email unique", async () => {
    const insert = `INSERT INTO users (id, name, phone, email, password_hash, role_id, parking_credits, updated_at)
                    VALUES ($1, 'Probe', $2, $3, 'x', 3, $4, now())`;
    expect(await sqlState(insert, ["CST900001", "+100", "probe@example.com", -1])).toBe("23514");
    expect(await sqlState(insert, ["CST900001", "+100", "Probe@Example.com", 0])).toBe("23514");
    expect(await sqlState(insert, ["XYZ000001", "+100", "probe@example.com", 0])).toBe("23514");
    expect(await sqlState(insert, ["CST900001", "+100", "probe@example.com", 50])).toBeUndefined();
    expect(await sqlState(insert, ["CST900002", "+100", "other@example.com", 50])).toBe("23505");
    expect(await sqlState(insert, ["CST900002", "+101", "probe@example.com", 50])).toBe("23505");
    await client.query("DELETE FROM users WHERE id = 'CST900001'");
  });

  it("are recorded as applied, so a second deploy has nothing to do", async () => {
    const { rows } = await client.query(
      "SELECT count(*)::int AS pending FROM _prisma_migrations WHERE finished_at IS NULL OR rolled_back_at IS NOT NULL",
    );
    expect(rows[0]).toEqual({ pending: 0 });
  });
});
