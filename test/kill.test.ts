import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { documentId } from '../src/core/ingest/identity.js';
import { cli, cliSpawn, tempDir } from './helpers.js';

const TOTAL = 60_000;

async function writeCorpus(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < TOTAL; i++) {
    const line = JSON.stringify({
      id: `k-${i}`,
      url: `https://kill.example/${i}`,
      title: `Record ${i}`,
      text: `Paragraph ${i}. ${'Words that fill a news article body to a realistic size. '.repeat(12)}`,
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** Documents committed so far, read through a second connection as any reader would; 0 before the file exists. */
const count = (db: string) => {
  let conn: Database.Database | null = null;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
    return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    conn?.close();
  }
};

test('an ingest killed with SIGKILL', async (t) => {
  const dir = tempDir(t);
  const input = join(dir, 'big.jsonl');
  const db = join(dir, 'st.db');
  await writeCorpus(input);

  const child = cliSpawn(['--db', db, 'ingest', input, '--no-clean', '-q']);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let seen = 0;
  for (let i = 0; i < 3000 && seen === 0; i++) {
    await new Promise((r) => setTimeout(r, 10));
    seen = count(db);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'the process was killed, not finished');

  await t.test('should leave a consistent store holding only whole documents', () => {
    const conn = new Database(db);
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    const rows = conn.prepare('SELECT id, url, outlet, title, content FROM documents').all() as {
      id: string;
      url: string | null;
      outlet: string | null;
      title: string | null;
      content: string;
    }[];
    conn.close();
    assert.ok(rows.length > 0 && rows.length < TOTAL, `killed mid-batch: ${rows.length} of ${TOTAL} stored`);
    for (const r of rows) assert.equal(documentId(r), r.id, 'every stored row hashes to its id: nothing half-written');
  });

  await t.test('should complete on the next run without duplicating anything', () => {
    const before = count(db);
    const r = cli(['--db', db, 'ingest', input, '--no-clean', '--json', '-q']);
    assert.equal(r.code, 0, r.stderr);
    const summary = JSON.parse(r.stdout);
    assert.equal(summary.present, before);
    assert.equal(summary.ingested, TOTAL - before);
    assert.equal(count(db), TOTAL);
  });
});
