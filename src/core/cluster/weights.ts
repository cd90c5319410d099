/**
 * @module A story's summed feature weights: a hash table keyed by feature (hashed by its number) in typed arrays,
 * with, beside each weight, the story's place in the feature's postings, so a story leaves a postings list without
 * searching it. Entries iterate in insertion order, as a Map's do: sums over a story's weights must add in the same
 * order to give the same bits, and so the same decisions.
 */

export interface Numbered {
  /** Distinct per key. */
  readonly id: number;
}

const NONE = -1;

export class WeightTable<K extends Numbered> {
  /** Entries in insertion order (null: deleted), `used` of them written. */
  keys: (K | null)[] = [];
  weights: Float64Array;
  /** Per entry, its place in the key's postings (kept by the owner). */
  places: Int32Array;
  used = 0;
  size = 0;
  private next: Int32Array;
  private buckets: Int32Array;
  private shift: number;

  constructor(capacity = 16) {
    let c = 16;
    while (c < capacity) c *= 2;
    this.weights = new Float64Array(c);
    this.places = new Int32Array(c);
    this.next = new Int32Array(c);
    this.buckets = new Int32Array(c * 2).fill(NONE);
    this.shift = 32 - Math.log2(c * 2);
  }

  private bucket(k: K): number {
    return Math.imul(k.id, 0x9e3779b1) >>> this.shift;
  }

  /** The entry of `k`, or -1. */
  find(k: K): number {
    let e = this.buckets[this.bucket(k)]!;
    while (e !== NONE && this.keys[e] !== k) e = this.next[e]!;
    return e;
  }

  /** Appends an entry for `k` (which must not be in the table) and returns it. */
  append(k: K, w: number): number {
    if (this.used === this.weights.length) this.rebuild(this.size * 2 > this.used ? this.used * 2 : this.used);
    const e = this.used++;
    this.keys[e] = k;
    this.weights[e] = w;
    this.places[e] = 0;
    const b = this.bucket(k);
    this.next[e] = this.buckets[b]!;
    this.buckets[b] = e;
    this.size++;
    return e;
  }

  /** Sets the weight of `k`, appending an entry if it has none (a Map's `set`); returns its entry. */
  set(k: K, w: number): number {
    const e = this.find(k);
    if (e === NONE) return this.append(k, w);
    this.weights[e] = w;
    return e;
  }

  remove(e: number): void {
    const k = this.keys[e]!;
    const b = this.bucket(k);
    let x = this.buckets[b]!;
    if (x === e) this.buckets[b] = this.next[e]!;
    else {
      while (this.next[x] !== e) x = this.next[x]!;
      this.next[x] = this.next[e]!;
    }
    this.keys[e] = null;
    this.size--;
  }

  /** Compacts the live entries, in order, into tables of `capacity`; entry numbers change. */
  private rebuild(capacity: number): void {
    const keys: (K | null)[] = [];
    const weights = new Float64Array(capacity);
    const places = new Int32Array(capacity);
    let n = 0;
    for (let e = 0; e < this.used; e++) {
      const k = this.keys[e]!;
      if (k === null) continue;
      keys.push(k);
      weights[n] = this.weights[e]!;
      places[n] = this.places[e]!;
      n++;
    }
    this.keys = keys;
    this.weights = weights;
    this.places = places;
    this.next = new Int32Array(capacity);
    this.buckets = new Int32Array(capacity * 2).fill(NONE);
    this.shift = 32 - Math.log2(capacity * 2);
    this.used = n;
    for (let e = 0; e < n; e++) {
      const b = this.bucket(keys[e]!);
      this.next[e] = this.buckets[b]!;
      this.buckets[b] = e;
    }
  }
}
