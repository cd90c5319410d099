/**
 * @module The plain baseline for the reuse benchmark: datasketch's MinHash + MinHashLSH, reimplemented as written.
 *
 * - Shingles: word 3-grams of the lower-cased text split on non-alphanumerics (the usual datasketch recipe for
 *   documents: `set(' '.join(t) for t in ngrams(words, 3))`, each `.encode('utf8')`), de-duplicated into a set.
 * - MinHash (datasketch `MinHash`, num_perm 128): each shingle hashed by `sha1_hash32` (the first 4 bytes of SHA-1,
 *   little-endian), then permuted by `(a·h + b) mod (2^61 − 1)` masked to 32 bits, keeping the minimum per
 *   permutation. numpy computes `a·h + b` in uint64 and wraps; we reproduce that exactly with 32-bit limbs (no
 *   BigInt). a and b come from our seeded PRNG instead of numpy's `RandomState(1)`, same ranges.
 * - MinHashLSH: b bands of r rows chosen by datasketch's `_optimal_param(threshold, num_perm, 0.5, 0.5)` (the
 *   weighted false-positive and false-negative areas under the S-curve, by its midpoint-rule `_integration` with
 *   step 0.001); a band's key is its r hash values; one in-memory hash table per band.
 * - Each document is queried before it is inserted (the incremental use); candidates are kept when the estimated
 *   Jaccard (equal hash values / num_perm) reaches the threshold.
 */
import { hash } from 'node:crypto';
import { rng } from '../corpus.js';
import type { ReuseDoc } from './generate.js';

export const NUM_PERM = 128;
const MAX_HASH = 0xffffffff;
const TWO32 = 4294967296;

export interface BaselinePair {
  a: string;
  b: string;
  score: number;
}

/** datasketch `_integration`: the midpoint rule, step 0.001 (what it uses when scipy is absent). */
function integrate(f: (s: number) => number, a: number, b: number): number {
  const p = 0.001;
  let area = 0;
  for (let x = a; x < b; x += p) area += f(x + 0.5 * p) * p;
  return area;
}

/** datasketch `_optimal_param`: (bands, rows) minimising the weighted false positive and false negative areas. */
export function optimalParam(threshold: number, numPerm: number, fpWeight = 0.5, fnWeight = 0.5): [number, number] {
  let minError = Number.POSITIVE_INFINITY;
  let opt: [number, number] = [0, 0];
  for (let b = 1; b <= numPerm; b++) {
    const maxR = Math.floor(numPerm / b);
    for (let r = 1; r <= maxR; r++) {
      const fp = integrate((s) => 1 - (1 - s ** r) ** b, 0, threshold);
      const fn = integrate((s) => 1 - (1 - (1 - s ** r) ** b), threshold, 1);
      const error = fp * fpWeight + fn * fnWeight;
      if (error < minError) {
        minError = error;
        opt = [b, r];
      }
    }
  }
  return opt;
}

/** Word 3-shingles, as a set. */
export function shingles(text: string, k = 3): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  // datasketch users pass short texts whole; a text shorter than k words is one shingle.
  if (words.length > 0 && words.length < k) out.add(words.join(' '));
  return out;
}

/** `sha1_hash32`: the first four bytes of SHA-1, little-endian. */
export function sha1Hash32(s: string): number {
  return hash('sha1', s, 'buffer').readUInt32LE(0);
}

/** The permutations, split into the limbs the 64-bit arithmetic below needs. */
export class Permutations {
  readonly aHi: Uint32Array;
  readonly aLo1: Uint32Array;
  readonly aLo0: Uint32Array;
  readonly bHi: Uint32Array;
  readonly bLo: Uint32Array;

  constructor(
    readonly numPerm = NUM_PERM,
    seed = 1,
  ) {
    const r = rng(seed);
    const u32 = () => Math.floor(r() * TWO32) >>> 0;
    this.aHi = new Uint32Array(numPerm);
    this.aLo1 = new Uint32Array(numPerm);
    this.aLo0 = new Uint32Array(numPerm);
    this.bHi = new Uint32Array(numPerm);
    this.bLo = new Uint32Array(numPerm);
    for (let i = 0; i < numPerm; i++) {
      // a in [1, 2^61 − 1), b in [0, 2^61 − 1): 29 high bits and 32 low bits each.
      const aHi = u32() & 0x1fffffff;
      let aLo = u32();
      if (aHi === 0x1fffffff && aLo === MAX_HASH) aLo--;
      if (aHi === 0 && aLo === 0) aLo = 1;
      let bHi = u32() & 0x1fffffff;
      const bLo = u32();
      if (bHi === 0x1fffffff && bLo === MAX_HASH) bHi--;
      this.aHi[i] = aHi;
      this.aLo1[i] = aLo >>> 16;
      this.aLo0[i] = aLo & 0xffff;
      this.bHi[i] = bHi;
      this.bLo[i] = bLo;
    }
  }

