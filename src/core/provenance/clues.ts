/**
 * @module What one pair of articles says about which of them is the source: publication times, whose own copy it
 * is and who credits the agency, containment (an excerpt was cut from the text that holds it), and degradation (a
 * spinner's grammar slips, untranslated words). Each clue adds a signed weight with a reason; direction.ts reads
 * them across the lineage's tree.
 */
import { canonicalAgency } from '../clean/common/credits.js';
import { analyze } from '../fingerprint/analyze.js';
import { wordShingles } from '../fingerprint/sets.js';
import type { Article } from '../model.js';
import { articleSlips, hasForeignRun } from '../relate/compare.js';
import type { Relation } from '../relate/types.js';

export type ProvenanceArticle = Pick<
  Article,
  'id' | 'published' | 'publishedPrecision' | 'credits' | 'outlet' | 'title' | 'body' | 'language'
>;

export interface Traits {
  article: ProvenanceArticle;
  time: number | null;
  /** Hours of uncertainty in `time`. */
  slack: number;
  slips: number;
  /** Whether the text holds runs of another language (read only for translations: it costs a full comparison). */
  readonly foreign: boolean;
  /** The agency whose own outlet published the article, if any. */
  agency: string | null;
  /** Word 3-shingles, sorted: what structure.ts compares three at a time. */
  shingles: Uint32Array;
}

export function traitsOf(a: ProvenanceArticle): Traits {
  const analysis = analyze(a.body);
  const time = a.published ? Date.parse(a.published) : Number.NaN;
  let foreign: boolean | undefined;
  return {
    article: a,
    time: Number.isNaN(time) ? null : time,
    slack: a.publishedPrecision === 'day' || (a.published?.length ?? 0) <= 10 ? 36 : 1,
    slips: articleSlips(analysis),
    get foreign() {
      foreign ??= hasForeignRun(analysis, a.language);
      return foreign;
    },
    agency: a.outlet ? agencyOfOutlet(a.outlet) : null,
    shingles: wordShingles(analysis),
  };
}

/**
 * The agency an outlet is: by name ("Reuters", "Agence France-Presse") or, when the outlet is known only by its web
 * address, by the address's name ("reuters.com", "afp.com", "apnews.com", "kyodonews.net").
 */
export function agencyOfOutlet(outlet: string): string | null {
  const named = canonicalAgency(outlet);
  if (named) return named;
  const host = /^(?:www\.)?([a-z0-9-]+)\.[a-z0-9.-]+$/i.exec(outlet.trim());
  const label = host?.[1]?.toLowerCase();
  if (!label) return null;
  // An address is written in lower case, so an acronym ("afp", "efe") is read in capitals.
  for (const name of [label, label.replace(/news$/, '')]) {
    const agency = name.length > 1 ? (canonicalAgency(name) ?? canonicalAgency(name.toUpperCase())) : null;
    if (agency) return agency;
  }
  return null;
}

export interface Clues {
  /** Positive when the first article is the source. */
  score: number;
  reasons: string[];
  /** Each clue's signed weight, in the order of `reasons`. */
  weights: number[];
}

/**
 * Weights, as log-odds: alone, a clue of weight w states its direction with confidence logistic(w), so one under
 * 0.41 (credits, a date a day apart) never states anything by itself.
 */
export const WEIGHT = {
  time: 1.5,
  days: 1,
  oneDay: 0.2,
  ownCopy: 2,
  credit: 0.4,
  slips: 1.5,
  foreign: 2,
  excerpt: 1,
  uncredited: 0.3,
} as const;

/** The reasons that point the way the whole score does. */
export function agreeing(c: Clues): string[] {
  return c.reasons.filter((_, i) => Math.sign(c.weights[i] ?? 0) === Math.sign(c.score));
}

/** Which of `a` and `b` is the source, from what the two articles and their relation (when known) show. */
export function pairClues(a: Traits, b: Traits, lineageCredit: string | null, r?: Relation): Clues {
  const clues: Clues = { score: 0, reasons: [], weights: [] };
  const add = (w: number, why: string) => {
    clues.score += w;
    clues.reasons.push(why);
    clues.weights.push(w);
  };
  timeClue(a, b, add);
  creditClue(a, b, lineageCredit, add);
  if (r) relationClues(r, a, b, add);
  return clues;
}

type Add = (weight: number, why: string) => void;

