import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docWords, generateCorpus, type LabelledPair, type LabelType, type ReuseDoc } from '../bench/reuse/generate.js';
import { lcsLength, wordChange } from '../src/core/relate/lcs.js';

const corpus = generateCorpus({ n: 1500, seed: 11 });
const byId = new Map(corpus.docs.map((d) => [d.id, d]));
const direct = (type: LabelType) => corpus.pairs.filter((p) => p.direct && p.type === type);
const docsOf = (p: LabelledPair): [ReuseDoc, ReuseDoc] => [byId.get(p.a)!, byId.get(p.b)!];
const change = (p: LabelledPair) => {
  const [a, b] = docsOf(p);
  return wordChange(docWords(a), docWords(b));
};
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

test('the reuse benchmark generator', async (t) => {
  await t.test('should give the same corpus for the same seed and another for another seed', () => {
    const again = generateCorpus({ n: 1500, seed: 11 });
    assert.deepEqual(again.docs, corpus.docs);
    assert.deepEqual(again.pairs, corpus.pairs);
    const other = generateCorpus({ n: 50, seed: 12 });
    assert.notDeepEqual(other.docs[0], corpus.docs[0]);
  });

  await t.test('should make every kind of document and every relation, ordered a < b', () => {
    for (const kind of Object.keys(corpus.stats.kinds) as (keyof typeof corpus.stats.kinds)[]) {
      assert.ok(corpus.stats.kinds[kind] > 0, kind);
    }
    for (const type of ['duplicate', 'light-edit', 'rewrite', 'partial', 'spun'] as const) {
      assert.ok(direct(type).length >= 20, `${type}: ${direct(type).length}`);
    }
    assert.ok(corpus.stats.kinds.unrelated / corpus.docs.length > 0.35);
    for (const p of corpus.pairs) assert.ok(p.a < p.b && byId.has(p.a) && byId.has(p.b));
  });

  await t.test('should change ~5% of the words in a light edit and ~30% in a rewrite', () => {
    assert.ok(direct('duplicate').every((p) => change(p) === 0));
    const light = direct('light-edit').map(change);
    const heavy = direct('rewrite').map(change);
    assert.ok(mean(light) > 0.035 && mean(light) < 0.065, `light edits: ${mean(light)}`);
    assert.ok(light.every((c) => c > 0.01 && c < 0.1));
    assert.ok(mean(heavy) > 0.25 && mean(heavy) < 0.35, `rewrites: ${mean(heavy)}`);
    assert.ok(heavy.every((c) => c > 0.2 && c < 0.42));
  });

  await t.test('should keep the names and numbers of a spun copy while replacing most other words', () => {
    // Names are capitalised words inside a sentence; numbers are anything with a digit.
    const anchors = (d: ReuseDoc) =>
      d.body.flatMap((p) => [...p.matchAll(/(?<=[a-z,] )[A-Z][a-z]+|\S*\d\S*/g)].map((m) => m[0]));
    for (const p of direct('spun')) {
      const [a, b] = docsOf(p);
      const text = ` ${b.body.join(' ')} `;
      for (const w of anchors(a)) assert.ok(text.includes(w), `${p.b} lost ${w}`);
      assert.ok(change(p) > 0.15, `${p.b}: only ${change(p)} spun`);
    }
    // About half the words of news prose are function words, names and numbers, which a spinner leaves alone.
    assert.ok(mean(direct('spun').map(change)) > 0.2);
  });

  await t.test('should put 30–50% of the source inside a partial reuse, with both shares', () => {
    for (const p of direct('partial')) {
      const share = p.aShareInB!;
      assert.ok(share >= 0.3 && share <= 0.5, `${p.b}: ${share}`);
      assert.ok(p.bShareInA! > 0.15 && p.bShareInA! < 0.75, `${p.b}: ${p.bShareInA}`);
      const [a, b] = docsOf(p);
      // The copied text keeps its order, so it is a common subsequence of the two.
      assert.ok(lcsLength(docWords(a), docWords(b)) / docWords(a).length >= share * 0.95);
    }
  });
});
