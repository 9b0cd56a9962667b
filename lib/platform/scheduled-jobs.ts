import { registerJob } from "../events/scheduler";
import { advanceReservations } from "../modules/parking/services/lifecycle";

/** The modules' periodic jobs, run by the in-app scheduler before each event-pipeline pass. */
export function registerModuleJobs(): void {
  registerJob({ name: "parking-reservation-lifecycle", run: () => advanceReservations() });
}
