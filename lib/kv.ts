import { Redis } from "ioredis";
import { env } from "./env";

/**
 * Small shared-state store: Redis when REDIS_URL is set, process memory otherwise.
 * Used for the revocation cache, rate limits and hot read caches.
 */
export interface KeyValueStore {
  readonly backend: "redis" | "memory";
  get(key: string): Promise<string | null>;
  /** ttlSeconds > 0 expires the key; omit it to keep the key. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  /** Every this many writes, expired keys are dropped (a key written once and never read would otherwise stay). */
  static readonly SWEEP_EVERY = 256;
  readonly backend = "memory" as const;
  private readonly entries = new Map<string, { value: string; expiresAt: number | null }>();
  private writesSinceSweep = 0;

  /** Keys held, expired or not (for tests). */
  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: ttlSeconds && ttlSeconds > 0 ? Date.now() + ttlSeconds * 1000 : null });
    this.writesSinceSweep += 1;
    if (this.writesSinceSweep >= MemoryStore.SWEEP_EVERY) this.sweep();
  }

  private sweep(): void {
    this.writesSinceSweep = 0;
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt !== null && entry.expiresAt <= now) this.entries.delete(key);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * Puts `key` in a process-local cache as its newest entry, dropping the oldest once more than `limit` are held
 * (a Map keeps insertion order, so the first key is the one written longest ago).
 */
export function keepNewest<Key, Value>(entries: Map<Key, Value>, key: Key, value: Value, limit: number): void {
  entries.delete(key);
  entries.set(key, value);
  if (entries.size > limit) entries.delete(entries.keys().next().value!);
}

export function connectRedis(url: string): Redis {
  // Auto-pipelining: the GETs of concurrent requests in one event-loop turn go out in one write and come back in one read.
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true, enableAutoPipelining: true });
}

export class RedisStore implements KeyValueStore {
  readonly backend = "redis" as const;
  private readonly redis: Redis;

  constructor(urlOrClient: string | Redis, private readonly keyPrefix = "wheelhouse:") {
    this.redis = typeof urlOrClient === "string" ? connectRedis(urlOrClient) : urlOrClient;
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.keyPrefix + key);
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds && ttlSeconds > 0) await this.redis.set(this.keyPrefix + key, value, "EX", Math.ceil(ttlSeconds));
    else await this.redis.set(this.keyPrefix + key, value);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyPrefix + key);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

export function createStore(redisUrl: string | undefined, keyPrefix?: string): KeyValueStore {
  return redisUrl ? new RedisStore(redisUrl, keyPrefix) : new MemoryStore();
}

const globalForStore = globalThis as typeof globalThis & { wheelhouseStore?: KeyValueStore; wheelhouseRedis?: Redis };

/** The process's one Redis connection when REDIS_URL is set (rate limiters share it). */
export function sharedRedis(): Redis | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  globalForStore.wheelhouseRedis ??= connectRedis(url);
  return globalForStore.wheelhouseRedis;
}

/** The process's store, chosen by REDIS_URL. */
export function store(): KeyValueStore {
  if (!globalForStore.wheelhouseStore) {
    const redis = sharedRedis();
    globalForStore.wheelhouseStore = redis ? new RedisStore(redis) : new MemoryStore();
  }
  return globalForStore.wheelhouseStore;
}

/** For scripts: closes the process's Redis connection (if one was opened) so the process can exit. */
export async function closeSharedStore(): Promise<void> {
  await globalForStore.wheelhouseStore?.close();
  globalForStore.wheelhouseRedis?.disconnect();
  globalForStore.wheelhouseStore = undefined;
  globalForStore.wheelhouseRedis = undefined;
}
