/**
 * @module The exact comparison of a candidate pair: shingle overlap and containment both ways, which sentences are
 * carried verbatim, what is shared only inside quotations, and an alignment of sentences by meaning (stems,
 * synonyms, names and numbers) that survives spinning and translation into the same language.
 */

import { type DiffOp, wordDiff } from '../align/diff.js';
import { ANCHOR, type Analysis, FUNCTION, QUOTED } from '../fingerprint/analyze.js';
import { combine, hashString } from '../fingerprint/hash.js';
import { sortUint32, uniqueSorted } from '../fingerprint/sets.js';
import { stem } from '../fingerprint/words.js';
import type { Evidence, SynonymLookup } from './types.js';

/**
 * A synonym lookup that also gives each word's senses (sorted ids; none for a word it does not know): two words are
 * synonyms when they differ and share a sense. With the senses, a comparison rules out most word pairs with a mask
 * test instead of a lookup. `loadSynonyms` returns one.
 */
export interface SenseSynonyms extends SynonymLookup {
  senses(word: string): Int32Array;
}

function hasSenses(s: SynonymLookup): s is SenseSynonyms {
  return typeof (s as Partial<SenseSynonyms>).senses === 'function';
}

export interface Side {
  analysis: Analysis;
  language: string | null;
}

/** Count of values in both sorted unique arrays. */
export function intersectSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const inter = intersectSorted(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

function has(sorted: Uint32Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = sorted[mid] as number;
    if (m === v) return true;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Share of the words of `a` that sit in sentences whose shingles are (nearly) all in `other`. */
function verbatimShare(a: Analysis, other: Uint32Array): { verbatim: number; mixed: number } {
  const { sentenceShingles, sentenceEnds } = derived(a);
  const s = a.sentences;
  let verbatim = 0;
  let mixed = 0;
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    const to = sentenceEnds[i - 1] as number;
    const count = to - from;
    if (count >= 2) {
      let found = 0;
      for (let j = from; j < to; j++) if (has(other, sentenceShingles[j] as number)) found++;
      const share = found / count;
      const words = (s[i] as number) - (s[i - 1] as number);
      if (share >= 0.6) verbatim += words;
      else if (share >= 0.15) mixed += words;
    }
    from = to;
  }
  const n = a.words.length || 1;
  return { verbatim: verbatim / n, mixed: mixed / n };
}

/** What comparisons read of an article, computed once per analysis: candidates recur across many pairs. */
interface Derived {
  shingles: Uint32Array;
  shinglesOutsideQuotes: Uint32Array;
  /**
   * Per sentence, its shingles outside quotations (two reports quoting one speaker have not copied each other), sorted
   * and unique: sentence i's at [sentenceEnds[i - 1] (0 for the first), sentenceEnds[i]).
   */
  sentenceShingles: Uint32Array;
  sentenceEnds: Uint32Array;
  terms: Uint32Array;
  anchors: Uint32Array;
  /** Built on first use: only pairs that need meaning alignment read them. */
  bags: SentenceBag[] | null;
  slips: number;
  foreignRun: boolean;
}

const cache = new WeakMap<Analysis, Derived>();

/** Sorts a[from, to) and moves its distinct values to its start; returns their count. */
function sortUniqueRange(a: Uint32Array, from: number, to: number): number {
  sortUint32(a.subarray(from, to));
  let n = from;
  for (let i = from; i < to; i++) if (i === from || a[i] !== a[i - 1]) a[n++] = a[i] as number;
  return n - from;
}

/** Sorted unique values of src[0, n), in a new array (src is sorted in place). */
function sortedUnique(src: Uint32Array, n: number): Uint32Array {
  return src.slice(0, sortUniqueRange(src, 0, n));
}

// Scratch for the sets of one analysis (grown as needed).
let shingleScratch = new Uint32Array(1024);
let outsideScratch = new Uint32Array(1024);
let quotedScratch = new Uint8Array(1024);
let setScratch = new Uint32Array(2048);

function derived(a: Analysis): Derived {
  let d = cache.get(a);
  if (!d) {
    // Every word 3-shingle once (what `wordShingles` gives for the whole text, outside quotations and per sentence).
    const { hashes, flags, sentences } = a;
    const n = hashes.length;
    const m = Math.max(0, n - 2);
    if (shingleScratch.length < m) {
      shingleScratch = new Uint32Array(2 * m);
      outsideScratch = new Uint32Array(2 * m);
      quotedScratch = new Uint8Array(2 * m);
    }
    const all = shingleScratch;
    const outside = outsideScratch;
    const quoted = quotedScratch;
    let nOutside = 0;
    for (let i = 0; i < m; i++) {
      const h = combine(combine(hashes[i] as number, hashes[i + 1] as number), hashes[i + 2] as number);
      all[i] = h;
      const q = ((flags[i] as number) | (flags[i + 1] as number) | (flags[i + 2] as number)) & QUOTED;
      quoted[i] = q;
      if (!q) outside[nOutside++] = h;
    }
    // Each sentence's shingles outside quotations: a sentence [from, to) has those starting in [from, to - 3].
    const sentenceShingles = new Uint32Array(nOutside);
    const sentenceEnds = new Uint32Array(Math.max(0, sentences.length - 1));
    let at = 0;
    for (let k = 1; k < sentences.length; k++) {
      const from = sentences[k - 1] as number;
      const to = sentences[k] as number;
      const start = at;
      for (let i = from; i + 3 <= to; i++) if (!quoted[i]) sentenceShingles[at++] = all[i] as number;
      at = start + sortUniqueRange(sentenceShingles, start, at);
      sentenceEnds[k - 1] = at;
    }
    // Content-word stems (`termHashes`) and names and numbers alone and in pairs (`anchorHashes`).
    if (setScratch.length < 2 * n) setScratch = new Uint32Array(4 * n);
    const set = setScratch;
    let nTerms = 0;
    for (let i = 0; i < n; i++) if (!((flags[i] as number) & FUNCTION)) set[nTerms++] = a.termStems[i] as number;
    const terms = sortedUnique(set, nTerms);
    let nAnchors = 0;
    let previous = -1;
    for (let i = 0; i < n; i++) {
      if (!((flags[i] as number) & ANCHOR)) continue;
      const h = a.anchorStems[i] as number;
      set[nAnchors++] = h;
      if (previous >= 0 && previous !== h) set[nAnchors++] = combine(previous, h);
      previous = h;
    }
    const anchors = sortedUnique(set, nAnchors);
    d = {
      shingles: sortedUnique(all, m),
      shinglesOutsideQuotes: sortedUnique(outside, nOutside),
      sentenceShingles: at === sentenceShingles.length ? sentenceShingles : sentenceShingles.slice(0, at),
      sentenceEnds,
      terms,
      anchors,
      bags: null,
      slips: articleSlips(a),
      foreignRun: foreignRunIn(a),
    };
    cache.set(a, d);
  }
  return d;
}

function bagsOf(a: Analysis): SentenceBag[] {
  const d = derived(a);
  d.bags ??= bags(a);
  return d.bags;
}

const FOREIGN_GLUE = new Set([
  'de',
  'la',
  'le',
  'les',
  'du',
  'des',
  'et',
  'der',
  'die',
  'das',
  'und',
  'del',
  'los',
  'y',
]);

/** Runs of foreign words inside an English text, as machine translation leaves them ("[République ... de Corée]"). */
export function hasForeignRun(a: Analysis, language: string | null): boolean {
  return language === 'en' && derived(a).foreignRun;
}

/** Whether the word has a char of /[\u00C0-\u024F]/ (Latin letters with diacritics). */
function hasDiacritic(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c >= 0xc0 && c <= 0x24f) return true;
  }
  return false;
}

