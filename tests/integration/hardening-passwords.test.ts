import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { POST as register } from "@/app/api/v1/customers/route";
import { POST as changePasswordRoute } from "@/app/api/v1/users/me/password/route";
import { authOptions } from "@/lib/auth/next-auth";
import { db } from "@/lib/db";
import { env, resetEnvCache } from "@/lib/env";
import { hashPassword, passwordHashingStats, resetPasswordHashing, verifyPassword } from "@/lib/identity/passwords";
import { call, randomIp } from "../support/http";
import { createUser, databaseSnapshot, PASSWORD, uniqueContact } from "../support/identity";

/** What the server actions read from the request: `headers()` and `cookies()` of next/headers. */
const actionRequest = vi.hoisted(() => ({ clientIp: "127.0.0.1", cookies: [] as Array<{ name: string; value: string }> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": actionRequest.clientIp }),
  cookies: async () => ({ getAll: () => actionRequest.cookies }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { registerAction } = await import("@/app/(auth)/register/actions");
const { changePasswordAction } = await import("@/app/(app)/profile/actions");
const { encode } = await import("next-auth/jwt");

const globalLimits = globalThis as typeof globalThis & {
  wheelhouseLoginLimits?: unknown;
  wheelhouseAccountLimits?: unknown;
};

/** Sets variables for one test, with fresh limiters and a fresh hashing pool; returns the undo. */
async function useSettings(overrides: Record<string, string>): Promise<() => Promise<void>> {
  const previous = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  const fresh = async () => {
    resetEnvCache();
    globalLimits.wheelhouseLoginLimits = undefined;
    globalLimits.wheelhouseAccountLimits = undefined;
    await resetPasswordHashing();
  };
  Object.assign(process.env, overrides);
  await fresh();
  return async () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fresh();
  };
}

function registrationBody() {
  return { name: "Sign Up", ...uniqueContact(), password: PASSWORD };
}

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function browserSessionCookie(user: { id: string }) {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { name: "Test" }, user: { id: user.id, roleId: 3, name: "Test", email: null }, account: null, trigger: "signIn" });
  return { name: "next-auth.session-token", value: await encode({ token, secret: env().secrets.nextAuth }) };
}

describe("password hashing off the main thread", () => {
  let restore: () => Promise<void> = async () => {};
  afterEach(async () => restore());

  it("hashes and verifies in worker threads, for direct calls and for a login", async () => {
    restore = await useSettings({ PASSWORD_HASH_THREADS: "2" });
    const before = passwordHashingStats().completedInWorkers;
    const hashes = await Promise.all(Array.from({ length: 8 }, (_, index) => hashPassword(`password-${index}`)));
    expect(hashes.every((hash) => /^\$2b\$12\$/.test(hash))).toBe(true);
    expect(await verifyPassword("password-3", hashes[3]!)).toBe(true);
    expect(await verifyPassword("password-3", hashes[4]!)).toBe(false);
    expect(passwordHashingStats().completedInWorkers).toBe(before + 10);
    expect(passwordHashingStats().threads).toBe(2);

    const user = await createUser("CUSTOMER");
    const beforeLogin = passwordHashingStats().completedInWorkers;
    const response = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(response.status).toBe(200);
    expect(passwordHashingStats().completedInWorkers).toBe(beforeLogin + 1);
  });

  it("keeps verifying existing $2a$ and $2b$ hashes, through the login route too", async () => {
    // The OpenBSD/crypt_blowfish test vector, and a hash bcryptjs made at cost 4.
    expect(await verifyPassword("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).toBe(true);
    expect(await verifyPassword("U*V", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).toBe(false);
    const legacyB = "$2b$04$OFjdFWYsUIALY5eSzI4EHuSBSGtc212KjPcte8WDdKhNBHKwqKuPu";
    expect(await verifyPassword(PASSWORD, legacyB)).toBe(true);
    for (const legacyHash of [legacyB, legacyB.replace("$2b$", "$2a$")]) {
      const user = await createUser("CUSTOMER");
      await db.user.update({ where: { id: user.id }, data: { passwordHash: legacyHash } });
      const response = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
      expect(response.status).toBe(200);
    }
  });
});

describe("a full hashing queue", () => {
  let restore: () => Promise<void> = async () => {};
  let occupying: Promise<unknown> = Promise.resolve();
  beforeEach(async () => {
    restore = await useSettings({ PASSWORD_HASH_THREADS: "1", PASSWORD_HASH_MAX_QUEUE: "0" });
  });
  afterEach(async () => {
    // Closing the pool stops the occupying job too.
    await restore();
    await occupying;
  });

  /** Keeps the only worker busy (cost 14: about a second on a fast core), so there is no room in the queue. */
  function occupyThePool(cost = 14) {
    // Settles (and never rejects) when the job ends or the pool is closed under it.
    occupying = hashPassword("keep-the-worker-busy", cost).catch(() => undefined);
  }

  it("answers 503 with Retry-After to registration, login and password change, and changes nothing", async () => {
    const user = await createUser("CUSTOMER");
    const before = await databaseSnapshot();
    occupyThePool(16);

    const registration = await call(register, { path: "/api/v1/customers/", json: registrationBody() });
    expect(registration.status).toBe(503);
    expect(registration.body).toEqual({ detail: expect.stringMatching(/busy/i) });
    expect(Number(registration.headers.get("retry-after"))).toBeGreaterThan(0);

    const loginAttempt = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(loginAttempt.status).toBe(503);
    expect(Number(loginAttempt.headers.get("retry-after"))).toBeGreaterThan(0);

    const change = await call(changePasswordRoute, {
      path: "/api/v1/users/me/password",
      token: user.token,
      json: { currentPassword: PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(change.status).toBe(503);
    expect(Number(change.headers.get("retry-after"))).toBeGreaterThan(0);

    const signIn = authOptions().providers[0]!.options as { authorize: (credentials: Record<string, string>, request: unknown) => Promise<unknown> };
    await expect(signIn.authorize({ username: user.email, password: PASSWORD }, { headers: {} })).rejects.toThrow(/busy/i);

    expect(await databaseSnapshot()).toEqual(before);
  });

  it("does not count a login refused with 503 against the account's failed-login budget", async () => {
    const user = await createUser("CUSTOMER");
    occupyThePool();
    for (let attempt = 1; attempt <= 6; attempt++) {
      const refused = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: `guess-${attempt}` } });
      expect(refused.status).toBe(503);
    }
    await occupying;
    const response = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
    expect(response.status).toBe(200);
  });
});

describe("registration limit per client address", () => {
  let restore: () => Promise<void> = async () => {};
  afterEach(async () => restore());

  it("answers 429 with Retry-After past the limit, for that address only, and audits it", async () => {
    restore = await useSettings({ REGISTRATION_MAX_PER_ADDRESS: "3", REGISTRATION_ADDRESS_WINDOW_MINUTES: "60" });
    const address = randomIp();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const created = await call(register, { path: "/api/v1/customers/", clientIp: address, json: registrationBody() });
      expect(created.status).toBe(201);
    }
    const usersBefore = await db.user.count();
    const refused = await call(register, { path: "/api/v1/customers/", clientIp: address, json: registrationBody() });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ detail: expect.stringMatching(/too many/i) });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    expect(await db.user.count()).toBe(usersBefore);
    expect(await db.auditLog.count({ where: { action: "registration_rate_limited", clientIp: address } })).toBe(1);

    const elsewhere = await call(register, { path: "/api/v1/customers/", clientIp: randomIp(), json: registrationBody() });
    expect(elsewhere.status).toBe(201);
  });

  it("applies to the sign-up page's server action too", async () => {
    restore = await useSettings({ REGISTRATION_MAX_PER_ADDRESS: "1" });
    actionRequest.clientIp = randomIp();
    const first = await registerAction({ status: "idle" }, formData(registrationBody()));
    expect(first.status).toBe("success");
    const second = await registerAction({ status: "idle" }, formData(registrationBody()));
    expect(second).toMatchObject({ status: "error", message: expect.stringMatching(/too many/i) });
  });
});

describe("password-change limit per account", () => {
  let restore: () => Promise<void> = async () => {};
  afterEach(async () => restore());

  async function changeVia(token: string, currentPassword: string) {
    return call(changePasswordRoute, {
      path: "/api/v1/users/me/password",
      token,
      json: { currentPassword, newPassword: "a-brand-new-password" },
    });
  }

  it("answers 429 after five wrong current passwords, refuses the right one while locked, and audits it", async () => {
    restore = await useSettings({});
    const user = await createUser("CUSTOMER");
    const bystander = await createUser("CUSTOMER");
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await changeVia(user.token, `guess-${attempt}`)).status).toBe(422);
    }
    const locked = await changeVia(user.token, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body).toEqual({ detail: expect.stringMatching(/too many/i) });
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(PASSWORD, stored.passwordHash)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "password_change_failed", subject: user.id } })).toBe(5);
    expect(await db.auditLog.count({ where: { action: "password_change_rate_limited", subject: user.id } })).toBe(1);

    expect((await changeVia(bystander.token, PASSWORD)).status).toBe(200);
  });

  it("forgets earlier wrong guesses after a successful change", async () => {
    restore = await useSettings({ PASSWORD_CHANGE_MAX_FAILURES: "3" });
    const user = await createUser("CUSTOMER");
    for (let attempt = 1; attempt <= 2; attempt++) expect((await changeVia(user.token, `guess-${attempt}`)).status).toBe(422);
    expect((await changeVia(user.token, PASSWORD)).status).toBe(200);
    const fresh = await call<{ access_token: string }>(login, {
      path: "/api/v1/auth/login",
      form: { username: user.email, password: "a-brand-new-password" },
    });
    expect(fresh.status).toBe(200);
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await changeVia(fresh.body.access_token, `again-${attempt}`)).status).toBe(422);
    }
  });

  it("applies to the profile page's server action too", async () => {
    restore = await useSettings({ PASSWORD_CHANGE_MAX_FAILURES: "2" });
    const user = await createUser("CUSTOMER");
    actionRequest.cookies = [await browserSessionCookie(user)];
    const attempt = (currentPassword: string) =>
      changePasswordAction(
        { status: "idle" },
        formData({ currentPassword, newPassword: "a-brand-new-password", confirmPassword: "a-brand-new-password" }),
      );
    for (let guess = 1; guess <= 2; guess++) expect((await attempt(`guess-${guess}`)).status).toBe("error");
    const locked = await attempt(PASSWORD);
    expect(locked).toMatchObject({ status: "error", message: expect.stringMatching(/too many/i) });
    actionRequest.cookies = [];
  });
});
