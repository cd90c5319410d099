/**
 * @module LSH buckets in typed arrays: the band keys of many fingerprints, and for a new one the articles that share
 * enough of its keys to be candidates (`isCandidate`), without a Map entry or an array per key.
 */
import { isCandidate, LAYOUT, nominatesAlone, VIEW_ID, viewIdOfKey } from './fingerprint.js';

/**
 * Candidate handles from the keys each shares with an article, most shared first, at most `limit`: what
 * `LshIndex.candidates` gives for the same buckets, crowded keys (`CROWDED_BUCKET`) included.
 */
export function candidatesOf(shared: Map<number, number[]>, limit: number, crowdedBucket = CROWDED_BUCKET): number[] {
  // A key's bucket, as far as the map tells: the other articles that share it.
  const sharing = new Map<number, number>();
  for (const keys of shared.values()) for (const k of keys) sharing.set(k, (sharing.get(k) ?? 0) + 1);
  const crowded = (k: number) => !nominatesAlone(k) && (sharing.get(k) as number) > crowdedBucket;
  return [...shared]
    .filter(([, keys]) => keys.some((k) => !crowded(k)) && isCandidate(keys))
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0])
    .slice(0, limit)
    .map(([handle]) => handle);
}

// Per-candidate hit counts, packed in one uint32 while a query runs.
const TOTAL = 1;
const TERM_HIT = 1 << 8;
const ANCHOR_HIT = 1 << 14;
const SENTENCE_HIT = 1 << 20;
const STRONG = 0x80000000;
// A bucket of more than one article: blocks of postings, each twice the last up to MAX_BLOCK, so that a large
// (boilerplate) bucket is read from a few runs of memory rather than one cache miss per posting.
const BLOCK_HEAD = 3;
const FIRST_BLOCK = 2;
const MAX_BLOCK = 1024;
/**
 * A key more articles share than this (two common names together, a stock sentence) is weak evidence of anything
 * between two of them: its hit counts only for articles that another, rarer key made candidates already, so that it
 * does not nominate thousands for verification. Keys that make a candidate on their own (the exact text, a passage)
 * are never crowded: ten thousand copies of one wire text are all found. At 1M generated documents the anchors view's
 * buckets of two common names made most of the ~20,000 postings a query read, and most of the candidates verified
 * and found unrelated.
 */
export const CROWDED_BUCKET = 500;
/** More keys than the packed total counts (a fingerprint has at most 245): such a query takes the Map path. */
const MAX_QUERY_KEYS = 255;

/** What one shared key of each view adds to a candidate's packed counts (`isCandidate`'s rules). */
function increment(key: number): number {
  switch (viewIdOfKey(key)) {
    case VIEW_ID.terms:
      return TOTAL + TERM_HIT;
    case VIEW_ID.anchors:
      return TOTAL + ANCHOR_HIT;
    case VIEW_ID.sentence:
      return TOTAL + SENTENCE_HIT;
    case 0:
      return TOTAL;
    default:
      return TOTAL + STRONG;
  }
}

function packedIsCandidate(v: number): boolean {
  return (
    v >= STRONG ||
    ((v >>> 8) & 63) >= LAYOUT.terms.minHits ||
    ((v >>> 14) & 63) >= LAYOUT.anchors.minHits ||
    ((v >>> 20) & 63) >= LAYOUT.sentence.minHits
  );
}

/**
 * LSH buckets: keys (below 2^48) to the handles of the articles filed under them, in typed arrays. Open addressing
 * over the keys, each slot three int32s side by side (low and high bits of the key, head) so that a probe reads one
 * cache line; a bucket of one article (most of them) lives in its slot, a larger one in blocks of postings. About 15
 * bytes a key and 4 to 8 a posting, against ~100 for a Map entry holding an array.
 */
