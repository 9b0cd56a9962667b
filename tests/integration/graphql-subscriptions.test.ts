import { EventSource } from "eventsource";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as graphqlGet, POST as graphqlPost } from "@/app/api/graphql/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import * as rejectRoute from "@/app/api/v1/rentals/[id]/reject/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { resetEnvCache } from "@/lib/env";
import { drainOutbox } from "@/lib/events/drainer";
import { MAX_STREAMS_PER_ACCOUNT } from "@/lib/graphql/live";
import { call, randomIp } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { offeredSpot } from "../support/parking";
import { newBranch, newRental, newVehicle } from "../support/rentals";
import { serveRoutes, type RouteServer } from "../support/route-server";

interface NextPayload {
  data?: Record<string, { type: string; rental?: { id: string; status: string; customer: { id: string } | null }; spot?: { id: string; availability: unknown[] } }> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One EventSource subscription and what it has received so far. */
interface Subscription {
  payloads: NextPayload[];
  completed: boolean;
  opened: Promise<void>;
  source: EventSource;
}

let server: RouteServer;
const sources: EventSource[] = [];

const capBefore = process.env.RENTALS_MAX_OPEN_REQUESTS;
beforeAll(async () => {
  process.env.RENTALS_MAX_OPEN_REQUESTS = "1000";
  resetEnvCache();
  server = await serveRoutes({ GET: graphqlGet, POST: graphqlPost });
});

afterEach(() => {
  for (const source of sources.splice(0)) source.close();
});

afterAll(async () => {
  await server.close();
  if (capBefore === undefined) delete process.env.RENTALS_MAX_OPEN_REQUESTS;
  else process.env.RENTALS_MAX_OPEN_REQUESTS = capBefore;
  resetEnvCache();
});

/** A real EventSource on GET /api/graphql?query=subscription…, signed in with the user's bearer token. */
function subscribe(user: TestUser, query: string): Subscription {
  const clientIp = randomIp();
  const source = new EventSource(`${server.url}/api/graphql?query=${encodeURIComponent(query)}`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${user.token}`, "x-forwarded-for": clientIp } }),
  });
  sources.push(source);
  const subscription: Subscription = {
    payloads: [],
    completed: false,
    source,
    opened: new Promise((resolve, reject) => {
      source.addEventListener("open", () => resolve(), { once: true });
      source.addEventListener("error", (error) => reject(new Error(`subscription refused: ${error.message ?? error.code}`)), { once: true });
    }),
  };
  source.addEventListener("next", (message) => subscription.payloads.push(JSON.parse(message.data) as NextPayload));
  source.addEventListener("complete", () => {
    subscription.completed = true;
  });
  // After "complete" the server ends the response; closing then (not before) keeps the client from reconnecting.
  source.addEventListener("error", () => {
    if (subscription.completed) source.close();
  });
  return subscription;
}

/** Subscribed once the stream is open and the server has read the log's head (the subscription's starting point). */
async function subscribed(user: TestUser, query: string): Promise<Subscription> {
  const subscription = subscribe(user, query);
  await subscription.opened;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return subscription;
}

async function eventually<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const MY_RENTALS = "subscription { myRentals { type rental { id status customer { id } } } }";
const PARKING_BOARD = "subscription { parkingBoard { type spot { id availability { startsAt } } } }";

describe("GraphQL subscriptions over Server-Sent Events", () => {
  it("myRentals: the customer hears their rental's status change made through REST, another customer does not, staff hear it", async () => {
    const [employee, alice, bob] = await Promise.all([createUser("EMPLOYEE"), createUser("CUSTOMER"), createUser("CUSTOMER")]);
    const branch = await newBranch(employee.token);
    const vehicle = await newVehicle(employee.token, branch.id);
    const alicesRental = await newRental(alice.token, vehicle.id, 5, 7);
    const bobsRental = await newRental(bob.token, vehicle.id, 8, 9);
    await drainOutbox();

    const [asAlice, asBob, asEmployee] = await Promise.all([subscribed(alice, MY_RENTALS), subscribed(bob, MY_RENTALS), subscribed(employee, MY_RENTALS)]);
    const approved = await call(approveRoute.POST, { method: "POST", token: employee.token, params: { id: alicesRental.id } });
    expect(approved.status).toBe(200);
    const rejected = await call(rejectRoute.POST, { method: "POST", token: employee.token, params: { id: bobsRental.id }, json: { reason: "Booked out" } });
    expect(rejected.status).toBe(200);
    await drainOutbox();

    const forAlice = await eventually(() => asAlice.payloads.find((payload) => payload.data?.myRentals?.rental?.id === alicesRental.id), "Alice's update");
    expect(forAlice).toEqual({ data: { myRentals: { type: "rental.approved", rental: { id: alicesRental.id, status: "APPROVED", customer: { id: alice.id } } } } });
    await eventually(() => asEmployee.payloads.find((payload) => payload.data?.myRentals?.rental?.id === bobsRental.id), "staff hearing Bob's update");
    expect(asEmployee.payloads.map((payload) => payload.data?.myRentals?.type)).toEqual(expect.arrayContaining(["rental.approved", "rental.rejected"]));
    // Bob's own change came after Alice's: by the time he hears it, he would have heard hers.
    await eventually(() => asBob.payloads.find((payload) => payload.data?.myRentals?.rental?.id === bobsRental.id), "Bob's update");
    expect(asBob.payloads.map((payload) => payload.data?.myRentals?.rental?.id)).toEqual([bobsRental.id]);
    expect(asAlice.payloads.map((payload) => payload.data?.myRentals?.rental?.id)).toEqual([alicesRental.id]);
  });

  it("parkingBoard: holders of READ:SPOTS hear a spot's new state; others are refused like the board channel", async () => {
    const [owner, neighbour, employee] = await Promise.all([createUser("CUSTOMER"), createUser("CUSTOMER"), createUser("EMPLOYEE")]);
    await drainOutbox();
    const board = await subscribed(neighbour, PARKING_BOARD);
    const spot = await offeredSpot(owner);
    await drainOutbox();
    const update = await eventually(
      () => board.payloads.find((payload) => payload.data?.parkingBoard?.spot?.id === spot.id && payload.data.parkingBoard.type === "spot.availability_published"),
      "the board update",
    );
    expect(update.data?.parkingBoard?.spot?.availability).toHaveLength(1);

    const refused = subscribe(employee, PARKING_BOARD);
    await refused.opened;
    const error = await eventually(() => refused.payloads.find((payload) => payload.errors), "the refusal");
    expect(error.errors?.[0]).toMatchObject({ message: "Insufficient permissions.", extensions: { code: "FORBIDDEN" } });
    await eventually(() => (refused.completed ? true : undefined), "the stream to end");
  });

  it("refuses anonymous subscribers before streaming anything", async () => {
    const response = await fetch(`${server.url}/api/graphql?query=${encodeURIComponent(MY_RENTALS)}`, { headers: { accept: "text/event-stream", "x-forwarded-for": randomIp() } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ detail: "Not authenticated." });
  });

  it("over POST: a JSON body streams like GET, a cross-site-style body is refused, and the document limits apply", async () => {
    const employee = await createUser("EMPLOYEE");
    const post = (body: string, contentType: string) =>
      fetch(`${server.url}/api/graphql`, {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": contentType, authorization: `Bearer ${employee.token}`, "x-forwarded-for": randomIp() },
        body,
      });
    const streamed = await post(JSON.stringify({ query: PARKING_BOARD }), "application/json");
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toContain("text/event-stream");
    const text = await streamed.text();
    expect(text).toContain("event: next");
    expect(text).toContain('"code":"FORBIDDEN"');
    expect(text).toContain("event: complete");
    const crossSite = await post(JSON.stringify({ query: PARKING_BOARD }), "text/plain");
    expect(crossSite.status).toBe(415);
    const tooBig = await post(JSON.stringify({ query: `${PARKING_BOARD} # ${"x".repeat(40_000)}` }), "application/json");
    expect(await tooBig.text()).toContain("DOCUMENT_TOO_LARGE");
  });

