import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { recordAudit } from "../audit";
import { db } from "../db";
import { MESSAGES, TooManyRequestsError, UnauthorizedError } from "../errors";
import { PASSWORD_HASH_COST, verifyPassword } from "../identity/passwords";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./login-limits";

let decoyHash: Promise<string> | undefined;
/** Compared against when the user does not exist, so both failures cost the same time. */
function decoy(): Promise<string> {
  decoyHash ??= bcrypt.hash(randomUUID(), PASSWORD_HASH_COST);
  return decoyHash;
}

/** Usernames are a phone number or an email; both are stored normalised. */
export function normaliseUsername(username: string): string {
  const trimmed = username.trim();
  return trimmed.includes("@") ? trimmed.toLowerCase() : trimmed.replace(/[\s().-]/g, "");
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
  const username = normaliseUsername(rawUsername);
  const retryAfter = await loginRetryAfter(username, clientIp);
  if (retryAfter > 0) {
    await recordAudit({ action: "login_rate_limited", subject: username, clientIp });
    throw new TooManyRequestsError(MESSAGES.tooManyAttempts, retryAfter);
  }

  const user = await db.user.findFirst({
    where: username.includes("@") ? { email: username } : { phone: username },
    select: { id: true, roleId: true, name: true, passwordHash: true },
  });
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
  if (!user || !passwordMatches) {
    await recordLoginFailure(username, clientIp);
    await recordAudit({
      action: "login_failed",
      subject: username,
      clientIp,
      detail: { reason: user ? "wrong_password" : "unknown_user" },
    });
    throw new UnauthorizedError(MESSAGES.badCredentials);
  }
  await clearLoginFailures(username);
  return { id: user.id, roleId: user.roleId, name: user.name };
}