function foreignRunIn(a: Analysis): boolean {
  const w = a.words;
  // 1: a glue word of another language, 2: a word with Latin diacritics; any 4-word window with both kinds (≥ 2 accented).
  const kind = new Uint8Array(w.length);
  let accentedWords = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i] as string;
    if (FOREIGN_GLUE.has(x)) kind[i] = 1;
    else if (hasDiacritic(x)) {
      kind[i] = 2;
      accentedWords++;
    }
  }
  if (accentedWords < 2) return false;
  for (let i = 0; i + 3 <= w.length; i++) {
    let glue = 0;
    let accented = 0;
    for (let j = i; j < i + 4 && j < w.length; j++) {
      if (kind[j] === 1) glue++;
      else if (kind[j] === 2) accented++;
    }
    if (glue >= 1 && accented >= 2) return true;
  }
  return false;
}

/**
 * "a" before a vowel sound: the grammar slip a synonym spinner leaves when it swaps the noun after the article
 * ("a rare" → "a uncommon"); careful writers and translators seldom make it.
 */
export function articleSlips(a: Analysis): number {
  let n = 0;
  for (let i = 0; i + 1 < a.words.length; i++) {
    if (a.words[i] !== 'a' || (a.flags[i] as number) & QUOTED) continue;
    // "a" before a function word is a letter or a variable ("events a and b"), not an article.
    if ((a.flags[i + 1] as number) & (FUNCTION | ANCHOR)) continue;
    const next = a.words[i + 1] as string;
    if (next.length >= 3 && /^[aeio]/.test(next) && !/^(one|once|eu)/.test(next)) n++;
  }
  return n;
}

