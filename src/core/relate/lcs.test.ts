import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonWords, lcsLength, runWithin, wordChange } from './lcs.js';

/** A reproducible random stream in [0, 1) (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** The quadratic table, as a textbook writes it. */
function plainLcs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, row[j - 1] as number);
    }
    prev = row;
  }
  return prev[b.length] as number;
}

test('the bit-parallel LCS agrees with the quadratic table on random word sequences of every length', () => {
  const rand = seeded(7);
  for (let round = 0; round < 300; round++) {
    const vocabulary = 2 + Math.floor(rand() * 40);
    const n = Math.floor(rand() * 140);
    const a = Uint32Array.from({ length: n }, () => Math.floor(rand() * vocabulary) * 0x9e3779b1);
    const b = Uint32Array.from(a.filter(() => rand() > 0.2));
    for (let k = Math.floor(rand() * 10); k > 0; k--) b[Math.floor(rand() * b.length)] = 0xffffffff;
    assert.equal(lcsLength(a, b), plainLcs(a, b), `round ${round}`);
    assert.equal(lcsLength(b, a), plainLcs(b, a), `round ${round} swapped`);
  }
});

test('word change counts a substitution, a cut or an addition as one word of the longer text', () => {
  const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(wordChange(a, a), 0);
  assert.equal(lcsLength(a, [1, 2, 3, 4, 99, 6, 7, 8, 9, 10]), 9);
  assert.ok(Math.abs(wordChange(a, [1, 2, 3, 4, 99, 6, 7, 8, 9, 10]) - 0.1) < 1e-12);
  assert.ok(Math.abs(wordChange(a, [1, 2, 3, 4, 6, 7, 8, 9, 10]) - 0.1) < 1e-12);
  assert.equal(wordChange([], a), 1);
  assert.equal(wordChange([], []), 0);
});

test('runWithin holds when one text is the other with words added before or after, not for an edit inside', () => {
  const text = [5, 6, 7, 8, 9, 10];
  assert.equal(runWithin(text, [1, 2, ...text, 3]), true);
  assert.equal(runWithin([...text, 11], text), true);
  assert.equal(runWithin(text, text), true);
  assert.equal(runWithin(text, [5, 6, 7, 0, 8, 9, 10]), false);
  assert.equal(runWithin(text, [5, 6, 7, 9, 10, 1, 2]), false);
});

test('word change with a limit is exact up to the limit and never below the true change above it', () => {
  const rand = seeded(11);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(rand() * 200);
    const a = Uint32Array.from({ length: n }, () => Math.floor(rand() * 60));
    const b = Uint32Array.from(a.filter(() => rand() > 0.1 * rand()));
    for (let k = Math.floor(rand() * 30); k > 0; k--) b[Math.floor(rand() * b.length)] = 1000 + k;
    const exact = wordChange(a, b);
    const limited = wordChange(a, b, 0.15);
    assert.ok(commonWords(a, b) >= lcsLength(a, b), `round ${round}: the bags bound the LCS`);
    if (exact <= 0.15) assert.equal(limited, exact, `round ${round}`);
    else assert.ok(limited > 0.15 && limited <= exact + 1e-12, `round ${round}: ${limited} vs ${exact}`);
  }
});
