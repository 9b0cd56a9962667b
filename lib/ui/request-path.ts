/**
 * Request header through which proxy.ts tells server components which path was
 * requested (layouts do not receive it), so a sign-in redirect can come back.
 */
export const REQUEST_PATH_HEADER = "x-wheelhouse-request-path";

/** Path and query of a page request, without the router's internal `_rsc` cache-buster. */
export function requestPathOf(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
