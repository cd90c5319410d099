import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDocuments, clusterArticles, indexArticles, ingest, openStore } from '../src/index.js';
import { EXAMPLES, tempDir } from './helpers.js';

interface Truth {
  stories: string[][];
  reuse: { a: string; b: string; kind: string }[];
  reuse_indirect: { a: string; b: string; kind: string }[];
  not_reuse: { a: string; b: string }[];
}

const truth = JSON.parse(readFileSync(join(EXAMPLES, 'truth.json'), 'utf8')) as Truth;

test('reuse relations and stories on the demo corpus, every input format', async (t) => {
  const store = await openStore({ db: join(tempDir(t), 'ex.db') });
  t.after(() => store.close());
  await ingest(store, [EXAMPLES]);
  await cleanDocuments(store);
  await indexArticles(store);
  // Truth ids are `<path>#<n>`: the n-th article of a text/HTML file, the n-th record of a container.
  const docs = await store.listDocuments();
  const warc = docs
    .filter((d) => d.format === 'warc')
    .map((d) => Number(d.source.split('#record')[1]))
    .sort((a, b) => a - b);
  const truthId = new Map<string, string>();
  for (const d of docs) {
    const rel = d.source.slice(EXAMPLES.length + 1).replace(/#(L|item|record)(\d+)$/, '#$2');
    const base =
      d.format === 'warc' ? `archive/crawl.warc.gz#${warc.indexOf(Number(d.source.split('#record')[1])) + 1}` : rel;
    const result = await store.getCleanResult(d.id);
    result?.articles.forEach((a, i) => {
      truthId.set(/\.(txt|html)$/.test(base) ? `${base}#${i + 1}` : base, a.id);
    });
  }
  const relations = await store.listRelations();
  const typeOf = (x: string, y: string) => {
    const [a, b] = [truthId.get(x), truthId.get(y)].sort();
    return relations.find((r) => r.a === a && r.b === b)?.type ?? 'independent';
  };
  for (const pair of [...truth.reuse, ...truth.reuse_indirect]) {
    await t.test(`should type ${pair.a} / ${pair.b} as ${pair.kind}`, () => {
      assert.equal(typeOf(pair.a, pair.b), pair.kind);
    });
  }
  await t.test('should find no reuse where the truth says there is none', () => {
    for (const pair of truth.not_reuse) {
      assert.ok(['independent', 'shared-quotes-only'].includes(typeOf(pair.a, pair.b)), `${pair.a} / ${pair.b}`);
    }
  });
  await t.test('should form the stories of the truth, the French follow-up with the English reports', async () => {
    await clusterArticles(store, { synonyms: null });
    const key = (ids: string[]) => ids.sort().join(' ');
    const found = (await store.listStories()).map((s) => key([...s.articles]));
    const want = truth.stories.map((s) => key(s.map((id) => truthId.get(id) ?? id)));
    assert.deepEqual(found.sort(), want.sort());
  });
});
