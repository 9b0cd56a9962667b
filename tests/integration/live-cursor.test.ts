import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as headsRoute } from "@/app/api/realtime/heads/route";
import { db } from "@/lib/db";
import { drainOutbox } from "@/lib/events/drainer";
import type { LiveCursor } from "@/lib/ui/live-cursor";
import { cursorUnchanged } from "@/lib/ui/live-cursor";
import { call } from "../support/http";
import { createUser, registerCustomer } from "../support/identity";

let nextEventId = BigInt(Date.now()) * 1000n + 500n;

describe("GET /api/realtime/heads — where the live stream stands, for a page's catch-up", () => {
  it("moves when an event is appended to a topic or the caller gets a notification, and not for others' notifications", async () => {
    await drainOutbox(db, { maxBatches: 1000 });
    const alice = await createUser("CUSTOMER");
    const bob = await createUser("CUSTOMER");
    const before = await call<LiveCursor>(headsRoute, { token: alice.token });
    expect(before.status).toBe(200);
    expect(before.body.notification).toBe("0");
    expect(cursorUnchanged(before.body, (await call<LiveCursor>(headsRoute, { token: alice.token })).body)).toBe(true);

    nextEventId += 1n;
    await db.notification.create({ data: { userId: bob.id, eventId: nextEventId, topic: "user_events", type: "test.notified", title: "bob's", body: "-" } });
    expect(cursorUnchanged(before.body, (await call<LiveCursor>(headsRoute, { token: alice.token })).body)).toBe(true);

    nextEventId += 1n;
    const own = await db.notification.create({ data: { userId: alice.id, eventId: nextEventId, topic: "user_events", type: "test.notified", title: "hers", body: "-" } });
    const afterNotification = (await call<LiveCursor>(headsRoute, { token: alice.token })).body;
    expect(afterNotification.notification).toBe(own.id.toString());
    expect(cursorUnchanged(before.body, afterNotification)).toBe(false);

    await registerCustomer();
    expect(cursorUnchanged(afterNotification, (await call<LiveCursor>(headsRoute, { token: alice.token })).body)).toBe(true);
    await drainOutbox(db, { maxBatches: 1000 });
    const afterEvent = (await call<LiveCursor>(headsRoute, { token: alice.token })).body;
    expect(Number(afterEvent.offsets.user_events)).toBeGreaterThan(Number(afterNotification.offsets.user_events ?? 0));
    expect(cursorUnchanged(afterNotification, afterEvent)).toBe(false);
  });

  it("answers only a signed-in caller: no token or a malformed one is 401, a revoked one 403 (the token contract)", async () => {
    const alice = await createUser("CUSTOMER");
    expect((await call(headsRoute, {})).status).toBe(401);
    expect((await call(headsRoute, { headers: { authorization: "Bearer not-a-token" } })).status).toBe(401);
    expect((await call(logout, { method: "POST", token: alice.token })).status).toBeLessThan(300);
    expect((await call(headsRoute, { token: alice.token })).status).toBe(403);
  });
});
