import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { POST as readRoute } from "@/app/api/v1/notifications/read/route";
import { db } from "@/lib/db";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

let nextEventId = BigInt(Date.now()) * 1000n;

async function notify(user: TestUser, title: string): Promise<string> {
  nextEventId += 1n;
  const row = await db.notification.create({
    data: { userId: user.id, eventId: nextEventId, topic: "user_events", type: "test.notified", title, body: `${title} body` },
  });
  return row.id.toString();
}

type Listing = { unread: number; notifications: Array<{ id: string; title: string; read: boolean }> };

const unreadOf = async (user: TestUser) => db.notification.count({ where: { userId: user.id, readAt: null } });

describe("notifications", () => {
  it("lists only one's own, newest first, with the unread count", async () => {
    const alice = await createUser("CUSTOMER");
    const bob = await createUser("CUSTOMER");
    await notify(alice, "first");
    await notify(alice, "second");
    await notify(bob, "bob's");
    const listing = await call<Listing>(listRoute, { token: alice.token });
    expect(listing.status).toBe(200);
    expect(listing.body.unread).toBe(2);
    expect(listing.body.notifications.map((entry) => entry.title)).toEqual(["second", "first"]);
    expect((await call(listRoute, {})).status).toBe(401);
  });

  it("marks one's own notifications read and never someone else's", async () => {
    const alice = await createUser("CUSTOMER");
    const bob = await createUser("CUSTOMER");
    const own = await notify(alice, "own");
    await notify(alice, "other own");
    const bobs = await notify(bob, "bob's");

    const foreign = await call<{ updated: number }>(readRoute, { token: alice.token, json: { ids: [bobs] } });
    expect(foreign).toMatchObject({ status: 200, body: { updated: 0 } });
    expect(await unreadOf(bob)).toBe(1);

    expect((await call<{ updated: number }>(readRoute, { token: alice.token, json: { ids: [own, bobs] } })).body).toEqual({ updated: 1 });
    expect((await call<Listing>(listRoute, { token: alice.token })).body.unread).toBe(1);
    expect((await call<{ updated: number }>(readRoute, { token: alice.token, json: { all: true } })).body).toEqual({ updated: 1 });
    expect(await unreadOf(alice)).toBe(0);
    expect(await unreadOf(bob)).toBe(1);
  });

  it("refuses bad bodies with a 422 that says what to send, and anonymous or revoked callers", async () => {
    const alice = await createUser("CUSTOMER");
    await notify(alice, "kept unread");
    for (const json of [{}, { all: false }, { ids: [] }, { ids: [1] }, { ids: ["abc"] }, { ids: "1" }, [], null]) {
      const response = await call<{ detail: Array<{ msg: string }> }>(readRoute, { token: alice.token, json });
      expect(response.status, JSON.stringify(json)).toBe(422);
      expect(JSON.stringify(response.body.detail), JSON.stringify(json)).toMatch(/ids|all/);
    }
    expect((await call(readRoute, { token: alice.token, rawBody: "{not json" })).status).toBe(422);
    expect((await call(readRoute, { json: { all: true } })).status).toBe(401);
    await call(logout, { method: "POST", token: alice.token });
    expect((await call(readRoute, { token: alice.token, json: { all: true } })).status).toBe(403);
    expect((await call(listRoute, { token: alice.token })).status).toBe(403);
    expect(await unreadOf(alice)).toBe(1);
  });
});
