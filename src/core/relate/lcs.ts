/**
 * @module Longest common subsequence of two word sequences, as word ids or hashes: how many words an editor kept in
 * order. Bit-parallel (Hyyrö 2004): one pass over b with a bit vector over a, ~|a|·|b|/32 word operations, about
 * 20 µs for two 600-word articles, so whole articles can be compared where a sentence-level table would be quadratic.
 */

// Open addressing from word id to its match mask's row; a stamp per call saves clearing the table between calls.
let keys = new Int32Array(4096);
let rows = new Int32Array(4096);
let stamps = new Uint32Array(4096);
let stamp = 0;

/** Empties the word table (by a new stamp, not by clearing it), with room for `n` words; returns its mask. */
function resetTable(n: number): number {
  let size = keys.length;
  while (size < n * 4) size *= 2;
  if (size !== keys.length) {
    keys = new Int32Array(size);
    rows = new Int32Array(size);
    stamps = new Uint32Array(size);
  }
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    stamps.fill(0);
    stamp = 1;
  }
  return size - 1;
}

/** The slot of word `x` in the table: where it is, or the empty slot where it goes (`stamps[slot] !== stamp`). */
function slotOf(x: number, mask: number): number {
  let h = Math.imul(x, 0x9e3779b1) >>> 0;
  for (;;) {
    h &= mask;
    if (stamps[h] !== stamp || keys[h] === x) return h;
    h++;
  }
}

/** Files word `x` in the empty slot `h` (from `slotOf`) with its row value. */
function claim(h: number, x: number, row: number): void {
  stamps[h] = stamp;
  keys[h] = x;
  rows[h] = row;
}

export function lcsLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const words = (a.length + 31) >>> 5;
  const mask = resetTable(a.length);
  let nRows = 0;
  const rowOf = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as number) | 0;
    const h = slotOf(x, mask);
    if (stamps[h] !== stamp) claim(h, x, nRows++);
    rowOf[i] = rows[h] as number;
  }
  const m = new Uint32Array(nRows * words);
  for (let i = 0; i < a.length; i++) {
    const at = (rowOf[i] as number) * words + (i >>> 5);
    m[at] = (m[at] as number) | (1 << (i & 31));
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j++) {
    const h = slotOf((b[j] as number) | 0, mask);
    if (stamps[h] !== stamp) continue;
    const off = (rows[h] as number) * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const y = v[w] as number;
      const u = (y & (m[off + w] as number)) >>> 0;
      const sum = y + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (y & ~u);
    }
  }
  let ones = 0;
  for (let i = 0; i < a.length; i++) ones += ((v[i >>> 5] as number) >>> (i & 31)) & 1;
  return a.length - ones;
}

/**
 * How many words the two texts have in common as bags (each occurrence matched once): a bound on the LCS from above
 * in one linear pass.
 */
export function commonWords(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const mask = resetTable(a.length);
  // `rows` holds counts here.
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as number) | 0;
    const h = slotOf(x, mask);
    if (stamps[h] !== stamp) claim(h, x, 1);
    else rows[h] = (rows[h] as number) + 1;
  }
  let common = 0;
  for (let j = 0; j < b.length; j++) {
    const h = slotOf((b[j] as number) | 0, mask);
    if (stamps[h] !== stamp) continue;
    const left = rows[h] as number;
    if (left > 0) {
      rows[h] = left - 1;
      common++;
    }
  }
  return common;
}

/**
 * Share of words changed between two texts: 1 − LCS / longer length (a substitution, deletion or insertion ≈ 1).
 * Given `limit`, a change the word bags already put above it is not measured: the bags' bound (a lower bound on the
 * change, above `limit`) is returned instead, for a linear pass where the LCS costs ~|a|·|b|/32.
 */
export function wordChange(a: ArrayLike<number>, b: ArrayLike<number>, limit = 1): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  if (limit < 1) {
    const bound = 1 - commonWords(a, b) / longer;
    if (bound > limit) return bound;
  }
  return 1 - lcsLength(a, b) / longer;
}

/**
 * Whether the shorter sequence is a contiguous run of the longer: the two differ only by words added before or after
 * (a credit line, a sign-off, a date line the cleaner kept), not by edits inside the text.
 */
export function runWithin(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length === 0) return true;
  const first = s[0];
  for (let k = 0; k + s.length <= l.length; k++) {
    if (l[k] !== first) continue;
    let i = 1;
    while (i < s.length && l[k + i] === s[i]) i++;
    if (i === s.length) return true;
  }
  return false;
}
