import { afterEach, describe, expect, it } from "vitest";
import { GET as graphqlGet, POST as graphql } from "@/app/api/graphql/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { resetEnvCache } from "@/lib/env";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { creditsOf, HOUR, inFuture, MINUTE, offeredSpot, parkingSnapshot, reserveCall } from "../support/parking";
import { countStatements } from "../support/query-count";

interface GraphQLResponse<Data> {
  data?: Data;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number } }>;
}

async function gql<Data = Record<string, unknown>>(user: TestUser | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await call<GraphQLResponse<Data>>(graphql, {
    path: "/api/graphql",
    json: { query, variables },
    ...(user ? { token: user.token } : {}),
  });
  return response;
}

const SPOTS_QUERY = `query Board($filter: SpotFilter) {
  spots(filter: $filter) { id label zone kind availableNow owner { name } nextReservation { startsAt endsAt status } availability { startsAt endsAt } }
}`;

describe("GraphQL /api/graphql", () => {
  it("gives anonymous callers nothing, and revoked tokens neither", async () => {
    const anonymous = await gql(null, "{ spots { id } }");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: "Not authenticated." });
    const user = await createUser("CUSTOMER");
    await call(logout, { method: "POST", token: user.token });
    expect((await gql(user, "{ me { id } }")).status).toBe(403);
    const sneaky = await call(graphqlGet, { path: `/api/graphql?query=${encodeURIComponent("{ me { id credits } }")}`, headers: { accept: "text/html" } });
    expect(sneaky.status).toBe(401);
  });

  it("answers the spec's query — free spots with owner name and next reservation — from the same services", async () => {
    const owner = await createUser("CUSTOMER", "Gina Graph");
    const reserver = await createUser("CUSTOMER");
    const zone = `GQL-${Date.now()}`;
    const spot = await offeredSpot(owner, 8, { zone });
    const made = await reserveCall(reserver, spot.id, inFuture(2 * HOUR), inFuture(3 * HOUR));
    const response = await gql<{ spots: Array<Record<string, unknown>> }>(reserver, SPOTS_QUERY, { filter: { zone } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.spots).toEqual([
      expect.objectContaining({
        id: spot.id,
        owner: { name: "Gina Graph" },
        nextReservation: { startsAt: made.body.startsAt, endsAt: made.body.endsAt, status: "CONFIRMED" },
      }),
    ]);
    const single = await gql<{ spot: { id: string } | null; missing: unknown }>(
      reserver,
      `{ spot(id: "${spot.id}") { id } missing: spot(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(single.body.data).toEqual({ spot: { id: spot.id }, missing: null });
  });

  it("me: credits, escrow, reservations and spots", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner);
    await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const asReserver = await gql<{ me: { credits: number; escrow: number; reservations: unknown[]; spots: unknown[] } }>(
      reserver,
      "{ me { id role credits escrow reservations { id status spot { id } } spots { id } } }",
    );
    expect(asReserver.body.data?.me).toMatchObject({ credits: 47, escrow: 3, spots: [] });
    expect(asReserver.body.data?.me.reservations).toHaveLength(1);
    const asOwner = await gql<{ me: { spots: Array<{ id: string }> } }>(owner, "{ me { spots { id } } }");
    expect(asOwner.body.data?.me.spots).toEqual([{ id: spot.id }]);
    const admin = await createUser("ADMIN");
    const asAdmin = await gql<{ me: { credits: number; spots: unknown[]; reservations: unknown[] } }>(admin, "{ me { credits spots { id } reservations { id } } }");
    expect(asAdmin.body.errors).toBeUndefined();
    expect(asAdmin.body.data?.me).toEqual({ credits: 0, spots: [], reservations: [] });
  });

  it("mutations run the same rules: create, publish, toggle, reserve, cancel", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const created = await gql<{ createSpot: { id: string; kind: string } }>(owner, `mutation { createSpot(input: { label: "G-1", zone: "Garden", kind: COMPACT }) { id kind } }`);
    expect(created.body.errors).toBeUndefined();
    const spotId = created.body.data!.createSpot.id;
    const published = await gql<{ publishAvailability: { availability: unknown[] } }>(
      owner,
      `mutation($id: ID!, $from: String!, $to: String!) { publishAvailability(spotId: $id, from: $from, to: $to) { availability { startsAt endsAt } } }`,
      { id: spotId, from: inFuture(MINUTE), to: inFuture(5 * HOUR) },
    );
    expect(published.body.data?.publishAvailability.availability).toHaveLength(1);
    const reserved = await gql<{ reserve: { id: string; status: string; cost: number } }>(
      reserver,
      `mutation($id: ID!, $s: String!, $e: String!) { reserve(spotId: $id, startsAt: $s, endsAt: $e) { id status cost } }`,
      { id: spotId, s: inFuture(HOUR), e: inFuture(2 * HOUR) },
    );
    expect(reserved.body.data?.reserve).toMatchObject({ status: "CONFIRMED", cost: 3 });
    expect(await creditsOf(reserver.id)).toEqual({ balance: 47, escrow: 3 });

    const withdraw = await gql(owner, `mutation($id: ID!) { setAvailability(spotId: $id, available: false) { id } }`, { id: spotId });
    expect(withdraw.body.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: 409 });

    const cancelled = await gql<{ cancelReservation: { status: string } }>(reserver, `mutation($id: ID!) { cancelReservation(id: $id) { status } }`, {
      id: reserved.body.data!.reserve.id,
    });
    expect(cancelled.body.data?.cancelReservation.status).toBe("CANCELLED");
    expect(await creditsOf(reserver.id)).toEqual({ balance: 50, escrow: 0 });
  });

  it("refuses the wrong user, the wrong role and bad input, changing nothing", async () => {
    const owner = await createUser("CUSTOMER");
    const reserver = await createUser("CUSTOMER");
    const stranger = await createUser("CUSTOMER");
    const employee = await createUser("EMPLOYEE");
    const spot = await offeredSpot(owner);
    const made = await reserveCall(reserver, spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    const before = await parkingSnapshot();
    const attempts: Array<[TestUser, string, Record<string, unknown>, string]> = [
      [stranger, `mutation($id: ID!) { cancelReservation(id: $id) { id } }`, { id: made.body.id }, "NOT_FOUND"],
      [stranger, `mutation($id: ID!) { setAvailability(spotId: $id, available: true, until: "${inFuture(HOUR)}") { id } }`, { id: spot.id }, "FORBIDDEN"],
      [employee, `mutation { createSpot(input: { label: "E", zone: "Z" }) { id } }`, {}, "FORBIDDEN"],
      [employee, SPOTS_QUERY, {}, "FORBIDDEN"],
      [reserver, `mutation($id: ID!) { reserve(spotId: $id, startsAt: "yesterday", endsAt: "today") { id } }`, { id: spot.id }, "BAD_USER_INPUT"],
      [owner, `mutation($id: ID!) { reserve(spotId: $id, startsAt: "${inFuture(3 * HOUR)}", endsAt: "${inFuture(4 * HOUR)}") { id } }`, { id: spot.id }, "CONFLICT"],
    ];
    for (const [user, query, variables, code] of attempts) {
      const response = await gql(user, query, variables);
      expect(response.body.errors?.[0]?.extensions?.code, query).toBe(code);
    }
    const malformed = await gql(owner, "{ spots { nonexistentField } }");
    expect(malformed.body.errors?.[0]?.message).toContain("nonexistentField");
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("says what is wrong with malformed variables instead of masking it as an unexpected error", async () => {
    const user = await createUser("CUSTOMER");
    const before = await parkingSnapshot();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [SPOTS_QUERY, { filter: { availableNow: "yes" } }, "availableNow"],
      [SPOTS_QUERY, { filter: { kind: "TRUCK" } }, "kind"],
      [SPOTS_QUERY, { filter: { limit: 1.5 } }, "limit"],
      [`mutation($id: ID!) { cancelReservation(id: $id) { id } }`, {}, "$id"],
      [`mutation($id: ID!) { cancelReservation(id: $id) { id } }`, { id: { nested: true } }, "$id"],
      [`mutation($input: SpotInput!) { createSpot(input: $input) { id } }`, { input: { label: "L" } }, "zone"],
    ];
    for (const [query, variables, mentions] of cases) {
      const response = await gql(user, query, variables);
      expect(response.body.data ?? null, JSON.stringify(variables)).toBeNull();
      expect(response.body.errors?.[0]?.message, JSON.stringify(variables)).toContain(mentions);
      expect(response.body.errors?.[0]?.message).not.toBe("Unexpected error.");
    }
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("query size limits", () => {
  it("refuses documents whose cost (root fields and fields, lists weighted) is over the limit before running any of them", async () => {
    const user = await createUser("CUSTOMER");
    const aliases = Array.from({ length: 21 }, (_, index) => `a${index}: spots(filter: { zone: "z${index}" }) { id availability { startsAt } }`).join(" ");
    const manyRoots = await gql(user, `{ ${aliases} }`);
    expect(manyRoots.body.data ?? null).toBeNull();
    expect(manyRoots.body.errors?.[0]?.message).toContain("Query cost 2541 exceeds the limit of 1000");
    const wide = Array.from({ length: 301 }, (_, index) => `f${index}: reservations { id }`).join(" ");
    const manyFields = await gql(user, `{ me { ${wide} } }`);
    expect(manyFields.body.errors?.[0]?.message).toContain("Query cost 3312 exceeds the limit of 1000");
    const fine = await gql(user, `{ ${Array.from({ length: 20 }, (_, index) => `a${index}: me { id }`).join(" ")} }`);
    expect(fine.body.errors).toBeUndefined();
  });
});

describe("no N+1 queries", () => {
  let restore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  /** Counts the SQL statements the app runs (tests/support/query-count.ts), with the spot-list cache off so every query reaches the database. */
  function countQueries(): { count: () => number } {
    const previousTtl = process.env.PARKING_CACHE_TTL_SECONDS;
    process.env.PARKING_CACHE_TTL_SECONDS = "0";
    resetEnvCache();
    const counter = countStatements();
    restore = async () => {
      await counter.restore();
      if (previousTtl === undefined) delete process.env.PARKING_CACHE_TTL_SECONDS;
      else process.env.PARKING_CACHE_TTL_SECONDS = previousTtl;
      resetEnvCache();
    };
    return { count: counter.count };
  }

  it("a spots query with owners, windows and next reservations costs the same for 3 spots as for 15", async () => {
    const viewer = await createUser("CUSTOMER");
    const zoneFew = `FEW-${Date.now()}`;
    const zoneMany = `MANY-${Date.now()}`;
    for (let index = 0; index < 3; index++) await offeredSpot(await createUser("CUSTOMER"), 6, { zone: zoneFew });
    for (let index = 0; index < 15; index++) {
      const owner = await createUser("CUSTOMER");
      const spot = await offeredSpot(owner, 6, { zone: zoneMany });
      if (index % 3 === 0) await reserveCall(await createUser("CUSTOMER"), spot.id, inFuture(HOUR), inFuture(2 * HOUR));
    }
    const counter = countQueries();
    const measure = async (zone: string) => {
      const before = counter.count();
      const response = await gql<{ spots: unknown[] }>(viewer, SPOTS_QUERY, { filter: { zone } });
      return { spots: response.body.data?.spots.length, statements: counter.count() - before };
    };
    await measure(zoneFew); // warm-up: authentication caches nothing, but connection setup happens once
    const few = await measure(zoneFew);
    const many = await measure(zoneMany);
    expect(few.spots).toBe(3);
    expect(many.spots).toBe(15);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBeLessThan(15);
  });
});
