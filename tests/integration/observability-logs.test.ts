import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as graphqlRoute } from "@/app/api/graphql/route";
import { POST as loginRoute } from "@/app/api/v1/auth/login/route";
import { POST as refreshRoute } from "@/app/api/v1/auth/refresh/route";
import { POST as passwordRoute } from "@/app/api/v1/users/me/password/route";
import { GET as meRoute } from "@/app/api/v1/users/me/route";
import { resetEnvCache } from "@/lib/env";
import { createLogger, replaceLogger } from "@/lib/observability/logger";
import { call, type CallResult } from "../support/http";
import { createUser, PASSWORD } from "../support/identity";

/** Every line the app's logger writes during this file, at every level. */
const lines: string[] = [];
const collector = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});

beforeAll(() => {
  replaceLogger(createLogger({ level: "trace", pretty: false, destination: collector }));
  // Nothing listens here: closing live connections after the password change fails and is logged, deep in the service.
  process.env.PUSHER_PORT = "1";
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
});

afterAll(() => {
  replaceLogger(undefined);
  delete process.env.PUSHER_PORT;
  resetEnvCache();
  (globalThis as { wheelhousePusher?: unknown }).wheelhousePusher = undefined;
});

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  userId?: string;
  component?: string;
  method?: string;
  route?: string;
  status?: number;
  durationMs?: number;
}

const parsed = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
const linesOf = (response: CallResult) => parsed().filter((line) => line.requestId === response.headers.get("x-request-id"));

describe("structured logs", () => {
  const secrets: string[] = [];
  const responses: CallResult[] = [];

  it("logs in, uses the access and refresh tokens, changes the password, and no token or password reaches a log line", async () => {
    const user = await createUser("CUSTOMER");
    const newPassword = "a-brand-new-password-42";
    secrets.push(PASSWORD, newPassword, user.token, user.refreshCookie.split("=")[1]!);

    const loggedIn = await call<{ access_token: string }>(loginRoute, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(loggedIn.status).toBe(200);
    const accessToken = loggedIn.body.access_token;
    const refreshToken = loggedIn.cookies.refresh_token!;
    secrets.push(accessToken, refreshToken);
    responses.push(loggedIn);

    const me = await call(meRoute, { path: "/api/v1/users/me", token: accessToken });
    expect(me.status).toBe(200);
    responses.push(me);

    const refreshed = await call<{ access_token: string }>(refreshRoute, { path: "/api/v1/auth/refresh", cookie: `refresh_token=${refreshToken}` });
    expect(refreshed.status).toBe(200);
    secrets.push(refreshed.body.access_token, refreshed.cookies.refresh_token!);
    responses.push(refreshed);

    const wrongCurrent = await call(passwordRoute, { path: "/api/v1/users/me/password", token: refreshed.body.access_token, json: { currentPassword: "not-my-password-1", newPassword } });
    expect(wrongCurrent.status).toBe(422);
    secrets.push("not-my-password-1");
    const changed = await call(passwordRoute, { path: "/api/v1/users/me/password", token: refreshed.body.access_token, json: { currentPassword: PASSWORD, newPassword } });
    expect(changed.status).toBe(200);
    responses.push(wrongCurrent, changed);

    const failed = await call(loginRoute, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(failed.status).toBe(401);
    const graphql = await call(graphqlRoute, { path: "/api/graphql", token: accessToken, json: { query: "{ me { id } }" } });
    responses.push(failed, graphql);

    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      for (const secret of secrets) expect(line, `a log line holds a secret: ${line}`).not.toContain(secret);
      expect(line).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/); // no JWT at all
      expect(line).not.toMatch(/auth_signature=[0-9a-f]{64}/); // nor a signed channel-server request
    }
  });

  it("writes JSON lines, each of a request carrying the id its response returned, and one access-log line per request", () => {
    for (const response of responses) {
      const requestId = response.headers.get("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const own = linesOf(response);
      const access = own.filter((line) => line.component === "http" && line.msg === "request");
      expect(access).toHaveLength(1);
      expect(access[0]!.status).toBe(response.status);
      expect(access[0]!.durationMs).toBeGreaterThanOrEqual(0);
    }
    const [loggedIn, me, refreshed, , changed] = responses;
    expect(linesOf(loggedIn!).find((line) => line.msg === "request")).toMatchObject({ method: "POST", route: "/api/v1/auth/login", status: 200 });
    // Authenticated requests name the principal.
    expect(linesOf(me!).find((line) => line.msg === "request")).toMatchObject({ route: "/api/v1/users/me", status: 200, userId: expect.stringMatching(/^CST\d+$/) });
    expect(linesOf(refreshed!).find((line) => line.msg === "request")?.route).toBe("/api/v1/auth/refresh");
    // A line written deep in a service during the request (closing live connections) carries the request's id and user.
    const deep = linesOf(changed!).find((line) => line.component === "realtime");
    expect(deep).toMatchObject({ level: 50, msg: "could not close the live connections", userId: expect.stringMatching(/^CST\d+$/) });
  });

  it("keeps a caller's plain X-Request-Id and replaces an unsafe or overlong one", async () => {
    const user = await createUser("CUSTOMER");
    const kept = await call(meRoute, { path: "/api/v1/users/me", token: user.token, headers: { "x-request-id": "edge-proxy:7f3a.42_b" } });
    expect(kept.headers.get("x-request-id")).toBe("edge-proxy:7f3a.42_b");
    expect(linesOf(kept).map((line) => line.msg)).toContain("request");
    for (const unsafe of ['abc"}{"level":60', "has spaces", "x".repeat(129)]) {
      const replaced = await call(meRoute, { path: "/api/v1/users/me", token: user.token, headers: { "x-request-id": unsafe } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(lines.some((line) => line.includes("has spaces") || line.includes('"level":60'))).toBe(false);
  });

  it("labels a route with an id by its pattern and a 404 for an unknown id too", async () => {
    const { GET: userRoute } = await import("@/app/api/v1/users/[id]/route");
    const admin = await createUser("ADMIN");
    const found = await call(userRoute, { path: `/api/v1/users/${admin.id}`, params: { id: admin.id }, token: admin.token });
    expect(found.status).toBe(200);
    const missing = await call(userRoute, { path: "/api/v1/users/CST999999", params: { id: "CST999999" }, token: admin.token });
    expect(missing.status).toBe(404);
    for (const response of [found, missing]) {
      expect(linesOf(response).find((line) => line.msg === "request")?.route).toBe("/api/v1/users/[id]");
    }
  });
});

describe("request ids on pages (proxy.ts)", () => {
  it("returns one on every page response and hands the same to the page, keeping a plain caller's id", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const fresh = proxy(new NextRequest("http://localhost/parking"));
    const id = fresh.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get("x-middleware-request-x-request-id")).toBe(id);
    const kept = proxy(new NextRequest("http://localhost/parking", { headers: { "x-request-id": "lb-1234" } }));
    expect(kept.headers.get("x-request-id")).toBe("lb-1234");
    const replaced = proxy(new NextRequest("http://localhost/parking", { headers: { "x-request-id": "<script>" } }));
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
