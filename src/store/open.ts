import { join } from 'node:path';
import { isPostgresUrl } from './postgres/connection.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** Where the embedded database lives when nobody says: `.storytrace/storytrace.db` under the working directory. */
export function defaultDatabasePath(cwd = process.cwd()): string {
  return process.env.STORYTRACE_DB ?? join(cwd, '.storytrace', 'storytrace.db');
}

export interface OpenStoreOptions {
  /**
   * A file path (SQLite) or `:memory:`; or a `postgres://` / `postgresql://` URL (PostgreSQL), optionally with
   * `?schema=name` to keep the tables in that schema (created if missing).
   */
  db?: string;
}

/** Opens (creating and migrating as needed) the store named by `db`, or the embedded default. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const db = options.db ?? defaultDatabasePath();
  if (isPostgresUrl(db)) return PostgresStore.open({ url: db });
  return new SqliteStore({ path: db });
}
