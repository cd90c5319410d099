import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigStory, chainStories, isAncestor, truePairs } from '../bench/provenance/chains.js';
import { allPairs } from '../bench/provenance/run.js';
import { sentencesOf } from '../src/core/align/align.js';
import { CONFIDENT, provenance } from '../src/core/provenance/provenance.js';
import { loadSynonyms } from '../src/io/wordnet.js';

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

  await t.test('should leave the intermediate out of every fourth story, its copies still descending from it', () => {
    const [, , , fourth] = chainStories(4, { seed: 5 });
    assert.ok(fourth);
    const ids = new Set(fourth.articles.map((a) => a.id));
    const copies = Object.keys(fourth.truth.role).filter((id) => fourth.truth.role[id] === 'copy');
    const [mid] = Object.keys(fourth.truth.role).filter((id) => fourth.truth.role[id] === 'intermediate');
    assert.ok(mid && !ids.has(mid));
    assert.equal(copies.length, 2);
    for (const c of copies) {
      assert.ok(ids.has(c));
      assert.equal(fourth.truth.parent[c], mid);
      assert.ok(isAncestor(fourth.truth, fourth.truth.lineages[0]?.original ?? '', c));
    }
  });

  await t.test('should build a large story of the size asked', () => {
    const big = bigStory(60);
    assert.equal(big.articles.length, 60);
    assert.equal(new Set(big.articles.map((a) => a.id)).size, 60);
  });
});

test('provenance on generated chains', async (t) => {
  const synonyms = loadSynonyms();
  const chains = chainStories(4, { seed: 11 });
  let pairs = 0;
  let stated = 0;
  let right = 0;
  let siblingsStated = 0;
  for (const s of chains) {
    const p = provenance({ storyId: s.id, articles: s.articles, relations: allPairs(s.articles, synonyms) });
    for (const e of p.edges) {
      const src = isAncestor(s.truth, e.from, e.to) ? e.from : isAncestor(s.truth, e.to, e.from) ? e.to : null;
      if (!src) {
        if (e.confidence >= CONFIDENT) siblingsStated++;
        continue;
      }
      pairs++;
      if (e.confidence < CONFIDENT) continue;
      stated++;
      if (e.from === src) right++;
    }
    for (const l of s.truth.lineages) {
      const found = p.lineages.find((x) => x.articles.includes(l.original));
      if (found?.original) assert.equal(found.original, l.original, `${s.id} ${l.name}`);
    }
  }

  await t.test('should state most directions, and state them right', () => {
    assert.ok(right / stated >= 0.95, `accuracy ${right}/${stated}`);
    assert.ok(stated / pairs >= 0.8, `coverage ${stated}/${pairs}`);
  });

  await t.test('should give copies of one source no direction between them', () => {
    assert.ok(siblingsStated <= 2, `${siblingsStated} sibling pairs given a direction`);
  });
});