interface SentenceBag {
  stems: string[];
  words: string[];
  /** The analysis's hash of each word and of its stem (`hashes`, `termStems`): keys for the caches of ids and senses. */
  wordHashes: Int32Array;
  stemHashes: Int32Array;
  anchors: Set<string>;
  /** Ids of the stems (`stemId`) and of the distinct anchors, valid while `epoch` is `stemEpoch`. */
  epoch: number;
  ids: Int32Array;
  anchorIds: Int32Array;
  /** The lookup `senses` and `masks` were taken from. */
  lookup: SenseSynonyms | null;
  /** Per word, its senses. */
  senses: Int32Array[];
  /** Per word, two ints with a bit set for each of its senses: words whose masks do not meet share no sense. */
  masks: Int32Array;
}

/** Content words outside quotations, per sentence: what a paraphrase must keep the meaning of. */
function bags(a: Analysis): SentenceBag[] {
  const out: SentenceBag[] = [];
  const s = a.sentences;
  for (let i = 1; i < s.length; i++) {
    const stems: string[] = [];
    const words: string[] = [];
    const anchors = new Set<string>();
    const from = s[i - 1] as number;
    const to = s[i] as number;
    for (let j = from; j < to; j++) {
      const f = a.flags[j] as number;
      if (f & (FUNCTION | QUOTED)) continue;
      const w = a.words[j] as string;
      const st = stem(w);
      words.push(w);
      stems.push(st);
      if (f & ANCHOR) anchors.add(st);
    }
    if (stems.length < 4) continue;
    const wordHashes = new Int32Array(stems.length);
    const stemHashes = new Int32Array(stems.length);
    let k = 0;
    for (let j = from; j < to; j++) {
      if ((a.flags[j] as number) & (FUNCTION | QUOTED)) continue;
      wordHashes[k] = a.hashes[j] as number;
      stemHashes[k++] = a.termStems[j] as number;
    }
    out.push({
      stems,
      words,
      wordHashes,
      stemHashes,
      anchors,
      epoch: -1,
      ids: NO_IDS,
      anchorIds: NO_IDS,
      lookup: null,
      senses: [],
      masks: NO_IDS,
    });
  }
  return out;
}

const NO_IDS = new Int32Array(0);

