import { z } from "zod";
import { REFRESH_COOKIE } from "../http/auth-cookies";
import { modules } from "../modules/registry";
import type { ApiOperation, ApiResponse } from "./operation";
import { platformOperations } from "./platform";

type JsonSchema = Record<string, unknown>;

/** Every documented REST operation: the platform's, then each module's in registry order. */
export function apiOperations(): ApiOperation[] {
  return [...platformOperations(), ...modules().flatMap((businessModule) => businessModule.operations ?? [])];
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a request sends (`input`) or a response holds (`output`). */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    // `format` says it; zod's long equivalent pattern would repeat on every date field.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "date-time" || jsonSchema.format === "date") delete jsonSchema.pattern;
    },
  });
  return rest;
}

/**
 * Moves every schema with a `title` (the views: `.meta({ title: "SpotView" })`) into
 * `components.schemas`, leaving a `$ref`, so each shape is written and named once.
 */
function hoistNamedSchemas(node: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => hoistNamedSchemas(item, components));
  if (node === null || typeof node !== "object") return node;
  const hoisted: JsonSchema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, hoistNamedSchemas(value, components)]));
  const { title } = hoisted;
  if (typeof title !== "string") return hoisted;
  const known = components[title];
  if (known !== undefined && JSON.stringify(known) !== JSON.stringify(hoisted)) throw new Error(`Two different schemas are named ${title}.`);
  components[title] = hoisted;
  return { $ref: `#/components/schemas/${title}` };
}

function scopeSentence(operation: ApiOperation): string {
  const { scopes, ownRows, scopeNote } = operation;
  if (scopes.length > 0) {
    const required = `Requires scope${scopes.length > 1 ? "s" : ""} ${scopes.join(" and ")}${ownRows ? "; customers only their own rows" : ""}.`;
    return scopeNote ? `${required} ${scopeNote}` : required;
  }
  if (scopeNote) return scopeNote;
  return operation.security === "none" ? "No sign-in needed." : "Any signed-in caller.";
}

function parameters(operation: ApiOperation): JsonSchema[] {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (!operation.query) return inPath;
  const query = jsonSchema(operation.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function response({ description, schema, totalCount, contentType }: ApiResponse): JsonSchema {
  return {
    description,
    ...(totalCount ? { headers: { "X-Total-Count": { description: "How many rows match, over every page.", schema: { type: "integer" } } } } : {}),
    ...(schema
      ? {
          content: {
            [contentType ?? "application/json"]: {
              // Text bodies (Prometheus) keep their schema; other non-JSON bodies (a download) are bytes.
              schema: contentType && !contentType.startsWith("text/") ? { type: "string", format: "binary" } : jsonSchema(schema, "output"),
            },
          },
        }
      : {}),
  };
}

const SECURITY: Record<ApiOperation["security"], Array<Record<string, string[]>>> = {
  bearer: [{ bearerAuth: [] }],
  "refresh-cookie": [{ refreshCookie: [] }],
  "metrics-token": [{ metricsToken: [] }],
  none: [],
};

const BODY_MEDIA_TYPES = { json: "application/json", form: "application/x-www-form-urlencoded", multipart: "multipart/form-data" } as const;

function operationObject(operation: ApiOperation): JsonSchema {
  const description = [operation.description, scopeSentence(operation)].filter(Boolean).join("\n\n");
  const params = parameters(operation);
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              [BODY_MEDIA_TYPES[operation.body.type ?? "json"]]: {
                schema: jsonSchema(operation.body.schema, "input"),
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(operation.responses).map(([status, spec]) => [status, response(spec!)])),
    security: SECURITY[operation.security],
    "x-required-scopes": operation.scopes,
  };
}

/** The OpenAPI 3.1 document of the REST API (`GET /api/openapi.json`). */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  for (const operation of apiOperations()) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = hoistNamedSchemas(operationObject(operation), schemas);
  }
  return {
    openapi: "3.1.1",
    info: {
      title: "Wheelhouse API",
      version: "1",
      description:
        "Sign in with `POST /api/v1/auth/login` (form fields `username`, `password`) and send the access token as `Authorization: Bearer <token>`. " +
        "Each operation names the scopes it needs (`x-required-scopes`). Errors are `{\"detail\": \"…\"}`; invalid input is a 422 whose `detail` lists `{loc, msg, type}` per field.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        refreshCookie: { type: "apiKey", in: "cookie", name: REFRESH_COOKIE, description: "Set by login; sent only to /api/v1/auth." },
        metricsToken: { type: "http", scheme: "bearer", description: "The METRICS_TOKEN secret (see the README's Metrics section), not a user's token." },
      },
    },
  };
}
