import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { parseTarget } from '../src/store/postgres/connection.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { type PutOutcome, StoreError } from '../src/store/store.js';
import { doc, tempDir } from './helpers.js';
import { type Backend, storeContract } from './store.contract.js';

/** The PostgreSQL the postgres backend is tested on; each test works in a schema of its own, dropped after it. */
const PG_URL = parseTarget(process.env.STORYTRACE_TEST_PG ?? 'postgres://127.0.0.1/test').connectionString;

type Hooks = { after: (fn: () => void) => void };

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A schema name no other test uses; the schema (created by the store) is dropped when the test ends. */
function freshSchema(t: Hooks): string {
  const schema = `st_${randomBytes(6).toString('hex')}`;
  t.after(() => pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  return schema;
}

async function pgStore(t: Hooks, schema = freshSchema(t)): Promise<PostgresStore> {
  const store = await PostgresStore.open({ url: PG_URL, schema });
  t.after(() => store.close());
  return store;
}

/** Why the postgres backend cannot be tested here, or null when it can. */
async function pgUnreachable(): Promise<string | null> {
  try {
    await pgAdmin('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL unreachable at ${PG_URL} (${error instanceof Error ? error.message : String(error)}); set STORYTRACE_TEST_PG`;
  }
}

const backends: Backend[] = [
  { name: 'sqlite (file)', open: async (t) => new SqliteStore({ path: join(tempDir(t), 'nested', 'st.db') }) },
  { name: 'sqlite (memory)', open: async () => new SqliteStore({ path: ':memory:' }) },
  { name: 'postgres', open: (t) => pgStore(t) },
];

const selected = process.env.STORE?.split(',');
const wanted = (name: string) => !selected || selected.some((s) => name.startsWith(s));
const pgSkip = wanted('postgres') ? await pgUnreachable() : 'not selected by STORE';
for (const b of backends) {
  if (!wanted(b.name)) continue;
  if (b.name === 'postgres' && pgSkip) test(`${b.name}: Store`, { skip: pgSkip }, () => {});
  else storeContract(b);
}

test('SqliteStore specifics', async (t) => {
  await t.test('should keep its data across reopening, in WAL mode, at the latest schema', async (t) => {
    const path = join(tempDir(t), 'st.db');
    const a = new SqliteStore({ path });
    await a.putDocuments([doc(1), doc(2)]);
    await a.close();
    const b = new SqliteStore({ path });
    assert.equal(await b.countDocuments(), 2);
    await b.close();
    const raw = new Database(path);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').all(), [
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
    raw.close();
  });
  await t.test('should refuse a database from a newer storytrace', async (t) => {
    const path = join(tempDir(t), 'st.db');
    await new SqliteStore({ path }).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '')").run();
    raw.close();
    assert.throws(() => new SqliteStore({ path }), StoreError);
  });
});

test('PostgresStore specifics', { skip: pgSkip ?? false }, async (t) => {
  await t.test('should keep each document once when two stores insert the same ones at once', async (t) => {
    const schema = freshSchema(t);
    const [a, b] = await Promise.all([pgStore(t, schema), pgStore(t, schema)]);
    // Batches of the size ingest writes: with 1000 ids each, unguarded transactions deadlock most rounds.
    const docs = Array.from({ length: 4000 }, (_, i) => doc(i));
    const fromA = new Map<string, PutOutcome>();
    const fromB = new Map<string, PutOutcome>();
    // Both stores write the same batch at the same moment, in opposite orders: without care each transaction would
    // hold an id the other waits for (a deadlock), or both would report one document 'inserted'.
    for (let i = 0; i < docs.length; i += 1000) {
      const batch = docs.slice(i, i + 1000);
      const reversed = [...batch].reverse();
      const [gotA, gotB] = await Promise.all([a.putDocuments(batch), b.putDocuments(reversed)]);
      for (const [j, d] of batch.entries()) fromA.set(d.id, gotA[j]!);
      for (const [j, d] of reversed.entries()) fromB.set(d.id, gotB[j]!);
    }
    assert.equal(await a.countDocuments(), docs.length);
    const listed = (await b.listDocuments()).map((d) => d.id);
    assert.equal(new Set(listed).size, docs.length, 'each document once');
    for (const d of docs) {
      assert.deepEqual(
        [fromA.get(d.id), fromB.get(d.id)].sort(),
        ['inserted', 'present'],
        `${d.id}: exactly one store inserted it`,
      );
    }
  });

  await t.test('should migrate once when several stores open a new schema at once', async (t) => {
    const schema = freshSchema(t);
    const stores = await Promise.all([pgStore(t, schema), pgStore(t, schema), pgStore(t, schema)]);
    assert.deepEqual(
      stores.map((s) => s.location),
      stores.map(() => parseTarget(PG_URL, schema).location),
    );
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    const rows = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    await client.end();
    assert.deepEqual(
      rows.rows.map((r) => r.version),
      [1, 2, 3, 4],
    );
    assert.equal((await stores[0]!.stats()).schemaVersion, 4);
  });

  await t.test('should refuse a database from a newer storytrace', async (t) => {
    const schema = freshSchema(t);
    await (await pgStore(t, schema)).close();
    await pgAdmin(`INSERT INTO ${schema}.schema_migrations VALUES (99, 'future', '')`);
    await assert.rejects(PostgresStore.open({ url: PG_URL, schema }), StoreError);
  });

  await t.test('should open from a URL with openStore and show it without the password', async (t) => {
    const schema = freshSchema(t);
    const url = new URL(PG_URL);
    url.searchParams.set('schema', schema);
    const store = await openStore({ db: url.href });
    t.after(() => store.close());
    assert.equal(store.backend, 'postgres');
    assert.equal(store.location, url.href);
    assert.equal(
      parseTarget('postgresql://jo:s3cret@db.example:5433/news?schema=x&sslmode=require').location,
      'postgresql://jo@db.example:5433/news?schema=x&sslmode=require',
    );
    assert.throws(() => parseTarget('postgres://h/db?schema=Robert%27);DROP'), StoreError);
  });

  await t.test('should say which database is missing', async () => {
    const url = new URL(PG_URL);
    url.pathname = `/st_missing_${randomBytes(4).toString('hex')}`;
    await assert.rejects(PostgresStore.open({ url: url.href }), (e: Error) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, /does not exist/);
      return true;
    });
  });

  await t.test('should refuse a document holding U+0000, naming it, and write nothing of its batch', async (t) => {
    const store = await pgStore(t);
    const bad = doc(2, { content: 'before\u0000after' });
    await assert.rejects(store.putDocuments([doc(1), bad]), (e: Error) => {
      assert.ok(e instanceof StoreError);
      assert.match(e.message, new RegExp(bad.source));
      return true;
    });
    assert.equal(await store.countDocuments(), 0);
  });
});
