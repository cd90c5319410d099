import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { StoreError } from '../src/store/store.js';
import { doc, tempDir } from './helpers.js';
import { type Backend, storeContract } from './store.contract.js';

const backends: Backend[] = [
  { name: 'sqlite (file)', open: async (t) => new SqliteStore({ path: join(tempDir(t), 'nested', 'st.db') }) },
  { name: 'sqlite (memory)', open: async () => new SqliteStore({ path: ':memory:' }) },
];

const selected = process.env.STORE?.split(',');
for (const b of backends) if (!selected || selected.some((s) => b.name.startsWith(s))) storeContract(b);

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
