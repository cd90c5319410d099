/**
 * @module An article's fingerprint: the MinHash signatures of its views and the LSH band keys under which the index
 * files it. Band sizes come from the similarity each view must catch (see docs/reuse-index.md for the S-curves).
 */
import { ANCHOR, type Analysis, analyzeText, FUNCTION } from './analyze.js';
import { combine, hashString } from './hash.js';
import { ophInto } from './minhash.js';

/**
 * Bumped whenever a view, a hash, a band layout or the typing of relations changes: older fingerprints are then rebuilt
 * and their relations recomputed.
 */
export const FINGERPRINT_VERSION = 4;

export interface ViewLayout {
  /** Signature length. */
  k: number;
  bands: number;
  rows: number;
  /** Band hits a pair needs in this view to become a candidate. */
  minHits: number;
}

/**
 * terms: rewrites keep ~55% of their content terms, but texts on one subject share many terms too, so a candidate
 * needs two bands. anchors: spun copies and translations keep names and numbers,
 * but so do independent reports of one event — short bands, and a candidate needs `minHits` of them. passage: a
 * reused passage is found whatever surrounds it. sentence: each sentence's own hash, so that sentences copied one by
 * one into another text (a partial reuse scattered through it) are found; two shared sentences make a candidate, so
 * that one stock line ("Read more on our website.") does not.
 */
export const LAYOUT = {
  terms: { k: 128, bands: 32, rows: 4, minHits: 2 },
  anchors: { k: 64, bands: 32, rows: 2, minHits: 3 },
  passage: { k: 20, bands: 5, rows: 4, minHits: 1 },
  sentence: { k: 1, bands: 1, rows: 1, minHits: 2 },
} as const satisfies Record<string, ViewLayout>;

export const VIEW_ID = { exact: 1, terms: 2, anchors: 3, passage: 4, sentence: 5 } as const;
/** Sentences shorter than this say too little to be evidence of copying. */
const MIN_SENTENCE_WORDS = 8;
const MAX_SENTENCES = 60;
/** Passages beyond this many are not indexed: a reused part is found through its first passages already. */
const MAX_PASSAGES = 24;

export interface Fingerprint {
  /** 64-bit hash of the word sequence, as 16 hex digits: equal for texts that differ only in case and typography. */
  contentHash: string;
  words: number;
  terms: Uint32Array;
  anchors: Uint32Array;
  /** `LAYOUT.passage.k` values per passage, passages in text order. */
  passages: Uint32Array;
  /** Hashes of the sentences of at least `MIN_SENTENCE_WORDS` words, in text order. */
  sentences: Uint32Array;
  /** LSH keys (below 2^48): the exact key, then each view's bands. */
  keys: number[];
}

export function fingerprint(paragraphs: readonly string[]): Fingerprint {
  return fingerprintOf(analyzeText(paragraphs, false));
}

// Scratch for the sets each view hashes, reused across calls (grown as needed).
let scratch = new Uint32Array(4096);
let ranges = new Uint32Array(256);

function room(n: number): Uint32Array {
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
  return scratch;
}

