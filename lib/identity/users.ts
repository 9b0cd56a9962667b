import { z } from "zod";
import { recordAudit } from "../audit";
import { credentialsChanged } from "../auth/credential-cache";
import type { Principal } from "../auth/principal";
import { revokeAllRefreshTokens } from "../auth/token-sessions";
import { db, type Transaction } from "../db";
import { ConflictError, MESSAGES, NotFoundError, ServiceUnavailableError, TooManyRequestsError, ValidationError } from "../errors";
import { recordEvent } from "../events/outbox";
import { transaction } from "../events/transaction";
import { Prisma } from "../generated/prisma/client";
import { hasScope, requireScope } from "../rbac/permissions";
import type { Action, Resource, Scope } from "../rbac/scopes";
import { emailSchema, nameSchema, pageQuery, parseInput, parseQuery, passwordSchema, phoneSchema, type Page } from "../validation";
import { modules } from "../modules/registry";
import { accountBudgetKey } from "../auth/attempt-limits";
import { lockAccounts } from "./account-locks";
import {
  beginPasswordChange,
  beginRegistration,
  passwordChangeNotMade,
  passwordChangeVerified,
  registrationNotMade,
} from "./account-limits";
import { endLiveAccess } from "../realtime/revocation";
import { hashPassword, verifyPassword } from "./passwords";
import { allocatePublicId } from "./public-id";
import { PUBLIC_ID_PATTERN, ROLE_NAMES, ROLES, roleNameById, type RoleName } from "./roles";

/** The user resource each role's accounts are managed under. */
export const ROLE_RESOURCE: Record<RoleName, Resource> = {
  ADMIN: "ADMINS",
  MECHANIC: "MECHANICS",
  CUSTOMER: "CUSTOMERS",
  EMPLOYEE: "EMPLOYEES",
};

export const newUserSchema = z.object({
  name: nameSchema,
  phone: phoneSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type NewUser = z.input<typeof newUserSchema>;

export const userUpdateSchema = z
  .object({ name: nameSchema, phone: phoneSchema, email: emailSchema })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "give at least one of name, phone, email");

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1),
  newPassword: passwordSchema,
});

export const userListQuerySchema = z.object(pageQuery);

const userSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  roleId: true,
  credits: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;
type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export interface UserView {
  id: string;
  name: string;
  role: RoleName;
  roleId: number;
  phone?: string;
  email?: string;
  credits?: number;
  createdAt?: string;
  updatedAt?: string;
}

/** Contact details and credits only for the user themself and for user managers. */
function canSeePrivateFields(principal: Principal | null, row: UserRow): boolean {
  return principal === null || principal.userId === row.id || hasScope(principal, "UPDATE:USERS");
}

export function toUserView(row: UserRow, viewer: Principal | null): UserView {
  const role = roleNameById(row.roleId) ?? "CUSTOMER";
  const base: UserView = { id: row.id, name: row.name, role, roleId: row.roleId };
  if (!canSeePrivateFields(viewer, row)) return base;
  return {
    ...base,
    phone: row.phone,
    email: row.email,
    credits: row.credits,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function eventPayload(row: UserRow): Prisma.InputJsonObject {
  return {
    id: row.id,
    name: row.name,
    role: roleNameById(row.roleId) ?? null,
    email: row.email,
    phone: row.phone,
    credits: row.credits,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function uniqueViolation(error: unknown): ConflictError | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    if (target.includes("email")) return new ConflictError("A user with this email already exists.");
    if (target.includes("phone")) return new ConflictError("A user with this phone number already exists.");
    return new ConflictError("A user with these details already exists.");
  }
  return undefined;
}

/** Creates an account (validated input) with its public id and `user_events` entry; `actor` null means self-registration. */
export async function insertUser(role: RoleName, input: z.output<typeof newUserSchema>, actor: string | null): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const id = await allocatePublicId(tx, role);
      await tx.user.create({
        data: {
          id,
          name: input.name,
          phone: input.phone,
          email: input.email,
          passwordHash,
          roleId: ROLES[role].id,
        },
        select: { id: true },
      });
      for (const businessModule of modules()) await businessModule.accounts?.created?.(tx, { id, role });
      const row = await tx.user.findUniqueOrThrow({ where: { id }, select: userSelect });
      await recordEvent(tx, {
        topic: "user_events",
        key: id,
        type: actor ? "user.created" : "user.registered",
        payload: eventPayload(row),
        actor: actor ?? id,
      });
      return row;
    });
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/**
 * Public self-registration: always a CUSTOMER with the starting credits, whatever
 * the body says. Limited per client address (REGISTRATION_MAX_PER_ADDRESS).
 */
