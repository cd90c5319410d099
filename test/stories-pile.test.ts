import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bcubed } from '../bench/stories/bcubed.js';
import { shuffled } from '../bench/stories/run.js';
import { labelledStream } from '../bench/stories/stream.js';
import { cleanDocuments, clusterArticles, indexArticles, ingest, openStore } from '../src/index.js';
import { tempDir } from './helpers.js';

test('a pile of articles in any order, through the pipeline', async (t) => {
  // Four weeks of events, written in a shuffled order: stories older than the activity window must still form.
  const ordered = [...labelledStream({ days: 28, eventsPerDay: 8, order: 1 })];
  const items = shuffled(ordered, 5);
  const dir = tempDir(t);
  const file = join(dir, 'pile.jsonl');
  writeFileSync(
    file,
    items
      .map((s) =>
        JSON.stringify({
          id: s.article.id,
          title: s.article.title,
          text: s.article.body.join('\n\n'),
          published: s.article.published,
          url: `https://outlet.example/${s.article.id}`,
        }),
      )
      .join('\n'),
  );
  const store = await openStore({ db: join(dir, 'pile.db') });
  t.after(() => store.close());
  await ingest(store, [file]);
  await cleanDocuments(store);
  await indexArticles(store);
  await clusterArticles(store, { synonyms: null });
  const external = new Map((await store.listArticles()).map((a) => [a.id, a.externalId ?? a.id]));
  const truth = new Map<string, string[]>();
  for (const s of items) truth.set(s.story, [...(truth.get(s.story) ?? []), s.article.id]);
  const found = (await store.listStories()).map((s) => s.articles.map((a) => external.get(a) ?? a));
  const { precision, recall, f1 } = bcubed(found, [...truth.values()]);
  t.diagnostic(`${items.length} articles: B³ P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
  assert.ok(f1 >= 0.9, `B³ F1 ${f1.toFixed(3)}`);
});
