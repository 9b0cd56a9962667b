import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.EMBEDDED_DATABASE = inject("databaseBackend") === "embedded" ? "true" : "false";
process.env.APP_SECRET ??= "integration-tests-only-secret-0123456789abcdef";
// Warnings and errors only: an access-log line per request would bury the test output.
process.env.LOG_LEVEL ??= "warn";
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "wheelhouse-test-data-"));

afterAll(async () => {
  await disconnectDb();
});
