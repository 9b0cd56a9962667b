import { beforeAll, describe, expect, inject, it } from "vitest";
import { POST as graphql } from "@/app/api/graphql/route";
import * as bookingInvoice from "@/app/api/v1/bookings/[id]/invoice/route";
import * as bookingItem from "@/app/api/v1/bookings/[id]/route";
import * as bookingStatus from "@/app/api/v1/bookings/[id]/status/route";
import * as creditNotes from "@/app/api/v1/invoices/[id]/credit-notes/route";
import * as payments from "@/app/api/v1/invoices/[id]/payments/route";
import * as invoiceItem from "@/app/api/v1/invoices/[id]/route";
import * as invoiceCollection from "@/app/api/v1/invoices/route";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { LoggedEvent } from "@/lib/events/types";
import type { RoleName } from "@/lib/identity/roles";
import { garageNotifications } from "@/lib/modules/garage/notifications";
import { issueInvoiceFor } from "@/lib/modules/garage/services/invoices";
import { garageSettings } from "@/lib/modules/garage/settings";
import { shopDate } from "@/lib/modules/garage/view-models/shop-clock";
import type { BookingView, CreditNoteView, InvoiceDetailView, InvoiceView, PaymentView } from "@/lib/modules/garage/views";
import { call } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { countStatements } from "../support/query-count";
import { eventsFor, garageCatalogue, withQuery, type GarageFixture } from "../support/garage-bookings";
import { ledgerSnapshot, workshopBooking } from "../support/garage-invoices";

const backend = inject("databaseBackend");
const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
let users: Record<RoleName, TestUser>;
let catalogue: GarageFixture;
const year = () => Number(shopDate(new Date(), garageSettings().GARAGE_TIME_ZONE).slice(0, 4));

type FieldErrors = { detail: Array<{ loc: Array<string | number>; msg: string }> };
const fieldsOf = (body: unknown) => (body as FieldErrors).detail.map((error) => error.loc.slice(1).join("."));

beforeAll(async () => {
  users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<RoleName, TestUser>;
  catalogue = await garageCatalogue();
});

const toReady = (user: TestUser, id: string) =>
  call<BookingView>(bookingStatus.POST, { token: user.token, path: `/api/v1/bookings/${id}/status`, params: { id }, json: { status: "READY", note: "Washed and parked" } });
const issue = (user: TestUser, id: string) => call<InvoiceDetailView>(bookingInvoice.POST, { token: user.token, path: `/api/v1/bookings/${id}/invoice`, params: { id } });
const ofBooking = (user: TestUser, id: string) => call<InvoiceDetailView>(bookingInvoice.GET, { token: user.token, path: `/api/v1/bookings/${id}/invoice`, params: { id } });
const invoice = (user: TestUser, id: string) => call<InvoiceDetailView>(invoiceItem.GET, { token: user.token, path: `/api/v1/invoices/${id}`, params: { id } });
const pay = (user: TestUser, id: string, json: unknown) => call<PaymentView>(payments.POST, { token: user.token, path: `/api/v1/invoices/${id}/payments`, params: { id }, json });
const credit = (user: TestUser, id: string, json: unknown) => call<CreditNoteView>(creditNotes.POST, { token: user.token, path: `/api/v1/invoices/${id}/credit-notes`, params: { id }, json });
const list = (user: TestUser, query: Record<string, string> = {}) => call<InvoiceView[]>(invoiceCollection.GET, { token: user.token, path: withQuery("/api/v1/invoices", query) });

/** A customer's booking at QUALITY_CHECK (or the given status) with two lines: 120000 + 21600 and 250000 + 45000. */
async function bookingOf(status: "QUALITY_CHECK" | "READY" | "DELIVERED" | "IN_PROGRESS" = "QUALITY_CHECK", customer?: TestUser) {
  const owner = customer ?? (await createUser("CUSTOMER", "Ivy Invoiced"));
  const booking = await workshopBooking(owner.id, catalogue, status);
  return { customer: owner, booking };
}

/** An issued invoice of a new customer's booking (via the move to READY). */
async function issued() {
  const { customer, booking } = await bookingOf();
  expect((await toReady(users.ADMIN, booking.id)).status).toBe(200);
  return { customer, booking, invoice: (await ofBooking(customer, booking.id)).body };
}

