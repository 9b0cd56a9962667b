import type { PrismaClient } from "../db";
import { insertUser } from "../identity/users";
import { modules } from "../modules/registry";
import { syncPermissions } from "../rbac/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";

const SEED_ACTOR = "system:seed";

export interface SeedResult {
  permissionsCreated: number;
  demoAccountsCreated: string[];
  /** What each module's demo seed added, by module name (demo only). */
  demo: Record<string, Record<string, number>>;
}

/**
 * Idempotent: running it again changes nothing that already exists.
 * Roles ship with the migrations; this adds the permission scopes with the
 * default matrix (never overriding an admin's edits), then demo data on request.
 */
export async function seed(database: PrismaClient, options: { demo: boolean }): Promise<SeedResult> {
  const { created } = await syncPermissions(database);
  const result: SeedResult = { permissionsCreated: created.length, demoAccountsCreated: [], demo: {} };
  if (!options.demo) return result;

  // Through the same service as registration: public ids, the modules' account set-up and user_events.
  for (const account of DEMO_ACCOUNTS) {
    const existing = await database.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    const { role, ...contact } = account;
    const user = await insertUser(role, { ...contact, password: DEMO_PASSWORD }, SEED_ACTOR);
    result.demoAccountsCreated.push(user.id);
  }
  for (const businessModule of modules()) if (businessModule.seedDemo) result.demo[businessModule.name] = await businessModule.seedDemo(database);
  return result;
}
