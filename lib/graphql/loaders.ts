import DataLoader from "dataloader";
import type { GraphQLContext } from "./builder";

const perRequest = new WeakMap<GraphQLContext, Map<string, DataLoader<string, unknown>>>();

/**
 * One DataLoader per request and name: a list field resolved for many parents asks once,
 * with every parent's key (the N+1 rule). `load` answers one value per key, in key order.
 */
export function requestLoader<Value>(context: GraphQLContext, name: string, load: (keys: readonly string[]) => Promise<Value[]>): DataLoader<string, Value> {
  let loaders = perRequest.get(context);
  if (!loaders) perRequest.set(context, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<string, Value> | undefined;
  if (!loader) {
    loader = new DataLoader<string, Value>(load);
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by a key, in the order of `keys` (an empty list for a key without rows). */
export function groupedBy<Row>(keys: readonly string[], rows: readonly Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** `requestLoader` over a service that answers a map by key: keys without an entry get `missing`. */
export function loadKeyed<Value>(
  context: GraphQLContext,
  name: string,
  key: string,
  loadMany: (keys: readonly string[]) => Promise<ReadonlyMap<string, Value>>,
  missing: Value,
): Promise<Value> {
  return requestLoader(context, name, async (keys) => {
    const values = await loadMany(keys);
    return keys.map((each) => values.get(each) ?? missing);
  }).load(key);
}
