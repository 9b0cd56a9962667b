import { registerJob } from "../events/scheduler";
import { modules } from "../modules/registry";

/** The modules' periodic jobs, run by the in-app scheduler before each event-pipeline pass. */
export function registerModuleJobs(): void {
  for (const businessModule of modules()) for (const job of businessModule.jobs ?? []) registerJob(job);
}
