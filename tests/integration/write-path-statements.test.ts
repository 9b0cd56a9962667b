import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "../support/identity";
import { HOUR, inFuture, offeredSpot, reserveCall } from "../support/parking";
import { countStatements } from "../support/query-count";

let restore: (() => Promise<void>) | undefined;
afterEach(async () => {
  await restore?.();
  restore = undefined;
});

describe("a reservation's write path", () => {
  it("writes its events in one outbox insert and reads back nothing it wrote", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const counter = countStatements();
    restore = counter.restore;
    expect((await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR))).status).toBe(201); // sets the connection up
    const before = counter.texts().length;
    const made = await reserveCall(reserver, spot.id, inFuture(3 * HOUR), inFuture(4 * HOUR));
    expect(made.status).toBe(201);
    const statements = counter.texts().slice(before);

    expect(statements.filter((text) => /^INSERT INTO "public"\."outbox_events"/.test(text))).toHaveLength(1);
    const inserted = statements.findIndex((text) => /^INSERT INTO "public"\."reservations"/.test(text));
    expect(inserted).toBeGreaterThan(0);
    // The response and the events are built from what was written: no SELECT of the reservation row afterwards.
    expect(statements.slice(inserted + 1).filter((text) => /^SELECT .* FROM "public"\."reservations" WHERE \("public"\."reservations"\."id" =/.test(text))).toEqual([]);
    expect(statements.filter((text) => /count\(\*\)|COUNT\(\*\)/.test(text))).toHaveLength(1);

    // What the response says is what the database holds, names included.
    const stored = await db.reservation.findUniqueOrThrow({
      where: { id: String(made.body.id) },
      include: { spot: { select: { label: true, zone: true, kind: true } }, reserver: { select: { name: true } }, owner: { select: { name: true } } },
    });
    expect(made.body).toMatchObject({
      status: "CONFIRMED",
      cost: stored.cost,
      spot: { id: spot.id, label: stored.spot.label, zone: stored.spot.zone, kind: stored.spot.kind },
      reserver: { id: reserver.id, name: stored.reserver.name },
      owner: { id: owner.id, name: stored.owner.name },
      startsAt: stored.startsAt.toISOString(),
    });
    const events = await db.outboxEvent.findMany({ where: { OR: [{ key: String(made.body.id) }, { key: spot.id }, { key: reserver.id }] }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["reservation.confirmed", "spot.reserved"]));
  });
});
