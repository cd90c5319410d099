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

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*/gu;
// Possessives and contractions ("Reid's", "I'm", "didn't") leave the word they are attached to.
const CLITIC = /['’](?:s|m|ve|ll|re|d|t)$/i;
const DIGIT = /\d/;
const ES_PLURAL = /(?:ches|shes|xes|zes)$/;
const NOT_PLURAL = /(?:ss|us|is|os)$/;
const KEPT_DOUBLE = /[lsz]/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let t = m[0];
    const clitic = CLITIC.exec(t);
    if (clitic) t = t.slice(0, clitic.index);
    if (!t) continue;
    const start = m.index;
    out.push({ text: t, lower: t.toLowerCase(), start, end: start + m[0].length });
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
