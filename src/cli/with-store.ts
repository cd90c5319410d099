import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

/** Opens the store named by `--db` (or the default), runs `fn`, and always closes it. */
export async function withStore<T>(opts: { db?: string }, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts.db ? { db: opts.db } : {});
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
