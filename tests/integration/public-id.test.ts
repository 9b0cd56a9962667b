import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { allocatePublicId } from "@/lib/identity/public-id";

describe("public id allocation", () => {
  it("hands out distinct, consecutive ids under concurrent transactions", async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => db.$transaction((tx) => allocatePublicId(tx, "MECHANIC"))),
    );
    const numbers = ids.map((id) => Number(id.slice(3))).sort((a, b) => a - b);
    expect(new Set(ids).size).toBe(20);
    expect(numbers.at(-1)! - numbers[0]!).toBe(19);
    expect(ids.every((id) => id.startsWith("MEC"))).toBe(true);
  });

  it("gives the number back when the registering transaction rolls back", async () => {
    const first = await db.$transaction((tx) => allocatePublicId(tx, "EMPLOYEE"));
    await expect(
      db.$transaction(async (tx) => {
        await allocatePublicId(tx, "EMPLOYEE");
        throw new Error("registration failed");
      }),
    ).rejects.toThrow("registration failed");
    const next = await db.$transaction((tx) => allocatePublicId(tx, "EMPLOYEE"));
    expect(Number(next.slice(3))).toBe(Number(first.slice(3)) + 1);
  });
});
