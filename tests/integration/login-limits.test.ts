import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { call, randomIp } from "../support/http";
import { createUser, PASSWORD } from "../support/identity";

const globalLimits = globalThis as typeof globalThis & { wheelhouseLoginLimits?: unknown };

function useLimits(overrides: Record<string, string>) {
  const previous = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  Object.assign(process.env, overrides);
  resetEnvCache();
  globalLimits.wheelhouseLoginLimits = undefined;
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvCache();
    globalLimits.wheelhouseLoginLimits = undefined;
  };
}

describe("failed-login rate limits", () => {
  let restore: () => void = () => {};
  afterEach(() => restore());

  describe("per username (default 5 per 15 minutes)", () => {
    beforeEach(() => {
      restore = useLimits({});
    });

    it("answers 429 with Retry-After after five failures, even for the right password, and only for that username", async () => {
      const target = await createUser("CUSTOMER");
      const bystander = await createUser("CUSTOMER");
      for (let attempt = 1; attempt <= 5; attempt++) {
        const failed = await call(login, { path: "/api/v1/auth/login", form: { username: target.email, password: `guess-${attempt}` } });
        expect(failed.status).toBe(401);
      }
      const blocked = await call(login, { path: "/api/v1/auth/login", form: { username: target.email, password: PASSWORD } });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({ detail: "Too many failed login attempts. Try again later." });
      const retryAfter = Number(blocked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      const bystanderLogin = await call(login, { path: "/api/v1/auth/login", form: { username: bystander.email, password: PASSWORD } });
      expect(bystanderLogin.status).toBe(200);
      expect(await db.auditLog.count({ where: { action: "login_rate_limited", subject: target.email } })).toBe(1);
    });

    it("forgets earlier failures after a successful login", async () => {
      const user = await createUser("CUSTOMER");
      for (let attempt = 1; attempt <= 4; attempt++) {
        await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: `guess-${attempt}` } });
      }
      expect((await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } })).status).toBe(200);
      for (let attempt = 1; attempt <= 4; attempt++) {
        const failed = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: `again-${attempt}` } });
        expect(failed.status).toBe(401);
      }
    });
  });

  describe("per client address (configurable)", () => {
    beforeEach(() => {
      restore = useLimits({ LOGIN_MAX_FAILURES_PER_ADDRESS: "6" });
    });

    it("blocks an address that fails across many usernames, and not other addresses", async () => {
      const attacker = randomIp();
      for (let attempt = 1; attempt <= 6; attempt++) {
        const failed = await call(login, {
          path: "/api/v1/auth/login",
          clientIp: attacker,
          form: { username: `victim-${attempt}-${Date.now()}@example.test`, password: "guess" },
        });
        expect(failed.status).toBe(401);
      }
      const user = await createUser("CUSTOMER");
      const fromAttacker = await call(login, { path: "/api/v1/auth/login", clientIp: attacker, form: { username: user.email, password: PASSWORD } });
      expect(fromAttacker.status).toBe(429);
      const fromElsewhere = await call(login, { path: "/api/v1/auth/login", form: { username: user.email, password: PASSWORD } });
      expect(fromElsewhere.status).toBe(200);
    });
  });
});
