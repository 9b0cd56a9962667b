import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { POST as drainRoute } from "@/app/api/internal/outbox/drain/route";
import { GET as failuresRoute } from "@/app/api/v1/events/failures/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { db, type Transaction } from "@/lib/db";
import { env } from "@/lib/env";
import { runConsumer, TransientConsumerError, type Consumer } from "@/lib/events/consumers";
import { drainOutbox } from "@/lib/events/drainer";
import { runEventPipeline } from "@/lib/events/scheduler";
import type { LoggedEvent } from "@/lib/events/types";
import { notificationsConsumer } from "@/lib/notifications/consumer";
import { concurrentClient } from "../support/databases";
import { call } from "../support/http";
import { createUser, databaseSnapshot, registerCustomer } from "../support/identity";
import { countStatements } from "../support/query-count";

const root = path.resolve(import.meta.dirname, "..", "..");

async function insertOutbox(rows: Array<{ topic: string; key: string; type?: string }>) {
  await db.outboxEvent.createMany({
    data: rows.map((row) => ({ topic: row.topic, key: row.key, type: row.type ?? "test.happened", payload: { key: row.key }, actor: null })),
  });
}

/** A test's own consumer group is not run again: its offsets go, or it would lag behind the log for ever (metrics.test counts every group's lag). */
async function forgetGroup(group: string) {
  await db.consumerOffset.deleteMany({ where: { consumerGroup: group } });
}

async function settle() {
  // Clears whatever earlier tests left pending so each test sees only its own rows.
  await drainOutbox(db, { maxBatches: 1000 });
}

