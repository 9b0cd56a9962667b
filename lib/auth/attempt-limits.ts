import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRedis } from "../kv";

/** One budget: `points` attempts per `minutes`, in Redis when REDIS_URL is set, in process memory otherwise. */
export function buildLimiter(keyPrefix: string, points: number, minutes: number): RateLimiterAbstract {
  const redis = sharedRedis();
  return redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: minutes * 60 })
    : new RateLimiterMemory({ keyPrefix, points, duration: minutes * 60 });
}

/**
 * The key of an account's budgets (failed logins, password changes). The creation
 * time is part of it so that an id seen again in another database (a restored
 * backup, a test run on a shared Redis) does not inherit a budget it never spent.
 */
export function accountBudgetKey(user: { id: string; createdAt: Date }): string {
  return `${user.id}:${user.createdAt.getTime()}`;
}

/** A budget and the key (account, address) an attempt is charged to. */
export type Charge = [limiter: RateLimiterAbstract, key: string];

/**
 * Takes one attempt from every budget before the expensive or guessable work,
 * so concurrent attempts cannot all pass a check made before any of them
 * counted. Returns the seconds to wait when a budget is spent (the attempt is
 * then given back everywhere and must not be made), or 0 to go ahead.
 */
export async function takeAttempt(charges: Charge[]): Promise<number> {
  const outcomes = await Promise.all(
    charges.map(([limiter, key]) =>
      limiter.consume(key).then(
        () => 0,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
          throw rejection;
        },
      ),
    ),
  );
  const waitMs = Math.max(0, ...outcomes);
  if (waitMs === 0) return 0;
  await giveBackAttempt(charges);
  return Math.ceil(waitMs / 1000);
}

/** An attempt that was taken but not made (refused for another reason, e.g. a full hashing queue). */
export async function giveBackAttempt(charges: Charge[]): Promise<void> {
  await Promise.all(charges.map(([limiter, key]) => limiter.reward(key, 1)));
}
