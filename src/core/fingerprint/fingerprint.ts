/**
 * @module An article's fingerprint: the MinHash signatures of its views and the LSH band keys under which the index
 * files it. Band sizes come from the similarity each view must catch (see docs/reuse-index.md for the S-curves).
 */
import { type Analysis, analyze } from './analyze.js';
import { combine, hashString } from './hash.js';
import { oph } from './minhash.js';
import { anchorHashes, passages, termHashes, wordShingleHashes } from './sets.js';

/** Bumped whenever a view, a hash or a band layout changes: older fingerprints are then rebuilt. */
export const FINGERPRINT_VERSION = 2;

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

const VIEW_ID = { exact: 1, terms: 2, anchors: 3, passage: 4, sentence: 5 } as const;
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
  return fingerprintOf(analyze(paragraphs));
}

export function fingerprintOf(a: Analysis): Fingerprint {
  let h1 = 0x12345;
  let h2 = 0x6789a;
  for (let i = 0; i < a.hashes.length; i++) {
    h1 = combine(h1, a.hashes[i] as number);
    h2 = combine(a.hashes[i] as number, h2 ^ i);
  }
  const contentHash = hex(h1) + hex(h2);
  const terms = oph(termHashes(a), LAYOUT.terms.k, 0x51);
  const anchors = oph(anchorHashes(a), LAYOUT.anchors.k, 0x52);
  const ranges = passages(a).slice(0, MAX_PASSAGES);
  const pk = LAYOUT.passage.k;
  const passageSigs = new Uint32Array(ranges.length * pk);
  ranges.forEach(([from, to], p) => {
    passageSigs.set(oph(wordShingleHashes(a, 3, from, to), pk, 0x53), p * pk);
  });
  const keys: number[] = [];
  if (a.words.length > 0) keys.push(VIEW_ID.exact * 2 ** 40 + h1);
  if (termsNonEmpty(terms)) bandKeys(terms, 0, VIEW_ID.terms, LAYOUT.terms, keys);
  if (termsNonEmpty(anchors)) bandKeys(anchors, 0, VIEW_ID.anchors, LAYOUT.anchors, keys);
  for (let p = 0; p < ranges.length; p++) bandKeys(passageSigs, p * pk, VIEW_ID.passage, LAYOUT.passage, keys);
  const sentences = sentenceHashes(a);
  for (const h of sentences) keys.push(VIEW_ID.sentence * 256 * 2 ** 32 + h);
  return {
    contentHash,
    words: a.words.length,
    terms,
    anchors,
    passages: passageSigs,
    sentences,
    keys: [...new Set(keys)],
  };
}

function sentenceHashes(a: Analysis): Uint32Array {
  const out: number[] = [];
  for (let i = 1; i < a.sentences.length && out.length < MAX_SENTENCES; i++) {
    const from = a.sentences[i - 1] as number;
    const to = a.sentences[i] as number;
    if (to - from < MIN_SENTENCE_WORDS) continue;
    let h = 0x5e47;
    for (let j = from; j < to; j++) h = combine(h, a.hashes[j] as number);
    out.push(h);
  }
  return Uint32Array.from(out);
}

function termsNonEmpty(sig: Uint32Array): boolean {
  return sig[0] !== 0xffffffff;
}

const bandSeeds = new Map<number, number>();

function bandSeed(view: number, band: number): number {
  const key = view * 256 + band;
  let seed = bandSeeds.get(key);
  if (seed === undefined) {
    seed = hashString(`${view}:${band}`);
    bandSeeds.set(key, seed);
  }
  return seed;
}

function bandKeys(sig: Uint32Array, offset: number, view: number, layout: ViewLayout, out: number[]): void {
  for (let b = 0; b < layout.bands; b++) {
    let h = bandSeed(view, b);
    for (let r = 0; r < layout.rows; r++) h = combine(h, sig[offset + b * layout.rows + r] as number);
    out.push((view * 256 + b) * 2 ** 32 + h);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** Which view a key belongs to. */
export function viewOfKey(key: number): keyof typeof VIEW_ID | 'unknown' {
  const v = key >= 2 ** 40 && key < 2 ** 41 ? 1 : Math.floor(key / 2 ** 32 / 256);
  return (Object.keys(VIEW_ID) as (keyof typeof VIEW_ID)[]).find((k) => VIEW_ID[k] === v) ?? 'unknown';
}

/** Whether the keys two articles share make them a candidate pair: the exact key, a passage band, or enough term or anchor bands. */
export function isCandidate(sharedKeys: readonly number[]): boolean {
  let anchorHits = 0;
  let termHits = 0;
  let sentenceHits = 0;
  for (const key of sharedKeys) {
    const view = viewOfKey(key);
    if (view === 'anchors') {
      if (++anchorHits >= LAYOUT.anchors.minHits) return true;
    } else if (view === 'terms') {
      if (++termHits >= LAYOUT.terms.minHits) return true;
    } else if (view === 'sentence') {
      if (++sentenceHits >= LAYOUT.sentence.minHits) return true;
    } else if (view !== 'unknown') return true;
  }
  return false;
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
