import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint } from './fingerprint.js';
import { candidatesOf, LshIndex } from './lsh.js';

/** The buckets as a Map of arrays: what `LshIndex` replaces. */
function mapIndex(crowdedBucket?: number) {
  const buckets = new Map<number, number[]>();
  return {
    candidates(keys: readonly number[], self: number, limit: number): number[] {
      const shared = new Map<number, number[]>();
      for (const key of keys) {
        for (const other of buckets.get(key) ?? []) {
          if (other === self) continue;
          const hit = shared.get(other);
          if (hit) hit.push(key);
          else shared.set(other, [key]);
        }
      }
      return candidatesOf(shared, limit, crowdedBucket);
    },
    add(keys: readonly number[], handle: number): void {
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (bucket) bucket.push(handle);
        else buckets.set(key, [handle]);
      }
    },
  };
}

test('the typed-array LSH index finds what a Map of buckets finds, in the same order', () => {
  let seed = 3;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const vocabulary = Array.from({ length: 300 }, (_, i) => `word${i}`);
  const names = ['Aldrin', 'Varga', 'Port', 'Kessel', 'Moreau', 'Tanaka'];
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 10) }, () =>
      rnd() < 0.1
        ? (names[Math.floor(rnd() * names.length)] as string)
        : (vocabulary[Math.floor(rnd() * 60)] as string),
    );
    return `${words.join(' ')}.`;
  };
  const texts: string[][] = [];
  for (let i = 0; i < 400; i++) {
    // Copies and partial copies of earlier texts, so that buckets hold several articles.
    const earlier = texts[Math.floor(rnd() * texts.length)];
    if (earlier && rnd() < 0.3) texts.push(earlier.map((p) => (rnd() < 0.7 ? p : sentence())));
    else texts.push(Array.from({ length: 3 }, () => Array.from({ length: 4 }, sentence).join(' ')));
  }
  const lsh = new LshIndex();
  const reference = mapIndex();
  texts.forEach((text, handle) => {
    const { keys } = fingerprint(text);
    // A small limit, so that the order of candidates is tested too.
    assert.deepEqual(lsh.addAndFind(keys, handle, 5), reference.candidates(keys, handle, 5));
    reference.add(keys, handle);
    assert.deepEqual(lsh.candidates(keys, -1, 50), reference.candidates(keys, -1, 50));
  });
  assert.ok(lsh.keys > 1000);
});

test('a query with more keys than the packed counts hold gives the same candidates', () => {
  const lsh = new LshIndex();
  const reference = mapIndex();
  const keys = Array.from({ length: 300 }, (_, i) => (4 * 256 + (i % 5)) * 2 ** 32 + i * 7919);
  lsh.add(keys, 0);
  reference.add(keys, 0);
  lsh.add(keys.slice(0, 10), 1);
  reference.add(keys.slice(0, 10), 1);
  assert.deepEqual(lsh.candidates(keys, -1, 10), reference.candidates(keys, -1, 10));
  assert.deepEqual(lsh.candidates(keys, -1, 10), [0, 1]);
});

test('a bucket of thousands of articles (boilerplate) keeps every one of them', () => {
  const lsh = new LshIndex();
  const reference = mapIndex();
  // Passage keys (a candidate on one shared key), shared by every article; each article has one key of its own too.
  const shared = [4 * 2 ** 40 + 17, 4 * 2 ** 40 + 2 ** 32 + 99];
  for (let h = 0; h < 3000; h++) {
    const keys = [...shared, 5 * 2 ** 40 + h];
    assert.deepEqual(lsh.addAndFind(keys, h, 200), reference.candidates(keys, h, 200));
    reference.add(keys, h);
  }
  assert.deepEqual(lsh.candidates(shared, -1, 5000), reference.candidates(shared, -1, 5000));
  assert.equal(lsh.candidates(shared, -1, 5000).length, 3000);
});

test('a key shared by more articles than the crowded bucket nominates none of them, but counts for those another key nominates', () => {
  const crowdedBucket = 3;
  const lsh = new LshIndex({ crowdedBucket });
  const reference = mapIndex(crowdedBucket);
  const anchors = [3 * 2 ** 40 + 11, 3 * 2 ** 40 + 12, 3 * 2 ** 40 + 13];
  const term = (x: number) => 2 * 2 ** 40 + x;
  const passage = 4 * 2 ** 40 + 77;
  const articles = [
    // Ten articles with the same three names (three anchor bands: a candidate by themselves) and a passage.
    ...Array.from({ length: 10 }, (_, h) => [...anchors, passage, term(1000 + h)]),
    // One that also shares a rarer term band with the query.
    [...anchors, term(1)],
  ];
  articles.forEach((keys, handle) => {
    lsh.add(keys, handle);
    reference.add(keys, handle);
  });
  const check = (keys: number[], expected: number[]) => {
    assert.deepEqual(lsh.candidates(keys, -1, 50), expected);
    assert.deepEqual(reference.candidates(keys, -1, 50), expected);
  };
  // The names alone are everyone's: no candidate.
  check(anchors, []);
  // With the term, the eleventh article is nominated, and the crowded names count for it (three anchor hits).
  check([...anchors, term(1)], [10]);
  // A passage is never crowded: every article that shares it is a candidate.
  check([passage], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // The same with more keys than the packed counts hold.
  const many = [...anchors, term(1), ...Array.from({ length: 300 }, (_, i) => term(5000 + i))];
  assert.deepEqual(lsh.candidates(many, -1, 50), [10]);
});
