import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import { POST as loginRoute } from "@/app/api/v1/auth/login/route";
import * as branchCollection from "@/app/api/v1/branches/route";
import { GET as events } from "@/app/api/v1/events/route";
import * as availability from "@/app/api/v1/spots/[id]/availability/route";
import * as spots from "@/app/api/v1/spots/route";
import * as approveRoute from "@/app/api/v1/rentals/[id]/approve/route";
import * as pickupRoute from "@/app/api/v1/rentals/[id]/pickup/route";
import * as returnRoute from "@/app/api/v1/rentals/[id]/return/route";
import * as vehicleCollection from "@/app/api/v1/vehicles/route";
import * as vehicleItem from "@/app/api/v1/vehicles/[id]/route";
import { call } from "../support/http";
import { createUser, databaseSnapshot, login, PASSWORD, registerCustomer, type TestUser } from "../support/identity";
import { createSpot, HOUR, inFuture, MINUTE, offeredSpot, parkingSnapshot, publish, reserveCall } from "../support/parking";
import { addDays, today } from "@/lib/modules/rentals/view-models/dates";
import type { RentalView } from "@/lib/modules/rentals/views";
import { branchInput, newBranch, newRental, newVehicle, vehicleInput } from "../support/rentals";
import * as me from "@/app/api/v1/users/me/route";
import { db } from "@/lib/db";
import { guardHttpRequests } from "@/lib/http/methods";

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };

let admin: TestUser;
let customer: TestUser;
let employee: TestUser;

beforeAll(async () => {
  [admin, customer, employee] = await Promise.all([createUser("ADMIN"), createUser("CUSTOMER"), createUser("EMPLOYEE")]);
});