  it("holds an account to a few open subscriptions at a time, and frees a place when one closes", async () => {
    const alice = await createUser("CUSTOMER");
    const open = await Promise.all(Array.from({ length: MAX_STREAMS_PER_ACCOUNT }, () => subscribed(alice, MY_RENTALS)));
    const oneTooMany = subscribe(alice, MY_RENTALS);
    await oneTooMany.opened;
    const refusal = await eventually(() => oneTooMany.payloads.find((payload) => payload.errors), "the refusal");
    expect(refusal.errors?.[0]).toMatchObject({
      message: `At most ${MAX_STREAMS_PER_ACCOUNT} live subscriptions at a time: close one first.`,
      extensions: { code: "TOO_MANY_REQUESTS" },
    });
    expect(open.every((subscription) => subscription.payloads.length === 0 && !subscription.completed)).toBe(true);
    open[0]!.source.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const replacement = await subscribed(alice, MY_RENTALS);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replacement.payloads).toEqual([]);
  });

  it("ends the stream when the caller signs out mid-stream", async () => {
    const alice = await createUser("CUSTOMER");
    const stream = await subscribed(alice, MY_RENTALS);
    expect((await call(logout, { method: "POST", token: alice.token })).status).toBeLessThan(300);
    const ended = await eventually(() => stream.payloads.find((payload) => payload.errors), "the stream's error", 15_000);
    expect(ended.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await eventually(() => (stream.completed ? true : undefined), "the stream to end");
  });
});
