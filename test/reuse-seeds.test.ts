import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { cleanDocuments, clusterArticles, indexArticles, ingest, openStore, type Relation } from '../src/index.js';
import { SEEDS, tempDir } from './helpers.js';

interface Truth {
  stories: string[][];
  reuse: { a: string; b: string; kind: string }[];
}

const truth = JSON.parse(readFileSync(join(SEEDS, '..', 'seeds.truth.json'), 'utf8')) as Truth;

test('reuse index on the seed captures', async (t) => {
  const store = await openStore({ db: join(tempDir(t), 'seeds.db') });
  t.after(() => store.close());
  await ingest(store, [SEEDS]);
  await cleanDocuments(store);
  const summary = await indexArticles(store);
  assert.equal(summary.indexed, 6);
  // The AFP pair (an English wire and a machine translation of its French version) shares too little for the index:
  // it is compared once both articles sit in one story.
  await clusterArticles(store);
  // Truth ids are `<file prefix>-<letter>`, letters in document order.
  const idOf = new Map<string, string>();
  for (const d of await store.listDocuments()) {
    const result = await store.getCleanResult(d.id);
    result?.articles.forEach((a, i) => {
      idOf.set(`${basename(d.source).slice(0, 3)}-${'abcdef'[i]}`, a.id);
    });
  }
  const relations = await store.listRelations();
  const find = (x: string, y: string): Relation | undefined => {
    const [a, b] = [idOf.get(x), idOf.get(y)].sort();
    return relations.find((r) => r.a === a && r.b === b);
  };

  for (const pair of truth.reuse) {
    await t.test(`should type ${pair.a} / ${pair.b} as ${pair.kind}`, () => {
      assert.equal(find(pair.a, pair.b)?.type, pair.kind);
    });
  }

  await t.test('should type every other pair of one story as shared-quotes-only or independent, if at all', () => {
    for (const story of truth.stories) {
      for (const x of story) {
        for (const y of story) {
          if (x >= y || truth.reuse.some((p) => [p.a, p.b].sort().join() === [x, y].join())) continue;
          const type = find(x, y)?.type ?? 'independent';
          assert.ok(['shared-quotes-only', 'independent'].includes(type), `${x} / ${y}: ${type}`);
        }
      }
    }
  });

  await t.test('should relate no pair across stories', () => {
    const storyOf = new Map(truth.stories.flatMap((s, i) => s.map((id) => [idOf.get(id), i] as const)));
    for (const r of relations) {
      if (r.type === 'independent') continue;
      assert.equal(storyOf.get(r.a), storyOf.get(r.b), `${r.a} / ${r.b}: ${r.type}`);
    }
  });
});
