import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { db } from "@/lib/db";
import { listenForOutbox, OUTBOX_CHANNEL, type OutboxWakeup } from "@/lib/events/outbox-wakeup";
import { drainOutbox } from "@/lib/events/drainer";
import { registerJob, startScheduler, stopScheduler } from "@/lib/events/scheduler";
import { reservationLifecycleJob } from "@/lib/modules/parking/services/lifecycle";
import { HOUR, inFuture, offeredSpot, reserveCall } from "../support/parking";
import { call } from "../support/http";
import { createUser } from "../support/identity";
import { countStatements } from "../support/query-count";
import { channelServerForThisFile } from "../support/realtime";

const databaseUrl = inject("databaseUrl");
// The scheduler's consumers publish: with no channel server each pass would be retried on every tick.
channelServerForThisFile();

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const insertOutboxRow = (client: pg.Client, key: string) =>
  client.query(`INSERT INTO outbox_events (topic, key, type, payload) VALUES ('booking_events', $1, 'test.happened', '{}')`, [key]);

let wakeup: OutboxWakeup | undefined;
afterEach(async () => {
  await wakeup?.stop();
  wakeup = undefined;
  await stopScheduler();
});

// PGlite's connections share one session, so the embedded database has no wakeups (the pipeline polls there).
describe.skipIf(inject("databaseBackend") === "embedded")("the event pipeline woken by the database", () => {
  it("wakes the listener when outbox rows commit, once per transaction, and not for a rollback", async () => {
    let wakes = 0;
    wakeup = listenForOutbox(() => (wakes += 1), databaseUrl);
    await wakeup.ready;
    expect(await until(() => wakes === 1, 2_000)).toBe(true); // the catch-up call once listening
    wakes = 0;

    await withClient(async (client) => {
      await client.query("BEGIN");
      await insertOutboxRow(client, `rolled-back-${Date.now()}`);
      await client.query("ROLLBACK");
      await client.query("BEGIN");
      await insertOutboxRow(client, `first-${Date.now()}`);
      await insertOutboxRow(client, `second-${Date.now()}`);
      await client.query("COMMIT");
    });
    expect(await until(() => wakes >= 1, 2_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(wakes).toBe(1);
    await drainOutbox(db, { maxBatches: 1000 });
  });

  it("reconnects after losing its connection, and wakes once listening again", async () => {
    let wakes = 0;
    wakeup = listenForOutbox(() => (wakes += 1), databaseUrl);
    await wakeup.ready;
    await until(() => wakes === 1, 2_000);
    await withClient((client) =>
      client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'wheelhouse-outbox-listener' AND datname = current_database()"),
    );
    expect(await until(() => wakes === 2, 5_000)).toBe(true); // reconnected: the catch-up call
    await withClient((client) => insertOutboxRow(client, `after-reconnect-${Date.now()}`));
    expect(await until(() => wakes === 3, 2_000)).toBe(true);
    await drainOutbox(db, { maxBatches: 1000 });
  });

  it("a scheduler drains a committed change at once, and at rest leaves the pipeline alone between its safety passes", async () => {
    const user = await createUser("CUSTOMER");
    startScheduler(100); // ticks every 100 ms: only the jobs (none registered here) run on each
    await new Promise((resolve) => setTimeout(resolve, 500)); // the first pass, and the listener in place
    // Other test files commit outbox rows to the same database, and each of their commits rightly wakes this scheduler
    // (and a pass that finds work is followed by one more). An observer on the same channel tells a quiet window from
    // a busy one: in a quiet one nothing may run; in a busy one, no more than two passes for each commit.
    await withClient(async (observer) => {
      let othersCommits = 0;
      observer.on("notification", () => (othersCommits += 1));
      await observer.query(`LISTEN ${OUTBOX_CHANNEL}`);
      for (let window = 1; window <= 8; window += 1) {
        othersCommits = 0;
        const counter = countStatements();
        try {
          await new Promise((resolve) => setTimeout(resolve, 1_500)); // fifteen ticks
          await observer.query("SELECT 1"); // delivers any notification still in flight
          const passes = counter.texts().filter((text) => text.includes("outbox_pending")).length;
          if (othersCommits === 0) {
            expect(counter.texts()).toEqual([]);
            break;
          }
          expect(passes).toBeLessThanOrEqual(2 * othersCommits);
        } finally {
          await counter.restore();
        }
      }
    });

    const name = `Woken ${Date.now()}`;
    expect((await call(updateMe, { method: "PATCH", token: user.token, json: { name } })).status).toBe(200);
    const logged = () => db.eventLogEntry.count({ where: { type: "user.updated", key: user.id, payload: { path: ["name"], equals: name } } }).then((count) => count === 1);
    // Well before the safety pass (every 5 s): the commit woke it.
    expect(await until(logged, 2_000)).toBe(true);
  });

  it("a job that says when it next has work is left alone until then, and runs again after a commit with events", async () => {
    const user = await createUser("CUSTOMER");
    const runs: number[] = [];
    registerJob({
      name: `test-job-${Date.now()}`,
      run: async () => {
        runs.push(Date.now());
        return { nextDueAt: new Date(Date.now() + 10 * 60_000) };
      },
    });
    startScheduler(100);
    // The start runs it, and so does the listener's first wakeup (whatever committed before it listened).
    expect(await until(() => runs.length >= 1, 2_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settled = runs.length;
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // ten ticks
    expect(runs).toHaveLength(settled);
    expect((await call(updateMe, { method: "PATCH", token: user.token, json: { name: `Job ${Date.now()}` } })).status).toBe(200);
    expect(await until(() => runs.length === settled + 1, 2_000)).toBe(true);
  });

  it("the reservation lifecycle says when its next reservation starts", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const { nextDueAt } = await reservationLifecycleJob();
    // Other files' reservations share the database: the next transition is this start or sooner.
    expect(nextDueAt).toBeInstanceOf(Date);
    expect(nextDueAt!.getTime()).toBeLessThanOrEqual(new Date(String(made.body.startsAt)).getTime());
  });
});
