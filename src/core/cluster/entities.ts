/**
 * @module Names mentioned in an article (people, places, organisations), found by capitalisation: runs of capitalised
 * words, with a sentence-initial word kept only when the article never writes it in lower case or it opens a longer
 * name. Honorifics and job titles in front of a name are dropped ("President Vladimir Putin" → "vladimir putin").
 * Short forms are joined to the full name the same article uses: a surname or given name ("Putin", "Kim") becomes
 * the longest name it begins or ends ("Vladimir Putin", "Kim Jong Un"). Headlines (title case, capitals) are not
 * trusted on their own: a name from a headline counts only when the body names it too.
 */
import { isCapitalised, type Passage, STOPWORDS, type Token } from './text.js';

// Patterns used once per token, made once (a regular expression literal is a new object each time it is evaluated).
const NAME_PUNCTUATION = /[-'’.]/g;
const SPACES = /\s+/g;
const SPACE = /\s/;
const SENTENCE_BREAK = /[!?:;"“”‘«([—–]/;
const SENTENCE_END = /[.!?]["”’']?\s*$/;
const DIGIT = /\d/;
const LEADING_DIGIT = /^\d/;
const NAME_GAP = /^(?:[ \t]|\s*[-‐]\s*)$/;

/** Words that may sit inside a name between capitalised words ("Bank of America", "Charles de Gaulle"). */
const CONNECTORS: ReadonlySet<string> = new Set([
  'of',
  'de',
  'da',
  'del',
  'der',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
]);

/** Honorifics and offices written before names; a name made only of these is no name. */
const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep representative ' +
    'governor gov mayor king queen prince princess pope father rev reverend general gen colonel col captain capt ' +
    'lieutenant lt sergeant sgt officer judge justice chief ceo chairman chairwoman chancellor premier sheikh ' +
    'ambassador spokesman spokeswoman spokesperson director commissioner detective inspector coach agent st'
  ).split(' '),
);

/** Calendar words: dates are read elsewhere, and a month is not a name. */
export const CALENDAR: ReadonlySet<string> = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul ' +
    'aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr prof st gen sen rep gov lt col capt sgt jr sr inc co corp ltd no vs u.s u.k e.g i.e'.split(' '),
);

export interface EntityCounts {
  /** Canonical name (lower case, single-spaced, hyphens as spaces) → mentions. */
  names: Map<string, number>;
}

function canonical(words: readonly string[]): string {
  return words.join(' ').toLowerCase().replace(NAME_PUNCTUATION, ' ').replace(SPACES, ' ').trim();
}

/** True when the token at `i` opens a sentence: first in its text, or after . ! ? : or an opening quote/bracket. */
function opensSentence(text: string, tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i]!;
  const prev = i > 0 ? tokens[i - 1]! : null;
  let j = tok.start - 1;
  while (j >= (prev ? prev.end : 0) && SPACE.test(text[j] ?? '')) j--;
  if (j < (prev ? prev.end : 0)) return prev === null;
  const gap = text.slice(prev ? prev.end : 0, tok.start);
  if (SENTENCE_BREAK.test(gap)) return true;
  if (gap.includes('.')) return !(prev && ABBREVIATIONS.has(prev.lower));
  return false;
}

/** Fraction of longer words that are capitalised: headlines and all-caps lines are mostly capitals. */
function capitalRatio(tokens: readonly Token[]): number {
  let long = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || DIGIT.test(t.text)) continue;
    long++;
    if (isCapitalised(t.text)) caps++;
  }
  return long ? caps / long : 0;
}

interface Candidate {
  words: string[];
  trusted: boolean;
  /** A single capitalised word opening a sentence: a name only if the article capitalises it elsewhere too. */
  opener: boolean;
}