describe("outbox → event log", () => {
  it("appends a committed change to its topic with the next offset, readable through GET /events", async () => {
    await settle();
    const admin = await createUser("ADMIN");
    const before = (await db.topicOffset.findUnique({ where: { topic: "user_events" } }))?.lastOffset ?? 0n;
    const registered = await registerCustomer();
    expect(await db.outboxEvent.count({ where: { key: String(registered.body.id), processedAt: null } })).toBe(1);

    const drained = await drainOutbox();
    expect(drained.appended).toBeGreaterThanOrEqual(1);
    const response = await call<{ events: Array<{ key: string; type: string; offset: number; payload: Record<string, unknown> }>; lastOffset: number }>(
      eventsRoute,
      { token: admin.token, ...withQuery({ topic: "user_events", after: String(before) }) },
    );
    expect(response.status).toBe(200);
    const event = response.body.events.find((entry) => entry.key === registered.body.id);
    expect(event).toMatchObject({ type: "user.registered", payload: { id: registered.body.id, role: "CUSTOMER", credits: 50 } });
    expect(event!.offset).toBeGreaterThan(Number(before));
    expect(await db.outboxEvent.count({ where: { key: String(registered.body.id), processedAt: null } })).toBe(0);
  });

  it("GET /events is for READ:EVENTS only, refuses revoked tokens and bad queries, and changes nothing", async () => {
    const customer = await createUser("CUSTOMER");
    const admin = await createUser("ADMIN");
    const revoked = await createUser("ADMIN");
    await call(logout, { method: "POST", token: revoked.token });
    const before = await databaseSnapshot();
    const query = withQuery({ topic: "user_events" });
    expect((await call(eventsRoute, { ...query, token: customer.token })).status).toBe(403);
    expect((await call(eventsRoute, { ...query, token: revoked.token })).status).toBe(403);
    expect((await call(eventsRoute, { ...query })).status).toBe(401);
    const badQueries: Array<Record<string, string>> = [
      { topic: "nope_events" },
      { topic: "user_events", after: "-1" },
      { topic: "user_events", limit: "5000" },
      { topic: "user_events", limit: "0x10" },
      { topic: "user_events", limit: "1e2" },
      { topic: "user_events", after: " 5" },
      { topic: "user_events", after: "1.0" },
      {},
    ];
    for (const bad of badQueries) {
      expect((await call(eventsRoute, { ...withQuery(bad), token: admin.token })).status, JSON.stringify(bad)).toBe(422);
    }
    const blanks = await call<{ events: unknown[] }>(eventsRoute, { ...withQuery({ topic: "user_events", after: "", limit: "" }), token: admin.token });
    expect(blanks.status, "empty after/limit mean the defaults").toBe(200);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("loses no event when the process dies between commit and drain", async () => {
    await settle();
    const key = `crash-${Date.now()}`;
    const script = `
      import { transaction } from "./lib/events/transaction";
      import { recordEvent } from "./lib/events/outbox";
      await transaction((tx) => recordEvent(tx, { topic: "security_events", key: "${key}", type: "test.committed", payload: { ok: true }, actor: null }));
      process.exit(0);`;
    const child = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--input-type=module", "-e", script], {
      cwd: root,
      env: { ...process.env, SCHEDULER_ENABLED: "true" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(child.status, child.stderr).toBe(0);
    expect(await db.eventLogEntry.count({ where: { key } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { key, processedAt: null } })).toBe(1);

    await drainOutbox(); // the next start's first drain
    const logged = await db.eventLogEntry.findMany({ where: { key } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ topic: "security_events", type: "test.committed" });
  });

  it(`puts every event in the log exactly once with gap-free offsets under two concurrent drainers (${inject("databaseBackend")})`, async () => {
    await settle();
    const topics = ["vehicle_events", "branch_events", "rental_events"] as const;
    const heads = new Map<string, bigint>();
    for (const topic of topics) heads.set(topic, (await db.topicOffset.findUnique({ where: { topic } }))?.lastOffset ?? 0n);
    const stamp = Date.now();
    await insertOutbox(Array.from({ length: 300 }, (_, index) => ({ topic: topics[index % 3]!, key: `race-${stamp}-${index}` })));

    const first = await concurrentClient();
    const second = await concurrentClient();
    try {
      const results = await Promise.all([
        drainOutbox(first.client, { batchSize: 17, maxBatches: 100 }),
        drainOutbox(second.client, { batchSize: 23, maxBatches: 100 }),
      ]);
      expect(results[0].appended + results[1].appended).toBe(300);
    } finally {
      await Promise.all([first.release(), second.release()]);
    }

    const logged = await db.eventLogEntry.findMany({ where: { key: { startsWith: `race-${stamp}-` } }, orderBy: { id: "asc" } });
    expect(logged).toHaveLength(300);
    expect(new Set(logged.map((entry) => entry.outboxId)).size).toBe(300);
    for (const topic of topics) {
      const offsets = logged.filter((entry) => entry.topic === topic).map((entry) => entry.offset).sort((a, b) => Number(a - b));
      const head = heads.get(topic)!;
      expect(offsets).toEqual(Array.from({ length: 100 }, (_, index) => head + BigInt(index + 1)));
      // Offsets follow commit (outbox) order within a topic.
      const byOffset = logged.filter((entry) => entry.topic === topic).sort((a, b) => Number(a.offset - b.offset));
      expect(byOffset.map((entry) => entry.outboxId)).toEqual([...byOffset.map((entry) => entry.outboxId)].sort((a, b) => Number(a - b)));
    }
  });

  it("parks a poison event after its attempts, without holding up the events behind it, and shows it to admins", async () => {
    await settle();
    const stamp = Date.now();
    await insertOutbox([
      { topic: "bogus_events", key: `poison-${stamp}` },
      { topic: "security_events", key: `after-poison-${stamp}` },
    ]);
    const firstRun = await drainOutbox(db, { maxAttempts: 2 });
    expect(firstRun).toMatchObject({ failed: 1 });
    expect(await db.eventLogEntry.count({ where: { key: `after-poison-${stamp}` } })).toBe(1);
    const poison = await db.outboxEvent.findFirstOrThrow({ where: { key: `poison-${stamp}` } });
    expect(poison).toMatchObject({ attempts: 1, parkedAt: null });
    expect(poison.lastError).toContain('unknown topic "bogus_events"');
    expect(poison.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    await db.outboxEvent.update({ where: { id: poison.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await drainOutbox(db, { maxAttempts: 2 })).toMatchObject({ parked: 1 });
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: poison.id } })).parkedAt).not.toBeNull();
    expect(await drainOutbox(db, { maxAttempts: 2 })).toEqual({ appended: 0, failed: 0, parked: 0 });

    const admin = await createUser("ADMIN");
    const failures = await call<{ parkedOutbox: Array<{ key: string; lastError: string }> }>(failuresRoute, { token: admin.token });
    expect(failures.body.parkedOutbox.find((row) => row.key === `poison-${stamp}`)?.lastError).toContain("unknown topic");
    const customer = await createUser("CUSTOMER");
    expect((await call(failuresRoute, { token: customer.token })).status).toBe(403);
  });
});

describe("consumers", () => {
  it("notifications: one row per person per event, even when the consumer runs again", async () => {
    const registered = await registerCustomer();
    await drainOutbox();
    await runConsumer(notificationsConsumer);
    await runConsumer(notificationsConsumer);
    await db.consumerOffset.update({
      where: { consumerGroup_topic: { consumerGroup: "notifications", topic: "user_events" } },
      data: { offset: 0 },
    });
    await runConsumer(notificationsConsumer); // replays the whole topic
    const rows = await db.notification.findMany({ where: { userId: String(registered.body.id) } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "user.registered", title: "Welcome to Wheelhouse" });
  });

  it("notifications in one batch: each person once per event, with its in-app log line and its e-mail, under the event's id", async () => {
    await runConsumer(notificationsConsumer); // catch up, so the batch below is these events
    const people = await Promise.all([createUser("CUSTOMER"), createUser("CUSTOMER"), createUser("EMPLOYEE")]);
    await runConsumer(notificationsConsumer);
    await db.outboxEvent.createMany({
      data: people.map((person) => ({ topic: "user_events", key: person.id, type: "user.password_changed", payload: { id: person.id }, actor: person.id })),
    });
    await drainOutbox();
    const events = await db.eventLogEntry.findMany({ where: { type: "user.password_changed", key: { in: people.map((person) => person.id) } } });
    expect(events).toHaveLength(3);
    const counter = countStatements();
    try {
      await runConsumer(notificationsConsumer);
      await runConsumer(notificationsConsumer); // nothing left: no second row for anyone
      // The three events' rows went in one insert, not one per event.
      expect(counter.texts().filter((text) => /^INSERT INTO "?(public"?\.)?"?notifications"? /.test(text))).toHaveLength(1);
    } finally {
      await counter.restore();
    }
    for (const person of people) {
      const event = events.find((candidate) => candidate.key === person.id)!;
      const rows = await db.notification.findMany({ where: { userId: person.id, type: "user.password_changed" } });
      expect(rows).toEqual([expect.objectContaining({ eventId: event.id, title: "Your password was changed", link: "/profile" })]);
      const log = await db.notificationLog.findMany({ where: { recipientId: person.id, template: "user.password_changed" }, orderBy: { id: "asc" } });
      expect(log.map((line) => [line.channel, line.eventId, line.notificationId])).toEqual([
        ["IN_APP", event.id, rows[0]!.id],
        ["EMAIL", event.id, null],
      ]);
    }
  });

  it("a new group starts from the earliest offset; failures are retried, then set aside; transient ones wait", async () => {
    await settle();
    const stamp = Date.now();
    await insertOutbox([
      { topic: "booking_events", key: `ok-${stamp}-1` },
      { topic: "booking_events", key: `bad-${stamp}` },
      { topic: "booking_events", key: `ok-${stamp}-2` },
    ]);
    await drainOutbox();
    const seen: string[] = [];
    let peerDown = true;
    const consumer: Consumer = {
      group: `test-group-${stamp}`,
      topics: ["booking_events"],
      async handle(event) {
        // The garage writes real booking events too (other files, same database): the first event of the topic meets the outage.
        if (peerDown) throw new TransientConsumerError("peer down");
        if (event.key === `bad-${stamp}`) throw new Error("cannot handle this one");
        if (event.key.includes(String(stamp))) seen.push(event.key);
        return undefined;
      },
    };
    await expect(runConsumer(consumer)).rejects.toThrow("peer down");
    const offset = async () => (await db.consumerOffset.findUniqueOrThrow({ where: { consumerGroup_topic: { consumerGroup: consumer.group, topic: "booking_events" } } })).offset;
    expect(await offset()).toBe(0n);

    peerDown = false;
    for (let run = 0; run < 5; run++) await runConsumer(consumer);
    expect(seen).toEqual([`ok-${stamp}-1`, `ok-${stamp}-2`]);
    const failure = await db.consumerFailure.findFirstOrThrow({ where: { consumerGroup: consumer.group } });
    expect(failure).toMatchObject({ attempts: 5, error: "cannot handle this one" });
    const last = await db.eventLogEntry.findFirstOrThrow({ where: { topic: "booking_events", key: `ok-${stamp}-2` } });
    expect(await offset()).toBeGreaterThanOrEqual(last.offset);
    await forgetGroup(consumer.group);
  });
});

