/**
 * @module Stories with known derivation chains, for the provenance benchmark (issue 7): who copied whom, which text
 * is the original, and which sentence of each copy derives from which sentence of its source.
 *
 * Fresh article texts come from the reuse corpus generator (bench/reuse/generate.ts: its originals and unrelated
 * documents), so the prose is the same template news as the reuse benchmark. The transformations are thin
 * equivalents of that generator's (its own work on an internal token model we cannot reach), done here on sentences
 * that carry an `origin`: the id of the sentence of the story's source text they derive from. An edit keeps the
 * origin, an added sentence gets a new one, so two articles' true aligned sentence pairs are their sentences of
 * equal origin — through any number of steps.
 *
 * One story (`chainStory`):
 * - wire A's original O (credits the agency) → republication R (light edit) → spun copy S of R;
 * - O → partial reuse P (30–50% of O's sentences inside another article's text);
 * - O → intermediate M (light edit) → two copies C1, C2 of M (light edits or an exact copy): they share M's changes;
 *   in every fourth story M itself is not in the story, so C1 and C2 share changes no article of it holds;
 * - half the stories: wire B's own report W of the event (different text, same names) → W1 (light edit);
 * - two independent reports I1, I2 (different text, same names, no credit).
 * Copies are published 10 min – 20 h after their source, but a share of them have no date, the same time as their
 * source, or a day-precision date, so the time clue is absent (or misleading) in a share of the pairs.
 */
import { splitSentences } from '../../src/core/clean/common/sentences.js';
import type { Article } from '../../src/core/model.js';
import { benchArticle } from '../article.js';
import { rng } from '../corpus.js';
import { generateCorpus, loadLexicon, type ReuseDoc, renderTokens, STOPWORDS, spinTokens } from '../reuse/generate.js';

export type Role = 'original' | 'republication' | 'spun' | 'partial' | 'intermediate' | 'copy' | 'independent';

export interface ChainTruth {
  lineages: { name: string; articles: string[]; original: string }[];
  independent: string[];
  /** The article each derived article was made from (its direct source). */
  parent: Record<string, string>;
  role: Record<string, Role>;
  /** Per article, per sentence index as `align()` counts them (`sentencesOf`): the origin id, or null. */
  origins: Record<string, (number | null)[]>;
}

export interface ChainStory {
  id: string;
  articles: Article[];
  truth: ChainTruth;
}

/** True when `x` is an ancestor of `y` (x's text is, through one or more steps, the source of y's). */
export function isAncestor(truth: ChainTruth, x: string, y: string): boolean {
  for (let p = truth.parent[y]; p !== undefined; p = truth.parent[p]) if (p === x) return true;
  return false;
}