/**
 * Stems as small ints, so that sentences are matched by comparing ints and indexed by typed arrays. Bounded: when
 * full, the table starts over under a new epoch, and bags made under an older one take new ids.
 */
const MAX_STEM_IDS = 1 << 18;
const stemIds = new Map<string, number>();
/** The stem of each id; and ids by the analysis's hash of the stem (checked against the stem: hashes may collide). */
const stemOfId: string[] = [];
const stemIdByHash = new Map<number, number>();
let stemEpoch = 0;

function idOfStem(st: string, hash: number): number {
  const byHash = stemIdByHash.get(hash);
  if (byHash !== undefined && stemOfId[byHash] === st) return byHash;
  let id = stemIds.get(st);
  if (id === undefined) {
    id = stemOfId.length;
    stemIds.set(st, id);
    stemOfId.push(st);
    if (byHash === undefined) stemIdByHash.set(hash, id);
  }
  return id;
}

function withIds(bag: SentenceBag): void {
  if (bag.epoch === stemEpoch) return;
  const n = bag.stems.length;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = idOfStem(bag.stems[i] as string, bag.stemHashes[i] as number);
  const anchorIds = new Int32Array(bag.anchors.size);
  let k = 0;
  for (const an of bag.anchors) anchorIds[k++] = stemIds.get(an) as number;
  bag.ids = ids;
  bag.anchorIds = anchorIds;
  bag.epoch = stemEpoch;
}

/** Ids for every bag of both sides, under one epoch. */
function idsFor(xs: readonly SentenceBag[], ys: readonly SentenceBag[]): void {
  let words = 0;
  for (const b of xs) words += b.stems.length;
  for (const b of ys) words += b.stems.length;
  if (stemOfId.length + words > MAX_STEM_IDS) {
    stemIds.clear();
    stemIdByHash.clear();
    stemOfId.length = 0;
    stemEpoch++;
  }
  for (const b of xs) withIds(b);
  for (const b of ys) withIds(b);
}

/** Senses by the analysis's hash of the word, for one lookup (checked against the word: hashes may collide). */
const MAX_SENSES_KEPT = 1 << 17;
let sensesLookup: SenseSynonyms | null = null;
const sensesByHash = new Map<number, Int32Array>();
const wordOfHash = new Map<number, string>();

function sensesOf(lookup: SenseSynonyms, word: string, hash: number): Int32Array {
  if (sensesLookup !== lookup || sensesByHash.size >= MAX_SENSES_KEPT) {
    sensesByHash.clear();
    wordOfHash.clear();
    sensesLookup = lookup;
  }
  const kept = sensesByHash.get(hash);
  if (kept && wordOfHash.get(hash) === word) return kept;
  const senses = lookup.senses(word);
  if (!kept) {
    sensesByHash.set(hash, senses);
    wordOfHash.set(hash, word);
  }
  return senses;
}

/** The senses of the bag's words under this lookup, and their masks. */
function withSenses(bag: SentenceBag, lookup: SenseSynonyms): void {
  if (bag.lookup === lookup) return;
  const n = bag.words.length;
  const senses: Int32Array[] = new Array(n);
  const masks = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const s = sensesOf(lookup, bag.words[i] as string, bag.wordHashes[i] as number);
    senses[i] = s;
    let lo = 0;
    let hi = 0;
    for (let k = 0; k < s.length; k++) {
      const bit = Math.imul(s[k] as number, 0x9e3779b1) >>> 26;
      if (bit < 32) lo |= 1 << bit;
      else hi |= 1 << (bit - 32);
    }
    masks[2 * i] = lo;
    masks[2 * i + 1] = hi;
  }
  bag.senses = senses;
  bag.masks = masks;
  bag.lookup = lookup;
}

/** Whether two short arrays share a value. */
function shareAny(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    for (let j = 0; j < b.length; j++) if (b[j] === v) return true;
  }
  return false;
}

