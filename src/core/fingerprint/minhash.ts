/**
 * @module One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): one hash per element instead
 * of one per element and permutation, so a 128-value signature costs about what a single MinHash does. Empty bins
 * borrow from a bin chosen by a per-bin hash sequence, which keeps the estimator unbiased for sparse sets.
 */
import { fmix32 } from './hash.js';

const EMPTY = 0xffffffff;

/** A `k`-value signature of a set of 32-bit hashes (any order, duplicates harmless). All EMPTY for an empty set. */
export function oph(set: ArrayLike<number>, k: number, seed: number): Uint32Array {
  const sig = new Uint32Array(k).fill(EMPTY);
  if (set.length === 0) return sig;
  const filled = new Uint8Array(k);
  for (let i = 0; i < set.length; i++) {
    const h = fmix32(((set[i] as number) ^ seed) >>> 0);
    // High bits pick the bin, the whole mixed value (re-mixed) is the value: bin and value stay independent.
    const bin = Math.floor(((h >>> 8) * k) / 0x1000000);
    const v = fmix32((h + 0x9e3779b9) >>> 0);
    if (v < (sig[bin] as number)) sig[bin] = v;
    filled[bin] = 1;
  }
  for (let b = 0; b < k; b++) {
    if (filled[b]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32((Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ seed) >>> 0) % k;
      if (filled[j]) {
        sig[b] = sig[j] as number;
        break;
      }
    }
  }
  return sig;
}

/** Share of equal values: the estimate of the Jaccard similarity of the two sets. */
export function estimate(a: Uint32Array, b: Uint32Array, aFrom = 0, bFrom = 0, k = a.length): number {
  if (a[aFrom] === EMPTY && b[bFrom] === EMPTY) return 0;
  let same = 0;
  for (let i = 0; i < k; i++) if (a[aFrom + i] === b[bFrom + i]) same++;
  return same / k;
}

/** Probability that a pair of Jaccard similarity `s` shares at least one of `bands` bands of `rows` values. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}
