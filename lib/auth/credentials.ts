import { z } from "zod";
import { recordAudit } from "../audit";
import { db } from "../db";
import { MESSAGES, ServiceUnavailableError, TooManyRequestsError, UnauthorizedError } from "../errors";
import { MAX_PASSWORD_BYTES, verifyPassword } from "../identity/passwords";
import { normalisePhone, refuseNul } from "../validation";
import { accountBudgetKey } from "./attempt-limits";
import { beginLoginAttempt, countLoginFailure, loginAttemptNotMade, loginSucceeded } from "./login-limits";

/** The OAuth2 password form of `POST /auth/login`: `username` is a phone number or an email. */
export const loginFormSchema = z.object({
  username: z.string({ error: "Field required" }).trim().min(1, "Field required").max(254),
  password: z.string({ error: "Field required" }).min(1, "Field required").max(1024),
});

/**
 * Compared against when the user does not exist, so both failures cost the same
 * time: a bcrypt hash at PASSWORD_HASH_COST (12) of a random value nobody kept.
 */
export const DECOY_PASSWORD_HASH = "$2b$12$mkCoDsG6.Ey109nAI.8Gv.KsZa89AR0nlrXCsC0ckXj0TbC4iSqua";

/** Usernames are a phone number or an email; both are stored normalised (phones in E.164). */
export function normaliseUsername(username: string): string {
  const trimmed = username.trim();
  if (trimmed.includes("@")) return trimmed.toLowerCase();
  return normalisePhone(trimmed) ?? trimmed.replace(/[\s().-]/g, "");
}

export interface AuthenticatedUser {
  id: string;
  roleId: number;
  name: string;
}

/**
 * Checks a username (phone or email) and password, rate-limited per username and
 * per client address. Unknown user and wrong password give the same answer.
 */
export async function verifyCredentials(
  rawUsername: string,
  password: string,
  clientIp: string,
): Promise<AuthenticatedUser> {
  refuseNul({ username: rawUsername, password }, "body");
  const username = normaliseUsername(rawUsername);
  const user = await db.user.findFirst({
    where: username.includes("@") ? { email: username } : { phone: username },
    select: { id: true, roleId: true, name: true, passwordHash: true, createdAt: true },
  });
  const accountKey = user ? `user:${accountBudgetKey(user)}` : `name:${username}`;
  const retryAfter = await beginLoginAttempt(accountKey, clientIp);
  if (retryAfter > 0) {
    countLoginFailure("rate_limited");
    await recordAudit({ action: "login_rate_limited", subject: username, clientIp });
    throw new TooManyRequestsError(MESSAGES.tooManyAttempts, retryAfter);
  }

  let hashMatches: boolean;
  try {
    hashMatches = await verifyPassword(password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  } catch (error) {
    // A full hashing queue (503): the password was never checked, so the attempt does not count.
    if (error instanceof ServiceUnavailableError) await loginAttemptNotMade(accountKey, clientIp);
    throw error;
  }
  // bcrypt reads only the first 72 bytes; registration refuses longer passwords, so a longer one is wrong.
  const passwordMatches = hashMatches && Buffer.byteLength(password, "utf8") <= MAX_PASSWORD_BYTES;
  if (!user || !passwordMatches) {
    countLoginFailure(user ? "wrong_password" : "unknown_user");
    await recordAudit({
      action: "login_failed",
      subject: username,
      clientIp,
      detail: { reason: user ? "wrong_password" : "unknown_user" },
    });
    throw new UnauthorizedError(MESSAGES.badCredentials);
  }
  await loginSucceeded(accountKey, clientIp);
  return { id: user.id, roleId: user.roleId, name: user.name };
}
