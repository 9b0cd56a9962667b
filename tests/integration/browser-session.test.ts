import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { sessionPrincipal } from "@/lib/auth/authenticate";
import { authOptions } from "@/lib/auth/next-auth";
import type { Principal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { changePassword } from "@/lib/identity/users";
import { call } from "../support/http";
import { createUser, PASSWORD } from "../support/identity";

/** Signs in the way next-auth does: the jwt callback's token, encoded into the session cookie. */
async function browserSignIn(user: { id: string; roleId: number; name: string }): Promise<string> {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { name: user.name }, user: { ...user, email: null }, account: null, trigger: "signIn" });
  const value = await encode({ token, secret: env().secrets.nextAuth });
  return `next-auth.session-token=${value}`;
}

describe("browser sessions", () => {
  it("resolve to the same principal as a bearer token, through the same routes", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn({ id: user.id, roleId: 3, name: "Test customer" });
    const viaSession = await call<Record<string, unknown>>(me, { cookie });
    const viaBearer = await call<Record<string, unknown>>(me, { token: user.token });
    expect(viaSession.status).toBe(200);
    expect(viaSession.body).toEqual(viaBearer.body);
    const principal = await sessionPrincipal(cookie);
    expect(principal).toMatchObject({ userId: user.id, role: "CUSTOMER", via: "session" });
    expect(principal?.scopes.has("WRITE:SPOTS")).toBe(true);
  });

  it("signed in right after a password change (same second) are accepted; the ones from before are not", async () => {
    const user = await createUser("CUSTOMER");
    const identity = { id: user.id, roleId: 3, name: "Test customer" };
    const before = await browserSignIn(identity);
    const principal = (await sessionPrincipal(before)) as Principal;
    await changePassword(principal, { currentPassword: PASSWORD, newPassword: "another-password-1" });
    const after = await browserSignIn(identity);
    expect(await sessionPrincipal(before)).toBeNull();
    expect(await sessionPrincipal(after)).toMatchObject({ userId: user.id });
  });

  it("logging out through the API with a browser session ends it in that browser", async () => {
    const user = await createUser("CUSTOMER");
    const cookie = await browserSignIn({ id: user.id, roleId: 3, name: "Test customer" });
    const response = await call(logout, { path: "/api/v1/auth/logout", method: "POST", cookie });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Successfully logged out" });
    const cleared = response.setCookieLines.filter((line) => /^(__Secure-)?next-auth\.session-token=;/.test(line));
    expect(cleared).toHaveLength(2);
    for (const line of cleared) expect(line).toMatch(/Max-Age=0/);
  });

  it("forged or foreign cookies are nobody", async () => {
    const user = await createUser("CUSTOMER");
    const forged = await encode({ token: { sub: user.id, roleId: 1, authTime: Date.now() }, secret: "x".repeat(40) });
    expect(await sessionPrincipal(`next-auth.session-token=${forged}`)).toBeNull();
    const wrongRole = await encode({ token: { sub: user.id, roleId: 1, authTime: Date.now() }, secret: env().secrets.nextAuth });
    expect(await sessionPrincipal(`next-auth.session-token=${wrongRole}`)).toBeNull();
    expect((await call(me, { cookie: "next-auth.session-token=garbage" })).status).toBe(401);
  });
});
