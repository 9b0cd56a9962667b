import { describe, expect, it } from "vitest";
import { formatPublicId } from "@/lib/identity/public-id";
import { PUBLIC_ID_PATTERN } from "@/lib/identity/roles";

describe("public user ids", () => {
  it("is the role prefix and six digits", () => {
    expect(formatPublicId("CUSTOMER", 1)).toBe("CST000001");
    expect(formatPublicId("EMPLOYEE", 42)).toBe("EMP000042");
    expect(formatPublicId("MECHANIC", 999_999)).toBe("MEC999999");
    expect(formatPublicId("ADMIN", 7)).toBe("ADM000007");
  });

  it("refuses numbers that do not fit", () => {
    expect(() => formatPublicId("CUSTOMER", 0)).toThrow(RangeError);
    expect(() => formatPublicId("CUSTOMER", 1_000_000)).toThrow(RangeError);
    expect(() => formatPublicId("CUSTOMER", 1.5)).toThrow(RangeError);
  });
});

describe("the public id pattern", () => {
  it("accepts every role's ids and nothing else", () => {
    for (const id of ["ADM000001", "MEC123456", "CST000042", "EMP999999"]) expect(PUBLIC_ID_PATTERN.test(id), id).toBe(true);
    for (const id of ["XYZ000001", "CST00001", "CST0000001", "cst000001", "CST000001 ", "someone@example.com"]) {
      expect(PUBLIC_ID_PATTERN.test(id), id).toBe(false);
    }
  });
});
