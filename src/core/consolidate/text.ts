/**
 * @module Word handling for consolidation: content terms that meet across inflection, British/American spelling
 * and light derivation ("invite"/"invitation"), so that sentences of several outlets can be compared as claims.
 */
import { STOPWORDS, stem, tokenize } from '../cluster/text.js';
import type { SynonymLookup } from '../relate/types.js';

export type { SynonymLookup };

// Reporting filler and hedges: they say who tells, not what is told, and every source words them differently.
const FILLER = new Set(
  (
    'also additionally further furthermore meanwhile moreover mentioned informed stated noted added ' +
    'confirmed announced claimed reportedly apparently statement press agency agencies media ' +
    'would could can will should might shall must far way thing things lot kind sort part'
  ).split(' '),
);

/** One content word: `term` for exact meeting, `word` (lower case, as written) for synonym look-ups. */
export interface Term {
  term: string;
  word: string;
  /** Written with a capital: a name (or a sentence's first word), not what a claim says of it. */
  capital: boolean;
}

// Spelling variants that keep two outlets' identical claims apart; general English, nothing topical.
const SPELLING: [RegExp, string][] = [
  [/mme$/, 'm'],
  [/ence$/, 'ense'],
  [/our$/, 'or'],
  [/is(e|ed|es|ing|ation)$/, 'iz$1'],
  [/tre$/, 'ter'],
  [/ll(ed|ing)$/, 'l$1'],
];

/** A word reduced so that inflections, spellings and "-ation" nouns of one verb meet. */
export function termOf(lower: string): string {
  let w = lower.replace(/['’]s$/, '').replace(/[’]/g, "'");
  if (/\d/.test(w)) return w.replace(/[,.](?=\d{3}\b)/g, '');
  if (w.length > 5) for (const [re, to] of SPELLING) w = w.replace(re, to);
  w = stem(w);
  if (w.length > 7 && /(?:ation|ition)$/.test(w)) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** True for words that carry no claim of their own. */
export function isFiller(lower: string): boolean {
  return STOPWORDS.has(lower) || FILLER.has(lower) || lower.length < 2;
}

/** The content words of a text, in order, hyphenated compounds split ("Jean-Paul" and "Jean Paul" meet). */
export function contentTerms(text: string): Term[] {
  const out: Term[] = [];
  for (const t of tokenize(text)) {
    const capital = /^\p{Lu}/u.test(t.text);
    for (const part of t.lower.split(/[-–]/)) {
      if (!part || isFiller(part)) continue;
      out.push({ term: termOf(part), word: part, capital });
    }
  }
  return out;
}

/** Lower-case words with punctuation dropped, for n-gram comparison of wordings. */
export function words(text: string): string[] {
  return tokenize(text).flatMap((t) => t.lower.split(/[-–]/).filter(Boolean));
}

/** Dice coefficient of two term sets, counting a synonym pair as a match when a lookup is given. */
export function dice(a: readonly Term[], b: readonly Term[], synonyms?: SynonymLookup): number {
  const sa = new Map(a.map((t) => [t.term, t.word]));
  const sb = new Map(b.map((t) => [t.term, t.word]));
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  const restA: string[] = [];
  for (const [term, word] of sa) {
    if (sb.has(term)) shared++;
    else restA.push(word);
  }
  if (synonyms && restA.length > 0) {
    const restB = [...sb].filter(([term]) => !sa.has(term)).map(([, word]) => word);
    const used = new Set<number>();
    for (const w of restA) {
      const j = restB.findIndex((v, i) => !used.has(i) && synonyms(w, v));
      if (j >= 0) {
        used.add(j);
        shared++;
      }
    }
  }
  return (2 * shared) / (sa.size + sb.size);
}

/** Length of the longest run of words the two texts share. */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const v = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : 0;
      cur[j] = v;
      if (v > best) best = v;
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best;
}
