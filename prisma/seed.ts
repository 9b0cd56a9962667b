import { db, disconnectDb } from "../lib/db";
import { closeSharedStore } from "../lib/kv";
import { env } from "../lib/env";
import { seed } from "../lib/platform/seed";

const config = env();
const result = await seed(db, { demo: config.DEMO_SEED });
if (result.permissionsCreated > 0) console.log(`Permission scopes added: ${result.permissionsCreated}.`);
if (!config.DEMO_SEED) console.log("Demo data off (DEMO_SEED=false).");
else if (result.demoAccountsCreated.length > 0)
  console.log(`Demo accounts created: ${result.demoAccountsCreated.join(", ")}.`);
else console.log("Demo data already present.");
if (result.parkingSpotsCreated > 0) console.log(`Demo parking: ${result.parkingSpotsCreated} spots with windows and reservations.`);
const rentals = result.demoRentals;
if (rentals && rentals.branchesCreated + rentals.vehiclesCreated + rentals.rentalsCreated > 0) {
  console.log(`Demo rentals: ${rentals.branchesCreated} branches, ${rentals.vehiclesCreated} vehicles, ${rentals.rentalsCreated} rentals added.`);
}
await disconnectDb();
await closeSharedStore();