function timeClue(a: Traits, b: Traits, add: Add): void {
  if (a.time === null || b.time === null) return;
  const ida = a.article.id;
  const idb = b.article.id;
  if (a.slack > 1 || b.slack > 1) {
    // A date without a time says nothing within its day: compare days, and trust a gap of one day little
    // (time zones put one moment on two dates).
    const days = Math.round((dayOf(b.time) - dayOf(a.time)) / 86_400_000);
    if (Math.abs(days) >= 2)
      add(Math.sign(days) * WEIGHT.days, `${days > 0 ? ida : idb} is dated ${Math.abs(days)} days earlier`);
    else if (days !== 0) add(Math.sign(days) * WEIGHT.oneDay, `${days > 0 ? ida : idb} is dated a day earlier`);
    return;
  }
  const hours = (b.time - a.time) / 3_600_000;
  if (Math.abs(hours) >= 0.25)
    add(
      Math.sign(hours) * WEIGHT.time,
      `${hours > 0 ? ida : idb} was published ${formatHours(Math.abs(hours))} earlier`,
    );
}

function creditClue(a: Traits, b: Traits, credit: string | null, add: Add): void {
  if (!credit) return;
  // A copy of a copy may keep the agency's credit or drop it, and seldom adds it back: the text that credits the
  // agency is nearer its source, weakly (one such clue alone states nothing).
  const ca = a.article.credits.includes(credit);
  const cb = b.article.credits.includes(credit);
  if (ca !== cb) add(ca ? WEIGHT.credit : -WEIGHT.credit, `${ca ? a.article.id : b.article.id} credits ${credit}`);
}

/** A clue that one member is the lineage's original (`original`), or that it is not. */
export interface OriginalClue {
  id: string;
  original: boolean;
  weight: number;
  reason: string;
}

/**
 * The agency's own copy is the source of the lineage named after it. The original carries the agency's credit, so
 * a member that does not is not it (weakly: a copy that credits may sit upstream of one that does not, too).
 */
export function originalClues(members: readonly Traits[], credit: string | null): OriginalClue[] {
  if (!credit) return [];
  return members.flatMap((t): OriginalClue[] => {
    const id = t.article.id;
    if (t.agency === credit)
      return [{ id, original: true, weight: WEIGHT.ownCopy, reason: `${id} is ${credit}'s own copy` }];
    if (t.article.credits.includes(credit)) return [];
    return [{ id, original: false, weight: WEIGHT.uncredited, reason: `${id} does not credit ${credit}` }];
  });
}

function relationClues(r: Relation, a: Traits, b: Traits, add: Add): void {
  const ida = a.article.id;
  const idb = b.article.id;
  // A spinner leaves slips a writer does not make; when both texts show some, both passed through a spinner and an
  // editor may have fixed a few since: the counts no longer tell which came first.
  const spinnable = r.type === 'spun' || r.type === 'rewrite' || r.type === 'light-edit';
  if (spinnable && a.slips !== b.slips && Math.min(a.slips, b.slips) === 0)
    add(
      a.slips < b.slips ? WEIGHT.slips : -WEIGHT.slips,
      `${a.slips > b.slips ? ida : idb} shows a spinner's grammar slips`,
    );
  if (r.type === 'translated' && a.foreign !== b.foreign)
    add(
      b.foreign ? WEIGHT.foreign : -WEIGHT.foreign,
      `${a.foreign ? ida : idb} keeps untranslated words of its source language`,
    );
  if (r.type === 'translated') return;
  // An excerpt: one text lies mostly inside the other, which holds much more of its own; it was cut from it. A
  // small asymmetry says nothing: editors add words and sentences as often as they cut them.
  const [ca, cb] = r.evidence.containment;
  if (Math.max(ca, cb) >= 0.5 && Math.abs(ca - cb) >= 0.3)
    add(
      cb > ca ? WEIGHT.excerpt : -WEIGHT.excerpt,
      `${cb > ca ? idb : ida} is an excerpt (${percent(Math.max(ca, cb))} of it is in the other, ${percent(Math.min(ca, cb))} of the other in it)`,
    );
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function dayOf(time: number): number {
  return Math.floor(time / 86_400_000) * 86_400_000;
}

function formatHours(h: number): string {
  return h < 1 ? `${Math.round(h * 60)} min` : `${Math.round(h)} h`;
}
