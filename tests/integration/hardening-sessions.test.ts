import { encode } from "next-auth/jwt";
import { describe, expect, it, onTestFinished } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { POST as graphql } from "@/app/api/graphql/route";
import { POST as logoutAll } from "@/app/api/v1/auth/logout-all/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { POST as refresh } from "@/app/api/v1/auth/refresh/route";
import { GET as notifications } from "@/app/api/v1/notifications/route";
import * as spots from "@/app/api/v1/spots/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { authOptions } from "@/lib/auth/next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

/** Signs in the way next-auth does: the jwt callback's token, encoded into the session cookie. */
async function browserSignIn(user: TestUser): Promise<string> {
  const jwt = authOptions().callbacks!.jwt!;
  const identity = { id: user.id, roleId: 3, name: "Test customer", email: null };
  const token = await jwt({ token: { name: identity.name }, user: identity, account: null, trigger: "signIn" });
  const value = await encode({ token, secret: env().secrets.nextAuth });
  return `next-auth.session-token=${value}`;
}

/** What a page of the app itself sends with fetch(): its own origin. */
const SAME_ORIGIN = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
const EVIL_ORIGIN = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

const spotInput = (label: string) => ({ label, zone: "North", kind: "COMPACT" });

async function spotCount(ownerId: string) {
  return db.parkingSpot.count({ where: { ownerId } });
}

/** next-auth's own route, called as Next.js calls it (the catch-all segments as params). */
async function nextAuth(method: "GET" | "POST", action: string, options: CallOptions = {}) {
  const handler = method === "GET" ? nextAuthRoute.GET : nextAuthRoute.POST;
  return call<Record<string, unknown> | string>(handler, {
    method,
    path: `/api/auth/${action}`,
    params: { nextauth: action.split("?")[0]!.split("/") } as unknown as Record<string, string>,
    ...options,
  });
}

describe("logging out ends the browser session on the server", () => {
  it("POST /auth/logout with the session cookie: the same cookie can neither read nor write afterwards", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const other = await browserSignIn(user);
    expect((await call(me, { cookie })).status).toBe(200);

    const response = await call(logout, { path: "/api/v1/auth/logout", method: "POST", cookie, headers: SAME_ORIGIN });
    expect(response.status).toBe(200);

    expect((await call(me, { cookie })).status).toBe(401);
    const write = await call(spots.POST, { path: "/api/v1/spots", cookie, json: spotInput("After logout"), headers: SAME_ORIGIN });
    expect(write.status).toBe(401);
    expect(await spotCount(user.id)).toBe(0);
    // Another browser of the same user is a different session and stays signed in.
    expect((await call(me, { cookie: other })).status).toBe(200);
  });

  it("next-auth's sign-out (POST /api/auth/signout with its CSRF token) revokes the session", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const csrf = await nextAuth("GET", "csrf", { cookie });
    expect(csrf.status).toBe(200);
    const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
    const csrfCookie = `next-auth.csrf-token=${csrf.cookies["next-auth.csrf-token"]}`;

    const signOut = await nextAuth("POST", "signout", {
      cookie: `${cookie}; ${csrfCookie}`,
      form: { csrfToken, callbackUrl: "/", json: "true" },
      headers: SAME_ORIGIN,
    });
    expect(signOut.status).toBe(200);
    expect(signOut.setCookieLines.some((line) => /^next-auth\.session-token=;/.test(line))).toBe(true);

    expect((await call(me, { cookie })).status).toBe(401);
    // The session endpoint neither shows nor renews it.
    const session = await nextAuth("GET", "session", { cookie });
    expect(session.body).toEqual({});
    expect(session.setCookieLines.some((line) => /^next-auth\.session-token=[^;]/.test(line))).toBe(false);
  });

  it("sign out everywhere ends every browser session and every bearer token of the user, and no one else's", async () => {
    const user = await createUser("CUSTOMER");
    const bystander = await createUser("CUSTOMER");
    const bystanderCookie = await browserSignIn(bystander);
    const here = await browserSignIn(user);
    const elsewhere = await browserSignIn(user);

    const response = await call<{ message: string }>(logoutAll, { path: "/api/v1/auth/logout-all", method: "POST", cookie: here, headers: SAME_ORIGIN });
    expect(response.status).toBe(200);
    expect(response.setCookieLines.some((line) => /^next-auth\.session-token=;.*Max-Age=0/.test(line))).toBe(true);

    expect((await call(me, { cookie: here })).status).toBe(401);
    expect((await call(me, { cookie: elsewhere })).status).toBe(401);
    expect([401, 403]).toContain((await call(me, { token: user.token })).status);
    const refreshed = await call<{ detail: string }>(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: user.refreshCookie });
    expect([401, 403]).toContain(refreshed.status);

    expect((await call(me, { cookie: bystanderCookie })).status).toBe(200);
    expect((await call(me, { token: bystander.token })).status).toBe(200);
    // Signing in again afterwards works.
    expect((await call(me, { cookie: await browserSignIn(user) })).status).toBe(200);
  });

  it("sign out everywhere refuses a revoked token and a missing one, and ends nothing", async () => {
    const user = await createUser("CUSTOMER");
    const other = await createUser("CUSTOMER");
    expect((await call(logout, { path: "/api/v1/auth/logout", method: "POST", token: user.token })).status).toBe(200);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialsChangedAt: true } });
    const revoked = await call<{ detail: string }>(logoutAll, { path: "/api/v1/auth/logout-all", method: "POST", token: user.token });
    expect(revoked.status).toBe(403);
    expect(revoked.body.detail).toBe("Token has been revoked.");
    expect((await call(logoutAll, { path: "/api/v1/auth/logout-all", method: "POST" })).status).toBe(401);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { credentialsChangedAt: true } })).toEqual(before);
    expect((await call(me, { token: other.token })).status).toBe(200);
  });

  it("sign out everywhere works for a bearer caller too", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const response = await call(logoutAll, { path: "/api/v1/auth/logout-all", method: "POST", token: user.token });
    expect(response.status).toBe(200);
    expect((await call(me, { cookie })).status).toBe(401);
    expect([401, 403]).toContain((await call(me, { token: user.token })).status);
  });
});

