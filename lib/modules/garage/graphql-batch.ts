/**
 * Batches the loads of one field across the items of a list within one GraphQL request:
 * the resolvers of sibling items run in the same tick, each asks for its key, and one load
 * answers all of them (the N+1 guard for fields that are not on the parent's view).
 */
export function batched<Context extends object, Key, Value>(load: (context: Context, keys: Key[]) => Promise<Map<Key, Value>>) {
  const pending = new WeakMap<Context, { keys: Set<Key>; result: Promise<Map<Key, Value>> }>();
  return async (context: Context, key: Key): Promise<Value | undefined> => {
    let batch = pending.get(context);
    if (!batch) {
      const keys = new Set<Key>();
      const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        pending.delete(context);
        return load(context, [...keys]);
      });
      batch = { keys, result };
      pending.set(context, batch);
    }
    batch.keys.add(key);
    return (await batch.result).get(key);
  };
}
