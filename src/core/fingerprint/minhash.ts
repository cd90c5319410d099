/**
 * @module One-permutation MinHash with optimal densification (Shrivastava, ICML 2017): one hash per element instead
 * of one per element and permutation, so a 128-value signature costs about what a single MinHash does. Empty bins
 * borrow from a bin chosen by a per-bin hash sequence, which keeps the estimator unbiased for sparse sets.
 */
import { fmix32 } from './hash.js';

const EMPTY = 0xffffffff;

/** A `k`-value signature of a set of 32-bit hashes (any order, duplicates harmless). All EMPTY for an empty set. */
export function oph(set: ArrayLike<number>, k: number, seed: number): Uint32Array {
  const sig = new Uint32Array(k);
  ophInto(set, 0, set.length, k, seed, sig, 0);
  return sig;
}

let filled = new Uint8Array(256);

/** Attempts per empty bin kept in `borrowOrder`; an empty bin that needs more computes them. */
const ORDER_ATTEMPTS = 8;
const borrowOrders = new Map<number, Uint32Array>();

/**
 * The bins an empty bin borrows from, in the order it tries them (`ORDER_ATTEMPTS` per bin): they depend only on k
 * and the seed, so they are hashed once instead of in every signature.
 */
function borrowOrder(k: number, seed: number): Uint32Array {
  const id = k * 2 ** 32 + (seed >>> 0);
  let order = borrowOrders.get(id);
  if (!order) {
    order = new Uint32Array(k * ORDER_ATTEMPTS);
    for (let b = 0; b < k; b++)
      for (let a = 1; a <= ORDER_ATTEMPTS; a++) order[b * ORDER_ATTEMPTS + a - 1] = borrowed(b, a, k, seed);
    // The fingerprint uses three (k, seed) pairs; other callers' pairs must not pile up.
    if (borrowOrders.size >= 64) borrowOrders.clear();
    borrowOrders.set(id, order);
  }
  return order;
}

function borrowed(b: number, attempt: number, k: number, seed: number): number {
  return fmix32((Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ seed) >>> 0) % k;
}

/** `oph` of set[from, to) written to out[at, at + k): no allocation, for the fingerprint's hot path. */
export function ophInto(
  set: ArrayLike<number>,
  from: number,
  to: number,
  k: number,
  seed: number,
  out: Uint32Array,
  at: number,
): void {
  out.fill(EMPTY, at, at + k);
  if (to <= from) return;
  if (filled.length < k) filled = new Uint8Array(k);
  const used = filled;
  used.fill(0, 0, k);
  // floor((h >>> 8) · k / 2^24) in int32 arithmetic while the product stays below 2^31.
  const intBins = k <= 128;
  for (let i = from; i < to; i++) {
    const h = fmix32(((set[i] as number) ^ seed) >>> 0);
    // High bits pick the bin, the whole mixed value (re-mixed) is the value: bin and value stay independent.
    const bin = intBins ? ((h >>> 8) * k) >>> 24 : Math.floor(((h >>> 8) * k) / 0x1000000);
    const v = fmix32((h + 0x9e3779b9) >>> 0);
    if (v < (out[at + bin] as number)) out[at + bin] = v;
    used[bin] = 1;
  }
  // Densification: an empty bin takes the value of the first filled bin of its own sequence.
  let order: Uint32Array | null = null;
  for (let b = 0; b < k; b++) {
    if (used[b]) continue;
    order ??= borrowOrder(k, seed);
    let j = -1;
    for (let a = 0; a < ORDER_ATTEMPTS; a++) {
      const c = order[b * ORDER_ATTEMPTS + a] as number;
      if (used[c]) {
        j = c;
        break;
      }
    }
    for (let attempt = ORDER_ATTEMPTS + 1; j < 0; attempt++) {
      const c = borrowed(b, attempt, k, seed);
      if (used[c]) j = c;
    }
    out[at + b] = out[at + j] as number;
  }
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
