import { randomInt } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";

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
  let body: string | undefined;
  if (options.json !== undefined) {
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
