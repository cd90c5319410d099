/**
 * @module Passage alignment between two articles: which sentence of one says what sentence of the other says, and
 * how — copied verbatim, edited (with the word-level diff), spun (the synonym swaps listed), translated, or both
 * quoting one primary source. Sentences pair up one-to-one in any order (copies reorder paragraphs); candidates
 * come from shared shingles and shared names (seed), then a word-level alignment decides (extend).
 */
import { splitSentences } from '../clean/common/sentences.js';
import { ANCHOR, type Analysis, analyze, FUNCTION, QUOTED } from '../fingerprint/analyze.js';
import { wordShingles } from '../fingerprint/sets.js';
import { stem } from '../fingerprint/words.js';
import { intersectSorted } from '../relate/compare.js';
import type { SynonymLookup } from '../relate/types.js';
import { type DiffOp, wordDiff } from './diff.js';

export type SpanType = 'verbatim' | 'edited' | 'spun' | 'translated' | 'quotation';

export interface Sentence {
  /** Paragraph index in the article's body. */
  paragraph: number;
  /** Index among the article's sentences. */
  index: number;
  text: string;
}

export interface AlignedSpan {
  a: Sentence;
  b: Sentence;
  type: SpanType;
  /** Share of content words matched (as words or synonyms), in [0, 1]. */
  score: number;
  /** Word-level diff from a to b, for edited and spun spans. */
  diff?: DiffOp[];
  /** Synonym swaps (a's word, b's word), for spun spans. */
  substitutions?: [string, string][];
}

export interface Alignment {
  a: string;
  b: string;
  spans: AlignedSpan[];
  /** Share of each side's words inside aligned sentences. */
  coverage: [number, number];
}

interface Prepared {
  sentence: Sentence;
  analysis: Analysis;
  shingles: Uint32Array;
  words: string[];
  stems: string[];
  anchors: Set<string>;
  quotedShare: number;
}

export interface AlignInput {
  id: string;
  body: readonly string[];
  language: string | null;
}

/** Pairs scoring under this share of content words matched are not the same passage. */
const MIN_SCORE = 0.4;
/** Sentences compared per side at most: keeps a pair of very long articles bounded in time. */
const MAX_SENTENCES = 400;

export function sentencesOf(body: readonly string[], language: string | null): Sentence[] {
  const out: Sentence[] = [];
  body.forEach((p, paragraph) => {
    for (const text of splitSentences(p, language ?? 'en')) out.push({ paragraph, index: out.length, text });
  });
  return out;
}

function prepare(s: Sentence): Prepared {
  const a = analyze([s.text]);
  const words: string[] = [];
  const stems: string[] = [];
  const anchors = new Set<string>();
  let quoted = 0;
  for (let i = 0; i < a.words.length; i++) {
    const f = a.flags[i] as number;
    if (f & QUOTED) quoted++;
    if (f & FUNCTION) continue;
    const w = a.words[i] as string;
    words.push(w);
    stems.push(stem(w));
    if (f & ANCHOR) anchors.add(stem(w));
  }
  return {
    sentence: s,
    analysis: a,
    shingles: wordShingles(a),
    words,
    stems,
    anchors,
    quotedShare: a.words.length ? quoted / a.words.length : 0,
  };
}

interface PairScore {
  score: number;
  exact: number;
  substitutions: [string, string][];
}

function scorePair(x: Prepared, y: Prepared, synonyms: SynonymLookup | null): PairScore {
  const used = new Uint8Array(y.stems.length);
  let exact = 0;
  const open: number[] = [];
  for (let i = 0; i < x.stems.length; i++) {
    let hit = y.stems.indexOf(x.stems[i] as string);
    while (hit >= 0 && used[hit]) hit = y.stems.indexOf(x.stems[i] as string, hit + 1);
    if (hit >= 0) {
      used[hit] = 1;
      exact++;
    } else open.push(i);
  }
  const substitutions: [string, string][] = [];
  if (synonyms && exact > 0) {
    for (const i of open) {
      for (let j = 0; j < y.words.length; j++) {
        if (!used[j] && synonyms(x.words[i] as string, y.words[j] as string)) {
          used[j] = 1;
          substitutions.push([x.words[i] as string, y.words[j] as string]);
          break;
        }
      }
    }
  }
  const total = x.stems.length + y.stems.length;
  return { score: total ? (2 * (exact + substitutions.length)) / total : 0, exact, substitutions };
}