describe("a NUL or control character is a 422, never a 500 (item 9)", () => {
  it("login refuses a NUL in the username or password with 422", async () => {
    for (const form of [
      { username: "a\u0000b@example.test", password: "whatever-password" },
      { username: customer.email, password: "pass\u0000word" },
    ]) {
      const response = await call<FieldErrors>(loginRoute, { path: "/api/v1/auth/login", form });
      expect(response.status, JSON.stringify(response.body)).toBe(422);
    }
  });

  it("registration refuses a NUL anywhere, and changes nothing", async () => {
    const before = await databaseSnapshot();
    for (const field of ["name", "email", "phone", "password"]) {
      const value = field === "email" ? "x\u0000@example.test" : field === "phone" ? "+1555\u00000000" : "Bad\u0000value-long";
      const response = await registerCustomer({ [field]: value });
      expect(response.status, `${field}: ${JSON.stringify(response.body)}`).toBe(422);
      expect((response.body as FieldErrors).detail.map((error) => error.loc)).toContainEqual(["body", field]);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("list filters with %00 are a 422 naming the parameter", async () => {
    const cases: Array<[unknown, string, string, TestUser]> = [
      [spots.GET, "/api/v1/spots?zone=%00", "zone", customer],
      [branchCollection.GET, "/api/v1/branches?city=a%00b", "city", employee],
      [events, "/api/v1/events?topic=user_events&key=%00", "key", admin],
      [events, "/api/v1/events?topic=user_events&type=%00", "type", admin],
      [vehicleCollection.GET, "/api/v1/vehicles?q=%00", "q", customer],
      [spots.GET, "/api/v1/spots?zo%00ne=x", "zo\u0000ne", customer],
    ];
    for (const [handler, path, field, who] of cases) {
      const response = await call<FieldErrors>(handler, { token: who.token, path });
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(422);
      expect(response.body.detail.map((error) => error.loc)).toContainEqual(["query", field]);
    }
  });

  it("JSON bodies with a NUL in a nested string or key are a 422", async () => {
    const response = await call<FieldErrors>(spots.POST, {
      token: customer.token,
      json: { label: "A\u0000", zone: "Z", kind: "STANDARD" },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(422);
    expect(response.body.detail.map((error) => error.loc)).toContainEqual(["body", "label"]);
    const branch = await call<FieldErrors>(branchCollection.POST, { token: employee.token, json: branchInput({ address: "1 Road\u0000" }) });
    expect(branch.status, JSON.stringify(branch.body)).toBe(422);
  });

  it("single-line fields refuse other control characters; multi-line descriptions keep newlines and tabs", async () => {
    for (const label of ["bell\u0007", "esc\u001b[31m", "new\nline", "c1\u0085x", "del\u007f"]) {
      const response = await call<FieldErrors>(spots.POST, { token: customer.token, json: { label, zone: "Z", kind: "STANDARD" } });
      expect(response.status, `${JSON.stringify(label)}: ${JSON.stringify(response.body)}`).toBe(422);
      expect(response.body.detail.map((error) => error.loc)).toContainEqual(["body", "label"]);
    }
    const multiline = await call<{ description: string }>(spots.POST, {
      token: customer.token,
      json: { label: `ML-${Date.now()}`, zone: "Z", kind: "STANDARD", description: "line one\n\tline two" },
    });
    expect(multiline.status, JSON.stringify(multiline.body)).toBe(201);
    expect(multiline.body.description).toBe("line one\n\tline two");
    const bell = await call(spots.POST, { token: customer.token, json: { label: `B-${Date.now()}`, zone: "Z", kind: "STANDARD", description: "ring\u0007" } });
    expect(bell.status).toBe(422);
  });

  it("names and labels that are empty once invisible characters are trimmed are a 422", async () => {
    for (const name of ["\u200b\u200b", "\u202e", " \u2066\u2069 ", "\ufeff", "\u00ad"]) {
      const registration = await registerCustomer({ name });
      expect(registration.status, `${JSON.stringify(name)}: ${JSON.stringify(registration.body)}`).toBe(422);
      const spot = await call(spots.POST, { token: customer.token, json: { label: name, zone: "Z", kind: "STANDARD" } });
      expect(spot.status, JSON.stringify(name)).toBe(422);
      const branch = await call(branchCollection.POST, { token: employee.token, json: branchInput({ name }) });
      expect(branch.status, JSON.stringify(name)).toBe(422);
    }
  });

  it("GraphQL: a NUL in variables is a 422 naming it, one escaped in the document a BAD_USER_INPUT error", async () => {
    const viaVariables = await call<FieldErrors>(graphql, {
      path: "/api/graphql",
      token: customer.token,
      json: { query: "query($filter: SpotFilter) { spots(filter: $filter) { id } }", variables: { filter: { zone: "\u0000" } } },
    });
    expect(viaVariables.status).toBe(422);
    expect(viaVariables.body.detail.map((error) => error.loc)).toContainEqual(["body", "variables", "filter", "zone"]);
    const inline = await call<{ errors?: Array<{ extensions?: { status?: number } }> }>(graphql, {
      path: "/api/graphql",
      token: customer.token,
      json: { query: 'query { spots(filter: { zone: "\\u0000" }) { id } }' },
    });
    expect(inline.status).toBeLessThan(500);
    expect(inline.body.errors?.[0]?.extensions?.status).toBe(422);
  });
});

const DAY = 24 * HOUR;

describe("instants are bounded to a sane horizon (item 11)", () => {
  const FAR = "9999-12-31T23:59:59-01:00";

  it("an instant past year 9999 is a 422 wherever instants are read, never a 500", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await offeredSpot(owner, 12);
    const checks = [
      call<FieldErrors>(availability.POST, { token: owner.token, params: { id: spot.id }, json: { from: inFuture(MINUTE), to: FAR } }),
      call<FieldErrors>(availability.PUT, { token: owner.token, params: { id: spot.id }, json: { available: true, until: FAR } }),
      call<FieldErrors>(availability.GET, { token: owner.token, params: { id: spot.id }, path: `/api/v1/spots/${spot.id}/availability?to=${encodeURIComponent(FAR)}` }),
      call<FieldErrors>(spots.GET, { token: customer.token, path: `/api/v1/spots?availableFrom=${encodeURIComponent(inFuture(HOUR))}&availableTo=${encodeURIComponent(FAR)}` }),
      reserveCall(customer, spot.id, inFuture(HOUR), FAR),
    ];
    for (const response of await Promise.all(checks)) {
      expect(response.status, JSON.stringify(response.body)).toBe(422);
    }
  });

  it("windows and reservations in year 9999 or past PARKING_MAX_WINDOW_DAYS from now are a 422 and change nothing", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    const before = await parkingSnapshot();
    const windows: Array<[string, string]> = [
      ["9999-01-01T00:00:00Z", "9999-01-02T00:00:00Z"],
      [inFuture(89 * DAY), inFuture(92 * DAY)],
    ];
    for (const [from, to] of windows) {
      const response = await call<FieldErrors>(availability.POST, { token: owner.token, params: { id: spot.id }, json: { from, to } });
      expect(response.status, `${from}–${to}: ${JSON.stringify(response.body)}`).toBe(422);
    }
    for (const [startsAt, endsAt] of [["9999-01-01T00:00:00Z", "9999-01-01T02:00:00Z"], [inFuture(95 * DAY), inFuture(95 * DAY + 2 * HOUR)]] as const) {
      const response = await reserveCall(customer, spot.id, startsAt, endsAt);
      expect(response.status, JSON.stringify(response.body)).toBe(422);
    }
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("merging windows keeps the maximum length (item 12)", () => {
  it("a window that would merge into one longer than PARKING_MAX_WINDOW_DAYS is a 409 and changes nothing", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    const started = new Date(Date.now() - 60 * DAY);
    const ends = new Date(Date.now() + 10 * DAY);
    await db.availabilityWindow.create({ data: { spotId: spot.id, startsAt: started, endsAt: ends } });
    const before = await parkingSnapshot();
    const touching = await call<{ detail: string }>(availability.POST, {
      token: owner.token,
      params: { id: spot.id },
      json: { from: ends.toISOString(), to: inFuture(40 * DAY) },
    });
    expect(touching.status, JSON.stringify(touching.body)).toBe(409);
    expect(touching.body.detail).toMatch(/longer than 90 days/);
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("touching windows that stay within the maximum still merge", async () => {
    const owner = await createUser("CUSTOMER");
    const spot = await createSpot(owner);
    const middle = inFuture(40 * DAY);
    await publish(owner, spot.id, inFuture(MINUTE), middle);
    await publish(owner, spot.id, middle, inFuture(80 * DAY));
    expect(await db.availabilityWindow.count({ where: { spotId: spot.id } })).toBe(1);
  });
});

describe("money is at least one minor unit and sums do not overflow (item 13)", () => {
  it("a daily price that rounds to less than a cent, or has more than two decimals, is a 422 on create and update", async () => {
    const branch = await newBranch(employee.token);
    for (const dailyPrice of [0.000000001, 0.001, 0.004, 0.005, 49.999, 1e-7]) {
      const created = await call<FieldErrors>(vehicleCollection.POST, { token: employee.token, json: vehicleInput(branch.id, { dailyPrice }) });
      expect(created.status, `${dailyPrice}: ${JSON.stringify(created.body)}`).toBe(422);
      expect(created.body.detail.map((error) => error.loc)).toContainEqual(["body", "dailyPrice"]);
    }
    const car = await newVehicle(employee.token, branch.id, { dailyPrice: 0.01 });
    expect(car.dailyPrice).toBe(0.01);
    const updated = await call<FieldErrors>(vehicleItem.PATCH, { method: "PATCH", token: employee.token, params: { id: car.id }, json: { dailyPrice: 0.000000001 } });
    expect(updated.status, JSON.stringify(updated.body)).toBe(422);
  });

  it("a very late return at a high daily price (late fee beyond 2^31 cents) completes with the right amounts", async () => {
    const branch = await newBranch(employee.token);
    const car = await newVehicle(employee.token, branch.id, { dailyPrice: 100_000 });
    const rental = await newRental(customer.token, car.id, 0, 2);
    const act = (handler: unknown) => call<RentalView>(handler, { method: "POST", token: employee.token, params: { id: rental.id } });
    expect((await act(approveRoute.POST)).status).toBe(200);
    expect((await act(pickupRoute.POST)).status).toBe(200);
    await db.rental.update({
      where: { id: rental.id },
      data: { startDate: addDays(today(), -300), endDate: addDays(today(), -298), totalPriceCents: 2 * 10_000_000 },
    });
    const returned = await act(returnRoute.POST);
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ lateDays: 298, lateFee: 29_800_000, totalPrice: 200_000, amountDue: 30_000_000 });
  });
});

describe("one phone number is one account: phones are stored in E.164 (item 15)", () => {
  const national = () => `1555${String(Date.now()).slice(-7)}`;

  it("registering 1555… and then +1555… is a 409, and either spelling logs in", async () => {
    const digits = national();
    const first = await registerCustomer({ phone: digits });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.phone).toBe(`+${digits}`);
    const before = await databaseSnapshot();
    for (const phone of [`+${digits}`, `00${digits}`, `(${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`]) {
      const second = await registerCustomer({ phone });
      expect(second.status, `${phone}: ${JSON.stringify(second.body)}`).toBe(409);
    }
    expect(await databaseSnapshot()).toEqual(before);
    for (const username of [digits, `+${digits}`, digits.slice(1)]) {
      await expect(login(username, PASSWORD), username).resolves.toMatchObject({ token: expect.any(String) });
    }
  });

  it("a profile edit to another spelling of a taken number is a 409", async () => {
    const digits = national();
    expect((await registerCustomer({ phone: `+${digits}` })).status).toBe(201);
    const other = await createUser("CUSTOMER");
    const edit = await call(me.PATCH, { method: "PATCH", token: other.token, json: { phone: digits.slice(1) } });
    expect(edit.status, JSON.stringify(edit.body)).toBe(409);
  });

  it("numbers that are not E.164 once read are a 422", async () => {
    for (const phone of ["+0123456789", "12", "+1234567890123456"]) {
      const response = await registerCustomer({ phone });
      expect(response.status, phone).toBe(422);
    }
  });
});

describe("unsupported HTTP methods are a 405/501, not a 500 (item 14)", () => {
  function rawRequest(port: number, method: string, path = "/parking"): Promise<{ status: number; allow?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method, path }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
      });
      request.on("error", reject);
      request.end();
    });
  }

  /** Runs `checks` against a local HTTP server whose handler does what Next.js does with a request (`imitateNext`: throw → 500). */
  async function withGuardedServer(imitateNext: (request: http.IncomingMessage) => void, checks: (port: number) => Promise<void>): Promise<void> {
    guardHttpRequests();
    const server = http.createServer((request, response) => {
      try {
        imitateNext(request);
        response.writeHead(200).end("app");
      } catch {
        response.writeHead(500).end("crashed");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await checks((server.address() as AddressInfo).port);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  // Node's own parser answers 400 to methods it does not know (TRACK, BREW); these are the ones it passes on.
  it("TRACE is 405, PROPFIND and MKCOL 501, with Allow; supported methods reach the app", async () => {
    // What Next.js does with every request: build a Fetch Request (which throws on TRACE).
    const buildFetchRequest = (request: http.IncomingMessage) => new Request(`http://localhost${request.url}`, { method: request.method });
    await withGuardedServer(buildFetchRequest, async (port) => {
      for (const [method, status] of [["TRACE", 405], ["PROPFIND", 501], ["MKCOL", 501]] as const) {
        const response = await rawRequest(port, method);
        expect(response.status, method).toBe(status);
        expect(response.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        expect(JSON.parse(response.body)).toEqual({ detail: expect.stringContaining(method) });
      }
      for (const method of ["GET", "POST", "OPTIONS"]) expect((await rawRequest(port, method)).body, method).toBe("app");
    });
  });

  it("a path whose percent-encoding does not decode is a 400 before the app sees it; well-formed paths reach the app", async () => {
    // What Next.js does with a dynamic segment such as /api/v1/rentals/[id]: decode it (and answer 500 when that throws).
    const decodeSegments = (request: http.IncomingMessage) => new URL(request.url ?? "/", "http://localhost").pathname.split("/").map(decodeURIComponent);
    await withGuardedServer(decodeSegments, async (port) => {
      for (const path of ["/api/v1/rentals/%ff%fe", "/parking/spots/%ff", "/api/v1/spots/%E0%A4%A"]) {
        const response = await rawRequest(port, "GET", path);
        expect(response.status, path).toBe(400);
        expect(JSON.parse(response.body)).toEqual({ detail: "Malformed URL: its percent-encoding does not decode." });
      }
      for (const path of ["/api/v1/spots/%C3%A9", "/parking?zone=%ff", "/a%20b"]) expect((await rawRequest(port, "GET", path)).body, path).toBe("app");
    });
  });
});
