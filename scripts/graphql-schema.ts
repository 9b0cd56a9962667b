/** Writes the GraphQL schema's SDL to `schema.graphql` (commit it; tests/integration/graphql-schema.test.ts fails when it drifts). */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { printSchema } from "graphql";
import { schema } from "../lib/graphql/schema";

const target = resolve(import.meta.dirname, "..", "schema.graphql");
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`wrote ${target}`);
