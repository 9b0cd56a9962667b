export const REQUEST_ID_HEADER = "X-Request-Id";

/** A caller's own id is kept when it is short and plain (letters, digits, `._:-`), so it can never forge a log line. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's `X-Request-Id` when it is acceptable, else a fresh UUID. */
export function requestIdFrom(headers: Headers): string {
  const presented = headers.get(REQUEST_ID_HEADER);
  return presented !== null && ACCEPTED_REQUEST_ID.test(presented) ? presented : crypto.randomUUID();
}
