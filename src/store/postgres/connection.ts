/**
 * @module Connecting to PostgreSQL: reading a `postgres://` URL (with our `schema` parameter), the pool, the type
 * parsers, transactions with retry, and the versioned migration under an advisory lock.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
import { StoreError } from '../store.js';
import { MIGRATIONS } from './migrations.js';

/** What a `postgres://` or `postgresql://` URL may carry beyond what `pg` reads. */
export interface PostgresTarget {
  /** The URL handed to `pg`: our `schema` parameter turned into a `search_path` startup option. */
  connectionString: string;
  /** The URL as given, without its password: what `Store.location` shows. */
  location: string;
  schema: string | null;
}

/** Lower-case identifiers only, so a schema name never needs quoting in SQL nor escaping in startup options. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/**
 * Reads a connection URL. `schema` (the option, else a `?schema=` parameter) becomes the first entry of every
 * connection's `search_path`, set at connection start-up so that no pooled connection can run a query before it.
 */
export function parseTarget(url: string, schema?: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new StoreError(`not a PostgreSQL URL: ${url.replace(/:[^:@/]*@/, ':***@')}`, { cause });
  }
  const chosen = schema ?? parsed.searchParams.get('schema');
  if (chosen !== null && !SCHEMA_NAME.test(chosen)) {
    throw new StoreError(`schema name "${chosen}": use lower-case letters, digits and _ (at most 63)`);
  }
  const shown = new URL(parsed.href);
  shown.password = '';
  const connect = new URL(parsed.href);
  connect.searchParams.delete('schema');
  // Like libpq (psql), default to the operating-system user: `pg` reads $USER only, which services often lack.
  if (!connect.username && !process.env.PGUSER && !process.env.USER) connect.username = userInfo().username;
  if (chosen) {
    const options = connect.searchParams.get('options');
    connect.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${chosen}`);
  }
  return { connectionString: connect.href, location: shown.href, schema: chosen };
}

const INT8 = 20;

/**
 * `pg` returns BIGINT as a string because it may exceed 2^53. Ours never do (sequences, counts, byte sums, LSH keys
 * below 2^48), and the Store interface speaks numbers. Set per pool, not on the global `pg.types`, so that other
 * users of `pg` in the same process keep their parsing.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export function createPool(target: PostgresTarget, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max,
    types,
    fallback_application_name: 'storytrace',
    // A CLI run that forgets to close must still exit once its connections are idle.
    allowExitOnIdle: true,
  });
  // An idle connection that the server drops (restart, idle timeout) emits 'error' on the pool; unhandled, that
  // would crash the process. The pool has already discarded it and the next query opens a new one.
  pool.on('error', () => {});
  return pool;
}

/** deadlock_detected, serialization_failure: PostgreSQL rolled the whole transaction back; running it again is safe. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs `fn` in one transaction on one pooled connection. With `lock`, first takes a transaction-scoped advisory lock
 * on that name in the current schema, so writers that take the same lock commit one after the other.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  lock?: string,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      if (lock) {
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1 || '.' || current_schema(), 0))", [
          `storytrace.${lock}`,
        ]);
      }
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((e: Error) => {
        broken = e;
      });
      const code = (error as { code?: unknown }).code;
      if (attempt < ATTEMPTS && typeof code === 'string' && RETRYABLE.has(code)) continue;
      throw error;
    } finally {
      // A connection that cannot even roll back is destroyed rather than handed to the next caller.
      client.release(broken);
    }
  }
}

/** Several reads that must see one state of the database (a story and its members), on one snapshot. */
export async function inSnapshot<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** What a failed connection means for the user: a missing database or an unreachable server, not a stack trace. */
export function connectionError(error: unknown, location: string): Error {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '3D000') return new StoreError(`${location}: ${message}`, { cause: error });
  if (typeof code === 'string' && /^(E[A-Z]+|28...|08...)$/.test(code)) {
    return new StoreError(`cannot connect to PostgreSQL at ${location}: ${message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(message);
}

/**
 * Applies every migration newer than the database, each in its own transaction with the row that records it.
 * Every step first takes an advisory lock named after the schema, then reads the version: two processes opening a
 * new database at once run each migration once, the second waiting and then finding nothing left to do.
 * Returns the schema version.
 */
export async function migrate(pool: pg.Pool, schema: string | null): Promise<number> {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  for (;;) {
    const done = await inTransaction(pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('storytrace.migrate.' || $1, 0))", [
        schema ?? (await client.query<{ s: string | null }>('SELECT current_schema() AS s')).rows[0]?.s ?? '',
      ]);
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const current =
        (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
      if (current > latest) {
        throw new StoreError(
          `database schema version ${current} is newer than this storytrace understands (${latest})`,
        );
      }
      const next = MIGRATIONS.find((m) => m.version > current);
      if (!next) return true;
      await client.query(next.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        next.version,
        next.name,
        new Date().toISOString(),
      ]);
      return false;
    });
    if (done) return latest;
  }
}