describe("cross-site requests with the session cookie", () => {
  it("a text/plain POST from another origin is refused and creates nothing", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const response = await call<{ detail: string }>(spots.POST, {
      path: "/api/v1/spots",
      cookie,
      rawBody: JSON.stringify(spotInput("Forged")),
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ detail: "Cross-site request refused." });
    expect(await spotCount(user.id)).toBe(0);
  });

  it("refuses Sec-Fetch-Site cross-site or same-site, and a foreign Origin, even with a JSON body", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const attempts: Array<Record<string, string>> = [
      EVIL_ORIGIN,
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "http://localhost.evil.example" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      const response = await call(spots.POST, { path: "/api/v1/spots", cookie, json: spotInput("Forged"), headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    for (const handler of [logout, logoutAll]) {
      expect((await call(handler, { path: "/api/v1/auth/logout", method: "POST", cookie, headers: EVIL_ORIGIN })).status).toBe(403);
    }
    expect(await spotCount(user.id)).toBe(0);
    expect((await call(me, { cookie })).status).toBe(200);
  });

  it("a body that is not JSON is refused with 415 even without Origin headers", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await call<{ detail: string }>(spots.POST, {
        path: "/api/v1/spots",
        cookie,
        rawBody: JSON.stringify(spotInput("Forged")),
        headers: { "content-type": type },
      });
      expect(response.status, type).toBe(415);
      expect(response.body.detail).toMatch(/application\/json/);
    }
    // navigator.sendBeacon with an untyped Blob: a body and no Content-Type at all.
    const beacon = new Request("http://localhost/api/v1/spots", {
      method: "POST",
      headers: { cookie },
      body: new Blob([JSON.stringify(spotInput("Beacon"))]),
    });
    expect(beacon.headers.get("content-type")).toBeNull();
    expect((await spots.POST(beacon, { params: Promise.resolve({}) })).status).toBe(415);
    expect(await spotCount(user.id)).toBe(0);
    // No body at all stays what it was: a 422 naming the body.
    const empty = await call<{ detail: Array<{ loc: string[] }> }>(spots.POST, { path: "/api/v1/spots", method: "POST", cookie });
    expect(empty.status).toBe(422);
    expect(empty.body.detail[0]!.loc).toEqual(["body"]);
  });

  it("GraphQL mutations from another origin with the cookie are refused", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    const mutation = `mutation { createSpot(input: { label: "Forged", zone: "North", kind: COMPACT }) { id } }`;
    const response = await call(graphql, { path: "/api/graphql", cookie, json: { query: mutation }, headers: EVIL_ORIGIN });
    expect(response.status).toBe(403);
    expect(await spotCount(user.id)).toBe(0);
  });

  it("cross-site reads stay possible (GET is not a state change), and the same origin can write", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn(user);
    expect((await call(notifications, { cookie, headers: EVIL_ORIGIN })).status).toBe(200);
    const created = await call(spots.POST, { path: "/api/v1/spots", cookie, json: spotInput("Mine"), headers: SAME_ORIGIN });
    expect(created.status).toBe(201);
    const noHeaders = await call(spots.POST, { path: "/api/v1/spots", cookie, json: spotInput("Mine too") });
    expect(noHeaders.status).toBe(201);
    const charset = await call(spots.POST, {
      path: "/api/v1/spots",
      cookie,
      rawBody: JSON.stringify(spotInput("Mine three")),
      headers: { "content-type": "application/json; charset=utf-8", ...SAME_ORIGIN },
    });
    expect(charset.status).toBe(201);
  });

  it("bearer-token callers are unaffected by Origin and Sec-Fetch-Site", async () => {
    const user = await createUser("CUSTOMER");
    const response = await call(spots.POST, { path: "/api/v1/spots", token: user.token, json: spotInput("API"), headers: EVIL_ORIGIN });
    expect(response.status).toBe(201);
  });
});

