/**
 * Invoices, credit notes and payments. At READY a booking's booked lines (with their GST
 * snapshot) become an invoice numbered without gaps per kind and year (INV-2026-000001,
 * CN-2026-000001): the (kind, year) row of invoice_sequences is bumped in the issuing
 * transaction, so its row lock serialises issuers and a rollback gives the number back.
 * Issued documents are immutable (database triggers); corrections are credit notes. The desk
 * records payments; the balance due (total − credit notes − payments) never goes negative.
 *
 * Scopes: the matrix has no invoice rows, so invoices ride on the booking's: READ:BOOKINGS
 * reads them (customers their own), UPDATE:BOOKINGS plus being an admin issues, credits and
 * records payments (customers hold UPDATE:BOOKINGS "(own)", mechanics do not hold it).
 */
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Invoice as InvoiceRow, InvoiceLine as InvoiceLineRow, Payment as PaymentRow, Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { creditNoteInputSchema, invoiceListQuerySchema, paymentInputSchema } from "../schemas";
import { garageSettings } from "../settings";
import { shopDate } from "../view-models/shop-clock";
import type { BookingView, CreditNoteView, InvoiceDetailView, InvoiceLineView, InvoiceView, PaymentView } from "../views";
import { actsOnOwnRowsOnly, INVOICE_NUMBER_PREFIX, type InvoiceKindName } from "../vocabulary";
import { BOOKING_MESSAGES, toBookingView } from "./bookings";
import { lockBooking, type WorkshopBooking } from "./workshop";

export const INVOICE_MESSAGES = {
  invoiceNotFound: "Invoice not found.",
  noInvoiceYet: "This booking has no invoice yet.",
  staffOnly: "Only the shop's admins issue invoices and credit notes and record payments.",
  notReady: "An invoice is issued once the car is ready for collection.",
  alreadyIssued: "This booking already has an invoice: correct it with a credit note.",
  creditOfCredit: "A credit note cannot be credited: correct the invoice instead.",
  paymentOnCredit: "Payments are recorded against an invoice, not a credit note.",
  lineCredited: (position: number) => `Line ${position} has already been credited.`,
  nothingLeft: "Every line of this invoice has already been credited.",
  creditBeyondDue: (dueMinor: number) =>
    `The credit note would take off more than the ${dueMinor} still due: the invoice has been paid meanwhile, and refunds are not recorded here.`,
  overpayment: (dueMinor: number) => (dueMinor === 0 ? "Nothing is due on this invoice." : `Only ${dueMinor} is due on this invoice: a payment cannot exceed the balance.`),
  unknownLine: "must be the position of one of the invoice's lines",
  repeatedLine: "names a line twice",
} as const;

/** Issues, credits and takes payments: an admin (UPDATE:BOOKINGS on every booking, not "(own)"). */
async function requireDesk(principal: Principal): Promise<void> {
  await requireScope(principal, "UPDATE:BOOKINGS");
  if (actsOnOwnRowsOnly(principal) || principal.role !== "ADMIN") throw new ForbiddenError(INVOICE_MESSAGES.staffOnly);
}

function toLineView(row: InvoiceLineRow): InvoiceLineView {
  return { position: row.position, description: row.description, priceMinor: row.priceMinor, gstCode: row.gstCode, gstBasisPoints: row.gstBasisPoints, taxMinor: row.taxMinor };
}

function toPaymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    amountMinor: row.amountMinor,
    method: row.method,
    reference: row.reference,
    recordedByName: row.recordedByName,
    receivedAt: row.receivedAt.toISOString(),
  };
}

function documentView(row: InvoiceRow) {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    bookingId: row.bookingId,
    correctsId: row.correctsId,
    customerId: row.customerId,
    customerName: row.customerName,
    carPlate: row.carPlate,
    carDescription: row.carDescription,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    currency: row.currency,
    note: row.note,
    issuedByName: row.issuedByName,
    issuedAt: row.issuedAt.toISOString(),
  };
}

interface Settled {
  creditedMinor: number;
  paidMinor: number;
}

/** total − credited − paid (credit notes have nothing due). */
export function balanceDue(row: Pick<InvoiceRow, "kind" | "totalMinor">, settled: Settled): number {
  return row.kind === "INVOICE" ? Math.max(0, row.totalMinor - settled.creditedMinor - settled.paidMinor) : 0;
}

