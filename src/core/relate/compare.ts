/**
 * @module The exact comparison of a candidate pair: shingle overlap and containment both ways, which sentences are
 * carried verbatim, what is shared only inside quotations, and an alignment of sentences by meaning (stems,
 * synonyms, names and numbers) that survives spinning and translation into the same language.
 */

import { ANCHOR, type Analysis, FUNCTION, QUOTED } from '../fingerprint/analyze.js';
import { combine, hashString } from '../fingerprint/hash.js';
import { uniqueSorted } from '../fingerprint/sets.js';
import { stem } from '../fingerprint/words.js';
import { runWithin, wordChange } from './lcs.js';
import { type NeutralOverlap, neutralAnchors, neutralOverlap } from './neutral.js';
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

/**
 * A set of uint32 values as comparisons read it: its distinct values (`list`, in no particular order) and an
 * open-addressing table of them (a power of two long, at most half full; 0 marks an empty slot, so the value 0 itself
 * is `zero`). Values are hashes already, so their low bits pick the slot. Testing a value is a probe or two, where a
 * binary search over a sorted array is a dozen unpredictable branches.
 */
interface HashSet {
  list: Uint32Array;
  table: Uint32Array;
  zero: boolean;
}

function has(set: HashSet, v: number): boolean {
  if (v === 0) return set.zero;
  const t = set.table;
  const mask = t.length - 1;
  for (let i = v & mask; ; i = (i + 1) & mask) {
    const k = t[i] as number;
    if (k === v) return true;
    if (k === 0) return false;
  }
}

/** How many values of `list` (distinct) are in `set`. */
function countIn(list: Uint32Array, set: HashSet): number {
  let n = 0;
  for (let i = 0; i < list.length; i++) if (has(set, list[i] as number)) n++;
  return n;
}

function jaccard(a: HashSet, b: HashSet): number {
  const inter = a.list.length < b.list.length ? countIn(a.list, b) : countIn(b.list, a);
  const union = a.list.length + b.list.length - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * Distinct values: `add` answers whether a value is new since the last `reset`. Slots are stamped with the reset
 * they were filled after, so that a reset clears nothing. Scratch for building sets, reused across calls.
 */
class Distinct {
  #keys = new Uint32Array(1024);
  #stamps = new Uint32Array(1024);
  #stamp = 1;

  /** Empties the set, with room for `n` values. */
  reset(n: number): void {
    if (2 * n > this.#keys.length) {
      let size = this.#keys.length;
      while (2 * n > size) size *= 2;
      this.#keys = new Uint32Array(size);
      this.#stamps = new Uint32Array(size);
      this.#stamp = 0;
    }
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#stamps.fill(0);
      this.#stamp = 1;
    }
  }

  add(v: number): boolean {
    const keys = this.#keys;
    const stamps = this.#stamps;
    const mask = keys.length - 1;
    const stamp = this.#stamp;
    for (let i = v & mask; ; i = (i + 1) & mask) {
      if (stamps[i] !== stamp) {
        stamps[i] = stamp;
        keys[i] = v;
        return true;
      }
      if (keys[i] === v) return false;
    }
  }
}

const distinct = new Distinct();

/** Moves the distinct values of a[from, to) to its start (first occurrences, in order); returns their count. */
function distinctRange(a: Uint32Array, from: number, to: number): number {
  distinct.reset(to - from);
  let n = from;
  for (let i = from; i < to; i++) {
    const v = a[i] as number;
    if (distinct.add(v)) a[n++] = v;
  }
  return n - from;
}

/** Ints a set of `n` distinct values takes in `memory`: its list and its table. */
function setSize(n: number): number {
  return n + tableSize(n);
}

function tableSize(n: number): number {
  let size = 4;
  while (size < 2 * n) size *= 2;
  return size;
}

/** The set of the distinct values src[0, n), its list and table carved from `memory` at `at`. */
function hashSet(src: Uint32Array, n: number, memory: Uint32Array, at: number): HashSet {
  const list = memory.subarray(at, at + n);
  list.set(src.subarray(0, n));
  const table = memory.subarray(at + n, at + n + tableSize(n));
  const mask = table.length - 1;
  let zero = false;
  for (let k = 0; k < n; k++) {
    const v = list[k] as number;
    if (v === 0) {
      zero = true;
      continue;
    }
    let i = v & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = v;
  }
  return { list, table, zero };
}

/** Share of the words of `a` that sit in sentences whose shingles are (nearly) all in `other`. */
function verbatimShare(a: Analysis, other: HashSet): { verbatim: number; mixed: number } {
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
  // One hash per word: the word count, without building the words.
  const n = a.hashes.length || 1;
  return { verbatim: verbatim / n, mixed: mixed / n };
}