describe("next-auth's public URL comes from configuration, not the Host header", () => {
  it("no link, redirect or cookie names the host a request claims", async () => {
    // What the launcher used to set when NEXTAUTH_URL was unset: "trust the Host header".
    process.env.AUTH_TRUST_HOST = "true";
    onTestFinished(() => {
      delete process.env.AUTH_TRUST_HOST;
    });
    const hostile = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const responses = [
      await nextAuth("GET", "providers", { headers: hostile }),
      await nextAuth("GET", "signin", { headers: hostile }),
      await nextAuth("GET", "csrf", { headers: hostile }),
      await nextAuth("GET", "signin?callbackUrl=%2Fparking", { headers: hostile }),
      await nextAuth("POST", "signin/credentials", { headers: hostile, form: { username: "nobody", password: "x", json: "true" } }),
    ];
    for (const response of responses) {
      const everything = JSON.stringify(response.body) + JSON.stringify([...response.headers.entries()]);
      expect(everything).not.toContain("evil.example");
    }
    const providers = responses[0]!.body as Record<string, { signinUrl: string }>;
    expect(providers.credentials!.signinUrl.startsWith(`http://localhost:${env().PORT}/`)).toBe(true);
  });
});

describe("malformed cookies", () => {
  it("percent-encoding that does not decode counts as no cookie: 401, never 500", async () => {
    const user = await createUser("CUSTOMER");
    for (const cookie of ["refresh_token=%", "next-auth.session-token=%", "next-auth.session-token=%E0%A4%A; refresh_token=%zz"]) {
      expect((await call(me, { cookie })).status, cookie).toBe(401);
      expect((await call(notifications, { cookie })).status, cookie).toBe(401);
      expect((await call(spots.GET, { cookie })).status, cookie).toBe(401);
      expect((await call(logout, { path: "/api/v1/auth/logout", method: "POST", cookie })).status, cookie).toBe(401);
    }
    const missing = await call<{ detail: string }>(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: "refresh_token=%" });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ detail: "Refresh token missing" });
    // A bearer caller with a stray bad cookie is still served.
    expect((await call(me, { token: user.token, cookie: "refresh_token=%" })).status).toBe(200);
  });
});
