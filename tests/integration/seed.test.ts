import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { modules } from "@/lib/modules/registry";
import { verifyPassword } from "@/lib/identity/passwords";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/platform/demo-accounts";
import { seed } from "@/lib/platform/seed";

const root = path.resolve(import.meta.dirname, "..", "..");

function runSeedScript(env: Record<string, string>) {
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("seed", () => {
  it("adds no demo accounts when DEMO_SEED=false", async () => {
    const run = runSeedScript({ DEMO_SEED: "false" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Demo data off");
    expect(await db.user.count({ where: { email: { endsWith: "@wheelhouse.local" } } })).toBe(0);
  });

  it("creates the five demo accounts through `tsx prisma/seed.ts` with DEMO_SEED=true", async () => {
    const run = runSeedScript({ DEMO_SEED: "true" });
    expect(run.status, run.stderr).toBe(0);

    const users = await db.user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
      include: { role: true },
    });
    expect(users).toHaveLength(5);
    const byEmail = new Map(users.map((user) => [user.email, user]));
    for (const account of DEMO_ACCOUNTS) {
      const user = byEmail.get(account.email);
      expect(user?.role.name).toBe(account.role);
      expect(user?.id).toMatch(new RegExp(`^${user?.role.idPrefix}\\d{6}$`));
      const escrow = await db.reservation.aggregate({ where: { reserverId: user?.id, status: "CONFIRMED" }, _sum: { cost: true } });
      expect((user?.credits ?? 0) + (escrow._sum.cost ?? 0)).toBe(account.role === "CUSTOMER" ? 50 : 0);
    }
    const events = await db.outboxEvent.findMany({ where: { topic: "user_events", key: { in: users.map((user) => user.id) } } });
    expect(events.map((event) => event.type)).toEqual(Array(5).fill("user.created"));

    const spots = await db.parkingSpot.findMany({ where: { ownerId: { in: users.map((user) => user.id) } } });
    expect(spots.map((spot) => spot.label).sort()).toEqual(["A-01", "A-02", "B-07"]);
    expect(await db.reservation.count({ where: { spotId: { in: spots.map((spot) => spot.id) }, status: "CONFIRMED" } })).toBe(2);

    const resident = byEmail.get("resident@wheelhouse.local");
    expect(resident && (await verifyPassword(DEMO_PASSWORD, resident.passwordHash))).toBe(true);
    expect(resident && (await verifyPassword("wrong-password", resident.passwordHash))).toBe(false);
    expect(resident?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
  });

  it("is idempotent: a second run creates nothing and changes nothing", async () => {
    const snapshot = async () => ({
      users: await db.user.findMany({ orderBy: { id: "asc" } }),
      spots: await db.parkingSpot.count(),
      reservations: await db.reservation.count(),
      permissions: await db.rolePermission.count(),
      vehicles: await db.vehicle.count(),
      rentals: await db.rental.count(),
    });
    const before = await snapshot();
    const result = await seed(db, { demo: true });
    expect(result.permissionsCreated).toBe(0);
    expect(result.demoAccountsCreated).toEqual([]);
    expect(Object.keys(result.demo)).toEqual(modules().map((module) => module.name).filter((name) => name in result.demo));
    const zeroes = Object.fromEntries(
      Object.entries(result.demo).map(([name, counts]) => [name, Object.fromEntries(Object.keys(counts).map((kind) => [kind, 0]))]),
    );
    expect(result.demo).toEqual(zeroes);
    expect(result.demo.parking).toEqual({ spots: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
