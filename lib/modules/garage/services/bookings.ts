import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { groupedBy } from "../../../graphql/loaders";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { BookedService as BookedServiceRow, BookingProgress as ProgressRow, Prisma } from "../../../generated/prisma/client";
import { ROLES } from "../../../identity/roles";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { bookingCancelSchema, bookingInputSchema, bookingListQuerySchema, bookingUpdateSchema, myBookingsQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import { addCalendarDays, shopDate, shopInstant } from "../view-models/shop-clock";
import type { BookedServiceView, BookingDetailView, BookingProgressView, BookingView } from "../views";
import { actsOnOwnRowsOnly, ADMIN_CANCELLABLE_BOOKING_STATUSES, OPEN_BOOKING_STATUSES, type BookingStatusName, type PriceSource } from "../vocabulary";
import { resolvePrices, type ResolvedPrice } from "./pricing";
import { listAddresses } from "./addresses";
import { offerDeferredWork } from "./approvals";
import { getCart } from "./cart";
import { freeSlotsOn, horizonEnd, loadDays, lowestFreeBay, nextFreeSlots, shopDay } from "./slots";

export const BOOKING_MESSAGES = {
  bookingNotFound: "Booking not found.",
  carNotFound: "Car not found.",
  addressNotFound: "Address not found.",
  slotTaken: "This drop-off slot is full or the work does not fit that day: pick one of the next free slots.",
  notBooked: "Only a booking that is still booked can be changed.",
  customerCancelTooLate: "You can cancel only before the car is checked in.",
  adminCancelTooLate: "Work on this booking has started: it can no longer be cancelled.",
  notDeletable: "Only cancelled or delivered bookings can be deleted.",
  invoiced: "This booking has an invoice: it stays on the books.",
} as const;

const MINUTE = 60_000;

/** What a booking's view needs besides its row: its customer's name (null once the account is gone). */
const bookingInclude = { customer: { select: { id: true, name: true } } } satisfies Prisma.BookingInclude;
type BookingRow = Prisma.BookingGetPayload<{ include: typeof bookingInclude }>;

export function toBookingView(row: BookingRow): BookingView {
  return {
    id: row.id,
    customerId: row.customerId,
    customer: row.customer,
    carId: row.carId,
    carPlate: row.carPlate,
    carDescription: row.carDescription,
    slotStart: row.slotStart.toISOString(),
    slotEnd: row.slotEnd.toISOString(),
    bay: row.bay,
    labourMinutes: row.labourMinutes,
    pickupAddressId: row.pickupAddressId,
    pickupText: row.pickupText,
    status: row.status,
    notes: row.notes,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    currency: row.currency,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    promisedAt: row.promisedAt?.toISOString() ?? null,
    odometerInKm: row.odometerInKm,
    odometerOutKm: row.odometerOutKm,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toBookedServiceView(row: BookedServiceRow, currency: string): BookedServiceView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    labourMinutes: row.labourMinutes,
    priceMinor: row.priceMinor,
    priceSource: row.priceSource as PriceSource,
    gstCode: row.gstCode,
    gstBasisPoints: row.gstBasisPoints,
    taxMinor: row.taxMinor,
    currency,
  };
}

export function toProgressView(row: ProgressRow): BookingProgressView {
  return {
    id: row.id.toString(),
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    actorName: row.actorName,
    note: row.note,
    at: row.at.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** Loads a booking the principal may see: another customer's is a 404, like an unknown one. */
async function visibleBooking(reader: Transaction | typeof db, principal: Principal, id: string): Promise<BookingRow> {
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const row = await reader.booking.findUnique({ where: { id: bookingId }, include: bookingInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  return row;
}

/** Bookings of a customer that still hold a slot or a car: they block deleting the account. */
export async function countOpenBookings(tx: Transaction, customerId: string): Promise<number> {
  return tx.booking.count({ where: { customerId, status: { in: [...OPEN_BOOKING_STATUSES] } } });
}

export interface PricedLine {
  serviceId: string;
  serviceName: string;
  price: ResolvedPrice;
}

/** A booking's money and lines from its priced services: each booked line snapshots price, GST and labour; the totals are their sums. */
export function bookedLines(lines: readonly PricedLine[]) {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.price.priceMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.price.taxMinor, 0);
  return {
    labourMinutes: lines.reduce((sum, line) => sum + line.price.labourMinutes, 0),
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
    services: {
      create: lines.map((line) => ({
        serviceId: line.serviceId,
        serviceName: line.serviceName,
        labourMinutes: line.price.labourMinutes,
        priceMinor: line.price.priceMinor,
        priceSource: line.price.source,
        priceChartId: line.price.priceChartId,
        gstCode: line.price.gstCode,
        gstBasisPoints: line.price.gstBasisPoints,
        taxMinor: line.price.taxMinor,
      })),
    },
  };
}

/** The customer a booking is for: customers book for themselves, staff name a customer. */
async function bookingCustomer(principal: Principal, customerId: string | undefined): Promise<string> {
  if (actsOnOwnRowsOnly(principal)) {
    if (customerId !== undefined && customerId !== principal.userId) throw fieldError(["body", "customerId"], "customers book for themselves");
    return principal.userId;
  }
  if (customerId === undefined) throw fieldError(["body", "customerId"], "name the customer the booking is for");
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { roleId: true } });
  if (!customer || customer.roleId !== ROLES.CUSTOMER.id) throw fieldError(["body", "customerId"], "is not a customer");
  return customerId;
}

/**
 * POST /bookings. The slot rules are checked again under a transaction-scoped advisory
 * lock on the shop day, so concurrent bookings of one day queue; the partial unique index
 * on (slot_start, bay) is the backstop.
 */
export async function createBooking(principal: Principal, input: unknown, now: Date = new Date()): Promise<BookingDetailView> {
  await requireScope(principal, "WRITE:BOOKINGS");
  const data = parseInput(bookingInputSchema, input);
  if ((data.serviceIds === undefined) === (data.fromCart === undefined)) {
    throw fieldError(["body", "serviceIds"], "give either serviceIds or fromCart: true");
  }
  const settings = garageSettings();
  const date = shopDate(data.slotStart, settings.GARAGE_TIME_ZONE);
  const day = shopDay(date);
  if (!day || !day.slotStarts.some((start) => start.getTime() === data.slotStart.getTime())) {
    throw fieldError(["body", "slotStart"], "is not a drop-off slot of an open day");
  }
  if (data.slotStart.getTime() <= now.getTime()) throw fieldError(["body", "slotStart"], "must be in the future");
  if (date > horizonEnd(now)) throw fieldError(["body", "slotStart"], `must be within ${settings.GARAGE_BOOKING_HORIZON_DAYS} days`);
  const customerId = await bookingCustomer(principal, data.customerId);

  const car = await db.customerCar.findUnique({ where: { id: data.carId }, include: { carModel: true } });
  if (!car || car.ownerId !== customerId) throw new NotFoundError(BOOKING_MESSAGES.carNotFound);
  const address = data.pickupAddressId ? await db.garageAddress.findUnique({ where: { id: data.pickupAddressId }, include: { area: true } }) : null;
  if (data.pickupAddressId && (!address || address.ownerId !== customerId)) throw new NotFoundError(BOOKING_MESSAGES.addressNotFound);

  const cartLines = data.fromCart ? await db.cartLine.findMany({ where: { ownerId: customerId, carId: car.id }, orderBy: { addedAt: "asc" } }) : [];
  if (data.fromCart && cartLines.length === 0) throw fieldError(["body", "fromCart"], "the cart has no services for this car");
  const serviceIds = data.fromCart ? cartLines.map((line) => line.serviceId) : [...new Set(data.serviceIds)];
  const services = await db.garageService.findMany({ where: { id: { in: serviceIds }, active: true } });
  if (services.length !== serviceIds.length) {
    throw fieldError(["body", data.fromCart ? "fromCart" : "serviceIds"], "names a service that does not exist or is no longer offered");
  }
  const serviceNames = new Map(services.map((service) => [service.id, service.name]));

  const pickupText = address ? [address.label, address.line1, address.line2, address.postcode, address.area.name].filter(Boolean).join(", ") : null;
  const carDescription = `${car.carModel.make} ${car.carModel.model}`;

  const created = await withConflicts(
    () =>
      transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`garage-day:${date}`}))`;
        const prices = await resolvePrices(tx, serviceIds, car.carModel);
        const lines: PricedLine[] = serviceIds.map((serviceId) => {
          const price = prices.get(serviceId);
          if (!price) throw fieldError(["body", "serviceIds"], "names a service that does not exist");
          return { serviceId, serviceName: serviceNames.get(serviceId) ?? "", price };
        });
        const labourMinutes = lines.reduce((sum, line) => sum + line.price.labourMinutes, 0);
        const load = (await loadDays(tx, date, date)).get(date) ?? { baysBySlot: new Map<number, Set<number>>(), labourMinutes: 0 };
        const fits = freeSlotsOn(day, load, labourMinutes, now).some((slot) => Date.parse(slot.start) === data.slotStart.getTime());
        if (!fits) throw new SlotUnavailable(labourMinutes);
        const booking = await tx.booking.create({
          include: bookingInclude,
          data: {
            customerId,
            carId: car.id,
            carPlate: car.plate,
            carDescription,
            slotStart: data.slotStart,
            slotEnd: new Date(data.slotStart.getTime() + settings.GARAGE_SLOT_MINUTES * MINUTE),
            bay: lowestFreeBay(load, data.slotStart),
            pickupAddressId: address?.id ?? null,
            pickupText,
            notes: data.notes ?? "",
            ...bookedLines(lines),
            currency: settings.GARAGE_CURRENCY,
            progress: { create: { fromStatus: null, toStatus: "BOOKED", actorId: principal.userId, actorName: principal.name } },
          },
        });
        if (data.fromCart) await tx.cartLine.deleteMany({ where: { id: { in: cartLines.map((line) => line.id) } } });
        await recordGarageEvent(tx, { topic: "booking_events", type: "booking.created", key: booking.id, payload: toBookingView(booking), actor: principal.userId });
        await offerDeferredWork(tx, principal, booking);
        return booking;
      }),
    { constraints: { bookings_slot_bay_key: BOOKING_MESSAGES.slotTaken } },
  ).catch(async (error: unknown) => {
    if (error instanceof SlotUnavailable || (error instanceof ConflictError && error.detail === BOOKING_MESSAGES.slotTaken)) {
      const minutes = error instanceof SlotUnavailable ? error.labourMinutes : services.reduce((sum, service) => sum + service.labourMinutes, 0);
      throw new ConflictError(BOOKING_MESSAGES.slotTaken, { nextFreeSlots: await nextFreeSlots(db, date, minutes, now) });
    }
    throw error;
  });
  return bookingDetail(created);
}

class SlotUnavailable extends Error {
  constructor(readonly labourMinutes: number) {
    super(BOOKING_MESSAGES.slotTaken);
  }
}

async function bookingDetail(row: BookingRow): Promise<BookingDetailView> {
  const [services, progress] = await Promise.all([
    db.bookedService.findMany({ where: { bookingId: row.id }, orderBy: [{ serviceName: "asc" }, { id: "asc" }] }),
    db.bookingProgress.findMany({ where: { bookingId: row.id }, orderBy: { id: "asc" } }),
  ]);
  return {
    ...toBookingView(row),
    services: services.map((service) => toBookedServiceView(service, row.currency)),
    progress: progress.map(toProgressView),
  };
}

const SORTS = {
  "-slot": [{ slotStart: "desc" }, { bay: "asc" }],
  slot: [{ slotStart: "asc" }, { bay: "asc" }],
} satisfies Record<string, Prisma.BookingOrderByWithRelationInput[]>;

/** GET /bookings: customers their own, staff every booking (filter by customer). */
export async function listBookings(principal: Principal, query: unknown): Promise<Page<BookingView>> {
  await requireScope(principal, "READ:BOOKINGS");
  const { status, date, customerId, sort, limit, offset } = parseQuery(bookingListQuerySchema, query);
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const where: Prisma.BookingWhereInput = {
    ...(actsOnOwnRowsOnly(principal) ? { customerId: principal.userId } : customerId ? { customerId } : {}),
    ...(status ? { status } : {}),
    ...(date ? { slotStart: { gte: shopInstant(date, "00:00", timeZone), lt: shopInstant(addCalendarDays(date, 1), "00:00", timeZone) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.booking.findMany({ where, include: bookingInclude, orderBy: [...SORTS[sort], { id: "asc" }], take: limit, skip: offset }),
    db.booking.count({ where }),
  ]);
  return { items: rows.map(toBookingView), total };
}

/** GET /bookings/customer: the caller's own bookings, newest slot first. */
export async function listMyBookings(principal: Principal, query: unknown): Promise<Page<BookingView>> {
  await requireScope(principal, "READ:BOOKINGS");
  const { limit, offset } = parseQuery(myBookingsQuerySchema, query);
  const where = { customerId: principal.userId };
  const [rows, total] = await Promise.all([
    db.booking.findMany({ where, include: bookingInclude, orderBy: [{ slotStart: "desc" }, { id: "asc" }], take: limit, skip: offset }),
    db.booking.count({ where }),
  ]);
  return { items: rows.map(toBookingView), total };
}

export async function getBooking(principal: Principal, id: string): Promise<BookingDetailView> {
  await requireScope(principal, "READ:BOOKINGS");
  return bookingDetail(await visibleBooking(db, principal, id));
}

export async function listBookedServices(principal: Principal, id: string): Promise<BookedServiceView[]> {
  await requireScope(principal, "READ:BOOKED_SERVICES");
  const booking = await visibleBooking(db, principal, id);
  const rows = await db.bookedService.findMany({ where: { bookingId: booking.id }, orderBy: [{ serviceName: "asc" }, { id: "asc" }] });
  return rows.map((row) => toBookedServiceView(row, booking.currency));
}

/**
 * The booked lines of bookings the caller has already been shown (GraphQL's Booking.services,
 * for many bookings in one query), in the order of `bookingIds`.
 */
export async function bookedServicesOfShownBookings(principal: Principal, bookingIds: readonly string[]): Promise<BookedServiceView[][]> {
  await requireScope(principal, "READ:BOOKED_SERVICES");
  const rows = await db.bookedService.findMany({
    where: { bookingId: { in: [...bookingIds] } },
    include: { booking: { select: { currency: true } } },
    orderBy: [{ serviceName: "asc" }, { id: "asc" }],
  });
  return groupedBy(bookingIds, rows, (row) => row.bookingId).map((lines) => lines.map((line) => toBookedServiceView(line, line.booking.currency)));
}

/** PATCH /bookings/{id}: notes or pick-up address, while BOOKED. */
export async function updateBooking(principal: Principal, id: string, input: unknown): Promise<BookingView> {
  await requireScope(principal, "UPDATE:BOOKINGS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const changes = parseInput(bookingUpdateSchema, input);
  const row = await transaction(async (tx) => {
    const booking = await visibleBooking(tx, principal, bookingId);
    let pickup: { pickupAddressId: string | null; pickupText: string | null } | undefined;
    if (changes.pickupAddressId === null) pickup = { pickupAddressId: null, pickupText: null };
    else if (changes.pickupAddressId !== undefined) {
      const address = await tx.garageAddress.findUnique({ where: { id: changes.pickupAddressId }, include: { area: true } });
      if (!address || address.ownerId !== booking.customerId) throw new NotFoundError(BOOKING_MESSAGES.addressNotFound);
      pickup = {
        pickupAddressId: address.id,
        pickupText: [address.label, address.line1, address.line2, address.postcode, address.area.name].filter(Boolean).join(", "),
      };
    }
    const updated = await tx.booking.updateMany({
      where: { id: booking.id, status: "BOOKED" },
      data: { ...(changes.notes !== undefined ? { notes: changes.notes } : {}), ...pickup },
    });
    if (updated.count === 0) throw new ConflictError(BOOKING_MESSAGES.notBooked);
    const after = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, include: bookingInclude });
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.updated", key: after.id, payload: toBookingView(after), actor: principal.userId });
    return after;
  });
  return toBookingView(row);
}

/** POST /bookings/{id}/cancel: customers their own while BOOKED; staff until work starts. Releases the bay. */
export async function cancelBooking(principal: Principal, id: string, input: unknown): Promise<BookingView> {
  await requireScope(principal, "UPDATE:BOOKINGS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const { reason } = parseInput(bookingCancelSchema, input ?? {});
  const ownOnly = actsOnOwnRowsOnly(principal);
  const cancellable: readonly BookingStatusName[] = ownOnly ? ["BOOKED"] : ADMIN_CANCELLABLE_BOOKING_STATUSES;
  const row = await transaction(async (tx) => {
    const booking = await visibleBooking(tx, principal, bookingId);
    const updated = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...cancellable] } },
      data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: reason ?? null },
    });
    if (updated.count === 0) throw new ConflictError(ownOnly ? BOOKING_MESSAGES.customerCancelTooLate : BOOKING_MESSAGES.adminCancelTooLate);
    await tx.bookingProgress.create({
      data: { bookingId: booking.id, fromStatus: booking.status, toStatus: "CANCELLED", actorId: principal.userId, actorName: principal.name, note: reason ?? null },
    });
    const after = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, include: bookingInclude });
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.cancelled", key: after.id, payload: toBookingView(after), actor: principal.userId });
    return after;
  });
  return toBookingView(row);
}

/** DELETE /bookings/{id}: staff only, and only a cancelled or delivered booking. */
export async function deleteBooking(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:BOOKINGS");
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  await transaction(async (tx) => {
    const booking = await visibleBooking(tx, principal, bookingId);
    // Issued invoices are immutable and their booking stays with them (the foreign key is RESTRICT).
    if ((await tx.invoice.count({ where: { bookingId: booking.id } })) > 0) throw new ConflictError(BOOKING_MESSAGES.invoiced);
    const deleted = await tx.booking.deleteMany({ where: { id: booking.id, status: { in: ["CANCELLED", "DELIVERED"] } } });
    if (deleted.count === 0) throw new ConflictError(BOOKING_MESSAGES.notDeletable);
    await recordGarageEvent(tx, { topic: "booking_events", type: "booking.deleted", key: booking.id, payload: toBookingView(booking), actor: principal.userId });
  });
}

/** One car's cart as checkout shows it: each line priced today, with GST, and the totals. */
export interface CheckoutCart {
  carId: string;
  carPlate: string;
  carDescription: string;
  lines: Array<{ serviceId: string; serviceName: string; priceMinor: number; gstBasisPoints: number; taxMinor: number; labourMinutes: number }>;
  labourMinutes: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
}

/** Checkout: the caller's cart (re-priced as every read of it is) grouped per car, and their pick-up addresses. */
export async function checkoutOptions(principal: Principal): Promise<{ carts: CheckoutCart[]; addresses: Array<{ id: string; label: string }> }> {
  await requireScope(principal, "WRITE:BOOKINGS");
  const [cart, addresses] = await Promise.all([
    principal.scopes.has("READ:CART") ? getCart(principal) : null,
    principal.scopes.has("READ:ADDRESSES") ? listAddresses(principal, { limit: 200 }) : null,
  ]);
  const carts = new Map<string, CheckoutCart>();
  for (const line of cart?.lines.filter((candidate) => candidate.available) ?? []) {
    const group = carts.get(line.carId) ?? {
      carId: line.carId,
      carPlate: line.car.plate,
      carDescription: `${line.car.carModel.make} ${line.car.carModel.model}`,
      lines: [],
      labourMinutes: 0,
      subtotalMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      currency: cart!.currency,
    };
    carts.set(line.carId, group);
    group.lines.push({
      serviceId: line.serviceId,
      serviceName: line.service.name,
      priceMinor: line.priceNowMinor,
      gstBasisPoints: line.gstBasisPoints,
      taxMinor: line.taxNowMinor,
      labourMinutes: line.service.labourMinutes,
    });
    group.labourMinutes += line.service.labourMinutes;
    group.subtotalMinor += line.priceNowMinor;
    group.taxMinor += line.taxNowMinor;
    group.totalMinor += line.priceNowMinor + line.taxNowMinor;
  }
  return {
    carts: [...carts.values()],
    addresses: (addresses?.items ?? []).map((address) => ({ id: address.id, label: [address.label, address.line1, address.area.name].filter(Boolean).join(", ") })),
  };
}
