import type { ModuleDefinition } from "./contract";
import { garageModule } from "./garage/module";
import type { GarageResource, GarageTopic } from "./garage/vocabulary";
import { parkingModule } from "./parking/module";
import type { ParkingResource, ParkingTopic } from "./parking/vocabulary";
import { rentalsModule } from "./rentals/module";
import type { RentalResource, RentalTopic } from "./rentals/vocabulary";

/**
 * The business modules: the only file that names them. The platform asks
 * `modules()` for topics, scopes, navigation, live audiences, notifications,
 * jobs, demo data, GraphQL parts and the account-deletion guard.
 * Adding a module: its folder under lib/modules/, one line here (and its two
 * type names below), its routes and pages.
 */
export const MODULES: readonly ModuleDefinition[] = [parkingModule, rentalsModule, garageModule];

/** The modules' RBAC resources and topics, for the platform's `Scope` and `Topic` types. */
export type ModuleResource = ParkingResource | RentalResource | GarageResource;
export type ModuleTopic = ParkingTopic | RentalTopic | GarageTopic;

const testModules: ModuleDefinition[] = [];

/** Every module, in registry order (plus any module a test installed). */
export function modules(): readonly ModuleDefinition[] {
  return testModules.length === 0 ? MODULES : [...MODULES, ...testModules];
}

/**
 * Adds a module for the rest of the test run (the fixture module proves the contract
 * without touching platform files). Refused outside tests.
 */
export function installTestModule(definition: ModuleDefinition): void {
  if (process.env.NODE_ENV !== "test") throw new Error("installTestModule is for tests only.");
  if (modules().some((module) => module.name === definition.name)) return;
  testModules.push(definition);
}