/** What comparisons read of an article, computed once per analysis: candidates recur across many pairs. */
interface Derived {
  /** Word 3-shingles. */
  shingles: HashSet;
  /** The distinct shingles outside quotations. */
  shinglesOutsideQuotes: Uint32Array;
  /**
   * Per sentence, its distinct shingles outside quotations (two reports quoting one speaker have not copied each
   * other): sentence i's at [sentenceEnds[i - 1] (0 for the first), sentenceEnds[i]).
   */
  sentenceShingles: Uint32Array;
  sentenceEnds: Uint32Array;
  terms: HashSet;
  anchors: HashSet;
  /** Built on first use, from the words: only pairs that need meaning alignment read them. */
  bags: Bags | null;
  /** From the words, on first use (-1 until then): a pair ruled out on the sets alone never builds the words. */
  slips: number;
  foreignRun: -1 | 0 | 1;
  /** Language-neutral anchors (`neutralAnchors`), from the words on first use: only cross-language pairs read them. */
  neutral: Uint32Array | null;
}

/**
 * Where an analysis keeps its `Derived`: a property under a symbol of this module rather than a WeakMap entry, which
 * the young-generation garbage collector keeps alive (and copies, and promotes) as long as the map lives.
 */
const DERIVED = Symbol('derived');
type WithDerived = Analysis & { [DERIVED]?: Derived };

// Scratch for the sets of one analysis (grown as needed).
let shingleScratch = new Uint32Array(1024);
let outsideScratch = new Uint32Array(1024);
let sentenceScratch = new Uint32Array(1024);
let quotedScratch = new Uint8Array(1024);
let termScratch = new Uint32Array(1024);
let anchorScratch = new Uint32Array(2048);

function derived(a: Analysis): Derived {
  let d = (a as WithDerived)[DERIVED];
  if (d) return d;
  // Every word 3-shingle once (what `wordShingles` gives for the whole text, outside quotations and per sentence).
  const { hashes, flags, sentences } = a;
  const n = hashes.length;
  const m = Math.max(0, n - 2);
  if (shingleScratch.length < m) {
    shingleScratch = new Uint32Array(2 * m);
    outsideScratch = new Uint32Array(2 * m);
    sentenceScratch = new Uint32Array(2 * m);
    quotedScratch = new Uint8Array(2 * m);
  }
  if (termScratch.length < n) {
    termScratch = new Uint32Array(2 * n);
    anchorScratch = new Uint32Array(4 * n);
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
  const bySentence = sentenceScratch;
  const nSentences = Math.max(0, sentences.length - 1);
  const ends: number[] = [];
  let at = 0;
  for (let k = 1; k < sentences.length; k++) {
    const from = sentences[k - 1] as number;
    const to = sentences[k] as number;
    const start = at;
    for (let i = from; i + 3 <= to; i++) if (!quoted[i]) bySentence[at++] = all[i] as number;
    at = start + distinctRange(bySentence, start, at);
    ends.push(at);
  }
  // Content-word stems (`termHashes`) and names and numbers alone and in pairs (`anchorHashes`).
  const terms = termScratch;
  let nTerms = 0;
  for (let i = 0; i < n; i++) if (!((flags[i] as number) & FUNCTION)) terms[nTerms++] = a.termStems[i] as number;
  const anchors = anchorScratch;
  let nAnchors = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    if (!((flags[i] as number) & ANCHOR)) continue;
    const h = a.anchorStems[i] as number;
    anchors[nAnchors++] = h;
    if (previous >= 0 && previous !== h) anchors[nAnchors++] = combine(previous, h);
    previous = h;
  }
  const nShingles = distinctRange(all, 0, m);
  nOutside = distinctRange(outside, 0, nOutside);
  nTerms = distinctRange(terms, 0, nTerms);
  nAnchors = distinctRange(anchors, 0, nAnchors);
  // One block of memory for all of it.
  const memory = new Uint32Array(setSize(nShingles) + nOutside + at + nSentences + setSize(nTerms) + setSize(nAnchors));
  let p = 0;
  const shingles = hashSet(all, nShingles, memory, p);
  p += setSize(nShingles);
  const shinglesOutsideQuotes = memory.subarray(p, p + nOutside);
  shinglesOutsideQuotes.set(outside.subarray(0, nOutside));
  p += nOutside;
  const sentenceShingles = memory.subarray(p, p + at);
  sentenceShingles.set(bySentence.subarray(0, at));
  p += at;
  const sentenceEnds = memory.subarray(p, p + nSentences);
  sentenceEnds.set(ends);
  p += nSentences;
  const termSet = hashSet(terms, nTerms, memory, p);
  p += setSize(nTerms);
  const anchorSet = hashSet(anchors, nAnchors, memory, p);
  d = {
    shingles,
    shinglesOutsideQuotes,
    sentenceShingles,
    sentenceEnds,
    terms: termSet,
    anchors: anchorSet,
    bags: null,
    slips: -1,
    foreignRun: -1,
    neutral: null,
  };
  (a as WithDerived)[DERIVED] = d;
  return d;
}

function slipsOf(a: Analysis): number {
  const d = derived(a);
  if (d.slips < 0) d.slips = articleSlips(a);
  return d.slips;
}

