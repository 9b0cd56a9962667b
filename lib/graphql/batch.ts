/**
 * Per-request batching for GraphQL fields of list items (N+1 free): every `load(key)` made
 * while one execution step resolves its siblings is collected and answered by one call of
 * `loadMany` with all the keys. The batch lives as long as the request's context.
 */
type Waiter<V> = { resolve: (value: V) => void; reject: (error: unknown) => void };

class Batch<V> {
  private queue = new Map<string, Array<Waiter<V>>>();
  private scheduled = false;

  constructor(
    private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly fallback: V,
  ) {}

  load(key: string): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiters = this.queue.get(key) ?? [];
      waiters.push({ resolve, reject });
      this.queue.set(key, waiters);
      if (!this.scheduled) {
        this.scheduled = true;
        // After the promise jobs of this step: every sibling has asked by then.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const queue = this.queue;
    this.queue = new Map();
    this.scheduled = false;
    try {
      const values = await this.loadMany([...queue.keys()]);
      for (const [key, waiters] of queue) for (const waiter of waiters) waiter.resolve(values.get(key) ?? this.fallback);
    } catch (error) {
      for (const waiters of queue.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }
}

const batches = new WeakMap<object, Map<string, Batch<unknown>>>();

/** The request's batch called `name` (created on first use). */
export function batchLoader<V>(context: object, name: string, loadMany: (keys: string[]) => Promise<Map<string, V>>, fallback: V): (key: string) => Promise<V> {
  let byName = batches.get(context);
  if (!byName) {
    byName = new Map();
    batches.set(context, byName);
  }
  let batch = byName.get(name) as Batch<V> | undefined;
  if (!batch) {
    batch = new Batch(loadMany, fallback);
    byName.set(name, batch as Batch<unknown>);
  }
  const loader = batch;
  return (key) => loader.load(key);
}
