import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../src/core/fingerprint/analyze.js';
import { fingerprint } from '../src/core/fingerprint/fingerprint.js';
import type { Article } from '../src/core/model.js';
import { provenance } from '../src/core/provenance/provenance.js';
import { relate } from '../src/core/relate/index.js';
import { cleanDocuments, ingest, loadSynonyms, openStore } from '../src/index.js';
import { SEEDS, tempDir } from './helpers.js';

interface Truth {
  stories: string[][];
  reuse: { a: string; b: string; kind: string; lineage: string }[];
  originals: Record<string, string | null>;
}
const truth = JSON.parse(readFileSync(join(SEEDS, '..', 'seeds.truth.json'), 'utf8')) as Truth;

test('provenance of the seed story', async (t) => {
  const store = await openStore({ db: join(tempDir(t), 'seeds.db') });
  t.after(() => store.close());
  await ingest(store, [SEEDS]);
  await cleanDocuments(store);
  const byTruthId = new Map<string, Article>();
  for (const d of await store.listDocuments()) {
    const result = await store.getCleanResult(d.id);
    result?.articles.forEach((a, i) => {
      byTruthId.set(`${basename(d.source).slice(0, 3)}-${'abcdef'[i]}`, a);
    });
  }
  const truthId = new Map([...byTruthId].map(([k, a]) => [a.id, k]));
  const articles = (truth.stories[0] as string[]).map((id) => byTruthId.get(id) as Article);
  const synonyms = loadSynonyms();
  const sides = articles.map((a) => ({
    id: a.id,
    language: a.language,
    analysis: analyze(a.body),
    contentHash: fingerprint(a.body).contentHash,
  }));
  // Every pair of the story is compared, as the story stage does for small stories.
  const relations = sides.flatMap((x, i) => sides.slice(i + 1).map((y) => relate(x, y, synonyms)));
  const p = provenance({ storyId: 's', articles, relations });
  const named = (ids: string[]) => ids.map((id) => truthId.get(id)).sort();

  await t.test('should find one lineage per wire, named by its credit, with its original', () => {
    const lineages = Object.fromEntries(p.lineages.map((l) => [l.name, l]));
    for (const [name, original] of Object.entries(truth.originals)) {
      const expected = truth.reuse.filter((r) => r.lineage === name).flatMap((r) => [r.a, r.b]);
      assert.deepEqual(named(lineages[name]?.articles ?? []), [...new Set(expected)].sort(), name);
      assert.equal(
        lineages[name]?.original ? truthId.get(lineages[name].original) : null,
        original,
        `${name} original`,
      );
    }
  });

  await t.test('should never make the spun or translated copy the source of a pair, and state its source', () => {
    const spunOrTranslated = truth.reuse.filter((r) => r.kind === 'spun' || r.kind === 'translated');
    for (const r of truth.reuse) {
      const edge = p.edges.find(
        (e) => [truthId.get(e.from), truthId.get(e.to)].sort().join() === [r.a, r.b].sort().join(),
      );
      assert.ok(edge, `${r.a} / ${r.b}: no edge`);
      if (r.kind === 'spun' || r.kind === 'translated') {
        // Even an edge whose direction is unknown lists the copy second: a reader ignoring confidence is not misled.
        const from = truthId.get(edge.from);
        assert.equal(from, r.a, `${r.a} / ${r.b}: ${from} → ${truthId.get(edge.to)} (${edge.confidence})`);
      }
    }
    // A copy's direction may stay unknown against a text it shares only a common source with (002-a keeps words
    // of 000-a that 001-a lacks: it was not spun from 001-a), but each such copy has a stated source.
    for (const copy of new Set(spunOrTranslated.map((r) => r.b))) {
      const sources = p.edges.filter((e) => truthId.get(e.to) === copy && e.confidence >= 0.6);
      assert.ok(sources.length > 0, `${copy}: no stated source`);
      for (const e of sources) assert.ok(spunOrTranslated.some((r) => r.b === copy && r.a === truthId.get(e.from)));
    }
  });

  await t.test('should keep the pair that shares only a quotation out of every lineage edge', () => {
    const pairs = new Set(p.edges.map((e) => named([e.from, e.to]).join()));
    assert.equal(pairs.has(['001-a', '003-a'].join()), false);
  });
});
