import { createHash } from "node:crypto";
import { keepNewest, store } from "../../../kv";
import { parkingSettings } from "../settings";

const VERSION_KEY = "parking:spots:version";

/**
 * The available-spots read path is cached (Redis when configured) under a
 * version that every parking change bumps right after it commits, so a cached
 * list never outlives the change that made it wrong. The short TTL bounds
 * staleness from time passing alone (windows opening and closing).
 *
 * Each process also keeps the lists it last read, under the same version and
 * until the same deadline (the moment the list was loaded plus the TTL), so a
 * hit costs one `GET` of the version instead of fetching and parsing the list.
 * Callers treat the returned value as read-only: it is shared.
 */
export async function cachedSpotList<T>(filters: unknown, load: () => Promise<T>): Promise<T> {
  const ttl = parkingSettings().PARKING_CACHE_TTL_SECONDS;
  if (ttl === 0) return load();
  const version = (await store().get(VERSION_KEY)) ?? "0";
  const filtersHash = createHash("sha256").update(JSON.stringify(filters)).digest("base64url");
  const key = `parking:spots:v2:${version}:${filtersHash}`;
  // One copy per filter: a newer version replaces the list of the older one.
  const lists = processLists();
  const kept = lists.get(filtersHash);
  if (kept && kept.version === version && kept.expiresAt > Date.now()) return kept.value as T;
  const hit = await store().get(key);
  let entry: CachedList | null = hit ? (JSON.parse(hit) as CachedList) : null;
  if (!entry || entry.loadedAt + ttl * 1000 <= Date.now()) {
    entry = { loadedAt: Date.now(), value: await load() };
    await store().set(key, JSON.stringify(entry), ttl);
  }
  keepNewest(lists, filtersHash, { version, expiresAt: entry.loadedAt + ttl * 1000, value: entry.value }, MAX_PROCESS_LISTS);
  return entry.value as T;
}

interface CachedList {
  loadedAt: number;
  value: unknown;
}

const MAX_PROCESS_LISTS = 200;
const globalForLists = globalThis as typeof globalThis & { wheelhouseSpotLists?: Map<string, { version: string; expiresAt: number; value: unknown }> };
function processLists() {
  globalForLists.wheelhouseSpotLists ??= new Map();
  return globalForLists.wheelhouseSpotLists;
}

export async function invalidateSpotLists(): Promise<void> {
  await store().set(VERSION_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
}
