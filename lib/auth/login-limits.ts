import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "../env";
import { sharedRedis } from "../kv";

interface LoginLimiters {
  byUsername: RateLimiterAbstract;
  byAddress: RateLimiterAbstract;
}

const globalForLimits = globalThis as typeof globalThis & { wheelhouseLoginLimits?: LoginLimiters };

function limiters(): LoginLimiters {
  if (!globalForLimits.wheelhouseLoginLimits) {
    const config = env();
    const redis = sharedRedis();
    const make = (keyPrefix: string, points: number, minutes: number): RateLimiterAbstract =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: minutes * 60 })
        : new RateLimiterMemory({ keyPrefix, points, duration: minutes * 60 });
    globalForLimits.wheelhouseLoginLimits = {
      byUsername: make(
        "wheelhouse:login-failures:username",
        config.LOGIN_MAX_FAILURES_PER_USERNAME,
        config.LOGIN_USERNAME_WINDOW_MINUTES,
      ),
      byAddress: make(
        "wheelhouse:login-failures:address",
        config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        config.LOGIN_ADDRESS_WINDOW_MINUTES,
      ),
    };
  }
  return globalForLimits.wheelhouseLoginLimits;
}

/**
 * Takes one attempt from both budgets before the password is checked, so that
 * concurrent guesses cannot all pass a check made before any of them failed.
 * Returns the seconds to wait when a budget is spent (the attempt is then given
 * back and not made), or 0 when the attempt may go ahead. `accountKey` names the
 * account when it exists, so its phone number and email share one budget.
 */
export async function beginLoginAttempt(accountKey: string, address: string): Promise<number> {
  const { byUsername, byAddress } = limiters();
  const attempts: Array<[RateLimiterAbstract, string]> = [
    [byUsername, accountKey],
    [byAddress, address],
  ];
  const outcomes = await Promise.all(
    attempts.map(([limiter, key]) =>
      limiter.consume(key).then(
        () => 0,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
          throw rejection;
        },
      ),
    ),
  );
  const waitMs = Math.max(...outcomes);
  if (waitMs === 0) return 0;
  await Promise.all(attempts.map(([limiter, key]) => limiter.reward(key, 1)));
  return Math.ceil(waitMs / 1000);
}

/** A successful login: the account's failures are forgotten and the address gets its attempt back. */
export async function loginSucceeded(accountKey: string, address: string): Promise<void> {
  const { byUsername, byAddress } = limiters();
  await Promise.all([byUsername.delete(accountKey), byAddress.reward(address, 1)]);
}
