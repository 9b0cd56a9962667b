import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("behind one proxy, trusts the entry that proxy appended, not the ones the client wrote", () => {
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, trusts the entry the outer proxy appended", () => {
    expect(clientAddress(forwardedFor("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("with fewer entries than proxies, takes the leftmost", () => {
    expect(clientAddress(forwardedFor("203.0.113.7"), 2)).toBe("203.0.113.7");
  });

  it("with no proxy, takes the last entry (Next.js sets it to the socket address when absent)", () => {
    expect(clientAddress(forwardedFor("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
  });
});