describe("consumers in batches", () => {
  it("a handler that writes and then fails leaves none of its writes; the events before and after it are handled once", async () => {
    await settle();
    const stamp = Date.now();
    const keys = [`first-${stamp}`, `broken-${stamp}`, `second-${stamp}`];
    await insertOutbox(keys.map((key) => ({ topic: "booking_events", key })));
    await drainOutbox();
    const group = `batch-group-${stamp}`;
    const handled: string[] = [];
    const consumer: Consumer = {
      group,
      topics: ["booking_events"],
      async handle(event, tx) {
        if (!event.key.endsWith(String(stamp))) return undefined;
        // A row in a real table marks the handler's write, committed or not (an audit row nothing else reads).
        await tx.auditLog.create({ data: { action: "test_consumer_write", subject: `${group}:${event.key}` } });
        if (event.key.startsWith("broken-")) throw new Error("cannot handle this one");
        handled.push(event.key);
        return undefined;
      },
    };
    const marks = async () =>
      (await db.auditLog.findMany({ where: { action: "test_consumer_write", subject: { startsWith: `${group}:` } }, select: { subject: true } }))
        .map((row) => (row.subject ?? "").slice(group.length + 1))
        .sort();

    expect(await runConsumer(consumer)).toMatchObject({ failed: 0 });
    expect(handled).toEqual([`first-${stamp}`]);
    expect(await marks()).toEqual([`first-${stamp}`]);

    for (let run = 0; run < 5; run++) await runConsumer(consumer);
    expect(handled).toEqual([`first-${stamp}`, `second-${stamp}`]);
    expect(await marks()).toEqual([`first-${stamp}`, `second-${stamp}`]);
    expect(await db.consumerFailure.findFirstOrThrow({ where: { consumerGroup: group } })).toMatchObject({ attempts: 5, error: "cannot handle this one" });
    await forgetGroup(group);
  });

  it("a consumer with handleBatch gets a batch's events at once; a batch that fails leaves none of its writes and goes event by event", async () => {
    await settle();
    const stamp = Date.now();
    const group = `whole-batch-group-${stamp}`;
    const batches: string[][] = [];
    const oneByOne: string[] = [];
    const mark = (tx: Transaction, key: string, how: string) => tx.auditLog.create({ data: { action: "test_consumer_write", subject: `${group}:${how}:${key}` } });
    const mine = (events: readonly LoggedEvent[]) => events.filter((event) => event.key.endsWith(String(stamp)));
    const consumer: Consumer = {
      group,
      topics: ["booking_events"],
      async handle(event, tx) {
        if (!event.key.endsWith(String(stamp))) return undefined;
        if (event.key.startsWith("broken-")) throw new Error("cannot handle this one");
        oneByOne.push(event.key);
        await mark(tx, event.key, "single");
        return undefined;
      },
      async handleBatch(events, tx) {
        batches.push(mine(events).map((event) => event.key));
        for (const event of mine(events)) await mark(tx, event.key, "batch");
        if (mine(events).some((event) => event.key.startsWith("broken-"))) throw new Error("one of them is broken");
        return undefined;
      },
    };
    const marks = async () =>
      (await db.auditLog.findMany({ where: { action: "test_consumer_write", subject: { startsWith: `${group}:` } }, select: { subject: true } }))
        .map((row) => (row.subject ?? "").slice(group.length + 1))
        .sort();

    // Start the new group at the head of the log, so it sees only this test's events.
    const head = await db.topicOffset.findUnique({ where: { topic: "booking_events" } });
    await db.consumerOffset.create({ data: { consumerGroup: group, topic: "booking_events", offset: head?.lastOffset ?? 0n } });

    await insertOutbox([`a-${stamp}`, `b-${stamp}`, `c-${stamp}`].map((key) => ({ topic: "booking_events", key })));
    await drainOutbox();
    expect(await runConsumer(consumer)).toEqual({ handled: 3, failed: 0 });
    expect(batches).toEqual([[`a-${stamp}`, `b-${stamp}`, `c-${stamp}`]]);
    expect(oneByOne).toEqual([]);
    expect(await marks()).toEqual([`batch:a-${stamp}`, `batch:b-${stamp}`, `batch:c-${stamp}`]);

    await insertOutbox([`d-${stamp}`, `broken-${stamp}`, `e-${stamp}`].map((key) => ({ topic: "booking_events", key })));
    await drainOutbox();
    await runConsumer(consumer);
    // The failed batch's writes are gone; the event before the broken one was handled on its own.
    expect(oneByOne).toEqual([`d-${stamp}`]);
    expect(await marks()).toEqual([`batch:a-${stamp}`, `batch:b-${stamp}`, `batch:c-${stamp}`, `single:d-${stamp}`]);
    for (let run = 0; run < 6; run++) await runConsumer(consumer);
    expect(await db.consumerFailure.findFirstOrThrow({ where: { consumerGroup: group } })).toMatchObject({ attempts: 5, error: "cannot handle this one" });
    // Past the broken event, the rest is handled once (alone in its batch of one: handle).
    expect(oneByOne).toEqual([`d-${stamp}`, `e-${stamp}`]);
    expect((await marks()).filter((mark) => mark.endsWith(`e-${stamp}`))).toEqual([`single:e-${stamp}`]);
    await forgetGroup(group);
  });

  it("a databaseFree consumer (one that only publishes) pays no savepoint per event, stops at a failing event the same way, and may not use the transaction", async () => {
    await settle();
    const stamp = Date.now();
    const keys = [`one-${stamp}`, `two-${stamp}`, `three-${stamp}`, `bad-${stamp}`, `four-${stamp}`];
    await insertOutbox(keys.map((key) => ({ topic: "booking_events", key })));
    await drainOutbox();
    const group = `publish-group-${stamp}`;
    const published: string[] = [];
    let failuresLeft = 1;
    const consumer: Consumer = {
      group,
      topics: ["booking_events"],
      databaseFree: true,
      async handle(event, tx) {
        if (!event.key.endsWith(String(stamp))) return undefined;
        if (event.key.startsWith("bad-") && failuresLeft-- > 0) throw new Error("the peer refused it");
        if (event.key.startsWith("four-")) await tx.auditLog.count(); // not allowed: it said it never touches the database
        published.push(event.key);
        return undefined;
      },
    };
    // Catch the new group up to just before this test's events, outside the count.
    const first = await db.eventLogEntry.findFirstOrThrow({ where: { topic: "booking_events", key: keys[0] } });
    await db.consumerOffset.create({ data: { consumerGroup: group, topic: "booking_events", offset: first.offset - 1n } });

    const counter = countStatements();
    try {
      await runConsumer(consumer);
      const statements = counter.texts();
      expect(statements.filter((text) => /SAVEPOINT/.test(text))).toEqual([]);
      // One transaction for the batch: BEGIN, the offset lock, the events, the offset update, COMMIT.
      expect(statements.filter((text) => /^(BEGIN|COMMIT)$/.test(text))).toHaveLength(2);
    } finally {
      await counter.restore();
    }
    expect(published).toEqual([`one-${stamp}`, `two-${stamp}`, `three-${stamp}`]);
    const three = await db.eventLogEntry.findFirstOrThrow({ where: { topic: "booking_events", key: `three-${stamp}` } });
    expect((await db.consumerOffset.findUniqueOrThrow({ where: { consumerGroup_topic: { consumerGroup: group, topic: "booking_events" } } })).offset).toBe(three.offset);

    // The next run gets past the failed one; the event whose handler reached for the database fails each time.
    for (let run = 0; run < 6; run++) await runConsumer(consumer);
    expect(published).toEqual([`one-${stamp}`, `two-${stamp}`, `three-${stamp}`, `bad-${stamp}`]);
    expect(await db.consumerFailure.findFirstOrThrow({ where: { consumerGroup: group } })).toMatchObject({
      error: `The consumer group ${group} is databaseFree and may not use the transaction.`,
    });
    await forgetGroup(group);
  });

  it("a pipeline pass with nothing to do costs one statement; one with work drains it and catches the consumer up", async () => {
    await settle();
    const stamp = Date.now();
    const seen: string[] = [];
    const consumer: Consumer = {
      group: `rest-group-${stamp}`,
      topics: ["booking_events"],
      async handle(event) {
        if (event.key.endsWith(String(stamp))) seen.push(event.key);
        return undefined;
      },
    };
    await insertOutbox([{ topic: "booking_events", key: `work-${stamp}` }]);
    const busy = await runEventPipeline([consumer]);
    expect(busy.drained.appended).toBeGreaterThanOrEqual(1);
    expect(seen).toEqual([`work-${stamp}`]);

    const costs: number[] = [];
    // Other test files write events into the same database meanwhile, so a pass may find work; one at rest is enough.
    for (let attempt = 0; attempt < 10 && !costs.includes(1); attempt++) {
      const counter = countStatements();
      try {
        await runEventPipeline([consumer]); // catches up, and sets up the counting connection
        const before = counter.count();
        await runEventPipeline([consumer]);
        costs.push(counter.count() - before);
      } finally {
        await counter.restore();
      }
    }
    expect(costs).toContain(1);
    expect(seen).toEqual([`work-${stamp}`]);
    await forgetGroup(consumer.group);
  });
});

describe("POST /api/internal/outbox/drain", () => {
  it("needs the internal secret", async () => {
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${env().secrets.internalApi}x`]) {
      const response = await call(drainRoute, { method: "POST", ...(authorization ? { authorization } : {}) });
      expect(response.status).toBe(401);
    }
    const ok = await call<{ drained: { appended: number } }>(drainRoute, { method: "POST", authorization: `Bearer ${env().secrets.internalApi}` });
    expect(ok.status).toBe(200);
    expect(ok.body.drained).toHaveProperty("appended");
  });
});

function withQuery(query: Record<string, string>) {
  return { path: `/api/v1/events?${new URLSearchParams(query).toString()}` };
}
