import http from "node:http";

/** The methods the app answers; every route and page is reached with one of these. */
export const SUPPORTED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** Known methods the app never allows (and that the Fetch standard forbids in a `Request`). */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

export interface MethodRefusal {
  status: 400 | 405 | 501;
  headers: Record<string, string>;
  body: string;
}

/** Null for a supported method; otherwise the answer: 405 for TRACE/TRACK/CONNECT, 501 for any other method. */
export function refuseMethod(method: string | undefined): MethodRefusal | null {
  const name = (method ?? "").toUpperCase();
  if ((SUPPORTED_METHODS as readonly string[]).includes(name)) return null;
  const status = FORBIDDEN_METHODS.has(name) ? 405 : 501;
  const detail = status === 405 ? `Method ${name} is not allowed.` : `Method ${name || "(none)"} is not supported.`;
  return {
    status,
    headers: { Allow: SUPPORTED_METHODS.join(", "), "Content-Type": "application/json", "Cache-Control": "no-store" },
    body: JSON.stringify({ detail }),
  };
}

/** A 400 for a path whose percent-encoding does not decode (Next.js answers 500 when it decodes a dynamic segment). */
export function refuseMalformedPath(url: string | undefined): MethodRefusal | null {
  const path = (url ?? "/").split(/[?#]/, 1)[0] ?? "/";
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return {
      status: 400,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      body: JSON.stringify({ detail: "Malformed URL: its percent-encoding does not decode." }),
    };
  }
}

const GUARDED = Symbol.for("wheelhouse.requestGuard");

/**
 * Answers what Next.js would turn into a 500, at the HTTP server before Next.js sees
 * it: unsupported methods (Next builds a Fetch `Request` for every request, and
 * `new Request()` throws on TRACE) and paths whose percent-encoding does not decode
 * (Next throws decoding a dynamic segment such as `/api/v1/users/%ff`). Installed
 * once per process (instrumentation.ts); it covers every `http.Server` in the process.
 */
export function guardHttpRequests(): void {
  const prototype = http.Server.prototype as http.Server & { [GUARDED]?: boolean };
  if (prototype[GUARDED]) return;
  prototype[GUARDED] = true;
  const emit = prototype.emit;
  prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const refusal = refuseMethod(request.method) ?? refuseMalformedPath(request.url);
      if (refusal) {
        response.writeHead(refusal.status, refusal.headers);
        response.end(request.method === "HEAD" ? undefined : refusal.body);
        request.resume();
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof prototype.emit;
}