function phrases({ text, tokens }: Passage, lowerVocabulary: ReadonlySet<string>, trusted: boolean): Candidate[] {
  // A body line in title case that does not end like a sentence is a headline or a label, as untrusted as the title.
  if (capitalRatio(tokens) > 0.6 && !SENTENCE_END.test(text)) trusted = false;
  const out: Candidate[] = [];
  let run: string[] = [];
  const pendingConnectors: string[] = [];
  let runOpens = false;
  const flush = () => {
    // A name follows its titles ("Greek Prime Minister Costas Karamanlis" → "Costas Karamanlis"); a run that is only
    // titles, or ends with one ("the company's CEO"), keeps what precedes them.
    pendingConnectors.length = 0;
    if (run.length === 0) return;
    let lastTitle = -1;
    run.forEach((w, i) => {
      if (TITLES.has(w.toLowerCase())) lastTitle = i;
    });
    if (lastTitle >= 0 && lastTitle < run.length - 1) {
      run = run.slice(lastTitle + 1);
      runOpens = false;
    }
    while (run.length && TITLES.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (run.length) out.push({ words: run, trusted, opener: runOpens && run.length === 1 });
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cap = isCapitalised(t.text) && !CALENDAR.has(t.lower) && !LEADING_DIGIT.test(t.text);
    if (!cap) {
      if (run.length && CONNECTORS.has(t.lower) && pendingConnectors.length === 0) {
        pendingConnectors.push(t.lower);
        continue;
      }
      flush();
      continue;
    }
    // Only a plain space or a hyphen continues a name: "Somehow, Reid" is two things.
    if (run.length && (opensSentence(text, tokens, i) || !NAME_GAP.test(text.slice(tokens[i - 1]!.end, t.start))))
      flush();
    if (run.length === 0) {
      // A capitalised sentence opener is an ordinary word unless the article never writes it in lower case.
      const opener = opensSentence(text, tokens, i);
      if (STOPWORDS.has(t.lower) || t.lower.length < 2) continue;
      if (opener && lowerVocabulary.has(t.lower)) continue;
      runOpens = opener;
    }
    if (pendingConnectors.length) run.push(...pendingConnectors);
    pendingConnectors.length = 0;
    run.push(t.text);
  }
  flush();
  return out;
}

/** Lower-cased forms of words the article writes in lower case: these are common words, not names. */
function lowerCaseWords(parts: readonly Passage[]): Set<string> {
  const out = new Set<string>();
  for (const p of parts) for (const t of p.tokens) if (!isCapitalised(t.text)) out.add(t.lower);
  return out;
}

export function extractEntities(title: Passage | null, body: readonly Passage[]): EntityCounts {
  const lower = lowerCaseWords(body);
  const found: Candidate[] = [];
  for (const p of body) found.push(...phrases(p, lower, true));
  if (title) found.push(...phrases(title, lower, false));
  const bodyNames = new Set<string>();
  const bodyWords = new Set<string>();
  const midSentence = new Set<string>();
  const keys = found.map((c) => canonical(c.words));
  found.forEach((c, i) => {
    if (c.trusted && !c.opener) for (const w of keys[i]!.split(' ')) midSentence.add(w);
  });
  for (const [i, c] of found.entries()) {
    const key = keys[i]!;
    if (!c.trusted || (c.opener && !midSentence.has(key))) continue;
    bodyNames.add(key);
    for (const w of key.split(' ')) bodyWords.add(w);
  }
  const raw = new Map<string, number>();
  for (const [i, c] of found.entries()) {
    const key = keys[i]!;
    if (!key || key.length < 2 || STOPWORDS.has(key)) continue;
    if (c.opener && !midSentence.has(key)) continue;
    // An untrusted (headline) phrase counts when the body uses the same name or each of its words in names.
    if (!c.trusted && !bodyNames.has(key) && !key.split(' ').every((w) => bodyWords.has(w) || CONNECTORS.has(w)))
      continue;
    raw.set(key, (raw.get(key) ?? 0) + 1);
  }
  return { names: joinAliases(raw) };
}

/**
 * Joins short forms to the longest name in the same article that begins or ends with them ("Putin" → "vladimir
 * putin", "Kim" → "kim jong un"); when several names qualify the most mentioned wins, then the longest, then the
 * first in alphabetical order (so the result never depends on map order).
 */
export function joinAliases(raw: ReadonlyMap<string, number>): Map<string, number> {
  const keys = [...raw.keys()].sort();
  const out = new Map<string, number>();
  for (const key of keys) {
    let best: string | null = null;
    for (const other of keys) {
      if (other.length <= key.length) continue;
      if (!(other.startsWith(`${key} `) || other.endsWith(` ${key}`))) continue;
      if (
        best === null ||
        raw.get(other)! > raw.get(best)! ||
        (raw.get(other) === raw.get(best) && other.length > best.length)
      )
        best = other;
    }
    const target = best ?? key;
    out.set(target, (out.get(target) ?? 0) + raw.get(key)!);
  }
  return out;
}
