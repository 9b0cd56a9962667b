import type { Transaction } from "../db";
import { ROLES, type RoleName } from "./roles";

export function formatPublicId(role: RoleName, sequenceNumber: number): string {
  if (!Number.isInteger(sequenceNumber) || sequenceNumber < 1 || sequenceNumber > 999_999) {
    throw new RangeError(`No public id left for role ${role}: sequence ${sequenceNumber} is outside 1…999999`);
  }
  return `${ROLES[role].prefix}${String(sequenceNumber).padStart(6, "0")}`;
}

/**
 * Allocates the next public id for a role (CST000001, CST000002, …). The counter
 * row is incremented under its row lock inside the caller's transaction, so
 * concurrent registrations queue behind each other and a rolled-back
 * registration gives its number back: no gaps, no duplicates.
 */
export async function allocatePublicId(tx: Transaction, role: RoleName): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ last_value: number }>>`
    UPDATE user_id_sequences SET last_value = last_value + 1
    WHERE role_id = ${ROLES[role].id}
    RETURNING last_value`;
  const row = rows[0];
  if (!row) throw new Error(`No id sequence for role ${role}; are the migrations applied?`);
  return formatPublicId(role, row.last_value);
}