/** The INVOICE sequence numbers of the year, in order: 1 … n without a gap. */
async function expectGapFree(kind: "INVOICE" | "CREDIT_NOTE") {
  const rows = await db.invoice.findMany({ where: { kind, year: year() }, select: { sequence: true }, orderBy: { sequence: "asc" } });
  expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
  const sequence = await db.invoiceSequence.findUnique({ where: { kind_year: { kind, year: year() } } });
  expect(sequence?.last ?? 0).toBe(rows.length);
}

describe("issuing", () => {
  it("moving a booking to READY issues its invoice from the booked lines with their GST snapshot; the customer hears it", async () => {
    const { customer, booking } = await bookingOf();
    const before = await db.invoiceSequence.findUnique({ where: { kind_year: { kind: "INVOICE", year: year() } } });
    const moved = await toReady(users.ADMIN, booking.id);
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("READY");
    const shown = await ofBooking(customer, booking.id);
    expect(shown.status).toBe(200);
    const sequence = (before?.last ?? 0) + 1;
    expect(shown.body).toMatchObject({
      number: `INV-${year()}-${String(sequence).padStart(6, "0")}`,
      kind: "INVOICE",
      bookingId: booking.id,
      correctsId: null,
      customerId: customer.id,
      customerName: "Ivy Invoiced",
      carPlate: booking.carPlate,
      subtotalMinor: 370_000,
      taxMinor: 66_600,
      totalMinor: 436_600,
      currency: "INR",
      issuedByName: "Test admin",
      creditedMinor: 0,
      paidMinor: 0,
      balanceDueMinor: 436_600,
      payments: [],
      creditNotes: [],
    });
    expect(shown.body.lines).toEqual([
      { position: 1, description: "Oil change", priceMinor: 120_000, gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: 21_600 },
      { position: 2, description: "Brake service", priceMinor: 250_000, gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: 45_000 },
    ]);
    const events = (await eventsFor(booking.id)).filter((event) => event.type === "invoice.issued");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ topic: "booking_events", actor: users.ADMIN.id, payload: { id: shown.body.id, customerId: customer.id, balanceDueMinor: 436_600 } });
    const logged = { id: 1n, topic: "booking_events", type: "invoice.issued", key: booking.id, payload: events[0]!.payload, actor: users.ADMIN.id } as unknown as LoggedEvent;
    const drafts = await db.$transaction((tx) => garageNotifications(logged, tx));
    expect(drafts).toEqual([expect.objectContaining({ userId: customer.id, link: `/garage/bookings/${booking.id}` })]);
    expect(drafts[0]!.title).toContain(shown.body.number);
    // A second issue is a 409.
    const again = await issue(users.ADMIN, booking.id);
    expect(again.status).toBe(409);
    await expectGapFree("INVOICE");
  });

  it("an admin issues the invoice of a READY or DELIVERED booking without one; other statuses 409; customers and mechanics 403; nothing changes when refused", async () => {
    const ready = await bookingOf("READY");
    const delivered = await bookingOf("DELIVERED");
    const working = await bookingOf("IN_PROGRESS");
    const before = await ledgerSnapshot();
    for (const user of [ready.customer, users.CUSTOMER, users.MECHANIC, users.EMPLOYEE]) {
      expect((await issue(user, ready.booking.id)).status, user.role).toBe(403);
    }
    expect((await issue(ready.customer, ready.booking.id)).body).toEqual({ detail: "Only the shop's admins issue invoices and credit notes and record payments." });
    const early = await issue(users.ADMIN, working.booking.id);
    expect(early.status).toBe(409);
    expect(early.body).toEqual({ detail: "An invoice is issued once the car is ready for collection." });
    expect((await issue(users.ADMIN, UNKNOWN_ID)).status).toBe(404);
    expect((await issue(users.ADMIN, "not-an-id")).status).toBe(404);
    expect(await ledgerSnapshot()).toEqual(before);

    const first = await issue(users.ADMIN, ready.booking.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ bookingId: ready.booking.id, totalMinor: 436_600, balanceDueMinor: 436_600 });
    expect((await issue(users.ADMIN, delivered.booking.id)).status).toBe(201);
    const second = await issue(users.ADMIN, ready.booking.id);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ detail: "This booking already has an invoice: correct it with a credit note." });
    await expectGapFree("INVOICE");
  });

  it("a rolled-back issue gives its number back", async () => {
    const { booking } = await bookingOf("READY");
    const row = await db.booking.findUniqueOrThrow({ where: { id: booking.id }, include: { customer: { select: { id: true, name: true } } } });
    const admin: Principal = { userId: users.ADMIN.id, roleId: 1, role: "ADMIN", name: "Admin", scopes: new Set(), via: "bearer" };
    const last = (await db.invoiceSequence.findUnique({ where: { kind_year: { kind: "INVOICE", year: year() } } }))?.last ?? 0;
    await expect(
      db.$transaction(async (tx) => {
        const view = await issueInvoiceFor(tx, admin, row);
        expect(view.number).toBe(`INV-${year()}-${String(last + 1).padStart(6, "0")}`);
        throw new Error("the printer jammed");
      }),
    ).rejects.toThrow("the printer jammed");
    expect((await db.invoiceSequence.findUnique({ where: { kind_year: { kind: "INVOICE", year: year() } } }))?.last ?? 0).toBe(last);
    expect(await db.invoice.count({ where: { bookingId: booking.id } })).toBe(0);
    const issuedNow = await issue(users.ADMIN, booking.id);
    expect(issuedNow.body.number).toBe(`INV-${year()}-${String(last + 1).padStart(6, "0")}`);
    await expectGapFree("INVOICE");
  });

  it("issued invoices and their lines are immutable in the database", async () => {
    const { invoice: issuedInvoice } = await issued();
    await expect(db.$executeRaw`UPDATE invoices SET total_minor = 1, subtotal_minor = 1, tax_minor = 0 WHERE id = ${issuedInvoice.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM invoice_lines WHERE invoice_id = ${issuedInvoice.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE invoice_lines SET price_minor = 0 WHERE invoice_id = ${issuedInvoice.id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`DELETE FROM invoices WHERE id = ${issuedInvoice.id}::uuid`).rejects.toThrow(/immutable/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: issuedInvoice.id } })).totalMinor).toBe(436_600);
    expect(await db.invoiceLine.count({ where: { invoiceId: issuedInvoice.id } })).toBe(2);
  });
});

describe("the booking of an invoice", () => {
  it("stays on the books: deleting a delivered booking with an invoice is a 409", async () => {
    const { booking } = await bookingOf("DELIVERED");
    expect((await issue(users.ADMIN, booking.id)).status).toBe(201);
    const before = await ledgerSnapshot();
    const refused = await call(bookingItem.DELETE, { method: "DELETE", token: users.ADMIN.token, path: `/api/v1/bookings/${booking.id}`, params: { id: booking.id } });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ detail: "This booking has an invoice: it stays on the books." });
    expect(await ledgerSnapshot()).toEqual(before);
  });
});

describe("reading", () => {
  it("staff read every invoice, customers their own (another's is a 404); filters by booking and paid/unpaid", async () => {
    const mine = await issued();
    const theirs = await issued();
    for (const reader of [users.ADMIN, users.MECHANIC, mine.customer]) {
      expect((await invoice(reader, mine.invoice.id)).status, reader.role).toBe(200);
    }
    expect((await invoice(theirs.customer, mine.invoice.id)).status).toBe(404);
    expect((await ofBooking(theirs.customer, mine.booking.id)).status).toBe(404);
    expect((await invoice(users.EMPLOYEE, mine.invoice.id)).status).toBe(403);
    expect((await invoice(users.ADMIN, UNKNOWN_ID)).status).toBe(404);
    const none = await bookingOf("IN_PROGRESS", mine.customer);
    const notYet = await ofBooking(mine.customer, none.booking.id);
    expect(notYet.status).toBe(404);
    expect(notYet.body).toEqual({ detail: "This booking has no invoice yet." });

    const own = await list(mine.customer);
    expect(own.status).toBe(200);
    expect(own.body.map((item) => item.id)).toEqual([mine.invoice.id]);
    expect(own.headers.get("X-Total-Count")).toBe("1");
    const byBooking = await list(users.ADMIN, { bookingId: theirs.booking.id });
    expect(byBooking.body.map((item) => item.id)).toEqual([theirs.invoice.id]);
    expect((await pay(users.ADMIN, theirs.invoice.id, { amountMinor: 436_600, method: "CARD" })).status).toBe(201);
    const paid = await list(users.ADMIN, { status: "paid", limit: "200" });
    expect(paid.body.map((item) => item.id)).toContain(theirs.invoice.id);
    expect(paid.body.map((item) => item.id)).not.toContain(mine.invoice.id);
    expect(paid.body.every((item) => item.balanceDueMinor === 0)).toBe(true);
    const unpaid = await list(users.ADMIN, { status: "unpaid", limit: "200" });
    expect(unpaid.body.map((item) => item.id)).toContain(mine.invoice.id);
    expect(unpaid.body.every((item) => item.balanceDueMinor > 0)).toBe(true);
    expect((await list(mine.customer, { status: "unpaid" })).body.map((item) => item.id)).toEqual([mine.invoice.id]);
    for (const query of [{ status: "open" }, { bookingId: "nope" }, { customerId: mine.customer.id }, { limit: "0" }] as Array<Record<string, string>>) {
      expect((await list(users.ADMIN, query)).status, JSON.stringify(query)).toBe(422);
    }
    expect((await list(users.EMPLOYEE)).status).toBe(403);
  });
});

describe("payments", () => {
  it("partial payments add up to the total; an overpayment is a 409 and the balance never goes negative; the customer hears each receipt", async () => {
    const { customer, booking, invoice: issuedInvoice } = await issued();
    const first = await pay(users.ADMIN, issuedInvoice.id, { amountMinor: 100_000, method: "CASH", reference: "Till 2" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ invoiceId: issuedInvoice.id, amountMinor: 100_000, method: "CASH", reference: "Till 2", recordedByName: "Test admin" });
    expect((await invoice(customer, issuedInvoice.id)).body).toMatchObject({ paidMinor: 100_000, balanceDueMinor: 336_600, payments: [first.body] });

    const before = await ledgerSnapshot();
    const over = await pay(users.ADMIN, issuedInvoice.id, { amountMinor: 336_601, method: "CARD" });
    expect(over.status).toBe(409);
    expect(over.body).toEqual({ detail: "Only 336600 is due on this invoice: a payment cannot exceed the balance." });
    for (const user of [customer, users.CUSTOMER, users.MECHANIC, users.EMPLOYEE]) {
      expect((await pay(user, issuedInvoice.id, { amountMinor: 1, method: "CASH" })).status, user.role).toBe(403);
    }
    const malformed: Array<[unknown, string[]]> = [
      [{ amountMinor: 0, method: "CASH" }, ["amountMinor"]],
      [{ amountMinor: -5, method: "CASH" }, ["amountMinor"]],
      [{ amountMinor: 10.5, method: "CASH" }, ["amountMinor"]],
      [{ amountMinor: "100", method: "CASH" }, ["amountMinor"]],
      [{ amountMinor: 100, method: "CHEQUE" }, ["method"]],
      [{ amountMinor: 100 }, ["method"]],
      [{ amountMinor: 100, method: "CASH", reference: "x".repeat(201) }, ["reference"]],
      [{ amountMinor: 100, method: "CASH", invoiceId: UNKNOWN_ID }, [""]],
    ];
    for (const [json, fields] of malformed) {
      const refused = await pay(users.ADMIN, issuedInvoice.id, json);
      expect(refused.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(refused.body), JSON.stringify(json)).toEqual(fields);
    }
    expect((await pay(users.ADMIN, UNKNOWN_ID, { amountMinor: 1, method: "CASH" })).status).toBe(404);
    expect(await ledgerSnapshot()).toEqual(before);

    const rest = await pay(users.ADMIN, issuedInvoice.id, { amountMinor: 336_600, method: "BANK_TRANSFER", reference: "NEFT 42" });
    expect(rest.status).toBe(201);
    expect((await invoice(users.ADMIN, issuedInvoice.id)).body).toMatchObject({ paidMinor: 436_600, balanceDueMinor: 0 });
    const nothing = await pay(users.ADMIN, issuedInvoice.id, { amountMinor: 1, method: "CASH" });
    expect(nothing.status).toBe(409);
    expect(nothing.body).toEqual({ detail: "Nothing is due on this invoice." });

    const recorded = (await eventsFor(booking.id)).filter((event) => event.type === "payment.recorded");
    expect(recorded.map((event) => event.payload)).toEqual([
      expect.objectContaining({ id: first.body.id, customerId: customer.id, bookingId: booking.id, balanceDueMinor: 336_600 }),
      expect.objectContaining({ id: rest.body.id, customerId: customer.id, balanceDueMinor: 0 }),
    ]);
    const logged = { id: 2n, topic: "booking_events", type: "payment.recorded", key: booking.id, payload: recorded[0]!.payload, actor: users.ADMIN.id } as unknown as LoggedEvent;
    const drafts = await db.$transaction((tx) => garageNotifications(logged, tx));
    expect(drafts).toEqual([expect.objectContaining({ userId: customer.id, title: "Payment received", link: `/garage/bookings/${booking.id}` })]);
  });

  it("simultaneous payments on one invoice never take it below zero", async () => {
    const { invoice: issuedInvoice } = await issued();
    const responses = await Promise.all(Array.from({ length: 6 }, () => pay(users.ADMIN, issuedInvoice.id, { amountMinor: 100_000, method: "CARD" })));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 201, 201, 409, 409]);
    const after = (await invoice(users.ADMIN, issuedInvoice.id)).body;
    expect(after).toMatchObject({ paidMinor: 400_000, balanceDueMinor: 36_600 });
  });
});

describe("credit notes", () => {
  it("credits chosen lines, then the rest, numbered gap-free; the balance accounts for them; a line is credited once", async () => {
    const { customer, booking, invoice: issuedInvoice } = await issued();
    const lastCn = (await db.invoiceSequence.findUnique({ where: { kind_year: { kind: "CREDIT_NOTE", year: year() } } }))?.last ?? 0;
    const brakes = await credit(users.ADMIN, issuedInvoice.id, { reason: "Brakes were under warranty", lines: [{ position: 2 }] });
    expect(brakes.status).toBe(201);
    expect(brakes.body).toMatchObject({
      number: `CN-${year()}-${String(lastCn + 1).padStart(6, "0")}`,
      kind: "CREDIT_NOTE",
      correctsId: issuedInvoice.id,
      bookingId: booking.id,
      customerId: customer.id,
      subtotalMinor: -250_000,
      taxMinor: -45_000,
      totalMinor: -295_000,
      note: "Brakes were under warranty",
      lines: [{ position: 2, description: "Brake service", priceMinor: -250_000, gstCode: catalogue.gstCode, gstBasisPoints: 1800, taxMinor: -45_000 }],
    });
    const afterOne = (await invoice(customer, issuedInvoice.id)).body;
    expect(afterOne).toMatchObject({ creditedMinor: 295_000, balanceDueMinor: 141_600 });
    expect(afterOne.creditNotes.map((note) => note.id)).toEqual([brakes.body.id]);
    const creditNote = await invoice(customer, brakes.body.id);
    expect(creditNote.status).toBe(200);
    expect(creditNote.body).toMatchObject({ kind: "CREDIT_NOTE", balanceDueMinor: 0 });

    const before = await ledgerSnapshot();
    const again = await credit(users.ADMIN, issuedInvoice.id, { reason: "Twice", lines: [{ position: 2 }] });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ detail: "Line 2 has already been credited." });
    expect((await credit(users.ADMIN, brakes.body.id, { reason: "Credit of credit" })).status).toBe(409);
    expect((await pay(users.ADMIN, brakes.body.id, { amountMinor: 1, method: "CASH" })).status).toBe(409);
    for (const user of [customer, users.MECHANIC, users.EMPLOYEE]) {
      expect((await credit(user, issuedInvoice.id, { reason: "Mine" })).status, user.role).toBe(403);
    }
    const malformed: Array<[unknown, string[]]> = [
      [{}, ["reason"]],
      [{ reason: "" }, ["reason"]],
      [{ reason: "Wrong", lines: [] }, ["lines"]],
      [{ reason: "Wrong", lines: [{ position: 3 }] }, ["lines.0.position"]],
      [{ reason: "Wrong", lines: [{ position: 1 }, { position: 1 }] }, ["lines.1.position"]],
      [{ reason: "Wrong", lines: [{ position: "1" }] }, ["lines.0.position"]],
      [{ reason: "Wrong", lines: [{ position: 1, priceMinor: 5 }] }, ["lines.0"]],
      [{ reason: "Wrong", amountMinor: 5 }, [""]],
    ];
    for (const [json, fields] of malformed) {
      const refused = await credit(users.ADMIN, issuedInvoice.id, json);
      expect(refused.status, JSON.stringify(json)).toBe(422);
      expect(fieldsOf(refused.body), JSON.stringify(json)).toEqual(fields);
    }
    expect((await credit(users.ADMIN, UNKNOWN_ID, { reason: "Nothing" })).status).toBe(404);
    expect(await ledgerSnapshot()).toEqual(before);

    const rest = await credit(users.ADMIN, issuedInvoice.id, { reason: "Goodwill: the whole visit" });
    expect(rest.status).toBe(201);
    expect(rest.body.number).toBe(`CN-${year()}-${String(lastCn + 2).padStart(6, "0")}`);
    expect(rest.body.lines.map((line) => line.position)).toEqual([1]);
    expect((await invoice(users.ADMIN, issuedInvoice.id)).body).toMatchObject({ creditedMinor: 436_600, balanceDueMinor: 0 });
    const nothingLeft = await credit(users.ADMIN, issuedInvoice.id, { reason: "Again" });
    expect(nothingLeft.status).toBe(409);
    expect((await eventsFor(booking.id)).filter((event) => event.type === "invoice.credited")).toHaveLength(2);
    await expectGapFree("CREDIT_NOTE");
    await expectGapFree("INVOICE");
  });

  it("cannot credit more than is still due: a paid invoice is not credited (409)", async () => {
    const { invoice: issuedInvoice } = await issued();
    expect((await pay(users.ADMIN, issuedInvoice.id, { amountMinor: 300_000, method: "CASH" })).status).toBe(201);
    // 136 600 due: the brakes line (295 000) is too much, the oil change (141 600) too.
    const before = await ledgerSnapshot();
    const refused = await credit(users.ADMIN, issuedInvoice.id, { reason: "Warranty", lines: [{ position: 2 }] });
    expect(refused.status).toBe(409);
    expect((await credit(users.ADMIN, issuedInvoice.id, { reason: "Warranty", lines: [{ position: 1 }] })).status).toBe(409);
    expect(await ledgerSnapshot()).toEqual(before);
  });
});

describe.skipIf(backend === "embedded")(`invoice numbers under concurrency (${backend})`, () => {
  it("20 bookings reaching READY at once get 20 consecutive numbers: no gap, no duplicate", async () => {
    const bookings = await Promise.all(Array.from({ length: 20 }, () => bookingOf()));
    const responses = await Promise.all(bookings.map(({ booking }) => toReady(users.ADMIN, booking.id)));
    expect(responses.map((response) => response.status)).toEqual(bookings.map(() => 200));
    const rows = await db.invoice.findMany({ where: { bookingId: { in: bookings.map(({ booking }) => booking.id) } }, select: { sequence: true, number: true } });
    const sequences = rows.map((row) => row.sequence).sort((a, b) => a - b);
    expect(sequences).toHaveLength(20);
    expect(new Set(rows.map((row) => row.number)).size).toBe(20);
    expect(sequences.at(-1)! - sequences[0]! + 1).toBe(20);
    await expectGapFree("INVOICE");
  });

  it("issuers racing while half of them roll back: the committed numbers still run without a gap", async () => {
    const admin: Principal = { userId: users.ADMIN.id, roleId: 1, role: "ADMIN", name: "Admin", scopes: new Set(), via: "bearer" };
    const bookings = await Promise.all(Array.from({ length: 12 }, () => bookingOf("READY")));
    const rows = await db.booking.findMany({ where: { id: { in: bookings.map(({ booking }) => booking.id) } }, include: { customer: { select: { id: true, name: true } } } });
    const outcomes = await Promise.allSettled(
      rows.map((row, index) =>
        db.$transaction(async (tx) => {
          await issueInvoiceFor(tx, admin, row);
          if (index % 2 === 0) throw new Error("rolled back");
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(6);
    expect(await db.invoice.count({ where: { bookingId: { in: rows.map((row) => row.id) } } })).toBe(6);
    await expectGapFree("INVOICE");
  });

  it("simultaneous credit notes on different invoices get consecutive numbers", async () => {
    const invoices = await Promise.all(Array.from({ length: 8 }, () => issued()));
    const responses = await Promise.all(invoices.map(({ invoice: one }) => credit(users.ADMIN, one.id, { reason: "Recall" })));
    expect(responses.map((response) => response.status)).toEqual(invoices.map(() => 201));
    await expectGapFree("CREDIT_NOTE");
  });
});

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: Array<{ message: string; extensions?: { code?: string; status?: number } }>;
}

function gql<Data = Record<string, unknown>>(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse<Data>>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

describe("GraphQL: invoices over the same services", () => {
  it("a booking's invoice with lines, payments, credit notes and balance; the desk's mutations refuse customers", async () => {
    const { customer, booking, invoice: issuedInvoice } = await issued();
    const paid = await gql<{ recordPayment: { amountMinor: number } | null }>(
      users.ADMIN,
      `mutation($id: ID!) { recordPayment(invoiceId: $id, amountMinor: 36600, method: CARD, reference: "POS 7") { amountMinor } }`,
      { id: issuedInvoice.id },
    );
    expect(paid.body.data?.recordPayment).toEqual({ amountMinor: 36_600 });
    const credited = await gql<{ creditInvoice: { number: string; totalMinor: number } | null }>(
      users.ADMIN,
      `mutation($id: ID!) { creditInvoice(invoiceId: $id, reason: "Oil was free", positions: [1]) { number totalMinor } }`,
      { id: issuedInvoice.id },
    );
    expect(credited.body.data?.creditInvoice?.totalMinor).toBe(-141_600);
    const before = await ledgerSnapshot();
    const refused = await gql(customer, `mutation($id: ID!) { recordPayment(invoiceId: $id, amountMinor: 1, method: CASH) { id } }`, { id: issuedInvoice.id });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const over = await gql(users.ADMIN, `mutation($id: ID!) { recordPayment(invoiceId: $id, amountMinor: 300000, method: CASH) { id } }`, { id: issuedInvoice.id });
    expect(over.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await ledgerSnapshot()).toEqual(before);

    const read = await gql<{ booking: { invoice: Record<string, unknown> | null } | null }>(
      customer,
      `query($id: ID!) { booking(id: $id) { invoice { number balanceDueMinor paidMinor creditedMinor lines { position priceMinor } payments { method reference } creditNotes { number lines { position priceMinor } } } } }`,
      { id: booking.id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.booking?.invoice).toEqual({
      number: issuedInvoice.number,
      balanceDueMinor: 258_400,
      paidMinor: 36_600,
      creditedMinor: 141_600,
      lines: [{ position: 1, priceMinor: 120_000 }, { position: 2, priceMinor: 250_000 }],
      payments: [{ method: "CARD", reference: "POS 7" }],
      creditNotes: [{ number: credited.body.data?.creditInvoice?.number, lines: [{ position: 1, priceMinor: -120_000 }] }],
    });
    const stranger = await gql<{ invoice: unknown }>(users.CUSTOMER, `query($id: ID!) { invoice(id: $id) { id } }`, { id: issuedInvoice.id });
    expect(stranger.body.data?.invoice).toBeNull();
  });

  it("bookings with their invoices cost the same number of SQL statements for 3 bookings as for 12", async () => {
    const fixture = async (count: number) => {
      const customer = await createUser("CUSTOMER");
      for (let index = 0; index < count; index++) {
        const { booking } = await bookingOf("READY", customer);
        const made = await issue(users.ADMIN, booking.id);
        expect((await pay(users.ADMIN, made.body.id, { amountMinor: 1000, method: "CASH" })).status).toBe(201);
        expect((await credit(users.ADMIN, made.body.id, { reason: "Goodwill", lines: [{ position: 1 }] })).status).toBe(201);
      }
      return customer;
    };
    const few = await fixture(3);
    const many = await fixture(12);
    const query = `{ myBookings(limit: 12) { id invoice { number balanceDueMinor lines { position } payments { amountMinor } creditNotes { number } } } }`;
    const counter = countStatements();
    try {
      const measure = async (user: TestUser) => {
        const before = counter.count();
        const response = await gql<{ myBookings: Array<{ invoice: { payments: unknown[] } | null }> }>(user, query);
        expect(response.body.errors).toBeUndefined();
        const rows = response.body.data!.myBookings;
        return { rows: rows.length, paid: rows.filter((row) => row.invoice?.payments.length === 1).length, statements: counter.count() - before };
      };
      await measure(few);
      const small = await measure(few);
      const large = await measure(many);
      expect([small.rows, small.paid, large.rows, large.paid]).toEqual([3, 3, 12, 12]);
      expect(large.statements).toBe(small.statements);
    } finally {
      await counter.restore();
    }
  });
});