  /** The permutation parameters as BigInt, for checking the limb arithmetic. */
  params(i: number): { a: bigint; b: bigint } {
    const aLo = this.aLo1[i]! * 65536 + this.aLo0[i]!;
    return {
      a: (BigInt(this.aHi[i]!) << 32n) | BigInt(aLo),
      b: (BigInt(this.bHi[i]!) << 32n) | BigInt(this.bLo[i]!),
    };
  }
}

/**
 * Folds one 32-bit shingle hash into the signature: `((a·h + b) mod 2^64) mod (2^61 − 1) & 0xffffffff` per
 * permutation, exactly as numpy's uint64 arithmetic gives it, with 16- and 32-bit limbs that stay exact in doubles.
 */
export function updateSignature(sig: Uint32Array, h: number, p: Permutations): void {
  const { numPerm: n, aHi, aLo1, aLo0, bHi, bLo } = p;
  const h1 = h >>> 16;
  const h0 = h & 0xffff;
  for (let i = 0; i < n; i++) {
    // aLo·h from four 16×16-bit products (each < 2^32, exact); mid < 2^33
    const a1 = aLo1[i]!;
    const a0 = aLo0[i]!;
    const mid = a0 * h1 + a1 * h0;
    const lo0 = a0 * h0 + (mid & 0xffff) * 65536 + bLo[i]!;
    // lo < 3·2^32: its carry is 0, 1 or 2
    const c = (lo0 / TWO32) >>> 0;
    const lo = lo0 - c * TWO32;
    let hi = a1 * h1 + ((mid / 65536) >>> 0) + c;
    // + aHi·h·2^32 + bHi·2^32, wrapped to 64 bits as numpy's uint64 does
    hi = (hi + Math.imul(aHi[i]!, h) + bHi[i]!) >>> 0;
    // x mod (2^61 − 1) = (x >> 61) + (x & (2^61 − 1)), then at most one subtraction
    let rLo = lo + (hi >>> 29);
    let rHi = hi & 0x1fffffff;
    if (rLo >= TWO32) {
      rLo -= TWO32;
      rHi++;
    }
    if (rHi > 0x1fffffff || (rHi === 0x1fffffff && rLo === MAX_HASH)) rLo = rLo === MAX_HASH ? 0 : rLo + 1;
    if (rLo < sig[i]!) sig[i] = rLo;
  }
}

export function minhash(set: Iterable<string>, p: Permutations): Uint32Array {
  const sig = new Uint32Array(p.numPerm).fill(MAX_HASH);
  for (const s of set) updateSignature(sig, sha1Hash32(s), p);
  return sig;
}

export function estimatedJaccard(x: Uint32Array, y: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) equal++;
  return equal / x.length;
}

export const docText = (d: ReuseDoc) => `${d.title}\n\n${d.body.join('\n\n')}`;

/** datasketch's MinHashLSH over MinHash signatures, with every document kept in memory. */
export class BaselineIndex {
  readonly bands: number;
  readonly rows: number;
  private readonly perms: Permutations;
  private readonly tables: Map<string, number[]>[];
  private readonly ids: string[] = [];
  private readonly sigs: Uint32Array[] = [];
  private readonly found: BaselinePair[] = [];

  constructor(readonly threshold = 0.5) {
    [this.bands, this.rows] = optimalParam(threshold, NUM_PERM);
    this.perms = new Permutations(NUM_PERM);
    this.tables = Array.from({ length: this.bands }, () => new Map());
  }

  private keys(sig: Uint32Array): string[] {
    const out: string[] = [];
    for (let b = 0; b < this.bands; b++) {
      let key = '';
      for (let r = b * this.rows; r < (b + 1) * this.rows; r++) {
        const v = sig[r]!;
        key += String.fromCharCode(v >>> 16, v & 0xffff);
      }
      out.push(key);
    }
    return out;
  }

  private candidates(sig: Uint32Array, keys: string[]): { i: number; score: number }[] {
    const seen = new Set<number>();
    for (let b = 0; b < this.bands; b++) for (const i of this.tables[b]!.get(keys[b]!) ?? []) seen.add(i);
    const out: { i: number; score: number }[] = [];
    for (const i of seen) {
      const score = estimatedJaccard(sig, this.sigs[i]!);
      if (score >= this.threshold) out.push({ i, score });
    }
    return out;
  }

  /** Query, then insert; the verified candidates become pairs. */
  add(id: string, text: string): void {
    const sig = minhash(shingles(text), this.perms);
    const keys = this.keys(sig);
    for (const { i, score } of this.candidates(sig, keys)) this.found.push({ a: this.ids[i]!, b: id, score });
    const n = this.ids.length;
    this.ids.push(id);
    this.sigs.push(sig);
    for (let b = 0; b < this.bands; b++) {
      const table = this.tables[b]!;
      const bucket = table.get(keys[b]!);
      if (bucket) bucket.push(n);
      else table.set(keys[b]!, [n]);
    }
  }

  query(text: string): { id: string; score: number }[] {
    const sig = minhash(shingles(text), this.perms);
    return this.candidates(sig, this.keys(sig)).map(({ i, score }) => ({ id: this.ids[i]!, score }));
  }

  pairs(): BaselinePair[] {
    return this.found;
  }
}
