import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { POST as refresh } from "@/app/api/v1/auth/refresh/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { POST as changePassword } from "@/app/api/v1/users/me/password/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { call } from "../support/http";
import { createUser, databaseSnapshot, PASSWORD, registerCustomer } from "../support/identity";

const accessKey = () => new TextEncoder().encode(env().secrets.accessToken);
const refreshKey = () => new TextEncoder().encode(env().secrets.refreshToken);

async function meWith(token: string) {
  return call<Record<string, unknown>>(me, { path: "/api/v1/users/me", token });
}

describe("the spec's sequence: login → protected → refresh → logout → reuse", () => {
  it("works end to end and rejects every token after logout", async () => {
    const registered = await registerCustomer();
    expect(registered.status).toBe(201);
    const { phone } = registered.body as { phone: string };

    const loggedIn = await call<{ access_token: string; token_type: string }>(login, {
      path: "/api/v1/auth/login",
      form: { username: phone, password: PASSWORD },
    });
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.token_type).toBe("bearer");
    expect(Object.keys(loggedIn.body).sort()).toEqual(["access_token", "token_type"]);
    const cookieLine = loggedIn.setCookieLines.find((line) => line.startsWith("refresh_token="))!;
    expect(cookieLine).toMatch(/HttpOnly/i);
    expect(cookieLine).toMatch(/SameSite=Lax/i);
    expect(cookieLine).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    const refreshCookie = `refresh_token=${loggedIn.cookies.refresh_token}`;

    const protectedCall = await meWith(loggedIn.body.access_token);
    expect(protectedCall.status).toBe(200);
    expect(protectedCall.body).toMatchObject({ id: registered.body.id, role: "CUSTOMER", credits: 50 });
    expect(JSON.stringify(protectedCall.body)).not.toMatch(/hash/i);

    const refreshed = await call<{ access_token: string; token_type: string }>(refresh, {
      path: "/api/v1/auth/refresh",
      cookie: refreshCookie,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.token_type).toBe("bearer");
    expect(refreshed.body.access_token).not.toBe(loggedIn.body.access_token);
    const rotatedCookie = `refresh_token=${refreshed.cookies.refresh_token}`;
    expect(rotatedCookie).not.toBe(refreshCookie);
    expect((await meWith(refreshed.body.access_token)).status).toBe(200);

    const loggedOut = await call(logout, {
      path: "/api/v1/auth/logout",
      method: "POST",
      token: refreshed.body.access_token,
      cookie: rotatedCookie,
    });
    expect(loggedOut.status).toBe(200);
    expect(loggedOut.body).toEqual({ message: "Successfully logged out" });

    const reusedAccess = await meWith(refreshed.body.access_token);
    expect(reusedAccess.status).toBe(403);
    expect(reusedAccess.body).toEqual({ detail: "Token has been revoked." });
    const reusedRefresh = await call(refresh, { path: "/api/v1/auth/refresh", cookie: rotatedCookie });
    expect(reusedRefresh.status).toBe(403);
    expect(reusedRefresh.body).toEqual({ detail: "Token has been revoked." });
  });
});

