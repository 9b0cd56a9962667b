import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { GET as graphqlGet, POST as graphql } from "@/app/api/graphql/route";
import { call } from "../support/http";
import { createUser } from "../support/identity";

describe("the committed schema.graphql", () => {
  it("is the schema the route serves (after a change: `npm run graphql:schema` and commit the file)", async () => {
    const user = await createUser("CUSTOMER");
    const introspection = await call<{ data?: IntrospectionQuery; errors?: unknown }>(graphql, {
      path: "/api/graphql",
      json: { query: getIntrospectionQuery({ descriptions: true }) },
      token: user.token,
    });
    expect(introspection.body.errors).toBeUndefined();
    const served = printSchema(buildClientSchema(introspection.body.data!));
    const committed = readFileSync(resolve(import.meta.dirname, "../../schema.graphql"), "utf8");
    expect(printSchema(buildSchema(committed))).toBe(served);
  });
});

describe("GraphiQL", () => {
  it("is served to a browser outside production, without signing in", async () => {
    const page = await call<string>(graphqlGet, { path: "/api/graphql", headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.body).toContain("GraphiQL");
  });
});