export function fingerprintOf(a: Analysis): Fingerprint {
  const { hashes, flags, termStems, anchorStems } = a;
  const n = hashes.length;
  let h1 = 0x12345;
  let h2 = 0x6789a;
  for (let i = 0; i < n; i++) {
    const x = hashes[i] as number;
    h1 = combine(h1, x);
    h2 = combine(x, h2 ^ i);
  }
  const contentHash = hex(h1) + hex(h2);

  // The signatures share one buffer: one allocation instead of four.
  const nRanges = Math.min(passageRanges(a), MAX_PASSAGES);
  const nSentences = sentenceHashes(a);
  const tk = LAYOUT.terms.k;
  const ak = LAYOUT.anchors.k;
  const pk = LAYOUT.passage.k;
  const buffer = new ArrayBuffer(4 * (tk + ak + nRanges * pk + nSentences));
  const terms = new Uint32Array(buffer, 0, tk);
  const anchors = new Uint32Array(buffer, 4 * tk, ak);
  const passageSigs = new Uint32Array(buffer, 4 * (tk + ak), nRanges * pk);
  const sentences = new Uint32Array(buffer, 4 * (tk + ak + nRanges * pk), nSentences);
  sentences.set(sentenceScratch.subarray(0, nSentences));

  // Stems of the content words (what `termHashes` gives).
  let set = room(2 * n);
  let m = 0;
  // Branch-free: whether a word is a function word is a coin toss to the branch predictor.
  for (let i = 0; i < n; i++) {
    set[m] = termStems[i] as number;
    m += 1 - ((flags[i] as number) & FUNCTION);
  }
  ophInto(set, 0, m, tk, 0x51, terms, 0);

  // Names and numbers, alone and in pairs (what `anchorHashes` gives).
  m = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    if (!((flags[i] as number) & ANCHOR)) continue;
    const h = anchorStems[i] as number;
    set[m++] = h;
    if (previous >= 0 && previous !== h) set[m++] = combine(previous, h);
    previous = h;
  }
  ophInto(set, 0, m, ak, 0x52, anchors, 0);

  // Word 3-shingles of each passage (what `wordShingleHashes` gives).
  set = room(n);
  for (let p = 0; p < nRanges; p++) {
    const from = ranges[2 * p] as number;
    const to = ranges[2 * p + 1] as number;
    m = 0;
    for (let i = from; i + 3 <= to; i++) {
      set[m++] = combine(combine(hashes[i] as number, hashes[i + 1] as number), hashes[i + 2] as number);
    }
    ophInto(set, 0, m, pk, 0x53, passageSigs, p * pk);
  }

  const keys: number[] = [];
  if (n > 0) keys.push(VIEW_ID.exact * 2 ** 40 + h1);
  if (termsNonEmpty(terms)) bandKeys(terms, 0, TERM_SEEDS, VIEW_ID.terms, LAYOUT.terms, keys);
  if (termsNonEmpty(anchors)) bandKeys(anchors, 0, ANCHOR_SEEDS, VIEW_ID.anchors, LAYOUT.anchors, keys);
  // Repeated passages and sentences give repeated keys; every other key is unique by its view and band.
  seen.reset();
  for (let p = 0; p < nRanges; p++)
    bandKeys(passageSigs, p * pk, PASSAGE_SEEDS, VIEW_ID.passage, LAYOUT.passage, keys, seen);
  for (let i = 0; i < nSentences; i++) {
    const key = VIEW_ID.sentence * 256 * 2 ** 32 + (sentences[i] as number);
    if (seen.add(key)) keys.push(key);
  }
  return { contentHash, words: n, terms, anchors, passages: passageSigs, sentences, keys };
}

/** `passages` into `ranges` (from, to pairs); returns their count. */
function passageRanges(a: Analysis, minWords = 25, maxWords = 120): number {
  const s = a.sentences;
  const hashes = a.hashes;
  let count = 0;
  let from = 0;
  for (let i = 1; i < s.length; i++) {
    const end = s[i] as number;
    const start = s[i - 1] as number;
    const length = end - from;
    let h = 0;
    const stop = Math.min(end, start + 6);
    for (let j = start; j < stop; j++) h = combine(h, hashes[j] as number);
    if ((length >= minWords && h % 3 === 0) || length >= maxWords || i === s.length - 1) {
      if (length >= 8) {
        if (2 * count + 2 > ranges.length) {
          const bigger = new Uint32Array(ranges.length * 2);
          bigger.set(ranges);
          ranges = bigger;
        }
        ranges[2 * count] = from;
        ranges[2 * count + 1] = end;
        count++;
      } else if (count) ranges[2 * count - 1] = end;
      from = end;
    }
  }
  return count;
}

const sentenceScratch = new Uint32Array(MAX_SENTENCES);

/** Hashes of the sentences of at least MIN_SENTENCE_WORDS words (the first MAX_SENTENCES) into `sentenceScratch`. */
function sentenceHashes(a: Analysis): number {
  const s = a.sentences;
  const hashes = a.hashes;
  let m = 0;
  for (let i = 1; i < s.length && m < MAX_SENTENCES; i++) {
    const from = s[i - 1] as number;
    const to = s[i] as number;
    if (to - from < MIN_SENTENCE_WORDS) continue;
    let h = 0x5e47;
    for (let j = from; j < to; j++) h = combine(h, hashes[j] as number);
    sentenceScratch[m++] = h;
  }
  return m;
}

function termsNonEmpty(sig: Uint32Array): boolean {
  return sig[0] !== 0xffffffff;
}

function bandSeedsOf(view: number, bands: number): Uint32Array {
  return Uint32Array.from({ length: bands }, (_, band) => hashString(`${view}:${band}`));
}

const TERM_SEEDS = bandSeedsOf(VIEW_ID.terms, LAYOUT.terms.bands);
const ANCHOR_SEEDS = bandSeedsOf(VIEW_ID.anchors, LAYOUT.anchors.bands);
const PASSAGE_SEEDS = bandSeedsOf(VIEW_ID.passage, LAYOUT.passage.bands);

/** A set of keys for one call: open addressing, emptied by bumping a stamp instead of clearing. */
class KeySet {
  #keys = new Float64Array(1024);
  #stamps = new Uint32Array(1024);
  #stamp = 0;
  #size = 0;

