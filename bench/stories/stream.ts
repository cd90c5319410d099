/**
 * @module A labelled stream of news for story clustering: simulated days of events, each reported by a wire text and
 * its copies (exact copies, light edits, synonym-spun copies, each arriving with the reuse link the index would find)
 * and by independent reports (other sentences and filler words, the same people, places, numbers and date). The hard
 * negatives: events come in pairs of one kind (two quakes, two strikes) a few days apart, with kind words in common
 * and nothing else; and distractors bring back people of an event weeks earlier in an event of another kind.
 *
 * Deterministic for a seed and streamed: only the events of the last weeks are held, whatever the number of
 * articles. Names are invented (syllables, never English words); words come from the WordNet lexicon of the
 * reuse-index generator, whose synonym spinner makes the spun copies.
 */

import type { ClusterInput, ReuseLink } from '../../src/core/cluster/index.js';
import { rng } from '../corpus.js';
import { loadLexicon, spinTokens } from '../reuse/generate.js';

export interface StreamOptions {
  /** Simulated days. */
  days: number;
  /** Events that happen each day (each reported 1–15 times, 7 on average). */
  eventsPerDay: number;
  seed?: number;
  /** Shuffle each day's articles with this seed (0: the order they were written in, a wire before its copies). */
  order?: number;
}

