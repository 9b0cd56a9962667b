import { Prisma } from "../generated/prisma/client";
import { HttpError, ValidationError } from "../errors";
import { componentLogger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "../observability/request-id";
import { runWithRequestContext } from "../observability/request-context";
import { parseInput, refuseNul, type Page } from "../validation";
import type { z } from "zod";

type RouteContext<Params> = { params: Promise<Params> };
const NUL = "\u0000";

type Handler<Params> = (request: Request, context: RouteContext<Params>) => Promise<Response>;

/**
 * Refuses a NUL character in the query string or in a JSON / form body before any
 * handler runs (422), so no handler — GraphQL included — can carry one to PostgreSQL.
 * Reads a copy of the body; the handler still reads the original.
 */
async function refuseNulInput(request: Request): Promise<void> {
  refuseNul(searchParams(request), "query");
  if (request.body === null) return;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  // Decoded only when the text can hold a NUL (form: `%00`, JSON: the `\u0000` escape), so the
  // usual request is not parsed twice; decoding then names the fields that hold it.
  if (type.includes("application/x-www-form-urlencoded")) {
    const text = await request.clone().text();
    if (!text.includes("%00") && !text.includes(NUL)) return;
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(text)) fields[key] = value;
    refuseNul(fields, "body");
  } else if (type.includes("json")) {
    const text = await request.clone().text();
    if (!text.includes("\\u0000") && !text.includes(NUL)) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return; // malformed JSON is the handler's 422 to give
    }
    refuseNul(body, "body");
  }
}

const accessLog = componentLogger("http");

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route's pattern for logs and metrics (`/api/v1/users/[id]`, not the id itself): the path with
 * each segment that holds a route parameter's value replaced by the parameter's name.
 */
export async function routePattern(request: Request, params: Promise<unknown> | undefined): Promise<string> {
  const path = new URL(request.url).pathname.replace(/(.)\/+$/, "$1");
  const values = ((await params?.catch(() => undefined)) ?? {}) as Record<string, string | string[] | undefined>;
  const segments = path.split("/");
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") {
      const at = segments.findIndex((segment, index) => index > 0 && decodedSegment(segment) === value);
      if (at > 0) segments[at] = `[${name}]`;
    } else if (Array.isArray(value) && value.length > 0) {
      const at = segments.findIndex((segment, index) => index > 0 && decodedSegment(segment) === value[0]);
      if (at > 0) segments.splice(at, value.length, `[...${name}]`);
    }
  }
  return segments.join("/") || "/";
}

/** The response with `X-Request-Id` set (a copy when its headers are immutable, as on a redirect). */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Runs a handler inside its request's context: a request id (the caller's `X-Request-Id` when
 * acceptable, else a new one) on every log line written meanwhile and on the response, then one
 * access-log line and the request-duration metrics. `route()` uses it; a handler with its own
 * error handling (next-auth) uses it alone.
 */
export function observed<Params>(handler: Handler<Params>): Handler<Params> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return runWithRequestContext({ requestId }, async () => {
      const started = performance.now();
      let response: Response | undefined;
      try {
        response = await handler(request, context);
        return withRequestId(response, requestId);
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const status = response?.status ?? 500;
        const pattern = await routePattern(request, context?.params);
        const appMetrics = metrics();
        appMetrics.httpRequestDuration.observe({ route: pattern, method: request.method, status: String(status) }, seconds);
        if (status === 429) appMetrics.rateLimitedResponses.inc({ route: pattern });
        const line = { method: request.method, route: pattern, status, durationMs: Math.round(seconds * 10_000) / 10 };
        if (status >= 500) accessLog.error(line, "request");
        else accessLog.info(line, "request");
      }
    });
  };
}

/**
 * Wraps a route handler: HttpErrors become `{"detail": ...}` with their status,
 * anything unexpected a logged 500 that leaks nothing; every request is observed (see `observed`).
 */
export function route<Params = Record<string, never>>(handler: Handler<Params>): Handler<Params> {
  return observed(async (request, context) => {
    try {
      await refuseNulInput(request);
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) {
        return Response.json({ detail: error.detail, ...error.extra }, { status: error.status, headers: error.headers });
      }
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
        return Response.json({ detail: "Not found." }, { status: 404 });
      }
      accessLog.error({ err: error, method: request.method }, "unhandled error");
      return Response.json({ detail: "Internal server error." }, { status: 500 });
    }
  });
}

/** `application/json` or a `+json` type, with or without parameters such as `charset`. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON body; a missing or malformed body is a 422 like any other invalid input.
 * A body must be declared `application/json` (else 415): a page on another site can only
 * send `text/plain`, form or multipart bodies (or an untyped beacon) without a CORS
 * preflight, so this keeps cross-site forms away from every JSON endpoint, whoever calls.
 */
export async function jsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const invalid = new ValidationError([{ loc: ["body"], msg: "must be a JSON document", type: "json_invalid" }]);
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw invalid;
  }
  if (text !== "" && !JSON_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new HttpError(415, "Content-Type must be application/json.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid;
  }
  return parseInput(schema, body);
}

/** Reads an `application/x-www-form-urlencoded` or `multipart/form-data` body. */
export async function formBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  let fields: Record<string, string> = {};
  try {
    const form = await request.formData();
    fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) as Record<
      string,
      string
    >;
  } catch {
    fields = {};
  }
  return parseInput(schema, fields);
}

/**
 * A request's query string for `parseInput(…, "query")`. A blank value counts as
 * unset (an empty form field), and a parameter given more than once keeps all
 * its values, so the schema refuses it instead of one value silently winning.
 */
export function searchParams(request: Request): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (value === "") continue;
    const previous = query[key];
    query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

/** Client address for rate limiting and audit; see `clientAddress` in lib/auth/client-address.ts. */
export { clientAddress } from "../auth/client-address";

/** A list's HTTP answer: the page's items as a JSON array, the total in `X-Total-Count`. */
export function listResponse<T>(page: Page<T>): Response {
  return Response.json(page.items, { headers: { "X-Total-Count": String(page.total) } });
}