/** Whether two sorted arrays share a value. */
function meet(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/** Share of content words two sentences must share (as stems or synonyms) to say the same thing. */
const ALIGNED_DICE = 0.4;

interface Match {
  dice: number;
  /** Words matched as the same stem. */
  same: number;
  /** Content words of the first sentence. */
  size: number;
  pairs: [string, string][];
}

const NO_PAIRS: [string, string][] = [];
// Scratch of `softMatch` (grown as needed).
let usedScratch = new Uint8Array(64);
let openScratch = new Int32Array(64);

/**
 * Matches the words of x to those of y: each stem to the first unused equal stem, then (with `synonyms`, when the
 * stems matched some and the pair could still reach `needed`) each unmatched word to the first unused synonym.
 * Bags must have their ids (`idsFor`).
 */
function softMatch(x: SentenceBag, y: SentenceBag, synonyms: SynonymLookup | null, needed: number): Match {
  const nx = x.stems.length;
  const ny = y.stems.length;
  if (usedScratch.length < ny) usedScratch = new Uint8Array(2 * ny);
  if (openScratch.length < nx) openScratch = new Int32Array(2 * nx);
  const used = usedScratch;
  const open = openScratch;
  used.fill(0, 0, ny);
  let nOpen = 0;
  let same = 0;
  const xIds = x.ids;
  const yIds = y.ids;
  for (let i = 0; i < nx; i++) {
    const id = xIds[i] as number;
    let hit = -1;
    for (let j = 0; j < ny; j++) {
      if (yIds[j] === id && !used[j]) {
        hit = j;
        break;
      }
    }
    if (hit >= 0) {
      used[hit] = 1;
      same++;
    } else open[nOpen++] = i;
  }
  const total = nx + ny;
  let pairs = NO_PAIRS;
  // Synonym lookups are the expensive part: only for pairs that share enough already and could still reach `needed`.
  const reachable = (2 * (same + Math.min(nOpen, ny - same))) / total;
  if (synonyms && nOpen && same > 0 && reachable >= needed) {
    if (hasSenses(synonyms)) {
      // What `synonyms(w, v)` answers, from the senses: w !== v and a shared sense.
      withSenses(x, synonyms);
      withSenses(y, synonyms);
      const xm = x.masks;
      const ym = y.masks;
      for (let o = 0; o < nOpen; o++) {
        const i = open[o] as number;
        const lo = xm[2 * i] as number;
        const hi = xm[2 * i + 1] as number;
        if ((lo | hi) === 0) continue;
        const w = x.words[i] as string;
        for (let j = 0; j < ny; j++) {
          if (used[j] || ((lo & (ym[2 * j] as number)) | (hi & (ym[2 * j + 1] as number))) === 0) continue;
          const v = y.words[j] as string;
          if (w !== v && meet(x.senses[i] as Int32Array, y.senses[j] as Int32Array)) {
            used[j] = 1;
            if (pairs === NO_PAIRS) pairs = [];
            pairs.push([w, v]);
            break;
          }
        }
      }
    } else {
      for (let o = 0; o < nOpen; o++) {
        const w = x.words[open[o] as number] as string;
        for (let j = 0; j < ny; j++) {
          if (used[j]) continue;
          if (synonyms(w, y.words[j] as string)) {
            used[j] = 1;
            if (pairs === NO_PAIRS) pairs = [];
            pairs.push([w, y.words[j] as string]);
            break;
          }
        }
      }
    }
  }
  return { dice: (2 * (same + pairs.length)) / total, same, size: nx, pairs };
}

/**
 * The sentences of one side (`ys`) indexed for the sentences of the other: by stem, where each stem occurs; by sense,
 * which sentences have a word of that sense (in `SENSE_BUCKETS` buckets of senses, one bit per sentence: a bucket
 * shared by two senses only loosens the bound it gives).
 */
const SENSE_BUCKETS = 4096;
const stemHead = new Int32Array(MAX_STEM_IDS);
const stemStamp = new Int32Array(MAX_STEM_IDS);
let stamp = 0;
let entryNext = new Int32Array(1024);
let entrySentence = new Int32Array(1024);
let senseBits = new Int32Array(SENSE_BUCKETS);
let sameScratch = new Int32Array(64);
let occurScratch = new Int32Array(64);
let synScratch = new Int32Array(64);
let orScratch = new Int32Array(8);
let boundScratch = new Float64Array(64);
let candidateScratch = new Int32Array(64);

function senseBucket(sense: number): number {
  return Math.imul(sense, 0x85ebca6b) >>> 20;
}

/** Indexes `ys` by stem (into `stemHead`, `entryNext`, `entrySentence`) and, with senses, by sense bucket. */
function indexSentences(ys: readonly SentenceBag[], senses: SenseSynonyms | null): number {
  if (++stamp === 0x7fffffff) {
    stemStamp.fill(0);
    stamp = 1;
  }
  let words = 0;
  for (const y of ys) words += y.stems.length;
  if (entryNext.length < words) {
    entryNext = new Int32Array(2 * words);
    entrySentence = new Int32Array(2 * words);
  }
  // Sentences are indexed from the last, so that each stem's list runs from the first sentence.
  let e = 0;
  for (let k = ys.length - 1; k >= 0; k--) {
    const ids = (ys[k] as SentenceBag).ids;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as number;
      entrySentence[e] = k;
      entryNext[e] = stemStamp[id] === stamp ? (stemHead[id] as number) : -1;
      stemStamp[id] = stamp;
      stemHead[id] = e++;
    }
  }
  const stride = (ys.length + 31) >>> 5;
  if (senses) {
    if (senseBits.length < SENSE_BUCKETS * stride) senseBits = new Int32Array(SENSE_BUCKETS * stride);
    senseBits.fill(0, 0, SENSE_BUCKETS * stride);
    for (let k = 0; k < ys.length; k++) {
      const y = ys[k] as SentenceBag;
      withSenses(y, senses);
      const bit = 1 << (k & 31);
      const word = k >>> 5;
      for (const s of y.senses) {
        for (let q = 0; q < s.length; q++) {
          const at = senseBucket(s[q] as number) * stride + word;
          senseBits[at] = (senseBits[at] as number) | bit;
        }
      }
    }
  }
  return stride;
}