function neutralOf(a: Analysis): Uint32Array {
  const d = derived(a);
  d.neutral ??= neutralAnchors(a);
  return d.neutral;
}

function bagsOf(a: Analysis): Bags {
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
  if (language !== 'en') return false;
  const d = derived(a);
  if (d.foreignRun < 0) d.foreignRun = foreignRunIn(a) ? 1 : 0;
  return d.foreignRun === 1;
}

/** Whether the word has a char of /[\u00C0-\u024F]/ (Latin letters with diacritics). */
function hasDiacritic(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c >= 0xc0 && c <= 0x24f) return true;
  }
  return false;
}

let kindScratch = new Uint8Array(1024);

function foreignRunIn(a: Analysis): boolean {
  // Most English texts are plain ASCII: no word to read.
  if (a.asciiOnly) return false;
  const w = a.words;
  // A run needs two words with diacritics (glue words have none): most texts have fewer, and are done here.
  let accentedWords = 0;
  for (let i = 0; i < w.length && accentedWords < 2; i++) if (hasDiacritic(w[i] as string)) accentedWords++;
  if (accentedWords < 2) return false;
  // 1: a glue word of another language, 2: a word with Latin diacritics; any 4-word window with both kinds (≥ 2 accented).
  if (kindScratch.length < w.length) kindScratch = new Uint8Array(2 * w.length);
  const kind = kindScratch;
  for (let i = 0; i < w.length; i++) {
    const x = w[i] as string;
    kind[i] = FOREIGN_GLUE.has(x) ? 1 : hasDiacritic(x) ? 2 : 0;
  }
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

const HASH_OF_A = hashString('a');

/**
 * "a" before a vowel sound: the grammar slip a synonym spinner leaves when it swaps the noun after the article
 * ("a rare" → "a uncommon"); careful writers and translators seldom make it.
 */
export function articleSlips(a: Analysis): number {
  let n = 0;
  // Found by hash, then checked, so that the words are not built for it.
  for (let i = 0; i + 1 < a.hashes.length; i++) {
    if (a.hashes[i] !== HASH_OF_A || (a.flags[i] as number) & QUOTED || a.wordAt(i) !== 'a') continue;
    // "a" before a function word is a letter or a variable ("events a and b"), not an article.
    if ((a.flags[i + 1] as number) & (FUNCTION | ANCHOR)) continue;
    const next = a.wordAt(i + 1);
    if (next.length >= 3 && /^[aeio]/.test(next) && !/^(one|once|eu)/.test(next)) n++;
  }
  return n;
}

/**
 * Content words outside quotations, per sentence (sentences of at least 4 of them): what a paraphrase must keep the
 * meaning of. One set of arrays for all the sentences of an analysis, not objects and arrays per sentence: sentence k's
 * words are [start[k], start[k + 1]) of the per-word arrays.
 */
interface Bags {
  count: number;
  start: Int32Array;
  /** The analysis the words are in, and where each is in it. */
  source: Analysis;
  at: Int32Array;
  /** The analysis's hash of each word and of its stem (`hashes`, `termStems`): the key of its word entry. */
  wordHashes: Int32Array;
  stemHashes: Int32Array;
  /** Each word's entry (`entryOf`): valid while `entriesEpoch` is `wordEpoch`. */
  entries: Int32Array;
  entriesEpoch: number;
  /** Whether each word is a name or number (1). */
  anchor: Uint8Array;
  /** Ids of the stems (`withIds`), and of each sentence's distinct anchors: valid while `epoch` is `stemEpoch`. */
  epoch: number;
  ids: Int32Array;
  /** Sentence k's distinct anchor ids are anchorIds[anchorStart[k], anchorStart[k + 1]). */
  anchorIds: Int32Array;
  anchorStart: Int32Array;
  /** The lookup `senses` and `masks` were taken from. */
  lookup: SenseSynonyms | null;
  /** Per word, its senses. */
  senses: Int32Array[];
  /** Per word, two ints with a bit set for each of its senses: words whose masks do not meet share no sense. */
  masks: Int32Array;
}

const NO_IDS = new Int32Array(0);

function bags(a: Analysis): Bags {
  const s = a.sentences;
  const flags = a.flags;
  const content = (from: number, to: number) => {
    let n = 0;
    for (let j = from; j < to; j++) if (!((flags[j] as number) & (FUNCTION | QUOTED))) n++;
    return n;
  };
  let total = 0;
  let count = 0;
  for (let i = 1; i < s.length; i++) {
    const n = content(s[i - 1] as number, s[i] as number);
    if (n >= 4) {
      total += n;
      count++;
    }
  }
  const start = new Int32Array(count + 1);
  const hashes = new Int32Array(3 * total);
  const anchor = new Uint8Array(total);
  let k = 0;
  let at = 0;
  for (let i = 1; i < s.length; i++) {
    const from = s[i - 1] as number;
    const to = s[i] as number;
    if (content(from, to) < 4) continue;
    start[k++] = at;
    for (let j = from; j < to; j++) {
      const f = flags[j] as number;
      if (f & (FUNCTION | QUOTED)) continue;
      hashes[at] = a.hashes[j] as number;
      hashes[total + at] = a.termStems[j] as number;
      hashes[2 * total + at] = j;
      if (f & ANCHOR) anchor[at] = 1;
      at++;
    }
  }
  start[count] = total;
  return {
    count,
    start,
    source: a,
    at: hashes.subarray(2 * total),
    wordHashes: hashes.subarray(0, total),
    stemHashes: hashes.subarray(total, 2 * total),
    entries: NO_IDS,
    entriesEpoch: -1,
    anchor,
    epoch: -1,
    ids: NO_IDS,
    anchorIds: NO_IDS,
    anchorStart: NO_IDS,
    lookup: null,
    senses: [],
    masks: NO_IDS,
  };
}

/**
 * Pairs of int32 keys (hashes, whose low bits pick the slot) to ints ≥ 0: open addressing in typed arrays, grown by
 * doubling; cheaper than a Map for the few hundred lookups of every comparison that aligns meaning. A single key is
 * the pair (key, 0).
 */
class PairTable {
  #keys = new Int32Array(2 << 12);
  /** Value + 1; 0: an empty slot. */
  #values = new Int32Array(1 << 12);
  #size = 0;

  #slot(a: number, b: number): number {
    return (a ^ Math.imul(b, 0x9e3779b1)) & (this.#values.length - 1);
  }

  /** The value under the pair, or -1. */
  get(a: number, b: number): number {
    const keys = this.#keys;
    const values = this.#values;
    const mask = values.length - 1;
    for (let i = this.#slot(a, b); ; i = (i + 1) & mask) {
      const v = values[i] as number;
      if (v === 0) return -1;
      if (keys[2 * i] === a && keys[2 * i + 1] === b) return v - 1;
    }
  }

  /** Files the value under a pair it does not hold yet. */
  add(a: number, b: number, value: number): void {
    if (2 * (this.#size + 1) > this.#values.length) this.#grow();
    const keys = this.#keys;
    const values = this.#values;
    const mask = values.length - 1;
    let i = this.#slot(a, b);
    while (values[i] !== 0) i = (i + 1) & mask;
    keys[2 * i] = a;
    keys[2 * i + 1] = b;
    values[i] = value + 1;
    this.#size++;
  }

  clear(): void {
    this.#values.fill(0);
    this.#size = 0;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Int32Array(2 * keys.length);
    this.#values = new Int32Array(2 * values.length);
    this.#size = 0;
    for (let i = 0; i < values.length; i++)
      if (values[i] !== 0) this.add(keys[2 * i] as number, keys[2 * i + 1] as number, (values[i] as number) - 1);
  }
}

/**
 * Stems as small ints, so that sentences are matched by comparing ints and indexed by typed arrays. Bounded: when
 * full, the table starts over under a new epoch, and bags made under an older one take new ids.
 */
const MAX_STEM_IDS = 1 << 18;
const stemIds = new Map<string, number>();
/** The stem of each id; and ids by the analysis's hash of the stem (checked against the stem: hashes may collide). */
const stemOfId: string[] = [];
const stemIdByHash = new PairTable();
let stemEpoch = 0;

function idOfStem(st: string, hash: number): number {
  const byHash = stemIdByHash.get(hash, 0);
  if (byHash >= 0 && stemOfId[byHash] === st) return byHash;
  let id = stemIds.get(st);
  if (id === undefined) {
    id = stemOfId.length;
    stemIds.set(st, id);
    stemOfId.push(st);
    if (byHash < 0) stemIdByHash.add(hash, 0, id);
  }
  return id;
}

/**
 * Word entries: what aligning needs of each distinct content word (the word, its stem's id, its senses), found by the
 * two hashes the analysis has of it, of the word and of its stem under another seed: two words share an entry only if
 * both their hashes collide (the shingle sets trust one 32-bit hash). A candidate's words are then neither built as strings nor looked up by string: a word's string is
 * built (`wordAt`) only the first time it is seen. Bounded: when full, the table starts over under a new epoch, and
 * bags made under an older one find their entries again.
 */
const MAX_ENTRIES = 1 << 18;
let wordEpoch = 0;
let nEntries = 0;
const entryByHashes = new PairTable();
const entryWord: string[] = [];
let entryStemId = new Int32Array(1024);
let entryStemEpoch = new Int32Array(1024);
/** Senses under `sensesLookup` (null: not looked up yet), and two ints of mask each (see `Bags.masks`). */
const entrySenses: (Int32Array | null)[] = [];
let entryMasks = new Int32Array(2048);
let sensesLookup: SenseSynonyms | null = null;

function entryOf(a: Analysis, at: number, hash: number, stemHash: number): number {
  const found = entryByHashes.get(hash, stemHash);
  if (found >= 0) return found;
  const e = nEntries++;
  if (e >= entryStemId.length) {
    const grow = (x: Int32Array, n: number) => {
      const y = new Int32Array(n);
      y.set(x);
      return y;
    };
    entryStemId = grow(entryStemId, 2 * entryStemId.length);
    entryStemEpoch = grow(entryStemEpoch, 2 * entryStemEpoch.length);
    entryMasks = grow(entryMasks, 2 * entryMasks.length);
  }
  entryWord[e] = a.wordAt(at);
  entryStemEpoch[e] = -1;
  entrySenses[e] = null;
  entryByHashes.add(hash, stemHash, e);
  return e;
}

function withEntries(b: Bags): void {
  if (b.entriesEpoch === wordEpoch) return;
  const n = b.at.length;
  const entries = new Int32Array(n);
  for (let i = 0; i < n; i++)
    entries[i] = entryOf(b.source, b.at[i] as number, b.wordHashes[i] as number, b.stemHashes[i] as number);
  b.entries = entries;
  b.entriesEpoch = wordEpoch;
}

function stemIdOf(e: number, stemHash: number): number {
  if (entryStemEpoch[e] !== stemEpoch) {
    entryStemId[e] = idOfStem(stem(entryWord[e] as string), stemHash);
    entryStemEpoch[e] = stemEpoch;
  }
  return entryStemId[e] as number;
}

function withIds(b: Bags): void {
  withEntries(b);
  if (b.epoch === stemEpoch) return;
  const total = b.at.length;
  // Ids of the stems, then the distinct anchors of each sentence (at most as many), then where those start.
  const block = new Int32Array(2 * total + b.count + 1);
  const anchorStart = block.subarray(2 * total);
  let anchors = total;
  for (let k = 0; k < b.count; k++) {
    const first = anchors;
    anchorStart[k] = first - total;
    for (let i = b.start[k] as number; i < (b.start[k + 1] as number); i++) {
      const id = stemIdOf(b.entries[i] as number, b.stemHashes[i] as number);
      block[i] = id;
      if (!b.anchor[i]) continue;
      let seen = false;
      for (let q = first; q < anchors; q++) {
        if (block[q] === id) {
          seen = true;
          break;
        }
      }
      if (!seen) block[anchors++] = id;
    }
  }
  anchorStart[b.count] = anchors - total;
  b.ids = block.subarray(0, total);
  b.anchorIds = block.subarray(total, anchors);
  b.anchorStart = anchorStart;
  b.epoch = stemEpoch;
}

/** Entries and ids for the bags of both sides, each under one epoch. */
function idsFor(xs: Bags, ys: Bags): void {
  const words = xs.at.length + ys.at.length;
  if (nEntries + words > MAX_ENTRIES) {
    entryByHashes.clear();
    entryWord.length = 0;
    entrySenses.length = 0;
    nEntries = 0;
    wordEpoch++;
  }
  if (stemOfId.length + words > MAX_STEM_IDS) {
    stemIds.clear();
    stemIdByHash.clear();
    stemOfId.length = 0;
    stemEpoch++;
  }
  withIds(xs);
  withIds(ys);
}

/** The senses of an entry's word under the lookup, its mask filled in `entryMasks`. */
function sensesOfEntry(e: number, lookup: SenseSynonyms): Int32Array {
  const kept = entrySenses[e];
  if (kept) return kept;
  const senses = lookup.senses(entryWord[e] as string);
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < senses.length; k++) {
    const bit = Math.imul(senses[k] as number, 0x9e3779b1) >>> 26;
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  entryMasks[2 * e] = lo;
  entryMasks[2 * e + 1] = hi;
  entrySenses[e] = senses;
  return senses;
}

/** The senses of the words under this lookup, and their masks (the bags' entries must be current: `idsFor`). */
function withSenses(b: Bags, lookup: SenseSynonyms): void {
  if (b.lookup === lookup) return;
  if (sensesLookup !== lookup) {
    entrySenses.fill(null);
    sensesLookup = lookup;
  }
  const n = b.at.length;
  const senses: Int32Array[] = new Array(n);
  const masks = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const e = b.entries[i] as number;
    senses[i] = sensesOfEntry(e, lookup);
    masks[2 * i] = entryMasks[2 * e] as number;
    masks[2 * i + 1] = entryMasks[2 * e + 1] as number;
  }
  b.senses = senses;
  b.masks = masks;
  b.lookup = lookup;
}

/** Whether two short runs of ints share a value. */
function shareAny(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): boolean {
  for (let i = aFrom; i < aTo; i++) {
    const v = a[i] as number;
    for (let j = bFrom; j < bTo; j++) if (b[j] === v) return true;
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
 * Matches the words of sentence kx of X to those of sentence ky of Y: each stem to the first unused equal stem, then
 * (with `synonyms`, when the stems matched some and the pair could still reach `needed`) each unmatched word to the
 * first unused synonym. Needs the ids (`idsFor`), and the senses under `synonyms` if it has any (`withSenses`).
 */
function softMatch(X: Bags, kx: number, Y: Bags, ky: number, synonyms: SynonymLookup | null, needed: number): Match {
  const x0 = X.start[kx] as number;
  const nx = (X.start[kx + 1] as number) - x0;
  const y0 = Y.start[ky] as number;
  const ny = (Y.start[ky + 1] as number) - y0;
  if (usedScratch.length < ny) usedScratch = new Uint8Array(2 * ny);
  if (openScratch.length < nx) openScratch = new Int32Array(2 * nx);
  const used = usedScratch;
  const open = openScratch;
  used.fill(0, 0, ny);
  let nOpen = 0;
  let same = 0;
  const xIds = X.ids;
  const yIds = Y.ids;
  for (let i = 0; i < nx; i++) {
    const id = xIds[x0 + i] as number;
    let hit = -1;
    for (let j = 0; j < ny; j++) {
      if (yIds[y0 + j] === id && !used[j]) {
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
      const xm = X.masks;
      const ym = Y.masks;
      for (let o = 0; o < nOpen; o++) {
        const i = x0 + (open[o] as number);
        const lo = xm[2 * i] as number;
        const hi = xm[2 * i + 1] as number;
        if ((lo | hi) === 0) continue;
        // One entry per word: the same entry is the same word, which is no synonym of itself.
        const ex = X.entries[i] as number;
        for (let j = 0; j < ny; j++) {
          const yj = y0 + j;
          if (used[j] || ((lo & (ym[2 * yj] as number)) | (hi & (ym[2 * yj + 1] as number))) === 0) continue;
          const ey = Y.entries[yj] as number;
          if (ex !== ey && meet(X.senses[i] as Int32Array, Y.senses[yj] as Int32Array)) {
            used[j] = 1;
            if (pairs === NO_PAIRS) pairs = [];
            pairs.push([entryWord[ex] as string, entryWord[ey] as string]);
            break;
          }
        }
      }
    } else {
      for (let o = 0; o < nOpen; o++) {
        const w = entryWord[X.entries[x0 + (open[o] as number)] as number] as string;
        for (let j = 0; j < ny; j++) {
          if (used[j]) continue;
          const v = entryWord[Y.entries[y0 + j] as number] as string;
          if (synonyms(w, v)) {
            used[j] = 1;
            if (pairs === NO_PAIRS) pairs = [];
            pairs.push([w, v]);
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
function indexSentences(ys: Bags, senses: SenseSynonyms | null): number {
  if (++stamp === 0x7fffffff) {
    stemStamp.fill(0);
    stamp = 1;
  }
  const words = ys.at.length;
  if (entryNext.length < words) {
    entryNext = new Int32Array(2 * words);
    entrySentence = new Int32Array(2 * words);
  }
  // Sentences are indexed from the last, so that each stem's list runs from the first sentence.
  let e = 0;
  for (let k = ys.count - 1; k >= 0; k--) {
    for (let j = ys.start[k] as number; j < (ys.start[k + 1] as number); j++) {
      const id = ys.ids[j] as number;
      entrySentence[e] = k;
      entryNext[e] = stemStamp[id] === stamp ? (stemHead[id] as number) : -1;
      stemStamp[id] = stamp;
      stemHead[id] = e++;
    }
  }
  const stride = (ys.count + 31) >>> 5;
  if (senses) {
    if (senseBits.length < SENSE_BUCKETS * stride) senseBits = new Int32Array(SENSE_BUCKETS * stride);
    senseBits.fill(0, 0, SENSE_BUCKETS * stride);
    withSenses(ys, senses);
    for (let k = 0; k < ys.count; k++) {
      const bit = 1 << (k & 31);
      const word = k >>> 5;
      for (let j = ys.start[k] as number; j < (ys.start[k + 1] as number); j++) {
        const s = ys.senses[j] as Int32Array;
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
 * (an editor's). From the word-level diff (`wordDiff`'s, over stem ids: the same table and the same path through it):
 * a cut run next to an added run replaces min(lengths) words. The sequences are a[aFrom, aTo) and b[bFrom, bTo).
 */
const MAX_DIFF_WORDS = 300;
let diffTable = new Uint16Array(1024);
const edits = { replaced: 0, indel: 0 };

function editShape(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): void {
  const n = Math.min(aTo - aFrom, MAX_DIFF_WORDS);
  const m = Math.min(bTo - bFrom, MAX_DIFF_WORDS);
  const w = m + 1;
  if (diffTable.length < (n + 1) * w) diffTable = new Uint16Array(2 * (n + 1) * w);
  const t = diffTable;
  t.fill(0, n * w, (n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    t[i * w + m] = 0;
    const x = a[aFrom + i] as number;
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] =
        x === b[bFrom + j]
          ? (t[(i + 1) * w + j + 1] as number) + 1
          : Math.max(t[(i + 1) * w + j] as number, t[i * w + j + 1] as number);
    }
  }
  // The diff's runs of cut (-) and added (+) words, in order; a cut run followed at once by an added run pairs up.
  let replaced = 0;
  let indel = 0;
  let cut = 0;
  let added = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    let op: number;
    if (i < n && j < m) {
      if (a[aFrom + i] === b[bFrom + j]) op = 0;
      else op = (t[(i + 1) * w + j] as number) >= (t[i * w + j + 1] as number) ? -1 : 1;
    } else op = i < n ? -1 : 1;
    // A kept word, or a cut after an added run, closes the pending runs.
    if (op === 0 || (op === -1 && added > 0)) {
      const r = Math.min(cut, added);
      replaced += r;
      indel += cut + added - 2 * r;
      cut = 0;
      added = 0;
    }
    if (op === 0) {
      i++;
      j++;
    } else if (op === -1) {
      cut++;
      i++;
    } else {
      added++;
      j++;
    }
  }
  const r = Math.min(cut, added);
  edits.replaced = replaced + r;
  edits.indel = indel + cut + added - 2 * r;
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
  if (xs.count > ys.count) [xs, ys] = [ys, xs];
  if (xs.count === 0)
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
  if (senses) withSenses(xs, senses);
  const stride = indexSentences(ys, senses);
  const nys = ys.count;
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
  const xIds = xs.ids;
  /*
   * Each sentence x is aligned to the first y (in order) of highest dice, if that is at least ALIGNED_DICE: the dice
   * of a pair when synonyms are looked up for it (a pair that skips them scores no more). The stems x shares with each
   * y, counted from the index, and the words of x that share a sense bucket with some word of y bound each pair's
   * dice from above: the pairs are matched in the order of that bound, until it falls below the best dice found.
   */
  for (let kx = 0; kx < xs.count; kx++) {
    const x0 = xs.start[kx] as number;
    const x1 = xs.start[kx + 1] as number;
    const nx = x1 - x0;
    const xa0 = xs.anchorStart[kx] as number;
    const xa1 = xs.anchorStart[kx + 1] as number;
    sameIn.fill(0, 0, nys);
    // Stems in common with each y: for each distinct stem of x, min(count in x, count in y).
    for (let i = x0; i < x1; i++) {
      const id = xIds[i] as number;
      let seen = false;
      for (let p = x0; p < i; p++) {
        if (xIds[p] === id) {
          seen = true;
          break;
        }
      }
      if (seen || stemStamp[id] !== stamp) continue;
      let cx = 1;
      for (let p = i + 1; p < x1; p++) if (xIds[p] === id) cx++;
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
      synIn.fill(0, 0, nys);
      for (let i = x0; i < x1; i++) {
        const s = xs.senses[i] as Int32Array;
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
      if (
        xa1 > xa0 &&
        !shareAny(xs.anchorIds, xa0, xa1, ys.anchorIds, ys.anchorStart[k] as number, ys.anchorStart[k + 1] as number)
      )
        continue;
      const ny = (ys.start[k + 1] as number) - (ys.start[k] as number);
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
      const sk = sameIn[k] as number;
      const ny = (ys.start[k + 1] as number) - (ys.start[k] as number);
      const m =
        synonyms && nx - sk > 0 && sk > 0
          ? softMatch(xs, kx, ys, k, synonyms, 0)
          : { dice: (2 * sk) / (nx + ny), same: sk, size: nx, pairs: NO_PAIRS };
      if (m.dice >= ALIGNED_DICE && (!best || m.dice > best.dice || (m.dice === best.dice && k < bestK))) {
        best = m;
        bestK = k;
      }
    }
    if (best) {
      aligned++;
      editShape(xIds, x0, x1, ys.ids, ys.start[bestK] as number, ys.start[bestK + 1] as number);
      replaced += edits.replaced;
      indel += edits.indel;
      substitutions += best.pairs.length;
      same += best.same;
      unexplained += best.size - best.same - best.pairs.length;
      for (const p of best.pairs) if (examples.length < 12) examples.push(p);
    }
  }
  return { aligned: aligned / xs.count, substitutions, same, unexplained, replaced, indel, examples };
}

/**
 * What two texts share in words, from the sets of each (shingles, terms, anchors) without building the words: enough
 * for `surelyIndependent` to rule out most candidate pairs before the rest of the comparison.
 */
export interface Overlap {
  jaccard: number;
  containment: [number, number];
  verbatim: [number, number];
  mixed: [number, number];
  terms: number;
  /**
   * Jaccard of the name-and-number sets; across languages, the language-neutral anchors' containment in the smaller
   * side (`neutralOverlap`), since the two texts name the same things in different words around them.
   */
  anchors: number;
  quotedShingles: number;
  crossLanguage: boolean;
  /** Across languages only: the language-neutral anchors both share, and how many in the same order. */
  neutral?: NeutralOverlap;
}

export function overlap(a: Side, b: Side): Overlap {
  const A = a.analysis;
  const B = b.analysis;
  const dA = derived(A);
  const dB = derived(B);
  const sa = dA.shingles;
  const sb = dB.shingles;
  const na = sa.list.length;
  const nb = sb.list.length;
  const inter = na < nb ? countIn(sa.list, sb) : countIn(sb.list, sa);
  const union = na + nb - inter;
  const interOutsideQuotes = countIn(dA.shinglesOutsideQuotes, sb);
  const va = verbatimShare(A, sb);
  const vb = verbatimShare(B, sa);
  const crossLanguage = a.language !== null && b.language !== null && a.language !== b.language;
  const neutral = crossLanguage ? neutralOverlap(neutralOf(A), neutralOf(B)) : undefined;
  return {
    jaccard: union === 0 ? 0 : inter / union,
    containment: [na ? inter / na : 0, nb ? inter / nb : 0],
    verbatim: [va.verbatim, vb.verbatim],
    mixed: [va.mixed, vb.mixed],
    terms: jaccard(dA.terms, dB.terms),
    anchors: neutral ? neutral.containment : jaccard(dA.anchors, dB.anchors),
    quotedShingles: inter - interOutsideQuotes,
    crossLanguage,
    ...(neutral ? { neutral } : {}),
  };
}

/**
 * Whether `compare` aligns the pair by meaning: when word overlap alone cannot decide. Reports of one event share names;
 * unrelated texts sharing stock phrases do not, and are not worth aligning.
 */
export function needsMeaning(o: Overlap): boolean {
  return o.jaccard < 0.5 && (o.anchors >= 0.2 || o.terms >= 0.3);
}

/** Every measure the classifier needs. Meaning alignment runs only when word overlap alone cannot decide. */
export function compare(a: Side, b: Side, synonyms: SynonymLookup | null): Evidence {
  return compareFrom(a, b, overlap(a, b), synonyms);
}

/**
 * Most words an editor may add, cut or replace for a light edit: on generated pairs light edits measure 0.003–0.144,
 * rewrites from 0.144, spun copies from 0.166, partial reuses from 0.39 (bench/reuse, 30,000 pairs).
 */
export const LIGHT_CHANGE = 0.15;

/** Shingle Jaccard from which a pair can be a duplicate (with words only added before or after: a kept credit line). */
export const DUPLICATE_JACCARD = 0.95;

/** Below this shingle Jaccard no light edit is possible, and word change (an LCS) is not worth its cost. */
const CHANGE_FROM_JACCARD = 0.3;

/**
 * Whether `classify` can need the word change (an LCS, the costliest step of verifying a related pair): to tell a
 * duplicate (`DUPLICATE_JACCARD`), or a light edit below Jaccard 0.7 (above, it is one whatever the change). Texts whose
 * lengths differ by more than `LIGHT_CHANGE` differ by more words than that.
 */
function needsChange(j: number, a: number, b: number): boolean {
  if (j >= DUPLICATE_JACCARD) return true;
  return j >= CHANGE_FROM_JACCARD && j < 0.7 && Math.min(a, b) >= (1 - LIGHT_CHANGE) * Math.max(a, b);
}

/** `compare`, given the pair's `overlap`. */
export function compareFrom(a: Side, b: Side, o: Overlap, synonyms: SynonymLookup | null): Evidence {
  const A = a.analysis;
  const B = b.analysis;
  const j = o.jaccard;
  // Foreign runs and grammar slips read the words (strings built for the purpose); `classify` reads them only for
  // pairs aligned by meaning, so a copy or a close rewrite, told by its shingles, never builds them.
  const aligning = needsMeaning(o);
  const foreign = aligning && (hasForeignRun(A, a.language) || hasForeignRun(B, b.language));
  const meaning = aligning
    ? alignMeaning(A, B, synonyms)
    : { aligned: 0, substitutions: 0, same: 0, unexplained: 0, replaced: 0, indel: 0, examples: [] };
  return {
    jaccard: j,
    change: needsChange(j, A.hashes.length, B.hashes.length)
      ? wordChange(A.hashes, B.hashes, j >= DUPLICATE_JACCARD ? 1 : LIGHT_CHANGE)
      : null,
    framed: j >= DUPLICATE_JACCARD && runWithin(A.hashes, B.hashes),
    containment: o.containment,
    verbatim: o.verbatim,
    mixed: o.mixed,
    terms: o.terms,
    anchors: o.anchors,
    quotedShingles: o.quotedShingles,
    aligned: meaning.aligned,
    synonyms: meaning.examples,
    substitutions: meaning.substitutions,
    synonymShare: meaning.substitutions ? meaning.substitutions / (meaning.substitutions + meaning.same) : 0,
    explained: meaning.substitutions ? meaning.substitutions / (meaning.substitutions + meaning.unexplained) : 0,
    inPlace: meaning.replaced + meaning.indel ? meaning.replaced / (meaning.replaced + meaning.indel) : 0,
    foreign,
    crossLanguage: o.crossLanguage,
    ...(o.neutral ? { sharedAnchors: o.neutral.shared, anchorOrder: o.neutral.order } : {}),
    slips: aligning ? [slipsOf(A), slipsOf(B)] : [0, 0],
  };
}

export { uniqueSorted };
