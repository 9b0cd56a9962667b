import { describe, expect, it } from "vitest";
import type { Transaction } from "@/lib/db";
import type { LoggedEvent } from "@/lib/events/types";
import { notificationsFor } from "@/lib/notifications/rules";
import { rentalCapabilities } from "@/lib/modules/rentals/services/access";
import { isRentalStaff } from "@/lib/modules/rentals/vocabulary";
import { isUuid, pathId } from "@/lib/validation";
import { isExclusionViolation, isReferenceViolation, sqlState } from "@/lib/db-conflicts";
import { addDays, daysBetween, formatCalendarDate, lateDays, parseCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import { formatMoney, fromCents, hasWholeCents, toCents } from "@/lib/modules/rentals/view-models/money";
import { channelsFor } from "@/lib/realtime/routing";
import type { Scope } from "@/lib/rbac/scopes";

const event = (topic: LoggedEvent["topic"], type: string, payload: unknown): LoggedEvent => ({
  id: 1n,
  topic,
  offset: 1n,
  key: "00000000-0000-4000-8000-000000000001",
  type,
  payload,
  actor: "EMP000001",
  schemaVersion: 1,
  occurredAt: new Date(),
});

const rentalPayload = {
  customerId: "CST000007",
  customer: { id: "CST000007", name: "Alice" },
  vehicle: { make: "Toyota", model: "Corolla" },
  startDate: "2030-05-01",
  endDate: "2030-05-04",
  rejectionReason: "Booked for inspection",
};

describe("calendar dates", () => {
  it("parses only real YYYY-MM-DD dates, as UTC midnight", () => {
    expect(parseCalendarDate("2030-02-28")?.toISOString()).toBe("2030-02-28T00:00:00.000Z");
    expect(parseCalendarDate("2028-02-29")).toBeDefined();
    for (const bad of ["2030-02-30", "2029-02-29", "2030-13-01", "2030-1-01", "2030-01-01T00:00:00Z", "", "tomorrow"]) {
      expect(parseCalendarDate(bad), bad).toBeUndefined();
    }
  });

  it("counts days between dates and late days after the end", () => {
    const start = parseCalendarDate("2030-03-28")!;
    const end = parseCalendarDate("2030-04-02")!;
    expect(daysBetween(start, end)).toBe(5);
    expect(formatCalendarDate(addDays(start, 5))).toBe("2030-04-02");
    expect(lateDays(end, parseCalendarDate("2030-04-01")!)).toBe(0);
    expect(lateDays(end, end)).toBe(0);
    expect(lateDays(end, parseCalendarDate("2030-04-05")!)).toBe(3);
  });

  it("today is the UTC date", () => {
    expect(formatCalendarDate(today(new Date("2030-06-01T23:59:59-05:00")))).toBe("2030-06-02");
  });
});

describe("money", () => {
  it("stores cents and shows amounts", () => {
    expect(toCents(49.99)).toBe(4999);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(fromCents(4999)).toBe(49.99);
    expect(hasWholeCents(49.99)).toBe(true);
    expect(hasWholeCents(19.999)).toBe(false);
    expect(formatMoney(1234.5)).toBe("$1,234.50");
  });
});

describe("ids and database errors", () => {
  it("treats anything but a UUID as an unknown id", () => {
    expect(isUuid("00000000-0000-4000-8000-000000000001")).toBe(true);
    expect(() => pathId("1 OR 1=1", "Vehicle not found.")).toThrow("Vehicle not found.");
  });

  it("finds the SQLSTATE through the driver adapter's error shapes", () => {
    const adapterError = Object.assign(new Error("conflicting key value"), { cause: { originalCode: "23P01" } });
    const knownError = Object.assign(new Error("fk"), { code: "P2003", meta: { driverAdapterError: { cause: { originalCode: "23503" } } } });
    expect(sqlState(adapterError)).toBe("23P01");
    expect(isExclusionViolation(adapterError)).toBe(true);
    expect(isReferenceViolation(knownError)).toBe(true);
    expect(isReferenceViolation(Object.assign(new Error("restrict"), { cause: { originalCode: "23001" } }))).toBe(true);
    expect(isExclusionViolation(new Error("other"))).toBe(false);
  });
});

describe("who is rental staff", () => {
  const scopes = (...list: Scope[]) => new Set<Scope>(list);
  it("customers act on their own rentals; every other role with the scope on all", () => {
    expect(isRentalStaff({ role: "CUSTOMER" })).toBe(false);
    expect(isRentalStaff({ role: "EMPLOYEE" })).toBe(true);
    expect(rentalCapabilities({ role: "CUSTOMER", scopes: scopes("READ:VEHICLES", "WRITE:RENTALS", "UPDATE:RENTALS") })).toMatchObject({
      requestRentals: true,
      manageRentals: false,
      manageFleet: false,
    });
    expect(rentalCapabilities({ role: "EMPLOYEE", scopes: scopes("UPDATE:RENTALS", "UPDATE:VEHICLES", "WRITE:BRANCHES") })).toMatchObject({
      requestRentals: false,
      manageRentals: true,
      manageFleet: true,
      manageBranches: true,
    });
  });
});

describe("live audiences", () => {
  it("rental events reach the customer, employees and admins", () => {
    expect(channelsFor(event("rental_events", "rental.approved", rentalPayload)).sort()).toEqual(
      ["private-role-admin", "private-role-employee", "private-user-CST000007"].sort(),
    );
    expect(channelsFor(event("rental_events", "rental.approved", { ...rentalPayload, customerId: null })).sort()).toEqual(
      ["private-role-admin", "private-role-employee"].sort(),
    );
  });

  it("vehicle and branch events reach employees and admins", () => {
    for (const topic of ["vehicle_events", "branch_events"] as const) {
      expect(channelsFor(event(topic, "x.changed", { id: "v" })).sort()).toEqual(["private-role-admin", "private-role-employee"]);
    }
  });
});

describe("notification texts", () => {
  const noDatabase = {} as Transaction;
  it("tells the customer about each decision on their rental", async () => {
    const cases: Array<[string, string]> = [
      ["rental.approved", "Your rental was approved"],
      ["rental.rejected", "Your rental request was declined"],
      ["rental.picked_up", "Enjoy your trip"],
      ["rental.returned", "Thanks for returning the vehicle"],
      ["rental.cancelled", "Your rental was cancelled"],
    ];
    for (const [type, title] of cases) {
      const drafts = await notificationsFor(event("rental_events", type, rentalPayload), noDatabase);
      expect(drafts, type).toEqual([{ userId: "CST000007", title, body: expect.stringContaining("Toyota Corolla"), link: "/rentals/mine" }]);
    }
    const [rejected] = await notificationsFor(event("rental_events", "rental.rejected", rentalPayload), noDatabase);
    expect(rejected?.body).toContain("Booked for inspection");
  });

  it("tells every employee about a new request", async () => {
    const tx = { user: { findMany: async () => [{ id: "EMP000001" }, { id: "EMP000002" }] } } as unknown as Transaction;
    const drafts = await notificationsFor(event("rental_events", "rental.requested", rentalPayload), tx);
    expect(drafts.map((draft) => draft.userId)).toEqual(["EMP000001", "EMP000002"]);
    expect(drafts[0]).toMatchObject({ title: "New rental request", body: "Alice asked for the Toyota Corolla, from 2030-05-01 to 2030-05-04.", link: "/admin/rentals" });
  });
});