/** The true aligned sentence pairs [index in a, index in b]: sentences of one origin. */
export function truePairs(truth: ChainTruth, a: string, b: string): [number, number][] {
  const ob = truth.origins[b] ?? [];
  const at = new Map<number, number>();
  ob.forEach((o, j) => {
    if (o !== null) at.set(o, j);
  });
  const out: [number, number][] = [];
  (truth.origins[a] ?? []).forEach((o, i) => {
    const j = o === null ? undefined : at.get(o);
    if (j !== undefined) out.push([i, j]);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Texts as sentences of tokens, each with its origin.

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

interface Sen {
  toks: string[];
  origin: number;
}

interface Text {
  title: string[];
  paras: Sen[][];
  /** Curly quotes or straight, as the source document had them. */
  curly: boolean;
}

// Numbers with separators stay one token ("1,200", "$3.5"), so rendering does not put a space after the comma.
const TOKENS = /\$?\d+(?:[.,]\d+)*|[“”"]|[,.;:?]|[^\s,.;:?“”"]+/g;
const PUNCT = new Set([',', '.', ';', ':', '?', '“', '”', '-']);
const isWord = (t: string) => !PUNCT.has(t);

function tokens(s: string): string[] {
  const out = s.match(TOKENS) ?? [];
  // Straight quotes alternate open and close; the spinner and the renderer want them told apart.
  let open = true;
  return out.map((t) => {
    if (t !== '"') return t;
    const q = open ? '“' : '”';
    open = !open;
    return q;
  });
}

class Origins {
  next = 0;
}

function textOf(doc: ReuseDoc, ids: Origins): Text {
  const curly = doc.body.some((p) => p.includes('“'));
  return {
    title: tokens(doc.title),
    curly,
    // The reuse generator leaves a sentence-initial "A" before a vowel ("A adviser at …"): a writer would not, and
    // provenance reads a/an slips as a spinner's mark, so the fresh texts get them right.
    paras: doc.body.map((p) =>
      splitSentences(p, 'en').map((s) => {
        const toks = tokens(s);
        fixArticles(toks);
        return { toks, origin: ids.next++ };
      }),
    ),
  };
}

const clone = (t: Text): Text => ({
  title: [...t.title],
  curly: t.curly,
  paras: t.paras.map((p) => p.map((s) => ({ toks: [...s.toks], origin: s.origin }))),
});

/** a/an by the next word: what a writer (not a spinner) gets right. */
function fixArticles(toks: string[]): void {
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i]!;
    if (t === 'a' || t === 'an' || t === 'A' || t === 'An') {
      const an = /^[aeiou]/i.test(toks[i + 1]!);
      toks[i] = t[0] === 'A' ? (an ? 'An' : 'A') : an ? 'an' : 'a';
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Names: in the generated prose a name is a capitalised word that is no English word (names are invented).

function isName(t: string): boolean {
  return /^[A-Z][a-z]+$/.test(t) && !loadLexicon().words.has(t.toLowerCase()) && !STOPWORDS.has(t.toLowerCase());
}

function namesOf(t: Text): string[] {
  const seen = new Set<string>();
  for (const p of t.paras) for (const s of p) for (const w of s.toks) if (isName(w)) seen.add(w);
  return [...seen];
}

/** Another article's text about the same event: its names replaced, in order of appearance, by the event's. */
function withNames(t: Text, names: readonly string[]): Text {
  const own = namesOf(t);
  if (!names.length) return t;
  const map = new Map(own.map((n, i) => [n, names[i % names.length]!]));
  const swap = (toks: string[]) => toks.map((w) => map.get(w) ?? w);
  return {
    title: swap(t.title),
    curly: t.curly,
    paras: t.paras.map((p) => p.map((s) => ({ toks: swap(s.toks), origin: s.origin }))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Transformations (thin equivalents of bench/reuse/generate.ts's).

type Pos = 'n' | 'v' | 'a' | 'r';
let posMap: Map<string, Pos> | undefined;

function posOf(w: string): Pos | undefined {
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
  return posMap.get(w);
}

function poolOf(pos: Pos | undefined): string[] {
  const lex = loadLexicon();
  return pos === 'v' ? lex.verbs : pos === 'a' ? lex.adjectives : pos === 'r' ? lex.adverbs : lex.nouns;
}

/** Fisher–Yates, in place, with the story's generator. */
function shuffle<T>(xs: T[], r: R): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** An editor's word edits on `share` of the words: a synonym or same-kind word, a dropped or an added modifier. */
function editWords(sens: readonly Sen[], share: number, r: R): void {
  const lex = loadLexicon();
  const spots: { k: number; i: number }[] = [];
  let words = 0;
  sens.forEach((s, k) => {
    s.toks.forEach((w, i) => {
      if (!isWord(w)) return;
      words++;
      if (/^[a-z]{3,}$/.test(w) && !STOPWORDS.has(w)) spots.push({ k, i });
    });
  });
  const count = Math.max(1, Math.round(share * words));
  // Back to front within a sentence, so that a splice never shifts a spot still to come.
  const chosen = shuffle(spots, r)
    .slice(0, count)
    .sort((x, y) => x.k - y.k || y.i - x.i);
  const touched = new Set<number>();
  for (const { k, i } of chosen) {
    const toks = sens[k]!.toks;
    const w = toks[i]!;
    const pos = posOf(w);
    const op = r();
    touched.add(k);
    if (op < 0.2 && (pos === 'a' || pos === 'r')) toks.splice(i, 1);
    else if (op < 0.4 && (pos === 'n' || pos === 'v'))
      toks.splice(i, 0, pick(r, pos === 'n' ? lex.adjectives : lex.adverbs));
    else {
      const syn = lex.synonyms.get(w)?.filter((x) => /^[a-z]+$/.test(x));
      toks[i] = syn?.length && r() < 0.5 ? pick(r, syn) : pick(r, poolOf(pos));
    }
  }
  for (const k of touched) fixArticles(sens[k]!.toks);
}

/** A republication: 3–7% of the words edited, sometimes a sentence dropped or one added, sometimes a new title. */
function lightEdit(src: Text, r: R, extra: () => Sen): Text {
  const t = clone(src);
  const x = r();
  if (x < 0.25) {
    const multi = t.paras.filter((p) => p.length > 1);
    if (multi.length) {
      const p = pick(r, multi);
      p.splice(between(r, 0, p.length - 1), 1);
    }
  } else if (x < 0.45) {
    const p = pick(r, t.paras);
    p.splice(between(r, 0, p.length), 0, extra());
  }
  const title: Sen = { toks: t.title, origin: -1 };
  if (r() < 0.4) editWords([title], 0.15, r);
  editWords(t.paras.flat(), 0.03 + r() * 0.04, r);
  return t;
}

/** A synonym spinner over every sentence (the reuse generator's `spinTokens`: names and numbers kept). */
function spin(src: Text, r: R): Text {
  const rate = 0.5 + r() * 0.4;
  return {
    title: spinTokens(src.title, r, rate),
    curly: src.curly,
    paras: src.paras.map((p) => p.map((s) => ({ toks: spinTokens(s.toks, r, rate), origin: s.origin }))),
  };
}

/** 30–50% of the source's sentences, as one run or scattered in order, inside another article's text. */
function partial(src: Text, host: Text, r: R): Text {
  const all = src.paras.flat();
  const total = all.reduce((n, s) => n + s.toks.length, 0);
  const target = (0.3 + r() * 0.2) * total;
  let taken: Sen[] = [];
  if (r() < 0.5) {
    const start = between(r, 0, Math.max(0, all.length - 3));
    let n = 0;
    for (let i = start; i < all.length && n < target; i++) {
      taken.push(all[i]!);
      n += all[i]!.toks.length;
    }
  } else {
    const order = shuffle(
      all.map((_, i) => i),
      r,
    );
    const chosen: number[] = [];
    let n = 0;
    for (const i of order) {
      if (n >= target) break;
      chosen.push(i);
      n += all[i]!.toks.length;
    }
    taken = chosen.sort((x, y) => x - y).map((i) => all[i]!);
  }
  const out = clone(host);
  const copied = taken.map((s) => ({ toks: [...s.toks], origin: s.origin }));
  // One or two sentences to a paragraph, placed together after the host's lead or spread through it.
  const blocks: Sen[][] = [];
  for (let i = 0; i < copied.length; ) {
    const k = Math.min(copied.length - i, between(r, 1, 2));
    blocks.push(copied.slice(i, i + k));
    i += k;
  }
  if (r() < 0.5) out.paras.splice(between(r, 1, out.paras.length), 0, ...blocks);
  else {
    const slots = blocks.map(() => between(r, 1, out.paras.length)).sort((x, y) => y - x);
    blocks.reverse().forEach((b, k) => void out.paras.splice(slots[k]!, 0, b));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Articles: rendering, dates and credits.

interface Made {
  id: string;
  text: Text;
  role: Role;
  parent: string | undefined;
  published: string | null;
  precision: Article['publishedPrecision'];
  credits: string[];
  outlet: string;
  /** Made (its copies derive from it) but not in the story. */
  unseen?: boolean;
}

/** Renders the text and records each align-sentence's origin (splitting the rendered paragraph as align does). */
function toArticle(m: Made): { article: Article; origins: (number | null)[] } {
  const body: string[] = [];
  const origins: (number | null)[] = [];
  for (const p of m.text.paras) {
    const rendered = p.map((s) => renderTokens(s.toks, m.text.curly));
    const para = rendered.join(' ');
    const starts: number[] = [];
    let at = 0;
    for (const s of rendered) {
      starts.push(at);
      at += s.length + 1;
    }
    let cursor = 0;
    for (const seg of splitSentences(para, 'en')) {
      const trimmed = seg.trim();
      const pos = para.indexOf(trimmed, cursor);
      const start = pos >= 0 ? pos : cursor;
      cursor = start + trimmed.length;
      let k = 0;
      while (k + 1 < starts.length && starts[k + 1]! <= start) k++;
      // A segment that starts inside a sentence (the splitter cut one in two) derives from nothing on its own.
      origins.push(starts[k] === start ? (p[k]?.origin ?? null) : null);
    }
    body.push(para);
  }
  const title = renderTokens(m.text.title, m.text.curly);
  return {
    article: benchArticle(m.id, body, {
      title,
      published: m.published,
      publishedPrecision: m.precision,
      credits: m.credits,
      url: `https://${m.outlet}/news/${m.id}`,
      outlet: m.outlet,
      cleanerVersion: 1,
    }),
    origins,
  };
}

const AGENCIES = ['Reuters', 'AFP', 'AP', 'dpa', 'EFE', 'Kyodo'];

/** A pool of fresh article texts (the reuse corpus's originals and unrelated documents), drawn in order. */
export class FreshTexts {
  #docs: ReuseDoc[] = [];
  #next = 0;
  #seed: number;
  #made = 0;
  constructor(seed: number) {
    this.#seed = seed;
  }
  take(): ReuseDoc {
    while (this.#next >= this.#docs.length) {
      // Derived documents are the `b` of a direct pair; everything else was written fresh.
      const n = 400;
      const c = generateCorpus({ n, seed: this.#seed * 1000 + this.#made++ });
      const derived = new Set(c.pairs.filter((p) => p.direct).map((p) => p.b));
      this.#docs = c.docs.filter((d) => !derived.has(d.id));
      this.#next = 0;
    }
    return this.#docs[this.#next++]!;
  }
}

export interface ChainOptions {
  seed?: number;
}

interface Story {
  r: R;
  ids: Origins;
  fresh: FreshTexts;
  made: Made[];
  times: Map<string, number>;
  serial: number;
  storyId: string;
  names: string[];
}

function newId(st: Story): string {
  // Ids carry no order: provenance must not profit from a source's id sorting first.
  const h = Math.floor(st.r() * 0xffffff)
    .toString(16)
    .padStart(6, '0');
  return `${st.storyId}-${h}${st.serial++}`;
}

/**
 * A copy's date: later than its source by 10 min – 20 h, or (the time clue absent) no date, the source's own time, or
 * the day only. `absent` is the share of copies without a usable time clue.
 */
function copyDate(st: Story, parent: string, absent: number): Pick<Made, 'published' | 'precision'> & { t: number } {
  const base = st.times.get(parent) ?? Date.UTC(2031, 4, 6, 8);
  const t = base + (10 / 60 + st.r() * 20) * 3_600_000;
  const x = st.r();
  if (x < absent * 0.45) return { published: null, precision: null, t };
  if (x < absent * 0.7) return { published: new Date(base).toISOString(), precision: 'minute', t: base };
  if (x < absent) return { published: new Date(t).toISOString().slice(0, 10), precision: 'day', t };
  return { published: new Date(t).toISOString(), precision: 'minute', t };
}

function add(st: Story, m: Omit<Made, 'id'>, t: number): string {
  const id = newId(st);
  st.made.push({ ...m, id });
  st.times.set(id, t);
  return id;
}

const outletOf = (st: Story) => `outlet${Math.floor(st.r() * 500)}.example`;

/** A sentence from another article, with the event's names: what an editor adds. */
/** A wire's own text, credited to it, published by the agency at minute precision. */
function addOriginal(st: Story, text: Text, agency: string, t: number): string {
  return add(
    st,
    {
      text,
      role: 'original',
      parent: undefined,
      published: new Date(t).toISOString(),
      precision: 'minute',
      credits: [agency],
      outlet: `${agency.toLowerCase()}.example`,
    },
    t,
  );
}

function extraSentence(st: Story): () => Sen {
  return () => {
    const t = withNames(textOf(st.fresh.take(), st.ids), st.names);
    const s = pick(st.r, t.paras.flat());
    return { toks: s.toks, origin: st.ids.next++ };
  };
}

function copy(
  st: Story,
  parent: string,
  role: Role,
  text: Text,
  creditShare: number,
  agency: string,
  absent: number,
): string {
  const d = copyDate(st, parent, absent);
  return add(
    st,
    {
      text,
      role,
      parent,
      published: d.published,
      precision: d.precision,
      credits: st.r() < creditShare ? [agency] : [],
      outlet: outletOf(st),
    },
    d.t,
  );
}

function textById(st: Story, id: string): Text {
  return st.made.find((m) => m.id === id)!.text;
}

/** One story with the chains of the module comment. `absent`: share of copies whose date gives no time clue. */
export function chainStory(index: number, fresh: FreshTexts, seed = 1, absent = 0.4): ChainStory {
  const r = rng((seed * 7919 + index * 104729) >>> 0);
  const ids = new Origins();
  const storyId = `s${String(index).padStart(3, '0')}`;
  const st: Story = { r, ids, fresh, made: [], times: new Map(), serial: 0, storyId, names: [] };
  const original = textOf(fresh.take(), ids);
  st.names = namesOf(original);
  const agencyA = pick(r, AGENCIES);
  const t0 = Date.UTC(2031, 4, 6, between(r, 6, 14), between(r, 0, 59));
  const lineages: ChainTruth['lineages'] = [];
  const o = addOriginal(st, original, agencyA, t0);
  const extra = extraSentence(st);
  const rep = copy(st, o, 'republication', lightEdit(original, r, extra), 0.7, agencyA, absent);
  const spun = copy(st, rep, 'spun', spin(textById(st, rep), r), 0.1, agencyA, absent);
  const host = withNames(textOf(fresh.take(), ids), st.names);
  const part = copy(st, o, 'partial', partial(original, host, r), 0.4, agencyA, absent);
  const mid = copy(st, o, 'intermediate', lightEdit(original, r, extra), 0.6, agencyA, absent);
  const midText = textById(st, mid);
  const c1 = copy(st, mid, 'copy', lightEdit(midText, r, extra), 0.5, agencyA, absent);
  const c2 = copy(st, mid, 'copy', r() < 0.3 ? clone(midText) : lightEdit(midText, r, extra), 0.5, agencyA, absent);
  // Every fourth story lacks the intermediate: its two copies share changes that no article of the story holds.
  const unseen = index % 4 === 3;
  if (unseen) st.made.find((m) => m.id === mid)!.unseen = true;
  lineages.push({
    name: agencyA,
    articles: unseen ? [o, rep, spun, part, c1, c2] : [o, rep, spun, part, mid, c1, c2],
    original: o,
  });
  if (r() < 0.5) {
    const agencyB = pick(
      r,
      AGENCIES.filter((a) => a !== agencyA),
    );
    const wText = withNames(textOf(fresh.take(), ids), st.names);
    const tw = t0 + between(r, -120, 240) * 60_000;
    const w = addOriginal(st, wText, agencyB, tw);
    const w1 = copy(st, w, 'republication', lightEdit(wText, r, extra), 0.6, agencyB, absent);
    lineages.push({ name: agencyB, articles: [w, w1], original: w });
  }
  const independent: string[] = [];
  for (let k = 0; k < 2; k++) {
    const ti = t0 + between(r, 30, 1200) * 60_000;
    independent.push(
      add(
        st,
        {
          text: withNames(textOf(fresh.take(), ids), st.names),
          role: 'independent',
          parent: undefined,
          published: r() < 0.8 ? new Date(ti).toISOString() : null,
          precision: 'minute',
          credits: [],
          outlet: outletOf(st),
        },
        ti,
      ),
    );
  }
  return finishStory(st, lineages, independent);
}

function finishStory(st: Story, lineages: ChainTruth['lineages'], independent: string[]): ChainStory {
  const truth: ChainTruth = { lineages, independent, parent: {}, role: {}, origins: {} };
  const articles: Article[] = [];
  for (const m of st.made) {
    if (m.parent) truth.parent[m.id] = m.parent;
    truth.role[m.id] = m.role;
    if (m.unseen) continue;
    const { article, origins } = toArticle(m);
    articles.push(article);
    truth.origins[m.id] = origins;
  }
  // Arrival order is not derivation order in a real feed; shuffled, deterministically.
  const order = articles.map((a) => ({ a, k: st.r() })).sort((x, y) => x.k - y.k);
  return { id: st.storyId, articles: order.map((x) => x.a), truth };
}

export function chainStories(count: number, options: ChainOptions = {}): ChainStory[] {
  const seed = options.seed ?? 1;
  const fresh = new FreshTexts(seed);
  return Array.from({ length: count }, (_, i) => chainStory(i, fresh, seed));
}

/**
 * A large story for timing: `lineages` wires of one event, each copied (light edits, spun copies, partial reuses,
 * copies of copies) until the story holds `n` articles, a fifth of them independent reports.
 */
export function bigStory(n: number, seed = 1, lineageCount = 12): ChainStory {
  const fresh = new FreshTexts(seed + 100);
  const r = rng(seed * 31 + n);
  const ids = new Origins();
  const st: Story = { r, ids, fresh, made: [], times: new Map(), serial: 0, storyId: `big${n}`, names: [] };
  const first = textOf(fresh.take(), ids);
  st.names = namesOf(first);
  const extra = extraSentence(st);
  const t0 = Date.UTC(2031, 4, 6, 6);
  const lineages: ChainTruth['lineages'] = [];
  const independentCount = Math.round(n / 5);
  const perLineage = Math.floor((n - independentCount) / lineageCount);
  for (let l = 0; l < lineageCount; l++) {
    const agency = AGENCIES[l % AGENCIES.length]!;
    const text = l === 0 ? first : withNames(textOf(fresh.take(), ids), st.names);
    const tl = t0 + l * 20 * 60_000;
    const root = add(
      st,
      {
        text,
        role: 'original',
        parent: undefined,
        published: new Date(tl).toISOString(),
        precision: 'minute',
        credits: [agency],
        outlet: `${agency.toLowerCase()}${l}.example`,
      },
      tl,
    );
    const members = [root];
    while (members.length < perLineage) {
      const parent = r() < 0.7 ? root : pick(r, members);
      const pt = textById(st, parent);
      const x = r();
      const [role, t]: [Role, Text] =
        x < 0.5
          ? ['republication', lightEdit(pt, r, extra)]
          : x < 0.7
            ? ['spun', spin(pt, r)]
            : x < 0.85
              ? ['partial', partial(pt, withNames(textOf(fresh.take(), ids), st.names), r)]
              : ['copy', clone(pt)];
      members.push(copy(st, parent, role, t, 0.5, agency, 0.4));
    }
    lineages.push({ name: agency, articles: members, original: root });
  }
  const independent: string[] = [];
  while (st.made.length < n) {
    const ti = t0 + between(r, 0, 1440) * 60_000;
    independent.push(
      add(
        st,
        {
          text: withNames(textOf(fresh.take(), ids), st.names),
          role: 'independent',
          parent: undefined,
          published: new Date(ti).toISOString(),
          precision: 'minute',
          credits: [],
          outlet: outletOf(st),
        },
        ti,
      ),
    );
  }
  return finishStory(st, lineages, independent);
}

/**
 * Pairs of ~1k-word articles for timing `align()`: two fresh texts joined, and a light edit, a spun copy, a partial
 * reuse or an unrelated article of the same length against it.
 */
export function longPairs(count: number, seed = 1): { a: Article; b: Article; kind: string }[] {
  const fresh = new FreshTexts(seed + 200);
  const r = rng(seed * 17 + count);
  const out: { a: Article; b: Article; kind: string }[] = [];
  const ids = new Origins();
  const long = (): Text => {
    const t = textOf(fresh.take(), ids);
    while (t.paras.reduce((n, p) => n + p.reduce((k, s) => k + s.toks.length, 0), 0) < 1100)
      t.paras.push(...textOf(fresh.take(), ids).paras);
    return t;
  };
  const extra = () => ({ toks: pick(r, textOf(fresh.take(), ids).paras.flat()).toks, origin: ids.next++ });
  const kinds = ['light-edit', 'spun', 'partial', 'unrelated'] as const;
  for (let i = 0; i < count; i++) {
    const a = long();
    const kind = kinds[i % kinds.length]!;
    const b =
      kind === 'light-edit'
        ? lightEdit(a, r, extra)
        : kind === 'spun'
          ? spin(a, r)
          : kind === 'partial'
            ? partial(a, long(), r)
            : long();
    const made = (id: string, text: Text): Made => ({
      id,
      text,
      role: 'original',
      parent: undefined,
      published: null,
      precision: null,
      credits: [],
      outlet: 'x.example',
    });
    out.push({
      a: toArticle(made(`L${i}a`, a)).article,
      b: toArticle(made(`L${i}b`, b)).article,
      kind,
    });
  }
  return out;
}