/**
 * How two word sequences differ: words replaced one for one in place (a spinner's work) against words added or cut
 * (an editor's). From the word-level diff: a cut run next to an added run replaces min(lengths) words.
 */
function editShape(x: readonly string[], y: readonly string[]): { replaced: number; indel: number } {
  const ops = wordDiff(x, y);
  let replaced = 0;
  let indel = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as DiffOp;
    if (op.op === '=') continue;
    const next = ops[i + 1];
    if (op.op === '-' && next?.op === '+') {
      const r = Math.min(op.words.length, next.words.length);
      replaced += r;
      indel += op.words.length + next.words.length - 2 * r;
      i++;
    } else indel += op.words.length;
  }
  return { replaced, indel };
}

/**
 * Sentence alignment by meaning: each sentence of the shorter side to its best counterpart that shares a name or
 * number or most content words. Returns the aligned share and the synonym substitutions it relied on.
 */
function alignMeaning(
  a: Analysis,
  b: Analysis,
  synonyms: SynonymLookup | null,
): {
  aligned: number;
  substitutions: number;
  same: number;
  unexplained: number;
  replaced: number;
  indel: number;
  examples: [string, string][];
} {
  let xs = bagsOf(a);
  let ys = bagsOf(b);
  if (xs.length > ys.length) [xs, ys] = [ys, xs];
  if (xs.length === 0)
    return { aligned: 0, substitutions: 0, same: 0, unexplained: 0, replaced: 0, indel: 0, examples: [] };
  let aligned = 0;
  let substitutions = 0;
  let same = 0;
  let unexplained = 0;
  let replaced = 0;
  let indel = 0;
  const examples: [string, string][] = [];
  idsFor(xs, ys);
  const senses = synonyms && hasSenses(synonyms) ? synonyms : null;
  const stride = indexSentences(ys, senses);
  const nys = ys.length;
  if (sameScratch.length < nys) {
    sameScratch = new Int32Array(2 * nys);
    occurScratch = new Int32Array(2 * nys);
    synScratch = new Int32Array(2 * nys);
    boundScratch = new Float64Array(2 * nys);
    candidateScratch = new Int32Array(2 * nys);
  }
  if (orScratch.length < stride) orScratch = new Int32Array(2 * stride);
  const sameIn = sameScratch;
  const occur = occurScratch;
  const synIn = synScratch;
  const bounds = boundScratch;
  const candidates = candidateScratch;
  const or = orScratch;
  /*
   * Each sentence x is aligned to the first y (in order) of highest dice, if that is at least ALIGNED_DICE: the dice
   * of a pair when synonyms are looked up for it (a pair that skips them scores no more). The stems x shares with each
   * y, counted from the index, and the words of x that share a sense bucket with some word of y bound each pair's
   * dice from above: the pairs are matched in the order of that bound, until it falls below the best dice found.
   */
  for (const x of xs) {
    const nx = x.stems.length;
    const xIds = x.ids;
    sameIn.fill(0, 0, nys);
    // Stems in common with each y: for each distinct stem of x, min(count in x, count in y).
    for (let i = 0; i < nx; i++) {
      const id = xIds[i] as number;
      let seen = false;
      for (let p = 0; p < i; p++) {
        if (xIds[p] === id) {
          seen = true;
          break;
        }
      }
      if (seen || stemStamp[id] !== stamp) continue;
      let cx = 1;
      for (let p = i + 1; p < nx; p++) if (xIds[p] === id) cx++;
      for (let e = stemHead[id] as number; e >= 0; e = entryNext[e] as number) {
        const k = entrySentence[e] as number;
        occur[k] = (occur[k] as number) + 1;
      }
      for (let e = stemHead[id] as number; e >= 0; e = entryNext[e] as number) {
        const k = entrySentence[e] as number;
        const cy = occur[k] as number;
        if (cy === 0) continue;
        sameIn[k] = (sameIn[k] as number) + Math.min(cx, cy);
        occur[k] = 0;
      }
    }
    // Words of x with a sense in a bucket some word of each y has: at most that many synonym pairs.
    if (senses) {
      withSenses(x, senses);
      synIn.fill(0, 0, nys);
      for (const s of x.senses) {
        if (s.length === 0) continue;
        or.fill(0, 0, stride);
        for (let q = 0; q < s.length; q++) {
          const row = senseBucket(s[q] as number) * stride;
          for (let w = 0; w < stride; w++) or[w] = (or[w] as number) | (senseBits[row + w] as number);
        }
        for (let w = 0; w < stride; w++) {
          let bits = or[w] as number;
          while (bits !== 0) {
            const low = bits & -bits;
            const k = 32 * w + (31 - Math.clz32(low));
            synIn[k] = (synIn[k] as number) + 1;
            bits ^= low;
          }
        }
      }
    }
    // The bound of each y that could reach ALIGNED_DICE.
    let n = 0;
    for (let k = 0; k < nys; k++) {
      const y = ys[k] as SentenceBag;
      if (x.anchorIds.length > 0 && !shareAny(x.anchorIds, y.anchorIds)) continue;
      const ny = y.stems.length;
      const sk = sameIn[k] as number;
      const open = nx - sk;
      let pairs = 0;
      if (synonyms && open > 0 && sk > 0) pairs = Math.min(open, ny - sk, senses ? (synIn[k] as number) : nx);
      const bound = (2 * (sk + pairs)) / (nx + ny);
      if (bound < ALIGNED_DICE) continue;
      candidates[n] = k;
      bounds[n++] = bound;
    }
    // Most promising first (then first in order), until no y left can beat the best.
    let best: Match | null = null;
    let bestK = -1;
    while (n > 0) {
      let top = 0;
      for (let r = 1; r < n; r++) {
        const b = bounds[r] as number;
        const t = bounds[top] as number;
        if (b > t || (b === t && (candidates[r] as number) < (candidates[top] as number))) top = r;
      }
      const k = candidates[top] as number;
      const bound = bounds[top] as number;
      if (best && (bound < best.dice || (bound === best.dice && k > bestK))) break;
      n--;
      candidates[top] = candidates[n] as number;
      bounds[top] = bounds[n] as number;
      const y = ys[k] as SentenceBag;
      const sk = sameIn[k] as number;
      const m =
        synonyms && nx - sk > 0 && sk > 0
          ? softMatch(x, y, synonyms, 0)
          : { dice: (2 * sk) / (nx + y.stems.length), same: sk, size: nx, pairs: NO_PAIRS };
      if (m.dice >= ALIGNED_DICE && (!best || m.dice > best.dice || (m.dice === best.dice && k < bestK))) {
        best = m;
        bestK = k;
      }
    }
    if (best) {
      const bestY = ys[bestK] as SentenceBag;
      aligned++;
      const edits = editShape(x.stems, bestY.stems);
      replaced += edits.replaced;
      indel += edits.indel;
      substitutions += best.pairs.length;
      same += best.same;
      unexplained += best.size - best.same - best.pairs.length;
      for (const p of best.pairs) if (examples.length < 12) examples.push(p);
    }
  }
  return { aligned: aligned / xs.length, substitutions, same, unexplained, replaced, indel, examples };
}

