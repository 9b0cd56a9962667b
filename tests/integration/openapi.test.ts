import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as creditsRoute } from "@/app/api/v1/credits/route";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import type { RoleName } from "@/lib/identity/roles";
import { apiOperations } from "@/lib/openapi/document";
import { defaultRoleScopes } from "@/lib/rbac/catalogue";
import { call, v1RouteFiles, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";

interface OpenApiOperation {
  description: string;
  security: unknown[];
  "x-required-scopes": string[];
  responses: Record<string, unknown>;
}
interface OpenApiDocument {
  [field: string]: unknown;
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
}

let document: OpenApiDocument;

beforeAll(async () => {
  const response = await call<OpenApiDocument>(openApiRoute, { path: "/api/openapi.json" });
  expect(response.status).toBe(200);
  document = response.body;
});

describe("GET /api/openapi.json", () => {
  it("serves the document without sign-in, cacheable, and answers 304 to its ETag", async () => {
    const response = await call(openApiRoute, { path: "/api/openapi.json" });
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await call(openApiRoute, { path: "/api/openapi.json", headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("(the validator refuses a broken document)", async () => {
    const broken = structuredClone(document);
    broken.paths["/api/v1/spots"]!.get!.responses = { 200: { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });
});

describe("the document and the route handlers", () => {
  it("documents every exported method of every route file under app/api/v1", async () => {
    const handled = (await v1RouteFiles()).flatMap((file) => Object.keys(file.handlers).map((method) => `${method} ${file.path}`));
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(handled.length).toBeGreaterThan(40);
    expect(handled.filter((operation) => !documented.includes(operation))).toEqual([]);
    // Beyond /api/v1 the document has the platform's metrics route alone.
    expect(documented.filter((operation) => !handled.includes(operation))).toEqual(["GET /api/metrics"]);
  });

  it("names each view once under components.schemas and refers to it", () => {
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["SpotView", "RentalView", "UserView", "ErrorDetail", "ValidationErrorDetail"]));
    const list = document.paths["/api/v1/spots"]!.get!.responses["200"] as { content: Record<string, { schema: unknown }> };
    expect(list.content["application/json"]!.schema).toEqual({ type: "array", items: { $ref: "#/components/schemas/SpotView" } });
  });

  it("lists each operation once, with a unique operationId", () => {
    const operations = apiOperations();
    const keys = operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives bearer security to everything but login, registration and refresh (the refresh cookie)", () => {
    const security = (method: string, path: string) => document.paths[path]![method]!.security;
    expect(security("post", "/api/v1/auth/login")).toEqual([]);
    expect(security("post", "/api/v1/customers")).toEqual([]);
    expect(security("post", "/api/v1/auth/refresh")).toEqual([{ refreshCookie: [] }]);
    expect(security("get", "/api/v1/spots")).toEqual([{ bearerAuth: [] }]);
    expect(security("post", "/api/v1/rentals/{id}/approve")).toEqual([{ bearerAuth: [] }]);
  });

  it("says each scope in the description and the (own) rule where customers hold it for their own rows", () => {
    const spots = document.paths["/api/v1/spots"]!.get!;
    expect(spots["x-required-scopes"]).toEqual(["READ:SPOTS"]);
    expect(spots.description).toContain("Requires scope READ:SPOTS.");
    const reservation = document.paths["/api/v1/reservations/{id}"]!.get!;
    expect(reservation.description).toContain("Requires scope READ:RESERVATIONS; customers only their own rows.");
    expect(Object.keys(reservation.responses).sort()).toEqual(["200", "401", "403", "404"]);
    expect(document.paths["/api/v1/rentals/{id}/approve"]!.post!.description).toBe(
      "Requires scope UPDATE:RENTALS. Staff only (customers hold this scope for their own rentals alone).",
    );
    expect(document.paths["/api/v1/users/me"]!.patch!.description).toBe("Requires UPDATE on the caller's own role resource (e.g. UPDATE:CUSTOMERS).");
    expect(document.paths["/api/v1/notifications"]!.get!.description).toBe("Any signed-in caller.");
    expect(document.paths["/api/v1/auth/login"]!.post!.description).toContain("No sign-in needed.");
  });
});

describe("x-required-scopes matches what the services enforce", () => {
  const ROLES: RoleName[] = ["ADMIN", "MECHANIC", "CUSTOMER", "EMPLOYEE"];
  let users: Record<RoleName, TestUser>;

  beforeAll(async () => {
    users = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await createUser(role)] as const))) as Record<
      RoleName,
      TestUser
    >;
  });

  const representative: Array<{ method: string; path: string; request: CallOptions }> = [
    { method: "GET", path: "/api/v1/spots", request: {} },
    { method: "GET", path: "/api/v1/vehicles", request: {} },
    { method: "GET", path: "/api/v1/rbac/roles", request: {} },
    { method: "GET", path: "/api/v1/events", request: { path: "/api/v1/events?topic=user_events" } },
    { method: "GET", path: "/api/v1/employees", request: {} },
    { method: "GET", path: "/api/v1/credits", request: {} },
  ];

  it.each(representative)("$method $path: refused (403) exactly to the roles lacking the documented scopes", async ({ method, path, request }) => {
    const scopes = document.paths[path]![method.toLowerCase()]!["x-required-scopes"];
    expect(scopes.length).toBeGreaterThan(0);
    const handler = (await v1RouteFiles()).find((file) => file.path === path)!.handlers[method];
    for (const role of ROLES) {
      const holds = scopes.every((scope) => (defaultRoleScopes(role) as readonly string[]).includes(scope));
      const response = await call(handler, { method, token: users[role].token, ...request });
      expect({ role, refused: response.status === 403 }).toEqual({ role, refused: !holds });
    }
  });
});

describe("call() checks every /api/v1 response against the document", () => {
  /** A module's operation: the very object the check reads (the registry hands out the same definitions). */
  const creditsOperation = () => apiOperations().find((operation) => operation.operationId === "getCredits")!;

  it("fails on a status the document does not list, and on a body the documented schema refuses", async () => {
    const customer = await createUser("CUSTOMER");
    const documented = creditsOperation().responses[200]!;
    try {
      delete creditsOperation().responses[200];
      await expect(call(creditsRoute, { token: customer.token })).rejects.toThrow(
        "GET /api/v1/credits answered 200, a status the OpenAPI document does not list",
      );
      creditsOperation().responses[200] = { description: "A wrong shape.", schema: z.strictObject({ balance: z.string() }) };
      await expect(call(creditsRoute, { token: customer.token })).rejects.toThrow(
        "GET /api/v1/credits answered 200 with a body its documented schema refuses",
      );
    } finally {
      creditsOperation().responses[200] = documented;
    }
    expect((await call(creditsRoute, { token: customer.token })).status).toBe(200);
  });
});
