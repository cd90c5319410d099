/**
 * @module Word-level text handling for event matching: tokens with their spelling kept (capitals matter for names),
 * a general English stop list, and a light suffix stemmer. Punctuation spacing is not trusted: captures often put
 * spaces around apostrophes and hyphens ("Teixeira ’ s", "free - agent").
 */

export interface Token {
  /** As written, minus a possessive ending. */
  text: string;
  lower: string;
  /** Offset in the source string. */
  start: number;
  end: number;
}

// A word is a run of letters, marks and digits, runs joined by one of - ' ’ . & ("Jong-un", "6.1", "AT&T"): the
// pattern /[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*/u, read by hand (a regular expression's matches are
// objects made per word).
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0,
);
/** Non-ASCII code points already classified (bounded: scripts use a few thousand). */
const wordCodePoints = new Map<number, boolean>();

/** The length in code units of the word character at `i` (1, or 2 beyond the BMP), 0 for another. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  const cp = text.codePointAt(i)!;
  let word = wordCodePoints.get(cp);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(cp));
    if (wordCodePoints.size < 1 << 16) wordCodePoints.set(cp, word);
  }
  return word ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The end of the run of word characters from `i`. */
function runEnd(text: string, i: number, n: number): number {
  let end = i;
  while (end < n) {
    const w = wordCharAt(text, end);
    if (w === 0) break;
    end += w;
  }
  return end;
}

const isJoiner = (c: number) => c === 45 || c === 39 || c === 8217 || c === 46 || c === 38;
// Possessives and contractions ("Reid's", "I'm", "didn't") leave the word they are attached to.
const CLITIC = /['’](?:s|m|ve|ll|re|d|t)$/i;
const DIGIT = /\d/;
const ES_PLURAL = /(?:ches|shes|xes|zes)$/;
const NOT_PLURAL = /(?:ss|us|is|os)$/;
const KEPT_DOUBLE = /[lsz]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    i = runEnd(text, i, n);
    while (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1) !== 0) i = runEnd(text, i + 1, n);
    let t = text.slice(start, i);
    const clitic = CLITIC.exec(t);
    if (clitic) t = t.slice(0, clitic.index);
    if (!t) continue;
    out.push({ text: t, lower: t.toLowerCase(), start, end: i });
  }
  return out;
}

/** A piece of text (a title or a paragraph) with its tokens, so every reader of it tokenizes once. */
export interface Passage {
  text: string;
  tokens: Token[];
}

export function passage(text: string): Passage {
  return { text, tokens: tokenize(text) };
}

// A general English function-word list (articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs
// and reporting filler); nothing here is about any topic.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against ago all almost also although always am among an and another any anyone ' +
    'anything are around as at away back be became because become been before being below between both but by ' +
    'can cannot could did do does doing done down during each either else enough even ever every few for from ' +
    'further get gets getting got had has have having he her here hers herself him himself his how however i if ' +
    'in into is it its itself just last later least less let like likely made make makes many may maybe me might ' +
    'more most much must my myself near never next no nor not now of off often on once one only onto or other ' +
    'others our ours ourselves out over own per perhaps put quite rather really said say says saying see seen ' +
    'several shall she should since so some something soon still such than that the their theirs them themselves ' +
    'then there these they this those though through thus to told too toward towards under until up upon us very ' +
    'via was we well were what whatever when where whether which while who whom whose why will with within without ' +
    'would yet you your yours yourself s t re ve ll d m don didn doesn isn wasn aren weren won wouldn couldn ' +
    'shouldn hasn haven hadn mr mrs ms dr according including among amid told tell tells asked year years day days ' +
    'week weeks month months time times today yesterday tomorrow people news report reports reported'
  ).split(' '),
);

/**
 * A light English suffix stemmer: plurals and the commonest verb endings, so "quakes"/"quake" and
 * "checked"/"checks" meet, without the over-conflation of a full Porter stemmer on names and short words.
 */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 3 || DIGIT.test(w)) return w;
  if (w.endsWith('ies') && n > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (ES_PLURAL.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !NOT_PLURAL.test(w)) return w.slice(0, -1);
  if (n > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (n > 4 && w.endsWith('ed')) return undouble(w.endsWith('ied') ? `${w.slice(0, -3)}y` : w.slice(0, -2));
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !KEPT_DOUBLE.test(w[n - 1] ?? '')) return w.slice(0, -1);
  return w;
}

/** True when the token starts with a capital letter. */
export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = t[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
