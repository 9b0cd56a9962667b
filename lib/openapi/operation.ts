import { z } from "zod";
import type { ScopeName } from "../modules/contract";

/**
 * One REST operation as the OpenAPI document describes it. The platform's operations live in
 * lib/openapi/platform.ts, each module's in its `openapi.ts`; lib/openapi/document.ts assembles them.
 * The schemas are the ones the services validate with (inputs) and return (views).
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiResponse {
  description: string;
  /** The JSON body; absent for an empty body (204). */
  schema?: z.ZodType;
  /** A list's `X-Total-Count`. */
  totalCount?: boolean;
  /** The body's media type when it is not JSON (Prometheus text, a file download). */
  contentType?: string;
}

/**
 * bearer: an access token (or the browser session); refresh-cookie: `/auth/refresh`'s cookie;
 * metrics-token: the METRICS_TOKEN bearer secret (`/api/metrics`); none: open.
 */
export type ApiSecurity = "bearer" | "refresh-cookie" | "metrics-token" | "none";

export interface ApiOperation {
  method: HttpMethod;
  /** With `{id}` for a path segment; `/api/v1/…`, or a platform route such as `/api/metrics`. */
  path: `/api/${string}`;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  security: ApiSecurity;
  /** Every scope the operation checks (`x-required-scopes`); empty when any signed-in caller may. */
  scopes: readonly ScopeName[];
  /** Customers hold the scope "(own)": they reach only their own rows. */
  ownRows?: boolean;
  /** A rule the scopes alone don't say (e.g. staff only). */
  scopeNote?: string;
  query?: z.ZodObject;
  /** `multipart`: a file upload (`multipart/form-data`), on the upload routes only. */
  body?: { schema: z.ZodType; type?: "json" | "form" | "multipart" };
  responses: Partial<Record<number, ApiResponse>>;
}

/** `{"detail": "…"}`: every refusal but a validation error. */
export const errorDetailSchema = z.strictObject({ detail: z.string() }).meta({ title: "ErrorDetail" });

/** 422: each invalid field, FastAPI style. */
export const validationErrorSchema = z.strictObject({
  detail: z.array(
    z.strictObject({
      loc: z.array(z.union([z.string(), z.number().int()])).describe("Where: body, query or path, then the field."),
      msg: z.string(),
      type: z.string(),
    }),
  ),
}).meta({ title: "ValidationErrorDetail" });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: "Not signed in, or the token is invalid, expired or revoked.",
  403: "Insufficient permissions, the token has been revoked, or a cross-site request was refused.",
  404: "Not found.",
  409: "Conflicts with the current state.",
  413: "The body is too large.",
  415: "The body is not declared application/json.",
  422: "Invalid input: each invalid field with its location.",
  429: "Too many attempts; retry after the Retry-After header's seconds.",
  503: "The server is busy; retry after the Retry-After header's seconds.",
};

/** The `{"detail": …}` answers for these statuses. */
export function errorResponses(...statuses: number[]): Partial<Record<number, ApiResponse>> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? "Error.", schema: status === 422 ? validationErrorSchema : errorDetailSchema },
    ]),
  );
}

/** The refusals every authenticated operation can give. */
export const AUTHENTICATED_ERRORS = [401, 403] as const;
/** Plus those of an operation reading a JSON body. */
export const JSON_BODY_ERRORS = [415, 422] as const;

export function jsonResponse(description: string, schema: z.ZodType): ApiResponse {
  return { description, schema };
}

export function listResponse(description: string, item: z.ZodType): ApiResponse {
  return { description, schema: z.array(item), totalCount: true };
}

export const NO_CONTENT: ApiResponse = { description: "Done; no body." };
