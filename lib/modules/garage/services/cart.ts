import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import { ACCOUNT_GONE, lockAccounts } from "../../../identity/account-locks";
import type { Prisma } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId } from "../../../validation";
import { recordGarageEvent } from "../events";
import { cartLineInputSchema, cartLineMoveSchema, cartOwnerQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import type { CartLineView, CartView } from "../views";
import { actsOnOwnRowsOnly } from "../vocabulary";
import { resolvePrice, resolvePrices, shopToday } from "./pricing";
import { carModelSummarySelect, toCarModelSummary } from "./cars";
import { CUSTOMER_MESSAGES, ownerScope } from "./customer-access";

type Reader = Transaction | typeof db;

const lineInclude = {
  service: { select: { id: true, name: true, slug: true, labourMinutes: true, active: true } },
  car: { select: { id: true, plate: true, carModel: { select: carModelSummarySelect } } },
} satisfies Prisma.CartLineInclude;
type LineRow = Prisma.CartLineGetPayload<{ include: typeof lineInclude }>;

const DUPLICATE_LINE = "This service is already in the cart for this car.";
const CART_FULL = (max: number) => `The cart holds at most ${max} lines: book or remove some first.`;

/** Prices each line for its car's model today, with the one price rule (pricing.ts): one lookup per car model. */
async function priceLines(reader: Reader, rows: LineRow[]): Promise<CartLineView[]> {
  const day = shopToday();
  const models = new Map(rows.map((row) => [row.car.carModel.id, row.car.carModel]));
  const pricesByModel = new Map(
    await Promise.all(
      [...models.values()].map(async (model) => {
        const serviceIds = rows.filter((row) => row.car.carModel.id === model.id).map((row) => row.serviceId);
        return [model.id, await resolvePrices(reader, serviceIds, model, day)] as const;
      }),
    ),
  );
  const priceOf = (row: LineRow) => {
    const resolved = pricesByModel.get(row.car.carModel.id)?.get(row.serviceId);
    return { priceMinor: resolved?.priceMinor ?? row.priceShownMinor, taxMinor: resolved?.taxMinor ?? 0, gstBasisPoints: resolved?.gstBasisPoints ?? 0 };
  };
  const lines: CartLineView[] = [];
  for (const row of rows) {
    const now = priceOf(row);
    lines.push({
      id: row.id,
      serviceId: row.serviceId,
      service: row.service,
      carId: row.carId,
      car: { id: row.car.id, plate: row.car.plate, carModel: toCarModelSummary(row.car.carModel) },
      priceShownMinor: row.priceShownMinor,
      priceNowMinor: now.priceMinor,
      taxNowMinor: now.taxMinor,
      gstBasisPoints: now.gstBasisPoints,
      priceChanged: now.priceMinor !== row.priceShownMinor,
      available: row.service.active,
      addedAt: row.addedAt.toISOString(),
    });
  }
  return lines;
}

async function readCart(reader: Reader, ownerId: string): Promise<CartView> {
  const rows = await reader.cartLine.findMany({ where: { ownerId }, include: lineInclude, orderBy: [{ addedAt: "asc" }, { id: "asc" }] });
  const lines = await priceLines(reader, rows);
  const counted = lines.filter((line) => line.available);
  const subtotalMinor = counted.reduce((sum, line) => sum + line.priceNowMinor, 0);
  const taxMinor = counted.reduce((sum, line) => sum + line.taxNowMinor, 0);
  return {
    ownerId,
    lines,
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
    labourMinutes: counted.reduce((sum, line) => sum + line.service.labourMinutes, 0),
    currency: garageSettings().GARAGE_CURRENCY,
    changedLines: counted.filter((line) => line.priceChanged).length,
  };
}

/** Whose cart a request is about: a customer's own; staff's own unless they name a customer. */
function cartOwner(principal: Principal, query: unknown): string {
  const { customerId } = parseQuery(cartOwnerQuerySchema, query);
  return ownerScope(principal, customerId, "customerId") ?? principal.userId;
}

/** The cart, re-priced on every read: lines whose price moved since they were shown are flagged. */
export async function getCart(principal: Principal, query: unknown = {}): Promise<CartView> {
  await requireScope(principal, "READ:CART");
  return readCart(db, cartOwner(principal, query));
}

async function findVisibleLine(client: Reader, principal: Principal, id: string): Promise<LineRow> {
  const row = await client.cartLine.findUnique({ where: { id: pathId(id, CUSTOMER_MESSAGES.cartLineNotFound) }, include: lineInclude });
  if (!row || (actsOnOwnRowsOnly(principal) && row.ownerId !== principal.userId)) throw new NotFoundError(CUSTOMER_MESSAGES.cartLineNotFound);
  return row;
}

const lineEvent = (line: CartLineView, ownerId: string) => ({ ...line, ownerId });

/**
 * Adds a service for a car at today's price. The line goes into the car owner's cart: a
 * customer's own car (another's is "not found"); staff may fill a customer's cart.
 */
export async function addCartLine(principal: Principal, input: unknown): Promise<CartLineView> {
  await requireScope(principal, "WRITE:CART");
  const { serviceId, carId } = parseInput(cartLineInputSchema, input);
  const car = await db.customerCar.findUnique({ where: { id: carId }, select: { ownerId: true } });
  if (!car || (actsOnOwnRowsOnly(principal) && car.ownerId !== principal.userId)) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
  const service = await db.garageService.findUnique({ where: { id: serviceId }, select: { active: true } });
  if (!service) throw new NotFoundError(CUSTOMER_MESSAGES.serviceNotFound);
  if (!service.active) throw fieldError(["body", "serviceId"], "is no longer offered");
  const maxLines = garageSettings().GARAGE_MAX_CART_LINES;
  return withConflicts(
    () =>
      transaction(async (tx) => {
        // One owner's additions queue on their account row, so the line limit holds under concurrency.
        if (!(await lockAccounts(tx, [car.ownerId], "write")).has(car.ownerId)) throw new NotFoundError(ACCOUNT_GONE);
        if ((await tx.cartLine.count({ where: { ownerId: car.ownerId } })) >= maxLines) throw new ConflictError(CART_FULL(maxLines));
        const carModel = await tx.customerCar.findUnique({ where: { id: carId }, select: { carModel: { select: { id: true, segment: true } } } });
        if (!carModel) throw new NotFoundError(CUSTOMER_MESSAGES.carNotFound);
        const price = await resolvePrice(tx, serviceId, carModel.carModel);
        if (!price) throw new NotFoundError(CUSTOMER_MESSAGES.serviceNotFound);
        const created = await tx.cartLine.create({
          data: { ownerId: car.ownerId, serviceId, carId, priceShownMinor: price.priceMinor },
          include: lineInclude,
        });
        const [line] = await priceLines(tx, [created]);
        await recordGarageEvent(tx, { topic: "cart_events", type: "cart.line_added", key: created.id, payload: lineEvent(line!, car.ownerId), actor: principal.userId });
        return line!;
      }),
    { unique: DUPLICATE_LINE, reference: "The car or the service was removed meanwhile." },
  );
}

export async function removeCartLine(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "DELETE:CART");
  const lineId = pathId(id, CUSTOMER_MESSAGES.cartLineNotFound);
  await findVisibleLine(db, principal, lineId);
  await transaction(async (tx) => {
    const row = await tx.cartLine.findUnique({ where: { id: lineId }, include: lineInclude });
    if (!row) throw new NotFoundError(CUSTOMER_MESSAGES.cartLineNotFound);
    const [line] = await priceLines(tx, [row]);
    const { count } = await tx.cartLine.deleteMany({ where: { id: lineId } });
    if (count === 0) throw new NotFoundError(CUSTOMER_MESSAGES.cartLineNotFound);
    await recordGarageEvent(tx, { topic: "cart_events", type: "cart.line_removed", key: row.id, payload: lineEvent(line!, row.ownerId), actor: principal.userId });
  });
}

