import { randomUUID } from "node:crypto";
import { env } from "../env";
import { keepNewest, sharedRedis } from "../kv";
import { componentLogger } from "../observability/logger";

const log = componentLogger("auth");

/**
 * Authentication without a database round trip on the hot path. Each process keeps the credential state it last
 * read for a (user, credential id) pair, tagged with the credentials epoch it saw *before* the read. Every change
 * to that state — a revocation, a password change or "sign out everywhere", a user's name edited or the user
 * deleted, a role's permissions edited, a backup restored — sets a new epoch after its commit and before its
 * answer, so the next request on any instance reads afresh: the rules "revocation takes effect at once" and "a
 * permission edit applies on the next request" hold as before.
 *
 * Where the epoch lives decides whether the cache is on:
 * - Redis (REDIS_URL): shared by every instance, one GET per request instead of the database statement;
 * - process memory on the embedded database: one web process by design, and it makes every credential change;
 * - PostgreSQL without Redis: off (instances could not tell each other), every request reads the database.
 *
 * An edit made outside the app (psql) sets no epoch; entries are kept at most `MAX_AGE_MS`, so such an edit
 * applies within that time.
 */

export const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;
const EPOCH_KEY = "wheelhouse:credentials-epoch";

interface Entry<State> {
  epoch: string;
  cachedAt: number;
  state: State;
}

const globalForCache = globalThis as typeof globalThis & {
  wheelhouseCredentialCache?: { entries: Map<string, Entry<unknown>>; processEpoch: string };
};

function cache() {
  globalForCache.wheelhouseCredentialCache ??= { entries: new Map(), processEpoch: randomUUID() };
  return globalForCache.wheelhouseCredentialCache;
}

type Backend = "redis" | "process" | "off";

export function credentialCacheBackend(): Backend {
  if (sharedRedis()) return "redis";
  return env().EMBEDDED_DATABASE ? "process" : "off";
}

/** The epoch to tag a read with, or null when nothing may be cached now (no shared epoch, or Redis unreachable). */
async function currentEpoch(): Promise<string | null> {
  const backend = credentialCacheBackend();
  if (backend === "off") return null;
  if (backend === "process") return cache().processEpoch;
  const redis = sharedRedis()!;
  try {
    const epoch = await redis.get(EPOCH_KEY);
    // No epoch yet (a new or flushed Redis): start one; this request reads the database.
    if (epoch === null) await redis.set(EPOCH_KEY, randomUUID(), "NX");
    return epoch;
  } catch (error) {
    log.warn({ err: error }, "credentials epoch unreadable; authenticating from the database");
    return null;
  }
}

const keyOf = (userId: string, credentialId: string) => `${userId}\u0000${credentialId}`;

/**
 * The credential state of (user, credential id): from this process's cache when it was read under the current
 * epoch less than `MAX_AGE_MS` ago, else from `read` — cached when `cacheable` says so.
 */
export async function cachedCredentialState<State>(
  userId: string,
  credentialId: string,
  read: () => Promise<State>,
  cacheable: (state: State) => boolean,
): Promise<State> {
  const epoch = await currentEpoch();
  if (epoch === null) return read();
  const { entries } = cache();
  const key = keyOf(userId, credentialId);
  const hit = entries.get(key);
  if (hit && hit.epoch === epoch && Date.now() - hit.cachedAt < MAX_AGE_MS) return hit.state as State;
  const state = await read();
  if (cacheable(state)) {
    keepNewest(entries, key, { epoch, cachedAt: Date.now(), state }, MAX_ENTRIES);
  } else if (hit) {
    entries.delete(key);
  }
  return state;
}

/**
 * Call after committing any change to who may do what (see the module comment), before answering: every
 * instance's cached credential state is stale from then on. A failure to reach Redis is an error — the change
 * is committed, but the caller must not report success while other instances could still accept the old state.
 */
export async function credentialsChanged(): Promise<void> {
  const state = cache();
  state.processEpoch = randomUUID();
  state.entries.clear();
  const redis = sharedRedis();
  if (redis) await redis.set(EPOCH_KEY, randomUUID());
}
