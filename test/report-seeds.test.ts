import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { consolidate, renderStoryHtml } from '../src/core/consolidate/index.js';
import { contentTerms, dice } from '../src/core/consolidate/text.js';
import type { Article } from '../src/core/model.js';
import { cleanDocuments, indexArticles, ingest, loadSynonyms, openStore } from '../src/index.js';
import { SEEDS, tempDir } from './helpers.js';

interface Truth {
  stories: string[][];
  quotes: { speaker: string; text: string; in: string[] }[];
}

const truth = JSON.parse(readFileSync(join(SEEDS, '..', 'seeds.truth.json'), 'utf8')) as Truth;

test('consolidated report of the seed story', async (t) => {
  const store = await openStore({ db: join(tempDir(t), 'seeds.db') });
  t.after(() => store.close());
  await ingest(store, [SEEDS]);
  await cleanDocuments(store);
  await indexArticles(store);
  // Truth ids are `<file prefix>-<letter>`, letters in document order.
  const idOf = new Map<string, string>();
  const truthOf = new Map<string, string>();
  const byId = new Map<string, Article>();
  for (const d of await store.listDocuments()) {
    const result = await store.getCleanResult(d.id);
    result?.articles.forEach((a, i) => {
      const key = `${basename(d.source).slice(0, 3)}-${'abcdef'[i]}`;
      idOf.set(key, a.id);
      truthOf.set(a.id, key);
      byId.set(a.id, a);
    });
  }
  const story = truth.stories[0] ?? [];
  const articles = story.map((k) => byId.get(idOf.get(k) ?? '')).filter((a): a is Article => a !== undefined);
  assert.equal(articles.length, 5);
  const ids = new Set(articles.map((a) => a.id));
  const relations = (await store.listRelations()).filter((r) => ids.has(r.a) && ids.has(r.b));
  const synonyms = loadSynonyms();

  const started = performance.now();
  const report = consolidate({ storyId: 'seeds', articles, relations, synonyms });
  t.diagnostic(`consolidate: ${(performance.now() - started).toFixed(0)} ms for ${articles.length} articles`);
  const keys = (list: readonly string[]) => list.map((id) => truthOf.get(id) ?? id).sort();

  for (const q of truth.quotes) {
    await t.test(`should attribute the quotation to ${q.speaker} in ${q.in.join(', ')}`, () => {
      const terms = contentTerms(q.text);
      const found = report.quotes
        .filter((r) => r.speaker === q.speaker)
        .sort((a, b) => dice(contentTerms(b.text), terms) - dice(contentTerms(a.text), terms))[0];
      assert.ok(found && dice(contentTerms(found.text), terms) >= 0.5, `no quotation of ${q.speaker} like it`);
      const carriers = keys(found.articles);
      for (const k of q.in) assert.ok(carriers.includes(k), `${k} carries it too: ${carriers.join(', ')}`);
      // The truth counts a quotation "in any wording"; an extra carrier must hold it in another wording (a
      // translation of the same statement), which it must show in its variant.
      for (const extra of carriers.filter((k) => !q.in.includes(k))) {
        const variant = found.variants.find((v) => truthOf.get(v.article) === extra);
        assert.ok(variant && dice(contentTerms(variant.text), terms) >= 0.5, `unexplained carrier ${extra}`);
        t.diagnostic(`extra carrier ${extra} of a ${q.speaker} quotation, in its own wording`);
      }
    });
  }

  const factWith = (...patterns: RegExp[]) =>
    report.facts.filter((f) => f.passages.some((p) => patterns.every((re) => re.test(p.text))));

  await t.test('should attribute the accepted invitation to all five reports', () => {
    const facts = factWith(/\b(?:accept|agree)/i, /\binvit/i);
    assert.ok(facts.some((f) => keys(f.articles).join() === [...story].sort().join()));
  });

  await t.test("should attribute the foreign minister's October trip to the reports carrying it", () => {
    // The fact's own wording: the sentence that carries it in one report also carries the accepted invitation.
    const trip = report.facts.find((f) => /Lavrov/.test(f.text) && /Pyongyang/.test(f.text));
    assert.ok(trip);
    assert.deepEqual(keys(trip.articles), ['000-a', '002-a']);
    const rewrite = report.sources.find((s) => truthOf.get(s.article) === '001-a');
    assert.ok(
      rewrite?.omits.some((o) => o.fact === trip.id),
      'the other Reuters rewrite leaves it out',
    );
  });

  await t.test('should attribute the satellite help to reports of both lineages', () => {
    const facts = factWith(/\bhelp/i, /\bsatellite/i);
    const reuters = ['000-a', '001-a', '002-a'];
    const afp = ['003-a', '004-a'];
    assert.ok(
      facts.some(
        (f) => keys(f.articles).some((k) => reuters.includes(k)) && keys(f.articles).some((k) => afp.includes(k)),
      ),
    );
  });

  await t.test('should give every article a source entry with additions and omissions', () => {
    assert.deepEqual(keys(report.sources.map((s) => s.article)), [...story].sort());
    for (const s of report.sources) assert.ok(Array.isArray(s.adds) && Array.isArray(s.omits));
    assert.ok(report.summary.length >= 3 && report.summary.length <= 5);
    assert.ok(report.title.length > 0);
  });

  await t.test('should render a page whose every link lands on an anchor', () => {
    const html = renderStoryHtml(report, articles);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/href="#([^"]+)"/g)) assert.ok(ids.has(m[1]), `dangling link #${m[1]}`);
    for (const section of ['summary', 'timeline', 'facts', 'quotes', 'sources', 'articles']) {
      assert.ok(ids.has(section), section);
    }
    assert.doesNotMatch(html, /<script/i);
  });
});