/** Empties the cart (staff may name a customer's); an empty cart stays as it is, without an event. */
export async function clearCart(principal: Principal, query: unknown = {}): Promise<void> {
  await requireScope(principal, "DELETE:CART");
  const ownerId = cartOwner(principal, query);
  await transaction(async (tx) => {
    const lines = await tx.cartLine.findMany({ where: { ownerId }, select: { id: true }, orderBy: { id: "asc" } });
    if (lines.length === 0) return;
    await tx.cartLine.deleteMany({ where: { id: { in: lines.map((line) => line.id) } } });
    await recordGarageEvent(tx, { topic: "cart_events", type: "cart.cleared", key: ownerId, payload: { ownerId, lineIds: lines.map((line) => line.id) }, actor: principal.userId });
  });
}

/** Moves a line to another car of the same customer, at that car's price today. The matrix gives Cart Update to admins alone. */
export async function moveCartLine(principal: Principal, id: string, input: unknown): Promise<CartLineView> {
  await requireScope(principal, "UPDATE:CART");
  if (actsOnOwnRowsOnly(principal)) throw new ForbiddenError();
  const lineId = pathId(id, CUSTOMER_MESSAGES.cartLineNotFound);
  const { carId } = parseInput(cartLineMoveSchema, input);
  const current = await findVisibleLine(db, principal, lineId);
  return withConflicts(
    () =>
      transaction(async (tx) => {
        const car = await tx.customerCar.findUnique({ where: { id: carId }, select: { ownerId: true, carModel: { select: { id: true, segment: true } } } });
        if (!car || car.ownerId !== current.ownerId) throw fieldError(["body", "carId"], "must be a car of the same customer");
        const price = await resolvePrice(tx, current.serviceId, car.carModel);
        const { count } = await tx.cartLine.updateMany({ where: { id: lineId }, data: { carId, priceShownMinor: price?.priceMinor ?? current.priceShownMinor } });
        if (count === 0) throw new NotFoundError(CUSTOMER_MESSAGES.cartLineNotFound);
        const [line] = await priceLines(tx, [await tx.cartLine.findUniqueOrThrow({ where: { id: lineId }, include: lineInclude })]);
        await recordGarageEvent(tx, { topic: "cart_events", type: "cart.line_updated", key: lineId, payload: lineEvent(line!, current.ownerId), actor: principal.userId });
        return line!;
      }),
    { unique: DUPLICATE_LINE },
  );
}

/** The customer accepts today's prices: every line's shown price becomes its current one. */
export async function repriceCart(principal: Principal, query: unknown = {}): Promise<CartView> {
  await requireScope(principal, "WRITE:CART");
  const ownerId = cartOwner(principal, query);
  return transaction(async (tx) => {
    if (!(await lockAccounts(tx, [ownerId], "write")).has(ownerId)) throw new NotFoundError(ownerId === principal.userId ? ACCOUNT_GONE : "Customer not found.");
    const before = await readCart(tx, ownerId);
    for (const line of before.lines.filter((candidate) => candidate.priceChanged)) {
      await tx.cartLine.update({ where: { id: line.id }, data: { priceShownMinor: line.priceNowMinor } });
      const accepted = { ...line, priceShownMinor: line.priceNowMinor, priceChanged: false };
      await recordGarageEvent(tx, { topic: "cart_events", type: "cart.line_updated", key: line.id, payload: lineEvent(accepted, ownerId), actor: principal.userId });
    }
    return readCart(tx, ownerId);
  });
}
