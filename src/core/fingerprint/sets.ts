/**
 * @module The sets each view hashes: word shingles (what verbatim copies and light edits share), content terms (what
 * rewrites keep), anchors (names and numbers: what spinners and translators keep) and content-defined passages
 * (so that a reused part of a text is found whatever surrounds it).
 */
import { ANCHOR, type Analysis, FUNCTION, QUOTED } from './analyze.js';
import { combine } from './hash.js';

/** Sorted and de-duplicated copy. */
export function uniqueSorted(values: Uint32Array | number[]): Uint32Array {
  const a = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[n++] = a[i] as number;
  return a.slice(0, n);
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