export async function registerCustomer(input: unknown, clientIp: string): Promise<UserView> {
  const data = parseInput(newUserSchema, input);
  const retryAfter = await beginRegistration(clientIp);
  if (retryAfter > 0) {
    await recordAudit({ action: "registration_rate_limited", subject: data.email, clientIp });
    throw new TooManyRequestsError(MESSAGES.tooManyRegistrations, retryAfter);
  }
  try {
    const row = await insertUser("CUSTOMER", data, null);
    return toUserView(row, null);
  } catch (error) {
    // A full hashing queue refused it before anything was written: it does not count.
    if (error instanceof ServiceUnavailableError) await registrationNotMade(clientIp);
    throw error;
  }
}

/** Staff and admin accounts (and customers created by an admin) need `WRITE:<ROLE RESOURCE>`. */
export async function createUser(principal: Principal, role: RoleName, input: unknown): Promise<UserView> {
  await requireScope(principal, `WRITE:${ROLE_RESOURCE[role]}`);
  const data = parseInput(newUserSchema, input);
  const row = await insertUser(role, data, principal.userId);
  await recordAudit({ action: "user_created", actorId: principal.userId, subject: row.id, clientIp: principal.clientIp, detail: { role } });
  return toUserView(row, principal);
}

/** The role a public id belongs to, from its prefix; undefined for anything that is not a public id. */
function roleOfId(id: string): RoleName | undefined {
  if (!PUBLIC_ID_PATTERN.test(id)) return undefined;
  return ROLE_NAMES.find((name) => id.startsWith(ROLES[name].prefix));
}

const scopeFor = (action: Action, resource: Resource): Scope => `${action}:${resource}`;

/**
 * The one rule for acting on an account, whichever path is used:
 * - the action on the account's role resource (`READ:ADMINS` for an admin, …), so
 *   `/users/{id}` never reaches an account its role path would refuse;
 * - on `/users/…` also the action on `USERS`;
 * - updating or deleting someone else's account also `UPDATE:USERS` / `DELETE:USERS`
 *   (the spec's "(own)" rule).
 * Every scope is checked before the row is read (the id's prefix names its role), so a
 * refused caller learns nothing about which ids exist.
 */
async function authorizeAccountAction(
  principal: Principal,
  action: Action,
  id: string,
  pathRole: RoleName | undefined,
): Promise<RoleName | undefined> {
  if (!pathRole) await requireScope(principal, scopeFor(action, "USERS"));
  const targetRole = pathRole ?? roleOfId(id);
  if (targetRole) await requireScope(principal, scopeFor(action, ROLE_RESOURCE[targetRole]));
  if (action !== "READ" && id !== principal.userId) await requireScope(principal, scopeFor(action, "USERS"));
  return targetRole && roleOfId(id) === targetRole ? targetRole : undefined;
}

/** `role` narrows to one role's accounts under its resource; without it, every role the caller may read (`READ:USERS`). */
export async function listUsers(
  principal: Principal,
  role: RoleName | undefined,
  query: unknown,
): Promise<Page<UserView>> {
  await requireScope(principal, `READ:${role ? ROLE_RESOURCE[role] : "USERS"}`);
  const { limit, offset } = parseQuery(userListQuerySchema, query);
  const readable = role ? [role] : ROLE_NAMES.filter((name) => hasScope(principal, `READ:${ROLE_RESOURCE[name]}`));
  const where = { roleId: { in: readable.map((name) => ROLES[name].id) } };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: userSelect, orderBy: { id: "asc" }, take: limit, skip: offset }),
    db.user.count({ where }),
  ]);
  return { items: rows.map((row) => toUserView(row, principal)), total };
}

async function findUser(client: typeof db | Transaction, id: string, role: RoleName | undefined): Promise<UserRow> {
  if (!role) throw new NotFoundError("User not found.");
  const row = await client.user.findUnique({ where: { id }, select: userSelect });
  if (!row || row.roleId !== ROLES[role].id) throw new NotFoundError("User not found.");
  return row;
}

export async function getUser(principal: Principal, id: string, role?: RoleName): Promise<UserView> {
  const targetRole = await authorizeAccountAction(principal, "READ", id, role);
  return toUserView(await findUser(db, id, targetRole), principal);
}

export async function currentUser(principal: Principal): Promise<UserView> {
  return toUserView(await findUser(db, principal.userId, principal.role), principal);
}

/** Updating an account: see `authorizeAccountAction`. Only name, phone and email change; the role never does. */
export async function updateUser(principal: Principal, id: string, input: unknown, role?: RoleName): Promise<UserView> {
  const targetRole = await authorizeAccountAction(principal, "UPDATE", id, role);
  await findUser(db, id, targetRole);
  const changes = parseInput(userUpdateSchema, input);
  try {
    const row = await transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id }, data: changes, select: userSelect });
      await recordEvent(tx, { topic: "user_events", key: id, type: "user.updated", payload: eventPayload(updated), actor: principal.userId });
      return updated;
    });
    await credentialsChanged();
    return toUserView(row, principal);
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