  reset(): void {
    this.#size = 0;
    // Stamps are uint32: on wrapping, clear them once.
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#stamps.fill(0);
      this.#stamp = 1;
    }
  }

  /** Adds the key; false if it was there. */
  add(key: number): boolean {
    if (2 * (this.#size + 1) > this.#keys.length) this.#grow();
    const mask = this.#keys.length - 1;
    let slot = key & mask;
    while (this.#stamps[slot] === this.#stamp) {
      if (this.#keys[slot] === key) return false;
      slot = (slot + 1) & mask;
    }
    this.#stamps[slot] = this.#stamp;
    this.#keys[slot] = key;
    this.#size++;
    return true;
  }

  #grow(): void {
    const keys = this.#keys;
    const stamps = this.#stamps;
    this.#keys = new Float64Array(keys.length * 2);
    this.#stamps = new Uint32Array(keys.length * 2);
    const live = this.#stamp;
    this.#stamp = 1;
    this.#size = 0;
    for (let i = 0; i < keys.length; i++) if (stamps[i] === live) this.add(keys[i] as number);
  }
}

const seen = new KeySet();

function bandKeys(
  sig: Uint32Array,
  offset: number,
  seeds: Uint32Array,
  view: number,
  layout: ViewLayout,
  out: number[],
  unique?: KeySet,
): void {
  const rows = layout.rows;
  for (let b = 0; b < layout.bands; b++) {
    let h = seeds[b] as number;
    const at = offset + b * rows;
    for (let r = 0; r < rows; r++) h = combine(h, sig[at + r] as number);
    const key = (view * 256 + b) * 2 ** 32 + h;
    if (!unique || unique.add(key)) out.push(key);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** The view id of a key (0 for none). */
export function viewIdOfKey(key: number): number {
  if (key >= 2 ** 40 && key < 2 ** 41) return VIEW_ID.exact;
  const v = Math.floor(key / 2 ** 40);
  return v >= VIEW_ID.terms && v <= VIEW_ID.sentence ? v : 0;
}

const VIEW_NAMES = ['unknown', 'exact', 'terms', 'anchors', 'passage', 'sentence'] as const;

/** Which view a key belongs to. */
export function viewOfKey(key: number): keyof typeof VIEW_ID | 'unknown' {
  return VIEW_NAMES[viewIdOfKey(key)] ?? 'unknown';
}

/** Whether the keys two articles share make them a candidate pair: the exact key, a passage band, or enough term or anchor bands. */
export function isCandidate(sharedKeys: readonly number[]): boolean {
  let anchorHits = 0;
  let termHits = 0;
  let sentenceHits = 0;
  for (let i = 0; i < sharedKeys.length; i++) {
    const view = viewIdOfKey(sharedKeys[i] as number);
    if (view === VIEW_ID.anchors) {
      if (++anchorHits >= LAYOUT.anchors.minHits) return true;
    } else if (view === VIEW_ID.terms) {
      if (++termHits >= LAYOUT.terms.minHits) return true;
    } else if (view === VIEW_ID.sentence) {
      if (++sentenceHits >= LAYOUT.sentence.minHits) return true;
    } else if (viewNominatesAlone(view)) return true;
  }
  return false;
}

/** Whether sharing this one key makes two articles a candidate pair (the exact key, a passage band). */
export function nominatesAlone(key: number): boolean {
  return viewNominatesAlone(viewIdOfKey(key));
}

function viewNominatesAlone(view: number): boolean {
  return view === VIEW_ID.exact || view === VIEW_ID.passage;
}

/** Binary form for the store: header of counts, then the three signature arrays. Keys are rebuilt from it. */
export function encodeFingerprint(fp: Fingerprint): Uint8Array {
  const header = new Uint32Array([
    FINGERPRINT_VERSION,
    fp.words,
    fp.terms.length,
    fp.anchors.length,
    fp.passages.length,
    parseInt(fp.contentHash.slice(0, 8), 16),
    parseInt(fp.contentHash.slice(8), 16),
    fp.sentences.length,
  ]);
  const out = new Uint32Array(
    header.length + fp.terms.length + fp.anchors.length + fp.passages.length + fp.sentences.length,
  );
  let at = 0;
  for (const part of [header, fp.terms, fp.anchors, fp.passages, fp.sentences]) {
    out.set(part, at);
    at += part.length;
  }
  return new Uint8Array(out.buffer);
}

export function decodeFingerprint(bytes: Uint8Array): Omit<Fingerprint, 'keys'> {
  const copy = new Uint8Array(bytes); // aligned
  const u = new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
  const [, words = 0, nt = 0, na = 0, np = 0, c1 = 0, c2 = 0, ns = 0] = u;
  let at = 8;
  const take = (n: number) => {
    const part = u.slice(at, at + n);
    at += n;
    return part;
  };
  const terms = take(nt);
  const anchors = take(na);
  const passageSigs = take(np);
  const sentences = take(ns);
  return { contentHash: hex(c1) + hex(c2), words, terms, anchors, passages: passageSigs, sentences };
}