function toInvoiceView(row: InvoiceRow, settled: Settled = { creditedMinor: 0, paidMinor: 0 }): InvoiceView {
  return row.kind === "INVOICE"
    ? { ...documentView(row), ...settled, balanceDueMinor: balanceDue(row, settled) }
    : { ...documentView(row), creditedMinor: 0, paidMinor: 0, balanceDueMinor: 0 };
}

/** What credit notes and payments took off each invoice: two grouped queries for a whole list. */
async function settledAmounts(reader: Transaction | typeof db, invoiceIds: readonly string[]): Promise<Map<string, Settled>> {
  const ids = [...new Set(invoiceIds)];
  const [credits, payments] = await Promise.all([
    reader.invoice.groupBy({ by: ["correctsId"], where: { correctsId: { in: ids } }, _sum: { totalMinor: true } }),
    reader.payment.groupBy({ by: ["invoiceId"], where: { invoiceId: { in: ids } }, _sum: { amountMinor: true } }),
  ]);
  const settled = new Map<string, Settled>(ids.map((id) => [id, { creditedMinor: 0, paidMinor: 0 }]));
  for (const credit of credits) {
    const entry = credit.correctsId ? settled.get(credit.correctsId) : undefined;
    if (entry) entry.creditedMinor = -(credit._sum.totalMinor ?? 0);
  }
  for (const payment of payments) {
    const entry = settled.get(payment.invoiceId);
    if (entry) entry.paidMinor = payment._sum.amountMinor ?? 0;
  }
  return settled;
}

async function settledOf(reader: Transaction | typeof db, invoiceId: string): Promise<Settled> {
  return (await settledAmounts(reader, [invoiceId])).get(invoiceId) ?? { creditedMinor: 0, paidMinor: 0 };
}

async function invoiceViews(reader: Transaction | typeof db, rows: readonly InvoiceRow[]): Promise<InvoiceView[]> {
  const settled = await settledAmounts(reader, rows.map((row) => row.id));
  return rows.map((row) => toInvoiceView(row, settled.get(row.id)));
}

async function invoiceView(reader: Transaction | typeof db, row: InvoiceRow): Promise<InvoiceView> {
  return toInvoiceView(row, await settledOf(reader, row.id));
}

async function detailOf(reader: Transaction | typeof db, row: InvoiceRow): Promise<InvoiceDetailView> {
  const [view, lines, payments, creditNotes] = await Promise.all([
    invoiceView(reader, row),
    reader.invoiceLine.findMany({ where: { invoiceId: row.id }, orderBy: { position: "asc" } }),
    reader.payment.findMany({ where: { invoiceId: row.id }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }] }),
    reader.invoice.findMany({ where: { correctsId: row.id }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { sequence: "asc" } }),
  ]);
  return {
    ...view,
    lines: lines.map(toLineView),
    payments: payments.map(toPaymentView),
    creditNotes: creditNotes.map((note) => ({ ...documentView(note), lines: note.lines.map(toLineView) })),
  };
}

/** The next number of a kind in a year: bumps (or starts) its sequence row, locked until the caller's transaction ends. */
async function nextNumber(tx: Transaction, kind: InvoiceKindName, year: number): Promise<{ sequence: number; number: string }> {
  const [row] = await tx.$queryRaw<Array<{ last: number }>>`
    INSERT INTO invoice_sequences (kind, year, last) VALUES (${kind}::"InvoiceKind", ${year}, 1)
    ON CONFLICT (kind, year) DO UPDATE SET last = invoice_sequences.last + 1
    RETURNING last`;
  if (!row) throw new Error("invoice_sequences returned no row");
  const sequence = Number(row.last);
  return { sequence, number: `${INVOICE_NUMBER_PREFIX[kind]}-${year}-${String(sequence).padStart(6, "0")}` };
}

function shopYear(now: Date): number {
  return Number(shopDate(now, garageSettings().GARAGE_TIME_ZONE).slice(0, 4));
}

/**
 * Issues the invoice of a booking in the caller's transaction (the booking locked): its booked
 * lines with their price and GST snapshot, numbered in the shop's year. 409 when it has one.
 */
