import { Prisma } from "../generated/prisma/client";
import { HttpError, ValidationError } from "../errors";
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

/**
 * Wraps a route handler: HttpErrors become `{"detail": ...}` with their status,
 * anything unexpected a logged 500 that leaks nothing.
 */
export function route<Params = Record<string, never>>(handler: Handler<Params>): Handler<Params> {
  return async (request, context) => {
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
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed`, error);
      return Response.json({ detail: "Internal server error." }, { status: 500 });
    }
  };
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
