import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ServiceUnavailableError } from "@/lib/errors";
import { PASSWORD_WORKER_FILE, PasswordWorkerPool } from "@/lib/identity/password-pool";

describe("password worker pool", () => {
  const pools: PasswordWorkerPool[] = [];
  const pool = (threads: number, maxQueue: number, file = PASSWORD_WORKER_FILE) => {
    const created = new PasswordWorkerPool(threads, maxQueue, file);
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((created) => created.close()));
  });

  it("queues up to maxQueue jobs behind busy workers and refuses the next with a 503", async () => {
    const small = pool(1, 1);
    const running = small.run({ op: "hash", plain: "a", cost: 10 });
    const queued = small.run({ op: "hash", plain: "b", cost: 4 });
    const refused = small.run({ op: "hash", plain: "c", cost: 4 });
    await expect(refused).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(refused).rejects.toMatchObject({ status: 503, headers: { "Retry-After": expect.stringMatching(/^[1-9]\d*$/) } });
    expect(small.stats()).toMatchObject({ busy: 1, waiting: 1 });
    const [first, second] = await Promise.all([running, queued]);
    expect(first).toMatch(/^\$2b\$10\$/);
    expect(await small.run({ op: "verify", plain: "b", hash: second })).toBe(true);
    expect(small.stats().completedInWorkers).toBe(3);
  });

  it("fails a job whose worker cannot start, and keeps answering afterwards", async () => {
    const broken = pool(1, 10, path.join(path.dirname(PASSWORD_WORKER_FILE), "no-such-worker.mjs"));
    await expect(broken.run({ op: "hash", plain: "a", cost: 4 })).rejects.toThrow();
    await expect(broken.run({ op: "hash", plain: "a", cost: 4 })).rejects.toThrow();
  });

  it("answers a job the worker cannot do with an error, and keeps the worker", async () => {
    const small = pool(1, 10);
    await expect(small.run({ op: "verify", plain: 42 as unknown as string, hash: "x" })).rejects.toThrow(/Illegal arguments/);
    expect(await small.run({ op: "verify", plain: "a", hash: "not-a-hash" })).toBe(false);
    expect(await small.run({ op: "verify", plain: "U*U", hash: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" })).toBe(true);
  });
});

describe.runIf(process.platform === "linux")("password worker priority", () => {
  it("runs the hashing threads below the main thread's priority (nice 10)", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const niceOf = (task: string) => Number(readFileSync(`/proc/self/task/${task}/stat`, "utf8").split(") ")[1]!.split(" ")[16]);
    const pool = new PasswordWorkerPool(1, 1);
    try {
      await pool.run({ op: "hash", plain: "a", cost: 4 });
      const nices = readdirSync("/proc/self/task").map(niceOf);
      expect(niceOf(String(process.pid))).toBe(0);
      expect(nices).toContain(10);
    } finally {
      await pool.close();
    }
  });
});
