import { randomInt } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll } from "vitest";
import { apiOperations } from "@/lib/openapi/document";
import type { ApiOperation } from "@/lib/openapi/operation";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  token?: string;
  /** Raw Authorization header, for malformed-header tests. */
  authorization?: string;
  cookie?: string;
  json?: unknown;
  /** A raw body string (e.g. malformed JSON). */
  rawBody?: string;
  form?: Record<string, string>;
  /** A multipart/form-data body (the Request sets its Content-Type with the boundary). */
  formData?: FormData;
  /** Client address the request appears to come from; random by default so rate limits don't leak between tests. */
  clientIp?: string;
  headers?: Record<string, string>;
}

export interface CallResult<Body = unknown> {
  status: number;
  body: Body;
  headers: Headers;
  /** `name=value` of every Set-Cookie, plus the raw header lines. */
  cookies: Record<string, string>;
  setCookieLines: string[];
}

export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Calls a route handler exactly as Next.js does: a Web Request and a params promise. */
export async function call<Body = unknown>(handler: unknown, options: CallOptions = {}): Promise<CallResult<Body>> {
  const headers = new Headers(options.headers);
  headers.set("x-forwarded-for", options.clientIp ?? randomIp());
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.authorization !== undefined) headers.set("authorization", options.authorization);
  if (options.cookie) headers.set("cookie", options.cookie);
  let body: string | FormData | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form).toString();
  } else if (options.rawBody !== undefined) {
    headers.set("content-type", headers.get("content-type") ?? "application/json");
    body = options.rawBody;
  }
  const request = new Request(`http://localhost${options.path ?? "/api/v1/test"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await (handler as RouteHandler)(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  await checkAgainstDocument(handler, request, options.path, response, text, parsed);
  const setCookieLines = response.headers.getSetCookie();
  const cookies: Record<string, string> = {};
  for (const line of setCookieLines) {
    const [pair] = line.split(";");
    const separator = pair!.indexOf("=");
    cookies[pair!.slice(0, separator)] = pair!.slice(separator + 1);
  }
  return { status: response.status, body: parsed as Body, headers: response.headers, cookies, setCookieLines };
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const V1_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

export interface RouteFile {
  /** The URL path with `{id}` for a dynamic segment: `/api/v1/spots/{id}`. */
  path: string;
  /** Exported handlers by HTTP method. */
  handlers: Record<string, unknown>;
}

let routeFiles: Promise<RouteFile[]> | undefined;

/** Every route handler file under app/api/v1 with its exported methods (imported once). */
export function v1RouteFiles(): Promise<RouteFile[]> {
  routeFiles ??= (async () => {
    const entries = await readdir(V1_ROOT, { recursive: true });
    const files = entries.filter((entry) => path.basename(entry) === "route.ts").sort();
    return Promise.all(
      files.map(async (file) => {
        const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== ".");
        const exported = (await import(path.join(V1_ROOT, file))) as Record<string, unknown>;
        const handlers = Object.fromEntries(HTTP_METHODS.filter((method) => method in exported).map((method) => [method, exported[method]]));
        return { path: ["/api/v1", ...segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))].join("/"), handlers };
      }),
    );
  })();
  return routeFiles;
}

let operationIndex: Map<string, ApiOperation> | undefined;

function documentedOperation(method: string, path: string): ApiOperation | undefined {
  operationIndex ??= new Map(apiOperations().map((operation) => [`${operation.method} ${operation.path}`, operation]));
  return operationIndex.get(`${method} ${path}`);
}

/** Calls of handlers outside app/api/v1 (GraphQL, health, realtime…): the document does not cover them. */
const unvalidated = new Map<string, number>();
afterAll(() => {
  if (unvalidated.size > 0) {
    console.info(`[call] responses not checked against the OpenAPI document (handlers outside /api/v1): ${[...unvalidated].map(([route, count]) => `${route} ×${count}`).join(", ")}`);
  }
});

/**
 * Every response of an /api/v1 handler must be one the OpenAPI document lists for its
 * operation and status, with a body its schema accepts (an empty body where none is documented).
 */
async function checkAgainstDocument(
  handler: unknown,
  request: Request,
  path: string | undefined,
  response: Response,
  text: string,
  body: unknown,
): Promise<void> {
  // The method the handler is exported as (what Next.js routes to it), whatever the test's request says.
  const route = (await v1RouteFiles()).find((file) => Object.values(file.handlers).includes(handler));
  const method = route && Object.keys(route.handlers).find((name) => route.handlers[name] === handler);
  if (!route || !method) {
    const label = `${request.method} ${path?.split("?")[0] ?? "(no path given)"}`;
    unvalidated.set(label, (unvalidated.get(label) ?? 0) + 1);
    return;
  }
  const where = `${method} ${route.path} answered ${response.status}`;
  const operation = documentedOperation(method, route.path);
  if (!operation) throw new Error(`${where}, but the OpenAPI document has no ${method} ${route.path}.`);
  const documented = operation.responses[response.status];
  if (!documented) {
    throw new Error(`${where}, a status the OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(", ")}). Body: ${text.slice(0, 500)}`);
  }
  if (!documented.schema) {
    if (text !== "") throw new Error(`${where} with a body, where the OpenAPI document says none: ${text.slice(0, 500)}`);
    return;
  }
  const result = documented.schema.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(body)"}: ${issue.message}`).join("\n");
    throw new Error(`${where} with a body its documented schema refuses:\n${problems}\nBody: ${text.slice(0, 1000)}`);
  }
}
