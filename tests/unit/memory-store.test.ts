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
