import { createHash } from "node:crypto";
import { store } from "../../../kv";
import { parkingSettings } from "../settings";

const VERSION_KEY = "parking:spots:version";

/**
 * The available-spots read path is cached (Redis when configured) under a
 * version that every parking change bumps right after it commits, so a cached
 * list never outlives the change that made it wrong. The short TTL bounds
 * staleness from time passing alone (windows opening and closing).
 */
export async function cachedSpotList<T>(filters: unknown, load: () => Promise<T>): Promise<T> {
  const ttl = parkingSettings().PARKING_CACHE_TTL_SECONDS;
  if (ttl === 0) return load();
  const version = (await store().get(VERSION_KEY)) ?? "0";
  const key = `parking:spots:${version}:${createHash("sha256").update(JSON.stringify(filters)).digest("base64url")}`;
  const hit = await store().get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await store().set(key, JSON.stringify(value), ttl);
  return value;
}

export async function invalidateSpotLists(): Promise<void> {
  await store().set(VERSION_KEY, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
}
