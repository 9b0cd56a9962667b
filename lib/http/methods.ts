import http from "node:http";

/** The methods the app answers; every route and page is reached with one of these. */
export const SUPPORTED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** Known methods the app never allows (and that the Fetch standard forbids in a `Request`). */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

export interface MethodRefusal {
  status: 405 | 501;
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

const GUARDED = Symbol.for("wheelhouse.methodGuard");

/**
 * Answers unsupported methods at the HTTP server, before Next.js sees them: Next
 * builds a Fetch `Request` for every request, and `new Request()` throws on TRACE,
 * which surfaced as a 500 on every page and API route. Installed once per process
 * (instrumentation.ts); it covers every `http.Server` in the process.
 */
export function guardHttpMethods(): void {
  const prototype = http.Server.prototype as http.Server & { [GUARDED]?: boolean };
  if (prototype[GUARDED]) return;
  prototype[GUARDED] = true;
  const emit = prototype.emit;
  prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const refusal = refuseMethod(request.method);
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