/** Every measure the classifier needs. Meaning alignment runs only when word overlap alone cannot decide. */
export function compare(a: Side, b: Side, synonyms: SynonymLookup | null): Evidence {
  const A = a.analysis;
  const B = b.analysis;
  const dA = derived(A);
  const dB = derived(B);
  const sa = dA.shingles;
  const sb = dB.shingles;
  const inter = intersectSorted(sa, sb);
  const union = sa.length + sb.length - inter;
  const interOutsideQuotes = intersectSorted(dA.shinglesOutsideQuotes, sb);
  const va = verbatimShare(A, sb);
  const vb = verbatimShare(B, sa);
  const j = union === 0 ? 0 : inter / union;
  const terms = jaccard(dA.terms, dB.terms);
  const anchors = jaccard(dA.anchors, dB.anchors);
  const foreign = hasForeignRun(A, a.language) || hasForeignRun(B, b.language);
  // Reports of one event share names; unrelated texts sharing stock phrases do not, and are not worth aligning.
  const needsMeaning = j < 0.5 && (anchors >= 0.2 || terms >= 0.3);
  const meaning = needsMeaning
    ? alignMeaning(A, B, synonyms)
    : { aligned: 0, substitutions: 0, same: 0, unexplained: 0, replaced: 0, indel: 0, examples: [] };
  return {
    jaccard: j,
    containment: [sa.length ? inter / sa.length : 0, sb.length ? inter / sb.length : 0],
    verbatim: [va.verbatim, vb.verbatim],
    mixed: [va.mixed, vb.mixed],
    terms,
    anchors,
    quotedShingles: inter - interOutsideQuotes,
    aligned: meaning.aligned,
    synonyms: meaning.examples,
    substitutions: meaning.substitutions,
    synonymShare: meaning.substitutions ? meaning.substitutions / (meaning.substitutions + meaning.same) : 0,
    explained: meaning.substitutions ? meaning.substitutions / (meaning.substitutions + meaning.unexplained) : 0,
    inPlace: meaning.replaced + meaning.indel ? meaning.replaced / (meaning.replaced + meaning.indel) : 0,
    foreign,
    crossLanguage: a.language !== null && b.language !== null && a.language !== b.language,
    slips: [dA.slips, dB.slips],
  };
}

export { uniqueSorted };