describe("tokens", () => {
  it("carry exactly the spec's claims, HS256, with the configured lifetimes", async () => {
    const user = await createUser("MECHANIC");
    const header = decodeProtectedHeader(user.token);
    expect(header.alg).toBe("HS256");
    const claims = decodeJwt(user.token);
    expect(Object.keys(claims).sort()).toEqual(["exp", "iat", "jti", "role", "sub", "type"]);
    expect(claims).toMatchObject({ sub: user.id, role: 2, type: "access" });
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.exp! - claims.iat!).toBe(30 * 60);

    const refreshClaims = decodeJwt(user.refreshCookie.split("=")[1]!);
    expect(refreshClaims).toMatchObject({ sub: user.id, role: 2, type: "refresh" });
    expect(refreshClaims.exp! - refreshClaims.iat!).toBe(7 * 86_400);
  });

  it("are refused when forged, altered, expired, of the wrong type or algorithm, or malformed", async () => {
    const user = await createUser("CUSTOMER");
    const claims = decodeJwt(user.token);
    const now = Math.floor(Date.now() / 1000);
    const sign = (payload: Record<string, unknown>, key: Uint8Array, alg = "HS256") =>
      new SignJWT(payload).setProtectedHeader({ alg }).sign(key);
    const [headerPart, payloadPart] = user.token.split(".");
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 1, sub: "ADM000001" })).toString("base64url");
    const unsignedNone = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${payloadPart}.`;

    const abuses: Record<string, string> = {
      "wrong secret": await sign({ ...claims }, new TextEncoder().encode("x".repeat(48))),
      "payload altered, signature kept": `${headerPart}.${elevated}.${user.token.split(".")[2]}`,
      "alg none": unsignedNone,
      "alg HS512 with the right secret": await sign({ ...claims }, accessKey(), "HS512"),
      expired: await sign({ ...claims, iat: now - 3600, exp: now - 60 }, accessKey()),
      "refresh token used as access token": user.refreshCookie.split("=")[1]!,
      "type refresh signed with the access key": await sign({ ...claims, type: "refresh" }, accessKey()),
      "access claims signed with the refresh key": await sign({ ...claims }, refreshKey()),
      "missing jti": await sign({ sub: claims.sub, role: claims.role, type: "access", iat: now, exp: now + 600 }, accessKey()),
      "not a JWT": "definitely-not-a-token",
    };
    for (const [abuse, token] of Object.entries(abuses)) {
      const response = await meWith(token);
      expect(response.status, abuse).toBe(401);
      expect(response.body, abuse).toEqual({ detail: "Invalid token." });
    }

    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer  ", "bearer a b"]) {
      const response = await call(me, { path: "/api/v1/users/me", authorization });
      expect(response.status, authorization).toBe(401);
    }
    const anonymous = await call(me, { path: "/api/v1/users/me" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: "Not authenticated." });
    expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("of a deleted user stop working", async () => {
    const user = await createUser("CUSTOMER");
    await db.user.delete({ where: { id: user.id } });
    const response = await meWith(user.token);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Invalid token." });
  });
});

describe("POST /auth/login", () => {
  it("accepts the phone number or the email (any case) as username", async () => {
    const user = await createUser("EMPLOYEE");
    for (const username of [user.phone, user.email, user.email.toUpperCase(), ` ${user.email} `]) {
      const response = await call(login, { path: "/api/v1/auth/login", form: { username, password: PASSWORD } });
      expect(response.status, username).toBe(200);
    }
  });

  it("gives the same 401 for an unknown user and a wrong password, and records both", async () => {
    const user = await createUser("CUSTOMER");
    const wrongPassword = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: "nope-nope" } });
    const unknownUser = await call(login, {
      path: "/api/v1/auth/login",
      form: { username: "nobody-here@example.test", password: "nope-nope" },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body).toEqual({ detail: "Incorrect username or password." });
    expect(wrongPassword.setCookieLines).toEqual([]);
    const audited = await db.auditLog.findMany({
      where: { action: "login_failed", subject: { in: [user.email, "nobody-here@example.test"] } },
    });
    expect(audited).toHaveLength(2);
    const events = await db.outboxEvent.findMany({ where: { topic: "user_events", type: "security.login_failed", payload: { path: ["subject"], equals: user.email } } });
    expect(events).toHaveLength(1);
  });

  it("wants a form: a JSON body or missing fields are a 422 naming the fields", async () => {
    const asJson = await call<{ detail: Array<{ loc: string[] }> }>(login, {
      path: "/api/v1/auth/login",
      json: { username: "a", password: "b" },
    });
    expect(asJson.status).toBe(422);
    expect(asJson.body.detail.map((error) => error.loc.join("."))).toEqual(["body.username", "body.password"]);
    const missingPassword = await call<{ detail: Array<{ loc: string[] }> }>(login, {
      path: "/api/v1/auth/login",
      form: { username: "someone" },
    });
    expect(missingPassword.status).toBe(422);
    expect(missingPassword.body.detail[0]!.loc).toEqual(["body", "password"]);
  });
});

describe("POST /auth/refresh", () => {
  it("without a cookie is a 401 'Refresh token missing'", async () => {
    const response = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST" });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Refresh token missing" });
  });

  it("with a forged or non-refresh cookie is a 401 'Invalid token.'", async () => {
    const user = await createUser("CUSTOMER");
    for (const cookie of [`refresh_token=${user.token}`, "refresh_token=garbage"]) {
      const response = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail: "Invalid token." });
    }
  });

  it("revokes the whole login when an already-rotated refresh token comes back (theft detection)", async () => {
    const user = await createUser("CUSTOMER");
    const first = await call<{ access_token: string }>(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: user.refreshCookie });
    expect(first.status).toBe(200);
    const legitimateCookie = `refresh_token=${first.cookies.refresh_token}`;

    const replayed = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: user.refreshCookie });
    expect(replayed.status).toBe(403);
    expect(replayed.body).toEqual({ detail: "Token has been revoked." });

    const afterTheft = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: legitimateCookie });
    expect(afterTheft.status).toBe(403);
    const family = await db.refreshToken.findMany({ where: { userId: user.id } });
    expect(family.every((token) => token.revokedAt !== null)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "refresh_token_reuse", actorId: user.id } })).toBe(1);
  });

  it("also revokes every access token the login handed out, so a copied login stops at once", async () => {
    const user = await createUser("CUSTOMER");
    const once = await call<{ access_token: string }>(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: user.refreshCookie });
    expect(once.status).toBe(200);
    const onceCookie = `refresh_token=${once.cookies.refresh_token}`;
    const twice = await call<{ access_token: string }>(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: onceCookie });
    expect(twice.status).toBe(200);
    const accessTokens = [user.token, once.body.access_token, twice.body.access_token];
    for (const token of accessTokens) expect((await meWith(token)).status).toBe(200);

    // A copy of the once-rotated cookie comes back: the whole login is revoked.
    const replayed = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: onceCookie });
    expect(replayed.status).toBe(403);

    for (const token of accessTokens) {
      const response = await meWith(token);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ detail: "Token has been revoked." });
    }
    const other = await createUser("CUSTOMER");
    expect((await meWith(other.token)).status).toBe(200);
  });

  it("lets exactly one of two concurrent refreshes with the same token win", async () => {
    const user = await createUser("CUSTOMER");
    const results = await Promise.all(
      [1, 2].map(() => call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: user.refreshCookie })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 403]);
  });
});

describe("POST /auth/logout", () => {
  it("needs a valid access token and changes nothing without one", async () => {
    const user = await createUser("CUSTOMER");
    const before = await databaseSnapshot();
    const anonymous = await call(logout, { path: "/api/v1/auth/logout", method: "POST", cookie: user.refreshCookie });
    expect(anonymous.status).toBe(401);
    expect(await databaseSnapshot()).toEqual(before);
    expect((await meWith(user.token)).status).toBe(200);
  });

  it("does not revoke someone else's refresh token passed along with one's own access token", async () => {
    const caller = await createUser("CUSTOMER");
    const victim = await createUser("CUSTOMER");
    await call(logout, { path: "/api/v1/auth/logout", method: "POST", token: caller.token, cookie: victim.refreshCookie });
    const victimRefresh = await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie: victim.refreshCookie });
    expect(victimRefresh.status).toBe(200);
  });
});

describe("POST /users/me/password", () => {
  it("changes the password and revokes every refresh token of the user", async () => {
    const user = await createUser("CUSTOMER");
    const otherDevice = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    const changed = await call(changePassword, {
      path: "/api/v1/users/me/password",
      token: user.token,
      json: { currentPassword: PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(changed.status).toBe(200);
    for (const cookie of [user.refreshCookie, `refresh_token=${otherDevice.cookies.refresh_token}`]) {
      expect((await call(refresh, { path: "/api/v1/auth/refresh", method: "POST", cookie })).status).toBe(403);
    }
    const oldPassword = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(oldPassword.status).toBe(401);
    const newPassword = await call(login, {
      path: "/api/v1/auth/login",
      form: { username: user.email, password: "a-brand-new-password" },
    });
    expect(newPassword.status).toBe(200);
  });

  it("refuses a wrong current password or a weak new one and changes nothing", async () => {
    const user = await createUser("CUSTOMER");
    const before = await databaseSnapshot();
    const wrongCurrent = await call(changePassword, {
      path: "/api/v1/users/me/password",
      token: user.token,
      json: { currentPassword: "not-it-at-all", newPassword: "a-brand-new-password" },
    });
    expect(wrongCurrent.status).toBe(422);
    const weak = await call(changePassword, {
      path: "/api/v1/users/me/password",
      token: user.token,
      json: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect(weak.status).toBe(422);
    expect(await databaseSnapshot()).toEqual(before);
  });
});
