import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/platform/demo-accounts";
import { createThrowawayDatabase, migrate, type ThrowawayDatabase } from "../support/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const customerEmails = DEMO_ACCOUNTS.filter((account) => account.role === "CUSTOMER").map((account) => account.email);

/** Asynchronous: an embedded throwaway database answers from this very process. */
async function runSeedScript(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_SEED: "true" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return stdout;
}

describe("the demo seed's workshop floor (own database)", () => {
  let database: ThrowawayDatabase;
  let client: PrismaClient;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    await migrate(database.url);
    client = createPrismaClient(database.url, 2);
    await runSeedScript(database.url);
  }, 180_000);
  afterAll(async () => {
    await client.$disconnect();
    await database.drop();
  });

  it("puts a demo resident's car in every workshop status, each assigned to the demo mechanic without overlaps, with its timeline", async () => {
    const bookings = await client.booking.findMany({
      where: { customer: { email: { in: customerEmails } } },
      include: { progress: { orderBy: { id: "asc" } }, assignments: true },
    });
    const statuses = new Set(bookings.map((booking) => booking.status));
    for (const status of ["BOOKED", "CHECKED_IN", "INSPECTING", "AWAITING_APPROVAL", "IN_PROGRESS", "QUALITY_CHECK", "READY", "DELIVERED", "CANCELLED"]) {
      expect(statuses.has(status as never), status).toBe(true);
    }
    const mechanic = await client.user.findFirstOrThrow({ where: { email: "mechanic@wheelhouse.local" } });
    for (const booking of bookings.filter((row) => !["BOOKED", "DELIVERED", "CANCELLED"].includes(row.status))) {
      expect(booking.assignments.map((assignment) => assignment.mechanicId), booking.status).toEqual([mechanic.id]);
      expect(booking.progress[0]?.toStatus).toBe("BOOKED");
      expect(booking.progress.at(-1)?.toStatus).toBe(booking.status);
      expect(booking.odometerInKm).not.toBeNull();
    }
  });

  it("holds an inspection with a photo, a recommendation awaiting approval, an approved and a declined one with their records, and an invoice with a partial payment", async () => {
    const awaiting = await client.booking.findFirstOrThrow({
      where: { status: "AWAITING_APPROVAL", customer: { email: { in: customerEmails } } },
      include: { recommendations: true, inspection: { include: { items: { include: { photos: { select: { id: true } } } } } } },
    });
    expect(awaiting.inspection?.submittedAt).not.toBeNull();
    expect(awaiting.inspection?.items.flatMap((item) => item.photos)).toHaveLength(1);
    expect(awaiting.recommendations.map((recommendation) => recommendation.status)).toEqual(["PENDING"]);

    const working = await client.booking.findFirstOrThrow({
      where: { status: "IN_PROGRESS", customer: { email: { in: customerEmails } } },
      include: { recommendations: true, approvals: { include: { items: true } }, services: true },
    });
    expect(working.recommendations.map((recommendation) => recommendation.status).sort()).toEqual(["APPROVED", "DECLINED"]);
    expect(working.approvals.map((record) => record.decision).sort()).toEqual(["APPROVED", "DECLINED"]);
    const approved = working.recommendations.find((recommendation) => recommendation.status === "APPROVED")!;
    expect(working.services.map((line) => line.id)).toContain(approved.bookedServiceId);
    expect(working.totalMinor).toBe(working.services.reduce((sum, line) => sum + line.priceMinor + line.taxMinor, 0));

    const invoice = await client.invoice.findFirstOrThrow({ where: { booking: { status: "READY", customer: { email: { in: customerEmails } } } }, include: { payments: true } });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    const paid = invoice.payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(invoice.totalMinor);
    expect(await client.serviceReview.count()).toBeGreaterThan(0);
  });

  it("is added once: a second run adds nothing", async () => {
    const count = () => Promise.all([client.booking.count(), client.bookingAssignment.count(), client.recommendation.count(), client.invoice.count(), client.inspectionPhoto.count()]);
    const before = await count();
    await runSeedScript(database.url);
    expect(await count()).toEqual(before);
  });
});