export class LshIndex {
  /** Postings past which a key is crowded (`CROWDED_BUCKET`). */
  readonly crowdedBucket: number;
  /** lo, hi, head per slot; head 0: empty, > 0: the one handle + 1, < 0: -(newest block + 1). */
  #slots = new Int32Array(3 << 12);
  #mask = (1 << 12) - 1;
  #keys = 0;
  /** Blocks of postings: next block (or -1), count, capacity, then the handles. */
  #blocks = new Int32Array(1 << 12);
  #blocksUsed = 0;
  /** Query scratch: packed counts per handle (zero between queries), the handles touched, the keys' slots. */
  #counts = new Uint32Array(1 << 10);
  #touched = new Int32Array(1 << 10);
  #order = new Float64Array(1 << 10);
  #found = new Int32Array(MAX_QUERY_KEYS);
  /** Query scratch: a bit per handle touched by an uncrowded key (zero between queries), and the crowded keys. */
  #seen = new Int32Array(1 << 5);
  #crowded = new Int32Array(MAX_QUERY_KEYS);
  /** Where the prefetching loop's result goes, so that the loop is not optimised away. */
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: written (never read) so that the loop is kept.
  #sink = 0;

  constructor(options: { crowdedBucket?: number } = {}) {
    this.crowdedBucket = options.crowdedBucket ?? CROWDED_BUCKET;
  }

  /** Distinct keys held. */
  get keys(): number {
    return this.#keys;
  }

  /** Bytes held by the arrays. */
  get bytes(): number {
    return (
      this.#slots.byteLength +
      this.#blocks.byteLength +
      this.#counts.byteLength +
      this.#touched.byteLength +
      this.#order.byteLength
    );
  }

  /** Files the handle under each key (keys of one article are distinct). */
  add(keys: readonly number[], handle: number): void {
    this.#reserve(keys.length, handle);
    for (let i = 0; i < keys.length; i++) this.#file(this.#find(keys[i] as number), keys[i] as number, handle);
  }

  /**
   * The handles that share enough keys with these to be candidates (`isCandidate`), most shared keys first (then
   * lowest handle), at most `limit`; `self` is left out.
   */
  candidates(keys: readonly number[], self: number, limit: number): number[] {
    if (keys.length > MAX_QUERY_KEYS) return candidatesOf(this.shared(keys, self), limit, this.crowdedBucket);
    return this.#query(keys, self, limit);
  }

