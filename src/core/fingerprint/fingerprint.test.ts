import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANCHOR, analyze, NUMBER, QUOTED } from './analyze.js';
import { decodeFingerprint, encodeFingerprint, fingerprint, isCandidate } from './fingerprint.js';
import { hashString } from './hash.js';
import { candidateProbability, estimate, oph } from './minhash.js';
import { passages, uniqueSorted } from './sets.js';

function randomSet(n: number, seed: number): number[] {
  return Array.from({ length: n }, (_, i) => hashString(`x${i}`, seed));
}

test('one-permutation MinHash estimates Jaccard similarity within sampling error', () => {
  for (const shared of [0, 100, 250, 400, 500]) {
    const common = randomSet(shared, 1);
    const a = uniqueSorted([...common, ...randomSet(500 - shared, 2)]);
    const b = uniqueSorted([...common, ...randomSet(500 - shared, 3)]);
    const truth = shared / (1000 - shared);
    const est = estimate(oph(a, 128, 7), oph(b, 128, 7));
    assert.ok(Math.abs(est - truth) < 0.12, `shared ${shared}: estimate ${est} vs ${truth}`);
  }
});

test('densification fills every bin of a small set, and an empty set matches nothing', () => {
  const sig = oph(uniqueSorted(randomSet(5, 9)), 64, 1);
  assert.ok(sig.every((v) => v !== 0xffffffff));
  assert.equal(estimate(oph(new Uint32Array(0), 64, 1), oph(new Uint32Array(0), 64, 1)), 0);
});

test('the S-curve rises steeply around the chosen threshold', () => {
  assert.ok(candidateProbability(0.55, 32, 4) > 0.95);
  assert.ok(candidateProbability(0.1, 32, 4) < 0.01);
});

test('analysis marks names, numbers and quotations', () => {
  const a = analyze([
    'Officials in Port Aldrin said two ferries ran. "We are safe," Ms. Varga said.',
    'Varga left at 9.',
  ]);
  const flag = (w: string) => a.flags[a.words.indexOf(w)] as number;
  assert.ok(flag('port') & ANCHOR);
  assert.ok(flag('aldrin') & ANCHOR);
  assert.ok(flag('2') & NUMBER, '"two" is read as 2');
  assert.ok(flag('safe') & QUOTED);
  assert.ok(!(flag('ferries') & ANCHOR));
  assert.ok(flag('varga') & ANCHOR, 'a name first in its sentence is still a name');
  assert.ok(!(flag('officials') & ANCHOR), 'a capitalised word that appears nowhere else is not a name');
  assert.equal(a.sentences.length - 1, 3, 'Ms. does not end a sentence');
});

const sentences = Array.from(
  { length: 40 },
  (_, i) =>
    `Sentence ${i} tells how the harbour board of region ${i * 7} voted on plan number ${i * 13} after a long debate.`,
);

test('passages are cut by content: a copied run keeps its passages whatever precedes it', () => {
  const source = analyze([sentences.slice(10, 30).join(' ')]);
  const copy = analyze([['An unrelated opening line about weather.', ...sentences.slice(10, 30)].join(' ')]);
  const key = (a: typeof source, [f, t]: [number, number]) => a.words.slice(f, t).join(' ');
  const inSource = new Set(passages(source).map((r) => key(source, r)));
  const shared = passages(copy).filter((r) => inSource.has(key(copy, r)));
  assert.ok(shared.length >= passages(source).length - 2, `${shared.length} of ${passages(source).length}`);
});

test('a fingerprint survives its binary form, and a copy shares its exact key', () => {
  const fp = fingerprint([sentences.join(' ')]);
  const back = decodeFingerprint(encodeFingerprint(fp));
  assert.deepEqual(back, {
    contentHash: fp.contentHash,
    words: fp.words,
    terms: fp.terms,
    anchors: fp.anchors,
    passages: fp.passages,
    sentences: fp.sentences,
  });
  const copy = fingerprint([sentences.join(' ').toUpperCase().replace(/ /g, '  ')]);
  assert.equal(copy.contentHash, fp.contentHash, 'case and spacing do not change the content hash');
  assert.ok(isCandidate(fp.keys.filter((k) => copy.keys.includes(k))));
  const other = fingerprint(['A different text about apples, orchards and the autumn harvest in the valley.']);
  assert.equal(isCandidate(fp.keys.filter((k) => other.keys.includes(k))), false);
});

test('words that name members of Object.prototype are plain words', () => {
  const a = analyze(['The constructor said toString and valueOf are hasOwnProperty of the prototype.']);
  assert.ok(a.words.includes('constructor'));
  assert.ok(fingerprint(['A constructor built the __proto__ bridge.']).keys.length > 0);
});