export async function issueInvoiceFor(tx: Transaction, principal: Principal, booking: WorkshopBooking, now: Date = new Date()): Promise<InvoiceView> {
  if (await tx.invoice.findFirst({ where: { bookingId: booking.id, kind: "INVOICE" }, select: { id: true } })) throw new ConflictError(INVOICE_MESSAGES.alreadyIssued);
  const booked = await tx.bookedService.findMany({ where: { bookingId: booking.id }, orderBy: [{ createdAt: "asc" }, { serviceName: "asc" }, { id: "asc" }] });
  const subtotalMinor = booked.reduce((sum, line) => sum + line.priceMinor, 0);
  const taxMinor = booked.reduce((sum, line) => sum + line.taxMinor, 0);
  const year = shopYear(now);
  const { sequence, number } = await nextNumber(tx, "INVOICE", year);
  const row = await tx.invoice.create({
    data: {
      number,
      kind: "INVOICE",
      year,
      sequence,
      bookingId: booking.id,
      customerId: booking.customerId,
      customerName: booking.customer?.name ?? "Former customer",
      carPlate: booking.carPlate,
      carDescription: booking.carDescription,
      subtotalMinor,
      taxMinor,
      totalMinor: subtotalMinor + taxMinor,
      currency: booking.currency,
      issuedById: principal.userId,
      issuedByName: principal.name,
      issuedAt: now,
      lines: {
        create: booked.map((line, index) => ({
          position: index + 1,
          description: line.serviceName,
          priceMinor: line.priceMinor,
          gstCode: line.gstCode,
          gstBasisPoints: line.gstBasisPoints,
          taxMinor: line.taxMinor,
        })),
      },
    },
  });
  const view = toInvoiceView(row);
  await recordGarageEvent(tx, { topic: "booking_events", type: "invoice.issued", key: booking.id, payload: view, actor: principal.userId });
  return view;
}

/** POST /bookings/{id}/invoice: an admin issues the invoice of a ready or delivered booking that has none. */
export async function issueInvoice(principal: Principal, bookingId: string): Promise<InvoiceDetailView> {
  await requireDesk(principal);
  return transaction(async (tx) => {
    const booking = await lockBooking(tx, principal, bookingId);
    if (booking.status !== "READY" && booking.status !== "DELIVERED") throw new ConflictError(INVOICE_MESSAGES.notReady);
    const view = await issueInvoiceFor(tx, principal, booking);
    return detailOf(tx, await tx.invoice.findUniqueOrThrow({ where: { id: view.id } }));
  });
}

