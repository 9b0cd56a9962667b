import { describe, expect, it } from "vitest";
import { parseEventLogFilters } from "@/lib/ui/event-log-filters";
import { instantSchema, normalisePhone, safeText, trimInvisible } from "@/lib/validation";
import { hasWholeCents } from "@/lib/modules/rentals/view-models/money";

describe("shared input schemas", () => {
  it("safeText refuses control characters, keeps line breaks only when multi-line, trims invisible edges", () => {
    expect(safeText(40).safeParse("a\u0000b").success).toBe(false);
    expect(safeText(40).safeParse("a\u0085b").success).toBe(false);
    expect(safeText(40).safeParse("a\nb").success).toBe(false);
    expect(safeText(40, { multiline: true }).parse("a\r\n\tb")).toBe("a\n\tb");
    expect(safeText(40, { multiline: true }).safeParse("a\u0007b").success).toBe(false);
    expect(safeText(40).safeParse("\u200b\u202e\ufeff").success).toBe(false);
    expect(safeText(40).parse("\u200b Ada \u2069")).toBe("Ada");
    expect(trimInvisible("\u00ad\u200dx\u200dy\u200d")).toBe("x\u200dy");
  });

  it("instants are years 2000-2200 in UTC", () => {
    expect(instantSchema.safeParse("9999-12-31T23:59:59-01:00").success).toBe(false);
    expect(instantSchema.safeParse("2201-01-01T00:00:00Z").success).toBe(false);
    expect(instantSchema.safeParse("1999-12-31T23:59:59Z").success).toBe(false);
    expect(instantSchema.parse("2030-01-01T00:00:00+02:00").toISOString()).toBe("2029-12-31T22:00:00.000Z");
  });

  it("money has at most two decimals, exactly", () => {
    expect(hasWholeCents(49.99)).toBe(true);
    expect(hasWholeCents(0.01)).toBe(true);
    expect(hasWholeCents(0.000000001)).toBe(false);
    expect(hasWholeCents(49.999)).toBe(false);
  });

  it("phones read as E.164 with the default country +1 and trunk prefix 1", () => {
    expect(normalisePhone("15550000004")).toBe("+15550000004");
    expect(normalisePhone("+1 (555) 000-0004")).toBe("+15550000004");
    expect(normalisePhone("555.000.0004")).toBe("+15550000004");
    expect(normalisePhone("0044 20 7946 0958")).toBe("+442079460958");
    expect(normalisePhone("+0123456")).toBeUndefined();
    expect(normalisePhone("12")).toBeUndefined();
  });

  it("the admin event viewer ignores a filter carrying control characters instead of failing the page", () => {
    expect(parseEventLogFilters({ topic: "user_events", key: "\u0000", type: "a\u0007" })).toMatchObject({ key: "", type: "" });
    expect(parseEventLogFilters({ key: "user-1" })).toMatchObject({ key: "user-1" });
  });
});