/** Aligns the sentences of two articles. Deterministic; O(sentences²) comparisons of short word lists. */
export function align(
  a: AlignInput,
  b: AlignInput,
  synonyms: SynonymLookup | null,
  options: { translation?: boolean; spun?: boolean } = {},
): Alignment {
  const xs = sentencesOf(a.body, a.language).slice(0, MAX_SENTENCES).map(prepare);
  const ys = sentencesOf(b.body, b.language).slice(0, MAX_SENTENCES).map(prepare);
  const crossLanguage = a.language !== null && b.language !== null && a.language !== b.language;
  const translation = crossLanguage || options.translation === true;
  const minSwaps = options.spun ? 1 : 2;
  const pairs: { i: number; j: number; s: PairScore; shared: number }[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as Prepared;
    if (x.stems.length < 3) continue;
    for (let j = 0; j < ys.length; j++) {
      const y = ys[j] as Prepared;
      if (y.stems.length < 3) continue;
      // Seed: a shared shingle or a shared name; anything else cannot be the same passage.
      const shared = intersectSorted(x.shingles, y.shingles);
      let anchor = false;
      if (shared === 0) for (const n of x.anchors) if (y.anchors.has(n)) anchor = true;
      if (shared === 0 && !anchor) continue;
      const s = scorePair(x, y, synonyms);
      if (s.score >= (crossLanguage ? 0.2 : MIN_SCORE)) pairs.push({ i, j, s, shared });
    }
  }
  // Greedy one-to-one matching, best pairs first: tolerates any reordering.
  pairs.sort((p, q) => q.s.score - p.s.score || p.i - q.i || p.j - q.j);
  const usedA = new Uint8Array(xs.length);
  const usedB = new Uint8Array(ys.length);
  const spans: AlignedSpan[] = [];
  for (const p of pairs) {
    if (usedA[p.i] || usedB[p.j]) continue;
    usedA[p.i] = 1;
    usedB[p.j] = 1;
    spans.push(spanOf(xs[p.i] as Prepared, ys[p.j] as Prepared, p.s, crossLanguage, translation, minSwaps));
  }
  spans.sort((p, q) => p.a.index - q.a.index);
  const words = (list: Prepared[], used: Uint8Array) => {
    let inside = 0;
    let all = 0;
    list.forEach((s, i) => {
      all += s.analysis.words.length;
      if (used[i]) inside += s.analysis.words.length;
    });
    return all ? inside / all : 0;
  };
  return { a: a.id, b: b.id, spans, coverage: [words(xs, usedA), words(ys, usedB)] };
}

function spanOf(
  x: Prepared,
  y: Prepared,
  s: PairScore,
  crossLanguage: boolean,
  translation: boolean,
  minSwaps: number,
): AlignedSpan {
  const base = { a: x.sentence, b: y.sentence, score: Math.round(s.score * 1000) / 1000 };
  if (crossLanguage) return { ...base, type: 'translated' };
  const xw = x.analysis.words;
  const yw = y.analysis.words;
  if (xw.length === yw.length && xw.every((w, i) => w === yw[i])) return { ...base, type: 'verbatim' };
  // Two wordings of one quotation: each took it from the speaker (or one edited the other's rendering).
  if (x.quotedShare >= 0.6 && y.quotedShare >= 0.6) return { ...base, type: 'quotation' };
  const diff = wordDiff(xw, yw);
  const kept = diff.filter((d) => d.op === '=').reduce((n, d) => n + d.words.length, 0);
  const keptShare = (2 * kept) / (xw.length + yw.length);
  // One synonym is an editor's choice, unless the pair is known to be spun; a spinner swaps several words.
  if (s.substitutions.length >= minSwaps && keptShare >= 0.4) {
    return { ...base, type: 'spun', diff, substitutions: s.substitutions };
  }
  // Same meaning, little shared wording: a translation when the pair is one, else a heavy edit.
  if (keptShare < 0.5 && translation) return { ...base, type: 'translated' };
  return { ...base, type: 'edited', diff };
}
