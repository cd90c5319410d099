/**
 * @module The persistent reuse index on SQLite: the labelled corpus stored as articles (no cleaning: this measures
 * the index), `indexArticles()` timed, the index's bytes per document, query latency of `similarTo()` for articles
 * not in the store, and the stored relations scored like the in-memory systems.
 *
 * `node --import tsx bench/reuse/store-case.ts --n 10000` prints one line of JSON.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { withId } from '../../src/core/ingest/identity.js';
import type { Article } from '../../src/core/model.js';
import { indexArticles, similarTo } from '../../src/engine/relate.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { benchArticle } from '../article.js';
import { evaluate } from './evaluate.js';
import { DATA_DIR, ReuseCorpus, type ReuseDoc } from './generate.js';

const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--n') + 1] || 10_000);
const path = join(DATA_DIR, `reuse-store-${n}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
const store = new SqliteStore({ path });

function articleOf(doc: ReuseDoc, documentId: string): Article {
  return benchArticle(`${documentId}-0`, doc.body, {
    documentId,
    title: doc.title,
    published: doc.published,
    publishedPrecision: 'day',
    language: doc.language,
  });
}

const corpus = new ReuseCorpus({ n, seed: 1 });
const docOfArticle = new Map<string, string>();
const sample: ReuseDoc[] = [];
let batch: ReuseDoc[] = [];
const flush = async () => {
  const docs = batch.map((d) =>
    withId({
      source: `generated#${d.id}`,
      externalId: d.id,
      url: `https://example.org/${d.id}`,
      outlet: null,
      title: d.title,
      author: null,
      language: 'en',
      contentType: 'text/plain',
      format: 'jsonl',
      fetchedAt: null,
      publishedAt: d.published,
      content: d.body.join('\n\n'),
      bytes: 0,
    }),
  );
  await store.putDocuments(docs);
  await store.putCleanResults(
    docs.map((doc, i) => {
      const a = articleOf(batch[i] as ReuseDoc, doc.id);
      docOfArticle.set(a.id, (batch[i] as ReuseDoc).id);
      return { documentId: doc.id, cleanerVersion: 0, articles: [a], reason: null };
    }),
  );
  batch = [];
};
let i = 0;
for (const doc of corpus.docs()) {
  batch.push(doc);
  if (i++ % Math.max(1, Math.floor(n / 1000)) === 0) sample.push(doc);
  if (batch.length === 1000) await flush();
}
await flush();
const bytesBefore = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
const t0 = performance.now();
const summary = await indexArticles(store, { batchSize: 1000 });
const seconds = (performance.now() - t0) / 1000;
const bytesAfter = statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
const times: number[] = [];
for (const doc of sample) {
  const s = performance.now();
  await similarTo(store, { id: `query-${doc.id}`, body: doc.body, language: 'en' });
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const relations = await store.listRelations();
const found = relations
  .filter((r) => r.type !== 'independent')
  .map((r) => {
    const [a, b] = [docOfArticle.get(r.a) as string, docOfArticle.get(r.b) as string].sort();
    return { a: a as string, b: b as string, type: r.type, score: r.score };
  });
const evaluation = evaluate(corpus.pairs, found, { ambiguous: corpus.ambiguous });
await store.close();
process.stdout.write(
  `${JSON.stringify({
    system: 'storytrace persistent index (SQLite)',
    n,
    indexSeconds: seconds,
    docsPerSecond: n / seconds,
    indexBytesPerDoc: (bytesAfter - bytesBefore) / n,
    query: {
      samples: times.length,
      p50Ms: times[Math.floor(times.length * 0.5)],
      p99Ms: times[Math.floor(times.length * 0.99)],
    },
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    relations: summary.relations,
    evaluation,
  })}\n`,
);
