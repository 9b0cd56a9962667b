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

/** Seconds until a login may be tried again for this username / address, or 0 when allowed. */
export async function loginRetryAfter(username: string, address: string): Promise<number> {
  const { byUsername, byAddress } = limiters();
  const [userState, addressState] = await Promise.all([byUsername.get(username), byAddress.get(address)]);
  const waits = [
    [userState, byUsername.points],
    [addressState, byAddress.points],
  ] as const;
  let retryAfterMs = 0;
  for (const [state, points] of waits) {
    if (state && state.consumedPoints >= points) retryAfterMs = Math.max(retryAfterMs, state.msBeforeNext);
  }
  return Math.ceil(retryAfterMs / 1000);
}

export async function recordLoginFailure(username: string, address: string): Promise<void> {
  const { byUsername, byAddress } = limiters();
  await Promise.all(
    [byUsername.consume(username), byAddress.consume(address)].map((attempt) =>
      attempt.catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      }),
    ),
  );
}

export async function clearLoginFailures(username: string): Promise<void> {
  await limiters().byUsername.delete(username);
}
