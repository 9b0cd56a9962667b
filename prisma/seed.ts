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
for (const [module, added] of Object.entries(result.demo)) {
  const counts = Object.entries(added).filter(([, count]) => count > 0);
  if (counts.length > 0) console.log(`Demo ${module}: ${counts.map(([thing, count]) => `${count} ${thing}`).join(", ")} added.`);
}
await disconnectDb();
await closeSharedStore();
