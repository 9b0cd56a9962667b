import { afterAll, describe, expect, it } from "vitest";
import { createStore } from "@/lib/kv";

const store = createStore(process.env.REDIS_URL, `wheelhouse-test-${process.pid}:`);

afterAll(async () => {
  await store.close();
});

describe(`shared store (${process.env.REDIS_URL ? "redis" : "memory"})`, () => {
  it("uses Redis exactly when REDIS_URL is set", () => {
    expect(store.backend).toBe(process.env.REDIS_URL ? "redis" : "memory");
  });

  it("sets, reads, expires and deletes keys", async () => {
    await store.ping();
    await store.set("greeting", "hello");
    await store.set("short-lived", "x", 1);
    expect(await store.get("greeting")).toBe("hello");
    expect(await store.get("short-lived")).toBe("x");
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await store.get("short-lived")).toBeNull();
    await store.delete("greeting");
    expect(await store.get("greeting")).toBeNull();
  });
});
