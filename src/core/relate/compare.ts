/**
 * @module The exact comparison of a candidate pair: shingle overlap and containment both ways, which sentences are
 * carried verbatim, what is shared only inside quotations, and an alignment of sentences by meaning (stems,
 * synonyms, names and numbers) that survives spinning and translation into the same language.
 */

import { type DiffOp, wordDiff } from '../align/diff.js';
import { ANCHOR, type Analysis, FUNCTION, QUOTED } from '../fingerprint/analyze.js';
import { anchorSet, termSet, uniqueSorted, wordShingles } from '../fingerprint/sets.js';
import { stem } from '../fingerprint/words.js';
import type { Evidence, SynonymLookup } from './types.js';

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
  const { sentenceShingles } = derived(a);
  const s = a.sentences;
  let verbatim = 0;
  let mixed = 0;
  for (let i = 1; i < s.length; i++) {
    const sh = sentenceShingles[i - 1] as Uint32Array;
    if (sh.length < 2) continue;
    let found = 0;
    for (let j = 0; j < sh.length; j++) if (has(other, sh[j] as number)) found++;
    const share = found / sh.length;
    const words = (s[i] as number) - (s[i - 1] as number);
    if (share >= 0.6) verbatim += words;
    else if (share >= 0.15) mixed += words;
  }
  const n = a.words.length || 1;
  return { verbatim: verbatim / n, mixed: mixed / n };
}

/** What comparisons read of an article, computed once per analysis: candidates recur across many pairs. */
interface Derived {
  shingles: Uint32Array;
  shinglesOutsideQuotes: Uint32Array;
  /** Per sentence, its shingles outside quotations (two reports quoting one speaker have not copied each other). */
  sentenceShingles: Uint32Array[];
  terms: Uint32Array;
  anchors: Uint32Array;
  bags: SentenceBag[];
  slips: number;
  foreignRun: boolean;
}

const cache = new WeakMap<Analysis, Derived>();

function derived(a: Analysis): Derived {
  let d = cache.get(a);
  if (!d) {
    const sentenceShingles: Uint32Array[] = [];
    for (let i = 1; i < a.sentences.length; i++) {
      sentenceShingles.push(wordShingles(a, 3, a.sentences[i - 1] as number, a.sentences[i] as number, true));
    }
    d = {
      shingles: wordShingles(a),
      shinglesOutsideQuotes: wordShingles(a, 3, 0, a.words.length, true),
      sentenceShingles,
      terms: termSet(a),
      anchors: anchorSet(a),
      bags: bags(a),
      slips: articleSlips(a),
      foreignRun: foreignRunIn(a),
    };
    cache.set(a, d);
  }
  return d;
}

const DIACRITIC = /[\u00C0-\u024F]/;
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

function foreignRunIn(a: Analysis): boolean {
  const w = a.words;
  // 1: a glue word of another language, 2: a word with Latin diacritics; any 4-word window with both kinds (≥ 2 accented).
  const kind = new Uint8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const x = w[i] as string;
    if (FOREIGN_GLUE.has(x)) kind[i] = 1;
    else if (DIACRITIC.test(x)) kind[i] = 2;
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
  anchors: Set<string>;
}

/** Content words outside quotations, per sentence: what a paraphrase must keep the meaning of. */
function bags(a: Analysis): SentenceBag[] {
  const out: SentenceBag[] = [];
  const s = a.sentences;
  for (let i = 1; i < s.length; i++) {
    const bag: SentenceBag = { stems: [], words: [], anchors: new Set() };
    for (let j = s[i - 1] as number; j < (s[i] as number); j++) {
      const f = a.flags[j] as number;
      if (f & (FUNCTION | QUOTED)) continue;
      const w = a.words[j] as string;
      bag.words.push(w);
      bag.stems.push(stem(w));
      if (f & ANCHOR) bag.anchors.add(stem(w));
    }
    if (bag.stems.length >= 4) out.push(bag);
  }
  return out;
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

function softMatch(x: SentenceBag, y: SentenceBag, synonyms: SynonymLookup | null, needed: number): Match {
  const used = new Uint8Array(y.stems.length);
  const open: number[] = [];
  let same = 0;
  for (let i = 0; i < x.stems.length; i++) {
    const st = x.stems[i] as string;
    let hit = y.stems.indexOf(st);
    while (hit >= 0 && used[hit]) hit = y.stems.indexOf(st, hit + 1);
    if (hit >= 0) {
      used[hit] = 1;
      same++;
    } else open.push(i);
  }
  const total = x.stems.length + y.stems.length;
  const pairs: [string, string][] = [];
  // Synonym lookups are the expensive part: only for pairs that share enough already and could still reach `needed`.
  const reachable = (2 * (same + Math.min(open.length, y.stems.length - same))) / total;
  if (synonyms && open.length && same > 0 && reachable >= needed) {
    for (const i of open) {
      const w = x.words[i] as string;
      for (let j = 0; j < y.words.length; j++) {
        if (used[j]) continue;
        if (synonyms(w, y.words[j] as string)) {
          used[j] = 1;
          pairs.push([w, y.words[j] as string]);
          break;
        }
      }
    }
  }
  return { dice: (2 * (same + pairs.length)) / total, same, size: x.stems.length, pairs };
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
  let xs = derived(a).bags;
  let ys = derived(b).bags;
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
  for (const x of xs) {
    let best: Match | null = null;
    let bestY: SentenceBag | null = null;
    for (const y of ys) {
      let sharedAnchor = false;
      for (const an of x.anchors) if (y.anchors.has(an)) sharedAnchor = true;
      if (!sharedAnchor && x.anchors.size > 0) continue;
      const m = softMatch(x, y, synonyms, Math.max(ALIGNED_DICE, best?.dice ?? 0));
      if (!best || m.dice > best.dice) {
        best = m;
        bestY = y;
      }
    }
    if (best && bestY && best.dice >= ALIGNED_DICE) {
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
