import type { TestProject } from "vitest/node";
import { createThrowawayDatabase, migrate, seedReferenceData } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseBackend: "postgresql" | "embedded";
  }
}

/** One migrated throwaway database for the integration run. */
export default async function setup(project: TestProject) {
  const database = await createThrowawayDatabase();
  await migrate(database.url);
  await seedReferenceData(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("databaseBackend", database.backend);
  return async () => {
    await database.drop();
  };
}