/**
 * Locks the account to delete, as every booking locks the people it involves
 * (`lockAccounts`: user rows in id order, before anything that refers to them). For an
 * admin, all admins in id order, so two concurrent deletions cannot remove the last two.
 * Gone meanwhile (a concurrent deletion won) → 404.
 */
async function lockForDeletion(tx: Transaction, id: string, isAdmin: boolean): Promise<void> {
  if (isAdmin) {
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM users WHERE role_id = ${ROLES.ADMIN.id} ORDER BY id FOR UPDATE`;
    if (!admins.some((admin) => admin.id === id)) throw new NotFoundError("User not found.");
    if (admins.length <= 1) throw new ConflictError("The last admin account cannot be deleted.");
    return;
  }
  if (!(await lockAccounts(tx, [id], "delete")).has(id)) throw new NotFoundError("User not found.");
}

/**
 * What deleting the account would silently destroy: each module says what the account
 * still has live (`accounts.liveCommitments`: reservations holding credits, open bookings, …). Runs under the
 * account's lock, so none can be added while we look.
 */
async function assertNothingLive(tx: Transaction, id: string): Promise<void> {
  const counts: Record<string, number> = {};
  const live: string[] = [];
  for (const businessModule of modules()) {
    for (const [kind, { count, label }] of Object.entries((await businessModule.accounts?.liveCommitments?.(tx, id)) ?? {})) {
      counts[kind] = count;
      if (count > 0) live.push(label);
    }
  }
  if (live.length > 0) {
    throw new ConflictError(`This account has ${live.join(" or ")}; cancel or finish them before deleting it.`, counts);
  }
}

/**
 * Deleting an account: see `authorizeAccountAction`. The last admin stays; live
 * commitments block it (409); each module releases what the account holds (`accounts.deleting`).
 */
export async function deleteUser(principal: Principal, id: string, role?: RoleName): Promise<void> {
  const targetRole = await authorizeAccountAction(principal, "DELETE", id, role);
  const target = await findUser(db, id, targetRole);
  // Refresh tokens go with the row (cascade); access tokens fail at "load user" from then on.
  await transaction(async (tx) => {
    await lockForDeletion(tx, id, target.roleId === ROLES.ADMIN.id);
    await assertNothingLive(tx, id);
    for (const businessModule of modules()) await businessModule.accounts?.deleting?.(tx, id, principal.userId);
    await tx.user.delete({ where: { id } });
    await recordEvent(tx, { topic: "user_events", key: id, type: "user.deleted", payload: eventPayload(target), actor: principal.userId });
  });
  await credentialsChanged();
  for (const businessModule of modules()) await businessModule.accounts?.deleted?.(id);
  await endLiveAccess(id);
  await recordAudit({ action: "user_deleted", actorId: principal.userId, subject: id, clientIp: principal.clientIp, detail: { role: roleNameById(target.roleId) ?? null } });
}

/** Changing one's password revokes every refresh token and every other browser session. */
export async function changePassword(principal: Principal, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const user = await db.user.findUnique({ where: { id: principal.userId }, select: { id: true, createdAt: true, passwordHash: true } });
  if (!user) throw new NotFoundError("User not found.");
  // Wrong current passwords are limited per account (PASSWORD_CHANGE_MAX_FAILURES), like logins.
  const budgetKey = accountBudgetKey(user);
  const retryAfter = await beginPasswordChange(budgetKey);
  if (retryAfter > 0) {
    await recordAudit({ action: "password_change_rate_limited", actorId: principal.userId, subject: principal.userId, clientIp: principal.clientIp });
    throw new TooManyRequestsError(MESSAGES.tooManyPasswordChanges, retryAfter);
  }
  let currentMatches: boolean;
  try {
    currentMatches = await verifyPassword(currentPassword, user.passwordHash);
  } catch (error) {
    if (error instanceof ServiceUnavailableError) await passwordChangeNotMade(budgetKey);
    throw error;
  }
  if (!currentMatches) {
    await recordAudit({ action: "password_change_failed", actorId: principal.userId, subject: principal.userId, clientIp: principal.clientIp });
    // 422, not 401: a 401 would send API clients into their refresh-and-retry loop.
    throw new ValidationError([{ loc: ["body", "currentPassword"], msg: "is incorrect", type: "password_mismatch" }]);
  }
  await passwordChangeVerified(budgetKey);
  const passwordHash = await hashPassword(newPassword);
  await transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: principal.userId },
      data: { passwordHash, credentialsChangedAt: new Date() },
      select: userSelect,
    });
    await recordEvent(tx, { topic: "user_events", key: principal.userId, type: "user.password_changed", payload: eventPayload(updated), actor: principal.userId });
  });
  await credentialsChanged();
  await revokeAllRefreshTokens(principal.userId);
  await endLiveAccess(principal.userId);
  await recordAudit({ action: "password_changed", actorId: principal.userId, subject: principal.userId, clientIp: principal.clientIp });
}
