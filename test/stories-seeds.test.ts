import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clean } from '../src/core/clean/index.js';
import { type ClusterInput, createClusterer } from '../src/core/cluster/index.js';
import { withId } from '../src/core/ingest/identity.js';
import { SEEDS } from './helpers.js';

interface Truth {
  stories: string[][];
}

/** The seed captures cleaned into articles, each named as the truth names it: `<file prefix>-<letter>`. */
function seedArticles(): { file: string; articles: ClusterInput[] }[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const content = readFileSync(join(SEEDS, file), 'utf8');
      const doc = withId({
        source: join(SEEDS, file),
        externalId: null,
        url: null,
        outlet: null,
        title: null,
        author: null,
        language: null,
        contentType: 'text/plain',
        format: 'text',
        fetchedAt: null,
        publishedAt: null,
        content,
        bytes: Buffer.byteLength(content),
      });
      const articles = clean(doc).articles.map((a, i) => ({
        id: `${file.slice(0, 3)}-${String.fromCharCode(97 + i)}`,
        title: a.title,
        body: a.body,
        published: a.published,
        language: a.language,
      }));
      return { file, articles };
    });
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

const canonical = (stories: readonly (readonly string[])[]) => stories.map((s) => [...s].sort().join(' ')).sort();

test('story clustering of the seed captures', { skip: !existsSync(SEEDS) && `${SEEDS} not found` }, async (t) => {
  const truth = JSON.parse(readFileSync(join(SEEDS, '..', 'seeds.truth.json'), 'utf8')) as Truth;
  const files = seedArticles();

  await t.test('should clean the captures into the articles the truth names', () => {
    const ids = files.flatMap((f) => f.articles.map((a) => a.id)).sort();
    assert.deepEqual(ids, truth.stories.flat().sort());
  });

  await t.test('should form exactly the true stories in every arrival order of the five files', () => {
    const want = canonical(truth.stories);
    const orders = permutations(files);
    assert.equal(orders.length, 120);
    for (const order of orders) {
      const c = createClusterer();
      for (const f of order) for (const a of f.articles) c.add(a, []);
      const got = canonical(c.stories().map((s) => s.articles));
      assert.deepEqual(got, want, `order ${order.map((f) => f.file.slice(0, 3)).join(' ')}`);
    }
  });
});
