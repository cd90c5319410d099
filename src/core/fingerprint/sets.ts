/**
 * @module The sets each view hashes: word shingles (what verbatim copies and light edits share), content terms (what
 * rewrites keep), anchors (names and numbers: what spinners and translators keep) and content-defined passages
 * (so that a reused part of a text is found whatever surrounds it).
 */
import { ANCHOR, type Analysis, FUNCTION, QUOTED } from './analyze.js';
import { combine } from './hash.js';

/** Sorted and de-duplicated copy. */
export function uniqueSorted(values: Uint32Array | number[]): Uint32Array {
  // The constructor, not `from`: `from` walks an iterator.
  const a = sortUint32(new Uint32Array(values));
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i] as number;
  return a.slice(0, n);
}

let radixScratch = new Uint32Array(1024);
const radixCounts = new Uint32Array(256);

/**
 * Sorts in place, ascending (what `Uint32Array.prototype.sort` gives), and returns the array: insertion sort for a few
 * values, else a radix sort by bytes, several times faster than the built-in sort for the hundreds of hashes of a text.
 */
export function sortUint32(a: Uint32Array): Uint32Array {
  const n = a.length;
  if (n <= 48) {
    for (let i = 1; i < n; i++) {
      const v = a[i] as number;
      let j = i - 1;
      while (j >= 0 && (a[j] as number) > v) {
        a[j + 1] = a[j] as number;
        j--;
      }
      a[j + 1] = v;
    }
    return a;
  }
  if (radixScratch.length < n) radixScratch = new Uint32Array(Math.max(n, 2 * radixScratch.length));
  let from: Uint32Array = a;
  let to: Uint32Array = radixScratch;
  const counts = radixCounts;
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const b = ((from[i] as number) >>> shift) & 255;
      counts[b] = (counts[b] as number) + 1;
    }
    // A byte that every value shares moves nothing.
    if (counts[((from[0] as number) >>> shift) & 255] === n) continue;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = from[i] as number;
      const b = (v >>> shift) & 255;
      const at = counts[b] as number;
      to[at] = v;
      counts[b] = at + 1;
    }
    const t = from;
    from = to;
    to = t;
  }
  if (from !== a) a.set(from.subarray(0, n));
  return a;
}

/** Hashes of every run of `k` words in [from, to); with `skipQuoted`, runs touching a quotation are left out. */
export function wordShingles(a: Analysis, k = 3, from = 0, to = a.hashes.length, skipQuoted = false): Uint32Array {
  return uniqueSorted(wordShingleHashes(a, k, from, to, skipQuoted));
}

/** `wordShingles` unsorted, with repeats: enough for MinHash, which ignores both. */
export function wordShingleHashes(a: Analysis, k = 3, from = 0, to = a.hashes.length, skipQuoted = false): number[] {
  const out: number[] = [];
  for (let i = from; i + k <= to; i++) {
    if (skipQuoted) {
      let q = false;
      for (let j = i; j < i + k; j++) if ((a.flags[j] as number) & QUOTED) q = true;
      if (q) continue;
    }
    let h = a.hashes[i] as number;
    for (let j = i + 1; j < i + k; j++) h = combine(h, a.hashes[j] as number);
    out.push(h);
  }
  return out;
}

/** Stems of the content words. */
export function termSet(a: Analysis): Uint32Array {
  return uniqueSorted(termHashes(a));
}

export function termHashes(a: Analysis): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.flags.length; i++) {
    if ((a.flags[i] as number) & FUNCTION) continue;
    out.push(a.termStems[i] as number);
  }
  return out;
}

/** Names and numbers, alone and as pairs in the order the text gives them. */
export function anchorSet(a: Analysis): Uint32Array {
  return uniqueSorted(anchorHashes(a));
}

export function anchorHashes(a: Analysis): number[] {
  const out: number[] = [];
  let previous = -1;
  for (let i = 0; i < a.flags.length; i++) {
    if (!((a.flags[i] as number) & ANCHOR)) continue;
    const h = a.anchorStems[i] as number;
    out.push(h);
    if (previous >= 0 && previous !== h) out.push(combine(previous, h));
    previous = h;
  }
  return out;
}

/**
 * Word ranges of passages of a few sentences, cut where a sentence's own hash says so (content-defined chunking):
 * a copied run of sentences is cut at the same places in the copy as in the source, whatever precedes it.
 */
export function passages(a: Analysis, minWords = 25, maxWords = 120): [number, number][] {
  const out: [number, number][] = [];
  const s = a.sentences;
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    const end = s[i] as number;
    const start = s[i - 1] as number;
    const length = end - from;
    let h = 0;
    for (let j = start; j < Math.min(end, start + 6); j++) h = combine(h, a.hashes[j] as number);
    if ((length >= minWords && h % 3 === 0) || length >= maxWords || i === s.length - 1) {
      if (length >= 8) out.push([from, end]);
      else if (out.length) (out[out.length - 1] as [number, number])[1] = end;
      from = end;
    }
  }
  return out;
}
