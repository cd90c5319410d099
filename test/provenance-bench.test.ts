import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigStory, chainStories, isAncestor, truePairs } from '../bench/provenance/chains.js';
import { sentencesOf } from '../src/core/align/align.js';

const stories = chainStories(3, { seed: 5 });

test('the provenance benchmark generator', async (t) => {
  await t.test('should give the same stories for the same seed', () => {
    assert.deepEqual(chainStories(3, { seed: 5 }), stories);
  });

  await t.test('should record one origin per sentence as align() splits the body', () => {
    for (const s of stories) {
      for (const a of s.articles) assert.equal(s.truth.origins[a.id]?.length, sentencesOf(a.body, 'en').length, a.id);
    }
  });

  await t.test('should make every chain it promises, with sources dated no later than their copies', () => {
    for (const s of stories) {
      const wire = s.truth.lineages[0];
      assert.ok(wire);
      const role = (r: string) => wire.articles.filter((id) => s.truth.role[id] === r);
      const original = wire.original;
      const [spun] = role('spun');
      const [rep] = role('republication');
      assert.ok(spun && rep);
      assert.equal(s.truth.role[original], 'original');
      assert.equal(s.truth.parent[spun], rep);
      assert.ok(isAncestor(s.truth, original, spun));
      assert.equal(role('copy').length, 2);
      const byId = new Map(s.articles.map((a) => [a.id, a]));
      for (const [child, parent] of Object.entries(s.truth.parent)) {
        const c = byId.get(child)?.published;
        const p = byId.get(parent)?.published;
        if (c && p && c.length > 10 && p.length > 10) assert.ok(c >= p, `${parent} → ${child}`);
      }
    }
  });

  await t.test('should align most sentences of a copy with its source, and none of an independent report', () => {
    for (const s of stories) {
      const [lineage] = s.truth.lineages;
      const [independent] = s.truth.independent;
      assert.ok(lineage && independent);
      const rep = s.articles.find((a) => s.truth.role[a.id] === 'republication' && lineage.articles.includes(a.id));
      assert.ok(rep);
      const pairs = truePairs(s.truth, lineage.original, rep.id);
      assert.ok(pairs.length >= 0.8 * (s.truth.origins[rep.id]?.length ?? 0));
      assert.deepEqual(truePairs(s.truth, lineage.original, independent), []);
    }
  });

  await t.test('should build a large story of the size asked', () => {
    const big = bigStory(60);
    assert.equal(big.articles.length, 60);
    assert.equal(new Set(big.articles.map((a) => a.id)).size, 60);
  });
});