/** Ready or delivered bookings without an invoice (issued before invoicing began, say): the desk issues them. */
export async function uninvoicedBookings(principal: Principal, limit = 50): Promise<BookingView[]> {
  await requireDesk(principal);
  const rows = await db.booking.findMany({
    where: { status: { in: ["READY", "DELIVERED"] }, invoices: { none: { kind: "INVOICE" } } },
    include: { customer: { select: { id: true, name: true } } },
    orderBy: [{ slotStart: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toBookingView);
}

function visible(principal: Principal): Prisma.InvoiceWhereInput {
  return actsOnOwnRowsOnly(principal) ? { customerId: principal.userId } : {};
}

/** GET /invoices: staff every invoice, customers their own; newest first (credit notes appear within their invoice). */
export async function listInvoices(principal: Principal, query: unknown): Promise<Page<InvoiceView>> {
  await requireScope(principal, "READ:BOOKINGS");
  const { bookingId, status, limit, offset } = parseQuery(invoiceListQuerySchema, query);
  let byStatus: Prisma.InvoiceWhereInput = {};
  if (status) {
    const due = await db.$queryRaw<Array<{ id: string }>>`
      SELECT i.id::text AS id FROM invoices i
      WHERE i.kind = 'INVOICE'
        AND i.total_minor + COALESCE((SELECT SUM(c.total_minor) FROM invoices c WHERE c.corrects_id = i.id), 0)
            - COALESCE((SELECT SUM(p.amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0) > 0`;
    const ids = due.map((row) => row.id);
    byStatus = status === "unpaid" ? { id: { in: ids } } : { id: { notIn: ids } };
  }
  const where: Prisma.InvoiceWhereInput = { kind: "INVOICE", ...visible(principal), ...(bookingId ? { bookingId } : {}), ...byStatus };
  const [rows, total] = await Promise.all([
    db.invoice.findMany({ where, orderBy: [{ issuedAt: "desc" }, { id: "asc" }], take: limit, skip: offset }),
    db.invoice.count({ where }),
  ]);
  return { items: await invoiceViews(db, rows), total };
}

/** GET /invoices/{id}: an invoice or credit note with its lines, payments and credit notes (another customer's: 404). */
export async function getInvoice(principal: Principal, id: string): Promise<InvoiceDetailView> {
  await requireScope(principal, "READ:BOOKINGS");
  const row = await db.invoice.findFirst({ where: { id: pathId(id, INVOICE_MESSAGES.invoiceNotFound), ...visible(principal) } });
  if (!row) throw new NotFoundError(INVOICE_MESSAGES.invoiceNotFound);
  return detailOf(db, row);
}

/** GET /bookings/{id}/invoice: the booking's invoice (404 until issued; another customer's booking: 404). */
export async function getBookingInvoice(principal: Principal, bookingId: string): Promise<InvoiceDetailView> {
  await requireScope(principal, "READ:BOOKINGS");
  const id = pathId(bookingId, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id }, select: { customerId: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  const row = await db.invoice.findFirst({ where: { bookingId: id, kind: "INVOICE" } });
  if (!row) throw new NotFoundError(INVOICE_MESSAGES.noInvoiceYet);
  return detailOf(db, row);
}

/** The invoices of many bookings at once (GraphQL `Booking.invoice`): three queries whatever their number. */
export async function invoicesOfBookings(principal: Principal, bookingIds: readonly string[]): Promise<Map<string, InvoiceView>> {
  await requireScope(principal, "READ:BOOKINGS");
  const rows = await db.invoice.findMany({ where: { bookingId: { in: [...new Set(bookingIds)] }, kind: "INVOICE", ...visible(principal) } });
  const views = await invoiceViews(db, rows);
  return new Map(views.map((view) => [view.bookingId, view]));
}

export interface InvoiceParts {
  lines: InvoiceLineView[];
  payments: PaymentView[];
  creditNotes: CreditNoteView[];
}

/** Lines, payments and credit notes of invoices already read (GraphQL `Invoice`): three queries whatever their number. */
export async function partsOfInvoices(invoiceIds: readonly string[]): Promise<Map<string, InvoiceParts>> {
  const ids = [...new Set(invoiceIds)];
  const [lines, paid, notes] = await Promise.all([
    db.invoiceLine.findMany({ where: { invoiceId: { in: ids } }, orderBy: [{ invoiceId: "asc" }, { position: "asc" }] }),
    db.payment.findMany({ where: { invoiceId: { in: ids } }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }] }),
    db.invoice.findMany({ where: { correctsId: { in: ids } }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { sequence: "asc" } }),
  ]);
  const parts = new Map<string, InvoiceParts>(ids.map((id) => [id, { lines: [], payments: [], creditNotes: [] }]));
  for (const line of lines) parts.get(line.invoiceId)?.lines.push(toLineView(line));
  for (const payment of paid) parts.get(payment.invoiceId)?.payments.push(toPaymentView(payment));
  for (const note of notes) if (note.correctsId) parts.get(note.correctsId)?.creditNotes.push({ ...documentView(note), lines: note.lines.map(toLineView) });
  return parts;
}

/** Locks an invoice row: credit notes and payments on one invoice queue behind each other. */
async function lockInvoice(tx: Transaction, id: string): Promise<InvoiceRow> {
  const invoiceId = pathId(id, INVOICE_MESSAGES.invoiceNotFound);
  await tx.$queryRaw`SELECT 1 FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  const row = await tx.invoice.findUnique({ where: { id: invoiceId } });
  if (!row) throw new NotFoundError(INVOICE_MESSAGES.invoiceNotFound);
  return row;
}

/**
 * POST /invoices/{id}/credit-notes: an admin credits all of an invoice's lines or the named
 * ones (each line once): a CREDIT_NOTE with the lines negated. It may take off at most what
 * is still due, so the balance never goes negative (409).
 */
export async function creditInvoice(principal: Principal, id: string, input: unknown): Promise<CreditNoteView> {
  await requireDesk(principal);
  const { reason, lines: chosen } = parseInput(creditNoteInputSchema, input);
  return transaction(async (tx) => {
    const invoice = await lockInvoice(tx, id);
    if (invoice.kind !== "INVOICE") throw new ConflictError(INVOICE_MESSAGES.creditOfCredit);
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: "asc" } });
    let credited = lines;
    if (chosen) {
      const seen = new Set<number>();
      credited = chosen.map(({ position }, index) => {
        const line = lines.find((candidate) => candidate.position === position);
        if (!line) throw fieldError(["body", "lines", index, "position"], INVOICE_MESSAGES.unknownLine);
        if (seen.has(position)) throw fieldError(["body", "lines", index, "position"], INVOICE_MESSAGES.repeatedLine);
        seen.add(position);
        return line;
      });
    }
    const earlier = await tx.invoiceLine.findMany({ where: { invoice: { correctsId: invoice.id } }, select: { position: true } });
    const done = new Set(earlier.map((line) => line.position));
    if (chosen) {
      const again = credited.find((line) => done.has(line.position));
      if (again) throw new ConflictError(INVOICE_MESSAGES.lineCredited(again.position));
    } else {
      // Crediting everything means every line not credited yet.
      credited = credited.filter((line) => !done.has(line.position));
      if (credited.length === 0) throw new ConflictError(INVOICE_MESSAGES.nothingLeft);
    }
    const subtotalMinor = -credited.reduce((sum, line) => sum + line.priceMinor, 0);
    const taxMinor = -credited.reduce((sum, line) => sum + line.taxMinor, 0);
    const settled = await settledOf(tx, invoice.id);
    const due = balanceDue(invoice, settled);
    if (-(subtotalMinor + taxMinor) > due) throw new ConflictError(INVOICE_MESSAGES.creditBeyondDue(due));
    const now = new Date();
    const year = shopYear(now);
    const { sequence, number } = await nextNumber(tx, "CREDIT_NOTE", year);
    const note = await tx.invoice.create({
      data: {
        number,
        kind: "CREDIT_NOTE",
        year,
        sequence,
        bookingId: invoice.bookingId,
        correctsId: invoice.id,
        customerId: invoice.customerId,
        customerName: invoice.customerName,
        carPlate: invoice.carPlate,
        carDescription: invoice.carDescription,
        subtotalMinor,
        taxMinor,
        totalMinor: subtotalMinor + taxMinor,
        currency: invoice.currency,
        note: reason,
        issuedById: principal.userId,
        issuedByName: principal.name,
        issuedAt: now,
        lines: {
          create: credited.map((line) => ({
            position: line.position,
            description: line.description,
            priceMinor: -line.priceMinor,
            gstCode: line.gstCode,
            gstBasisPoints: line.gstBasisPoints,
            taxMinor: -line.taxMinor,
          })),
        },
      },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    const creditNote = toInvoiceView(note);
    const after = await invoiceView(tx, invoice);
    await recordGarageEvent(tx, { topic: "booking_events", type: "invoice.credited", key: invoice.bookingId, payload: { ...after, creditNote }, actor: principal.userId });
    return { ...documentView(note), lines: note.lines.map(toLineView) };
  });
}

/** POST /invoices/{id}/payments: an admin records money taken at the desk; partial payments add up to at most the balance due (409 beyond). */
export async function recordPayment(principal: Principal, id: string, input: unknown): Promise<PaymentView> {
  await requireDesk(principal);
  const { amountMinor, method, reference } = parseInput(paymentInputSchema, input);
  return transaction(async (tx) => {
    const invoice = await lockInvoice(tx, id);
    if (invoice.kind !== "INVOICE") throw new ConflictError(INVOICE_MESSAGES.paymentOnCredit);
    const due = balanceDue(invoice, await settledOf(tx, invoice.id));
    if (amountMinor > due) throw new ConflictError(INVOICE_MESSAGES.overpayment(due));
    const payment = toPaymentView(
      await tx.payment.create({ data: { invoiceId: invoice.id, amountMinor, method, reference, recordedById: principal.userId, recordedByName: principal.name } }),
    );
    await recordGarageEvent(tx, {
      topic: "booking_events",
      type: "payment.recorded",
      key: invoice.bookingId,
      payload: { ...payment, bookingId: invoice.bookingId, customerId: invoice.customerId, invoiceNumber: invoice.number, balanceDueMinor: due - amountMinor, currency: invoice.currency },
      actor: principal.userId,
    });
    return payment;
  });
}
