import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { metrics } from "../observability/metrics";
import { buildLimiter, giveBackAttempt, takeAttempt, type Charge } from "./attempt-limits";

interface LoginLimiters {
  byUsername: RateLimiterAbstract;
  byAddress: RateLimiterAbstract;
}

const globalForLimits = globalThis as typeof globalThis & { wheelhouseLoginLimits?: LoginLimiters };

function limiters(): LoginLimiters {
  if (!globalForLimits.wheelhouseLoginLimits) {
    const config = env();
    globalForLimits.wheelhouseLoginLimits = {
      byUsername: buildLimiter(
        "wheelhouse:login-failures:username",
        config.LOGIN_MAX_FAILURES_PER_USERNAME,
        config.LOGIN_USERNAME_WINDOW_MINUTES,
      ),
      byAddress: buildLimiter(
        "wheelhouse:login-failures:address",
        config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        config.LOGIN_ADDRESS_WINDOW_MINUTES,
      ),
    };
  }
  return globalForLimits.wheelhouseLoginLimits;
}

function charges(accountKey: string, address: string): Charge[] {
  const { byUsername, byAddress } = limiters();
  return [
    [byUsername, accountKey],
    [byAddress, address],
  ];
}

/**
 * Takes one attempt from both budgets before the password is checked, so that
 * concurrent guesses cannot all pass a check made before any of them failed.
 * Returns the seconds to wait when a budget is spent (the attempt is then given
 * back and not made), or 0 when the attempt may go ahead. `accountKey` names the
 * account when it exists, so its phone number and email share one budget.
 */
export function beginLoginAttempt(accountKey: string, address: string): Promise<number> {
  return takeAttempt(charges(accountKey, address));
}

/** The password was never checked (the hashing queue was full): the attempt is given back to both budgets. */
export function loginAttemptNotMade(accountKey: string, address: string): Promise<void> {
  return giveBackAttempt(charges(accountKey, address));
}

export type LoginFailureReason = "wrong_password" | "unknown_user" | "rate_limited";

/** Counts a failed sign-in (API or browser) for the `login_failures_total` metric. */
export function countLoginFailure(reason: LoginFailureReason): void {
  metrics().loginFailures.inc({ reason });
}

/** A successful login: the account's failures are forgotten and the address gets its attempt back. */
export async function loginSucceeded(accountKey: string, address: string): Promise<void> {
  const { byUsername, byAddress } = limiters();
  await Promise.all([byUsername.delete(accountKey), byAddress.reward(address, 1)]);
}
