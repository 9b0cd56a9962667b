import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line written while serving one request carries. */
export interface RequestContext {
  requestId: string;
  /** The principal's user id, once the request is authenticated. */
  userId?: string;
}

const globalForContext = globalThis as typeof globalThis & { wheelhouseRequestContext?: AsyncLocalStorage<RequestContext> };
// One store per process, also across Next's dev hot reloads (which re-evaluate modules).
const storage = (globalForContext.wheelhouseRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called where a principal is resolved: the request's later log lines name the user. */
export function noteAuthenticatedUser(userId: string): void {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
