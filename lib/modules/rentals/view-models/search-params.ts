/** Next's `searchParams` as a plain query: first value of each key, empty values dropped (an empty filter is no filter). */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export function readSearchFilters(params: PageSearchParams, keys: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of keys) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

export function withSearch(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
