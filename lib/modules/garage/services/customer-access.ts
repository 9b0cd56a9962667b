import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { ROLES } from "../../../identity/roles";
import { fieldError } from "../../../validation";
import { actsOnOwnRowsOnly } from "../vocabulary";

export const CUSTOMER_MESSAGES = {
  carNotFound: "Car not found.",
  addressNotFound: "Address not found.",
  cartLineNotFound: "Cart line not found.",
  serviceNotFound: "Service not found.",
} as const;

/**
 * Whose row a new car or address is: a customer's own (naming anyone else is a 422),
 * or the CUSTOMER account staff name in `ownerId`.
 */
export async function ownerFor(principal: Principal, named: string | undefined): Promise<string> {
  if (actsOnOwnRowsOnly(principal)) {
    if (named !== undefined && named !== principal.userId) throw fieldError(["body", "ownerId"], "must be your own id (or left out)");
    return principal.userId;
  }
  if (named === undefined) throw fieldError(["body", "ownerId"], "name the customer this belongs to");
  const owner = await db.user.findUnique({ where: { id: named }, select: { roleId: true } });
  if (owner?.roleId !== ROLES.CUSTOMER.id) throw fieldError(["body", "ownerId"], "is not a customer account");
  return named;
}

/**
 * The owner a list or a cart is read for: customers only ever their own (naming anyone
 * else is a 422 on `field`); staff whoever they name, or everyone's rows when `everyone`.
 */
export function ownerScope(principal: Principal, named: string | undefined, field: string): string | undefined {
  if (actsOnOwnRowsOnly(principal)) {
    if (named !== undefined && named !== principal.userId) throw fieldError(["query", field], "customers see only their own");
    return principal.userId;
  }
  return named;
}

/** A list's owner condition: see `ownerScope`; staff without a filter see every customer's rows. */
export function ownerFilter(principal: Principal, named: string | undefined): { ownerId?: string } {
  const ownerId = ownerScope(principal, named, "ownerId");
  return ownerId === undefined ? {} : { ownerId };
}
