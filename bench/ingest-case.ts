/**
 * One ingest measurement, run in its own process so that peak RSS belongs to it alone. Prints one JSON line.
 * Cases: `storytrace` (the real engine), `baseline` (readline + JSON.parse + one autocommitted INSERT per document:
 * what a first plain implementation does), `read-only` (reading and splitting lines: the ceiling of the disk path).
 */
import { createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { documentId } from '../src/core/ingest/identity.js';
import { ingest } from '../src/engine/ingest.js';
import { lines } from '../src/engine/streams.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';

const [kind, input, db] = process.argv.slice(2) as [string, string, string];
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

let docs = 0;
let bytes = 0;
const started = performance.now();

if (kind === 'storytrace') {
  const store = new SqliteStore({ path: db });
  const summary = await ingest(store, [input]);
  docs = summary.ingested;
  bytes = summary.bytes;
  if (summary.failed) throw new Error(`${summary.failed} failed`);
  await store.close();
} else if (kind === 'baseline') {
  const conn = new Database(db);
  conn.pragma('journal_mode = WAL');
  conn.exec(MIGRATIONS[0]!.sql);
  const insert = conn.prepare(
    `INSERT OR IGNORE INTO documents (id, source, external_id, url, outlet, title, author, language, content_type, format,
       fetched_at, published_at, ingested_at, bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Number.POSITIVE_INFINITY })) {
    bytes += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, string>;
    const content = r.text ?? r.html ?? '';
    const id = documentId({ url: r.url ?? null, outlet: r.outlet ?? null, title: r.title ?? null, content });
    insert.run(
      id,
      input,
      r.id,
      r.url,
      r.outlet,
      r.title,
      null,
      r.language,
      'text/plain',
      'jsonl',
      null,
      r.published,
      new Date().toISOString(),
      0,
      content,
    );
    docs++;
  }
  conn.close();
} else if (kind === 'read-only') {
  for await (const l of lines(createReadStream(input, { highWaterMark: 1 << 20 }), 1 << 26)) {
    docs++;
    bytes += l.bytes + 1;
  }
} else {
  throw new Error(`unknown case ${kind}`);
}

const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ kind, docs, bytes, seconds, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
