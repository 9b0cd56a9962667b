import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryStore } from "@/lib/kv";

describe("in-memory store", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("expires keys after their time to live", async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    await store.set("revoked:abc", "1", 2);
    await store.set("forever", "1");
    expect(await store.get("revoked:abc")).toBe("1");
    vi.advanceTimersByTime(2_001);
    expect(await store.get("revoked:abc")).toBeNull();
    expect(await store.get("forever")).toBe("1");
  });
});

describe("in-memory store, never read again", () => {
  it("does not keep expired keys that no one reads (each parking change writes lists under a new version)", async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    await store.set("forever", "1");
    for (let version = 0; version < 5_000; version += 1) {
      await store.set(`parking:spots:${version}`, "x".repeat(100), 15);
      vi.advanceTimersByTime(100);
    }
    // 15 s of writes every 100 ms are alive at most, plus the key without a time to live.
    expect(store.size).toBeLessThanOrEqual(151 + MemoryStore.SWEEP_EVERY + 1);
    expect(await store.get("forever")).toBe("1");
    vi.useRealTimers();
  });
});
