const tails = new WeakMap<object, Promise<void>>();

/**
 * Runs `fn` after every earlier call for the same `gate` has finished: one transaction at a
 * time per store and process. On PostgreSQL the transactions would be serialised by the
 * database anyway (serialized-postgres-dialect.ts); queueing them here first keeps the ones
 * that wait from each holding a pool connection, which sign-in's reads need.
 */
export async function runGated<T>(gate: object, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(gate) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => done);
  tails.set(gate, tail);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (tails.get(gate) === tail) tails.delete(gate);
  }
}
