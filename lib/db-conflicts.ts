import { ConflictError } from "./errors";

/** An error straight from `pg` (a `directTransaction`): it carries the SQLSTATE and the constraint itself. */
function pgError(record: Record<string, unknown>): { code: string; constraint?: string } | undefined {
  if (!(record instanceof Error) || typeof record.severity !== "string" || typeof record.code !== "string") return undefined;
  return { code: record.code, ...(typeof record.constraint === "string" ? { constraint: record.constraint } : {}) };
}

/**
 * The PostgreSQL SQLSTATE behind a database error. Through the pg driver adapter
 * it sits on `cause` (DriverAdapterError) or on `meta.driverAdapterError.cause`
 * (PrismaClientKnownRequestError), depending on whether Prisma recognised it.
 */
export function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    const direct = pgError(record);
    if (direct) return direct.code;
    if (typeof record.originalCode === "string") return record.originalCode;
    const meta = record.meta as Record<string, unknown> | undefined;
    current = record.cause ?? meta?.driverAdapterError;
  }
  return undefined;
}

/** The name of the constraint PostgreSQL reported as violated, from the driver's original message. */
export function violatedConstraint(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    const direct = pgError(record);
    if (direct) return direct.constraint;
    if (typeof record.originalMessage === "string") return /constraint "([^"]+)"/.exec(record.originalMessage)?.[1];
    const meta = record.meta as Record<string, unknown> | undefined;
    current = record.cause ?? meta?.driverAdapterError;
  }
  return undefined;
}

export const EXCLUSION_VIOLATION = "23P01";
export const UNIQUE_VIOLATION = "23505";
/** 23503 foreign_key_violation; PostgreSQL 17 reports ON DELETE RESTRICT as 23001 restrict_violation. */
const REFERENCE_VIOLATIONS = new Set(["23503", "23001"]);

export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === EXCLUSION_VIOLATION;
}

export function isReferenceViolation(error: unknown): boolean {
  const state = sqlState(error);
  return (state !== undefined && REFERENCE_VIOLATIONS.has(state)) || (error as { code?: unknown } | null)?.code === "P2003";
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION || (error as { code?: unknown } | null)?.code === "P2002";
}

/**
 * Runs a write and turns constraint violations into 409s with the given messages:
 * `constraints` by the violated constraint's name first, then by kind.
 */
export async function withConflicts<T>(
  work: () => Promise<T>,
  messages: { constraints?: Record<string, string>; exclusion?: string; reference?: string; unique?: string },
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const named = messages.constraints?.[violatedConstraint(error) ?? ""];
    if (named && sqlState(error)?.startsWith("23")) throw new ConflictError(named);
    if (messages.exclusion && isExclusionViolation(error)) throw new ConflictError(messages.exclusion);
    if (messages.reference && isReferenceViolation(error)) throw new ConflictError(messages.reference);
    if (messages.unique && isUniqueViolation(error)) throw new ConflictError(messages.unique);
    throw error;
  }
}