  /** `candidates` of a new article, then `add` it: one probe per key for both. */
  addAndFind(keys: readonly number[], handle: number, limit: number): number[] {
    if (keys.length > MAX_QUERY_KEYS) {
      const out = this.candidates(keys, handle, limit);
      this.add(keys, handle);
      return out;
    }
    // Room first, so that no rehash moves the slots the query finds.
    this.#reserve(keys.length, handle);
    const out = this.#query(keys, handle, limit);
    const found = this.#found;
    const slots = this.#slots;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      let slot = found[i] as number;
      // Two new keys may have found the same empty slot: the second looks again.
      if (slots[slot + 2] !== 0 && (slots[slot] !== (key | 0) || slots[slot + 1] !== Math.floor(key / 2 ** 32)))
        slot = this.#find(key);
      this.#file(slot, key, handle);
    }
    return out;
  }

  #query(keys: readonly number[], self: number, limit: number): number[] {
    const slots = this.#slots;
    const counts = this.#counts;
    const found = this.#found;
    const seen = this.#seen;
    const crowded = this.#crowded;
    let nCrowded = 0;
    let touched = this.#touched;
    let nTouched = 0;
    // Touch every key's first slot before probing: independent loads, whose cache misses the CPU overlaps.
    const mask = this.#mask;
    let touch = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      touch ^= slots[3 * (((key | 0) ^ Math.imul(Math.floor(key / 2 ** 32), 0x9e3779b1)) & mask)] as number;
    }
    this.#sink = touch;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      const slot = this.#find(key);
      found[i] = slot;
      const head = slots[slot + 2] as number;
      if (head === 0) continue;
      const inc = increment(key);
      const strong = inc >= STRONG ? STRONG : 0;
      const add = inc - strong;
      if (head > 0) {
        const h = head - 1;
        if (h !== self) {
          const v = counts[h] as number;
          if (v === 0) {
            if (nTouched === touched.length) touched = this.#growTouched();
            touched[nTouched++] = h;
            seen[h >>> 5] = (seen[h >>> 5] as number) | (1 << (h & 31));
          }
          counts[h] = (v + add) | strong;
        }
        continue;
      }
      const blocks = this.#blocks;
      if (!strong && this.#sizeOf(head) > this.crowdedBucket) {
        crowded[nCrowded++] = i;
        continue;
      }
      for (let b = -head - 1; b >= 0; b = blocks[b] as number) {
        const end = b + BLOCK_HEAD + (blocks[b + 1] as number);
        for (let j = b + BLOCK_HEAD; j < end; j++) {
          const h = blocks[j] as number;
          if (h === self) continue;
          const v = counts[h] as number;
          if (v === 0) {
            if (nTouched === touched.length) touched = this.#growTouched();
            touched[nTouched++] = h;
            seen[h >>> 5] = (seen[h >>> 5] as number) | (1 << (h & 31));
          }
          counts[h] = (v + add) | strong;
        }
      }
    }
    // A crowded key adds its hit only to articles another key made candidates already (see `CROWDED_BUCKET`); the bit
    // set of those is small enough to stay in cache, where the counts are not.
    const blocks = this.#blocks;
    for (let c = 0; c < nCrowded; c++) {
      const i = crowded[c] as number;
      const add = increment(keys[i] as number);
      for (let b = -(slots[(found[i] as number) + 2] as number) - 1; b >= 0; b = blocks[b] as number) {
        const end = b + BLOCK_HEAD + (blocks[b + 1] as number);
        for (let j = b + BLOCK_HEAD; j < end; j++) {
          const h = blocks[j] as number;
          if (((seen[h >>> 5] as number) & (1 << (h & 31))) === 0 || h === self) continue;
          counts[h] = (counts[h] as number) + add;
        }
      }
    }
    if (this.#order.length < nTouched) this.#order = new Float64Array(Math.max(nTouched, this.#order.length * 2));
    const order = this.#order;
    let n = 0;
    for (let i = 0; i < nTouched; i++) {
      const h = touched[i] as number;
      const v = counts[h] as number;
      counts[h] = 0;
      seen[h >>> 5] = 0;
      // Most keys first, then lowest handle: one number sorts both ways.
      if (packedIsCandidate(v)) order[n++] = (255 - (v & 255)) * 2 ** 32 + h;
    }
    const sorted = order.subarray(0, n).sort();
    const out = new Array<number>(Math.min(n, limit));
    for (let i = 0; i < out.length; i++) out[i] = (sorted[i] as number) >>> 0;
    return out;
  }

  /** Keys shared with each other handle (the form `sharedKeys` gives). */
  shared(keys: readonly number[], self: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const key of keys) {
      const head = this.#slots[this.#find(key) + 2] as number;
      if (head === 0) continue;
      const handles: number[] = [];
      if (head > 0) handles.push(head - 1);
      else {
        const blocks = this.#blocks;
        for (let b = -head - 1; b >= 0; b = blocks[b] as number) {
          for (let j = 0; j < (blocks[b + 1] as number); j++) handles.push(blocks[b + BLOCK_HEAD + j] as number);
        }
      }
      for (const other of handles) {
        if (other === self) continue;
        const hit = out.get(other);
        if (hit) hit.push(key);
        else out.set(other, [key]);
      }
    }
    return out;
  }

  /** The key's slot (index of its first int32), or the empty slot where it would go. */
  #find(key: number): number {
    // The low 32 bits as an int32 (ToInt32 wraps; `%` on a double would call fmod).
    const lo = key | 0;
    const hi = Math.floor(key / 2 ** 32);
    const slots = this.#slots;
    const mask = this.#mask;
    // Keys are hashes already in their low bits; the high bits (view and band) are folded in for the few that are not.
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const s = 3 * i;
      if (slots[s + 2] === 0 || (slots[s] === lo && slots[s + 1] === hi)) return s;
      i = (i + 1) & mask;
    }
  }

  #file(slot: number, key: number, handle: number): void {
    const slots = this.#slots;
    const head = slots[slot + 2] as number;
    if (head === 0) {
      slots[slot] = key | 0;
      slots[slot + 1] = Math.floor(key / 2 ** 32);
      slots[slot + 2] = handle + 1;
      this.#keys++;
    } else if (head > 0) {
      const b = this.#block(-1, FIRST_BLOCK);
      this.#blocks[b + 1] = 2;
      this.#blocks[b + BLOCK_HEAD] = head - 1;
      this.#blocks[b + BLOCK_HEAD + 1] = handle;
      slots[slot + 2] = -(b + 1);
    } else {
      let b = -head - 1;
      const count = this.#blocks[b + 1] as number;
      const capacity = this.#blocks[b + 2] as number;
      if (count === capacity) {
        // A full block: a new one, twice the size, in front (the order of a bucket's handles does not matter).
        b = this.#block(b, Math.min(2 * capacity, MAX_BLOCK));
        slots[slot + 2] = -(b + 1);
      }
      const blocks = this.#blocks;
      const at = blocks[b + 1] as number;
      blocks[b + BLOCK_HEAD + at] = handle;
      blocks[b + 1] = at + 1;
    }
  }

  /** Room for this many new keys (load at most 0.8) and for the handle's counts. */
  #reserve(keys: number, handle: number): void {
    if (handle >= this.#counts.length) {
      const counts = new Uint32Array(Math.max(handle + 1, this.#counts.length * 2));
      counts.set(this.#counts);
      this.#counts = counts;
      // Bits are zero between queries: a larger array starts empty.
      this.#seen = new Int32Array((counts.length >>> 5) + 1);
    }
    let size = this.#mask + 1;
    while (5 * (this.#keys + keys) > 4 * size) size *= 2;
    if (size > this.#mask + 1) this.#rehash(size);
  }

  /** Postings of a bucket held in blocks (`head` < 0): the newest block's count, the older ones are full. */
  #sizeOf(head: number): number {
    const blocks = this.#blocks;
    let b = -head - 1;
    let size = blocks[b + 1] as number;
    for (b = blocks[b] as number; b >= 0; b = blocks[b] as number) size += blocks[b + 2] as number;
    return size;
  }

  /** A new empty block of postings in front of `next`. */
  #block(next: number, capacity: number): number {
    const size = BLOCK_HEAD + capacity;
    if (this.#blocksUsed + size > this.#blocks.length) {
      const blocks = new Int32Array(Math.max(2 * this.#blocks.length, this.#blocksUsed + size));
      blocks.set(this.#blocks);
      this.#blocks = blocks;
    }
    const b = this.#blocksUsed;
    this.#blocksUsed += size;
    this.#blocks[b] = next;
    this.#blocks[b + 1] = 0;
    this.#blocks[b + 2] = capacity;
    return b;
  }

  #rehash(size: number): void {
    const old = this.#slots;
    const slots = new Int32Array(3 * size);
    const mask = size - 1;
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 2] === 0) continue;
      const lo = old[s] as number;
      const hi = old[s + 1] as number;
      let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
      while (slots[3 * i + 2] !== 0) i = (i + 1) & mask;
      slots[3 * i] = lo;
      slots[3 * i + 1] = hi;
      slots[3 * i + 2] = old[s + 2] as number;
    }
    this.#slots = slots;
    this.#mask = mask;
  }

  #growTouched(): Int32Array<ArrayBuffer> {
    const touched = new Int32Array(this.#touched.length * 2);
    touched.set(this.#touched);
    this.#touched = touched;
    return touched;
  }
}