export interface StreamArticle {
  article: ClusterInput;
  /** Reuse links to earlier articles (copies link to the wire text they were made from). */
  links: ReuseLink[];
  /** The true story (event id). */
  story: string;
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const ONSETS = 'b br c d dr f g gr h j k kr l m n p pr r s st t tr v z'.split(' ');
const NUCLEI = 'a e i o u a e o ai ei ou'.split(' ');
const CODAS = 'n r l s m k nd rt th'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

interface Pools {
  first: string[];
  last: string[];
  places: string[];
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  /** Event kinds: trigger nouns and verbs shared by every event of the kind. */
  kinds: { nouns: string[]; verbs: string[] }[];
}

let pools: Pools | undefined;

function loadPools(): Pools {
  if (pools) return pools;
  const lex = loadLexicon();
  const r = rng(0x57041e5);
  const seen = new Set<string>();
  const names = (count: number, syl: [number, number]) => {
    const out: string[] = [];
    while (out.length < count) {
      const k = between(r, syl[0], syl[1]);
      let w = '';
      for (let i = 0; i < k; i++)
        w += pick(r, ONSETS) + pick(r, NUCLEI) + (i === k - 1 || r() < 0.3 ? pick(r, CODAS) : '');
      if (w.length < 4 || w.length > 11 || seen.has(w) || lex.words.has(w)) continue;
      seen.add(w);
      out.push(w[0]!.toUpperCase() + w.slice(1));
    }
    return out;
  };
  const simple = (xs: string[]) => xs.filter((w) => /^[a-z]{4,}$/.test(w));
  const nouns = simple(lex.nouns);
  const verbs = simple(lex.verbs).filter((v) => !/(?:e|y|s|h)$/.test(v));
  const kinds = Array.from({ length: 40 }, () => ({
    nouns: Array.from({ length: 3 }, () => pick(r, nouns.slice(0, 1500))),
    verbs: Array.from({ length: 2 }, () => pick(r, verbs.slice(0, 600))),
  }));
  pools = {
    first: names(2000, [2, 2]),
    last: names(8000, [2, 3]),
    places: names(3000, [2, 3]),
    nouns,
    verbs,
    adjectives: simple(lex.adjectives),
    kinds,
  };
  return pools;
}

interface Event {
  id: string;
  day: number;
  kind: number;
  people: [string, string][];
  places: string[];
  org: string;
  toll: number;
  money: string;
  share: string;
  /** Nouns of this event's own subject matter. */
  topics: string[];
}

const BASE = Date.UTC(2031, 0, 1);
const dateOf = (day: number) => new Date(BASE + day * 86_400_000);

function newEvent(r: R, id: string, day: number, kind: number, people?: [string, string][]): Event {
  const p = loadPools();
  return {
    id,
    day,
    kind,
    people: people ?? Array.from({ length: between(r, 2, 4) }, () => [pick(r, p.first), pick(r, p.last)]),
    places: Array.from({ length: between(r, 1, 2) }, () => pick(r, p.places)),
    org: `${pick(r, p.places)} ${pick(r, ['Council', 'Agency', 'Authority', 'Institute', 'Union', 'Ministry'])}`,
    toll: between(r, 3, 400),
    money: `$${between(r, 2, 900)} million`,
    share: `${between(r, 2, 60)} percent`,
    topics: Array.from({ length: 4 }, () => pick(r, p.nouns)),
  };
}

// Sentence templates: {P} a person's full name, {S} a surname, {L} a place, {O} the organisation, {K}/{V} the kind's
// trigger noun and verb, {T} a topic noun of the event, {N} any noun, {A} any adjective, {X} the toll, {M} the money,
// {C} the share, {D} the date ("March 3"), {W} its weekday.
const LEADS = [
  '{L} - {P} said on {W} that the {K} in {L} had left {X} {N}s {A}, and that {O} would {V} the {T}.',
  'A {A} {K} struck {L} on {W}, {D}, and {X} {T}s were {A}, {O} said.',
  '{O} said on {D} that it would {V} the {K} in {L}, where {X} {T}s had been {A}.',
  'The {K} that hit {L} on {W} will cost {M}, {P} of {O} told reporters.',
];
const BODY = [
  '{P}, who leads {O}, said the {T} would {V} the {N} by {D}.',
  '"We will not {V} the {T} while the {K} goes on," {S} said.',
  'Officials in {L} said {X} {N}s had been moved since {W}.',
  'The {K} is the {A} in {L} since {P} took office, {O} said.',
  '{S} said the {T} had cost {M} and that the {N} was {A}.',
  'According to {O}, {C} of the {T}s in {L} were {A} after the {K}.',
  'Residents of {L} said the {N} had been {A} for days before the {K}.',
  '{P} and {P} met in {L} on {W} to {V} the {T}.',
  'The {A} {N} was expected to {V} the {T} of {L}, {S} added.',
  '"This {K} is {A} for {L}," said {P}.',
  'By {W} evening, {X} {N}s had reached {L}, where the {T} was {A}.',
  '{O} has set aside {M} for the {T}, {S} said on {D}.',
  'Critics said the {N} would {V} the {A} {T} of {L}.',
  'The {T} in {L} grew by {C} after the {K}, figures from {O} show.',
];
const TITLES = [
  '{K} in {L}: {X} {T}s {A}',
  '{S} to {V} {T} after {L} {K}',
  '{O} counts {M} cost of {L} {K}',
  '{L} {K} leaves {X} {A}',
];

function fill(template: string, e: Event, r: R): string {
  const p = loadPools();
  const kind = p.kinds[e.kind]!;
  const d = dateOf(e.day);
  return template.replace(/\{([A-Z])\}/g, (_, c: string) => {
    switch (c) {
      case 'P': {
        const [f, l] = pick(r, e.people);
        return `${f} ${l}`;
      }
      case 'S':
        return pick(r, e.people)[1];
      case 'L':
        return pick(r, e.places);
      case 'O':
        return `the ${e.org}`;
      case 'K':
        return pick(r, kind.nouns);
      case 'V':
        return pick(r, kind.verbs);
      case 'T':
        return pick(r, e.topics);
      case 'N':
        return pick(r, p.nouns);
      case 'A':
        return pick(r, p.adjectives);
      case 'X':
        return String(e.toll);
      case 'M':
        return e.money;
      case 'C':
        return e.share;
      case 'D':
        return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
      case 'W':
        return WEEKDAYS[d.getUTCDay()]!;
      default:
        return c;
    }
  });
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A report written from scratch: its own sentences and filler, the event's facts. */
function report(e: Event, r: R): { title: string; body: string[] } {
  const paras: string[] = [capital(fill(pick(r, LEADS), e, r))];
  for (let k = between(r, 4, 8); k > 0; k--) {
    const sentences = Array.from({ length: between(r, 1, 3) }, () => capital(fill(pick(r, BODY), e, r)));
    paras.push(sentences.join(' '));
  }
  return { title: capital(fill(pick(r, TITLES), e, r)), body: paras };
}

/** A light edit: a sentence dropped, a few words swapped for other words of the pools. */
let adjectiveSet: Set<string> | undefined;

function lightEdit(t: { title: string; body: string[] }, r: R): { title: string; body: string[] } {
  const p = loadPools();
  adjectiveSet ??= new Set(p.adjectives);
  const adjectives = adjectiveSet;
  const body = t.body.map((para) =>
    para.replace(/\b[a-z]{4,}\b/g, (w) => (adjectives.has(w) && r() < 0.3 ? pick(r, p.adjectives) : w)),
  );
  if (body.length > 3 && r() < 0.5) body.splice(between(r, 1, body.length - 1), 1);
  return { title: r() < 0.5 ? t.title : t.title.toUpperCase(), body };
}

function spun(t: { title: string; body: string[] }, r: R): { title: string; body: string[] } {
  const spin = (s: string) => spinTokens(s.match(/[^\s,.:;"]+|[,.:;"]/g) ?? [], r, 0.6).join(' ');
  return { title: spin(t.title), body: t.body.map(spin) };
}

const REPORT_MIX: [ReuseLink['type'] | 'independent', number][] = [
  ['duplicate', 0.15],
  ['light-edit', 0.15],
  ['spun', 0.15],
  ['independent', 0.55],
];

/**
 * The stream, day by day: each day's events are written (pairs of one kind, distractors), every report of each,
 * then the day's articles are shuffled (`order`) and given out. A report is dated its event's day or the next.
 */
export function* labelledStream(opts: StreamOptions): Generator<StreamArticle> {
  const seed = opts.seed ?? 1;
  const plan = rng(seed * 7919 + 1);
  const p = loadPools();
  const recent: Event[] = [];
  let next = 0;
  let carry: StreamArticle[] = [];
  for (let day = 0; day < opts.days; day++) {
    while (recent.length && recent[0]!.day < day - 45) recent.shift();
    const events: Event[] = [];
    // `recent` is in day order: the last three days are a suffix, the events two weeks old or more a prefix.
    let fresh = recent.length;
    while (fresh > 0 && recent[fresh - 1]!.day >= day - 3) fresh--;
    let old = 0;
    while (old < recent.length && recent[old]!.day <= day - 14) old++;
    for (let k = 0; k < opts.eventsPerDay; k++) {
      const id = `e${next++}`;
      const x = plan();
      const nearby = recent.length - fresh + events.length;
      let e: Event;
      if (x < 0.4 && nearby > 0) {
        const j = Math.floor(plan() * nearby);
        e = newEvent(
          plan,
          id,
          day,
          (j < recent.length - fresh ? recent[fresh + j]! : events[j - (recent.length - fresh)]!).kind,
        );
      } else if (x < 0.55 && old > 0) {
        // A distractor: people of an event weeks ago, in an event of another kind.
        const o = recent[Math.floor(plan() * old)]!;
        e = newEvent(plan, id, day, (o.kind + between(plan, 1, p.kinds.length - 1)) % p.kinds.length, o.people);
      } else e = newEvent(plan, id, day, Math.floor(plan() * p.kinds.length));
      events.push(e);
    }
    const today: StreamArticle[] = carry;
    carry = [];
    for (const e of events) {
      recent.push(e);
      const r = rng(seed * 1_000_003 + Number(e.id.slice(1)));
      const wire = report(e, r);
      const wireId = `${e.id}-0`;
      const reports = Math.min(15, 1 + Math.floor(-Math.log(1 - r()) * 6));
      for (let i = 0; i < reports; i++) {
        let text = wire;
        const links: ReuseLink[] = [];
        if (i > 0) {
          let y = r();
          let type: ReuseLink['type'] | 'independent' = 'independent';
          for (const [t, share] of REPORT_MIX) {
            y -= share;
            if (y < 0) {
              type = t;
              break;
            }
          }
          if (type === 'independent') text = report(e, r);
          else {
            text = type === 'duplicate' ? wire : type === 'light-edit' ? lightEdit(wire, r) : spun(wire, r);
            links.push({ other: wireId, type, score: type === 'duplicate' ? 1 : 0.8 });
          }
        }
        const later = i > 0 && r() < 0.3;
        const at = new Date(BASE + (e.day + (later ? 1 : 0)) * 86_400_000 + Math.floor(r() * 86_400_000));
        const a: StreamArticle = {
          article: {
            id: `${e.id}-${i}`,
            title: text.title,
            body: text.body,
            published: at.toISOString(),
            language: 'en',
          },
          links,
          story: e.id,
        };
        (later ? carry : today).push(a);
      }
    }
    yield* arrange(today, opts.order ?? 0, day);
  }
  yield* arrange(carry, opts.order ?? 0, opts.days);
}

/** One day's articles in arrival order: shuffled for `order` > 0, but a copy never before the text it links to. */
function arrange(items: StreamArticle[], order: number, day: number): StreamArticle[] {
  if (order > 0) {
    const r = rng(order * 104_729 + day);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  } else items.sort((a, b) => (a.article.published! < b.article.published! ? -1 : 1));
  // Links point back: when a copy comes before the text it was made from, the link goes with the later one.
  const at = new Map(items.map((it, i) => [it.article.id, i]));
  const links = items.map(() => [] as ReuseLink[]);
  items.forEach((it, i) => {
    for (const l of it.links) {
      const j = at.get(l.other);
      if (j === undefined || j < i) links[i]!.push(l);
      else links[j]!.push({ ...l, other: it.article.id });
    }
  });
  return items.map((it, i) => ({ ...it, links: links[i]! }));
}
