/**
 * @module Who reused whom inside a story. Reuse relations join articles into lineages (one source text each); each
 * reuse pair gets a direction from independent clues — publication times, credits, containment asymmetry (a copy
 * trims its source more often than it adds to it), degradation (spinner slips and foreign runs mark the copy) — and
 * a confidence that stays low when the clues are absent or disagree. Quotations that reports of different lineages
 * take from one speaker are a common source, not copying.
 */
import { canonicalAgency } from '../clean/common/credits.js';
import { analyze } from '../fingerprint/analyze.js';
import type { Article } from '../model.js';
import { articleSlips, hasForeignRun } from '../relate/compare.js';
import type { Relation, RelationType } from '../relate/types.js';
import type { CommonSource, Lineage, Provenance, ProvenanceEdge } from './types.js';

export type ProvenanceArticle = Pick<
  Article,
  'id' | 'published' | 'publishedPrecision' | 'credits' | 'outlet' | 'title' | 'body' | 'language'
>;

/** A quotation with its speaker and the articles that carry it (from the consolidate stage). */
export interface QuoteCarriers {
  speaker: string;
  text: string;
  articles: string[];
}

export interface ProvenanceInput {
  storyId: string;
  articles: readonly ProvenanceArticle[];
  /** Relations among the story's articles (any subset of the pairs). */
  relations: readonly Relation[];
  quotes?: readonly QuoteCarriers[];
}

/** Relations that mean one text derives from the other. */
export const REUSE_TYPES: readonly RelationType[] = [
  'duplicate',
  'light-edit',
  'rewrite',
  'partial',
  'spun',
  'translated',
];

/** Confidence at or above which a direction is stated; below it the edge says "unknown". */
export const CONFIDENT = 0.6;

interface Traits {
  article: ProvenanceArticle;
  time: number | null;
  /** Hours of uncertainty in `time`. */
  slack: number;
  slips: number;
  foreign: boolean;
}

function traitsOf(a: ProvenanceArticle): Traits {
  const analysis = analyze(a.body);
  const time = a.published ? Date.parse(a.published) : Number.NaN;
  return {
    article: a,
    time: Number.isNaN(time) ? null : time,
    slack: a.publishedPrecision === 'day' || (a.published?.length ?? 0) <= 10 ? 36 : 1,
    slips: articleSlips(analysis),
    foreign: hasForeignRun(analysis, a.language),
  };
}

/** Union-find over article ids. */
function components(ids: readonly string[], links: readonly [string, string][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of links) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      // The smaller id becomes the root, so components come out the same whatever the order of the links.
      const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
      parent.set(drop, keep);
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  return [...groups.values()];
}

/** Positive when `a` is the source; each clue adds its weight with a reason. */
function directionClues(
  r: Relation,
  a: Traits,
  b: Traits,
  lineageCredit: string | null,
): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  const add = (w: number, why: string) => {
    score += w;
    reasons.push(why);
  };
  const ida = a.article.id;
  const idb = b.article.id;
  if (a.time !== null && b.time !== null) {
    if (a.slack > 1 || b.slack > 1) {
      // A date without a time says nothing within its day: compare days, and trust a gap of one day little
      // (time zones put one moment on two dates).
      const days = Math.round((dayOf(b.time) - dayOf(a.time)) / 86_400_000);
      if (Math.abs(days) >= 2) add(Math.sign(days), `${days > 0 ? ida : idb} is dated ${Math.abs(days)} days earlier`);
      else if (days !== 0) add(Math.sign(days) * 0.5, `${days > 0 ? ida : idb} is dated a day earlier`);
    } else {
      const hours = (b.time - a.time) / 3_600_000;
      if (Math.abs(hours) >= 0.25)
        add(Math.sign(hours) * 1.5, `${hours > 0 ? ida : idb} was published ${formatHours(Math.abs(hours))} earlier`);
    }
  }
  if (lineageCredit) {
    // The agency's own copy is the source; between two republications, crediting the agency says little.
    const own = (t: Traits) => t.article.outlet !== null && canonicalAgency(t.article.outlet) === lineageCredit;
    if (own(a) !== own(b)) add(own(a) ? 2 : -2, `${own(a) ? ida : idb} is ${lineageCredit}'s own copy`);
    else {
      const ca = a.article.credits.includes(lineageCredit);
      const cb = b.article.credits.includes(lineageCredit);
      if (ca !== cb) add(ca ? 0.5 : -0.5, `${ca ? ida : idb} credits ${lineageCredit}`);
    }
  }
  if (r.type === 'spun' || r.type === 'rewrite' || r.type === 'light-edit') {
    if (a.slips !== b.slips)
      add(a.slips < b.slips ? 1.5 : -1.5, `${a.slips > b.slips ? ida : idb} shows a spinner's grammar slips`);
  }
  if (r.type === 'translated' && a.foreign !== b.foreign) {
    add(b.foreign ? 2 : -2, `${a.foreign ? ida : idb} keeps untranslated words of its source language`);
  }
  const [ca, cb] = r.evidence.containment;
  const gap = Math.abs(ca - cb);
  if (r.type === 'partial' && Math.max(ca, cb) >= 0.6 && Math.min(ca, cb) <= 0.4) {
    // An excerpt: one text lies mostly inside the other, which holds much more. The excerpt was cut from it.
    add(
      cb > ca ? 1 : -1,
      `${cb > ca ? idb : ida} is an excerpt (${Math.round(Math.max(ca, cb) * 100)}% of it is in the other)`,
    );
  }
  if (r.type !== 'translated' && r.type !== 'partial' && gap >= 0.04) {
    // The side more of whose text is inside the other is the copy: republishers trim more than they add — but
    // some add, so a small gap is a weak clue.
    add(
      (cb > ca ? 1 : -1) * (gap >= 0.15 ? 1 : 0.5),
      `${cb > ca ? idb : ida} holds less of its own (${Math.round(Math.max(ca, cb) * 100)}% of it is in the other)`,
    );
  }
  return { score, reasons };
}

function dayOf(time: number): number {
  return Math.floor(time / 86_400_000) * 86_400_000;
}

function formatHours(h: number): string {
  return h < 1 ? `${Math.round(h * 60)} min` : `${Math.round(h)} h`;
}

function confidenceOf(score: number): number {
  return Math.round((1 - 0.5 * Math.exp(-0.7 * Math.abs(score))) * 100) / 100;
}

function mostCommonCredit(members: readonly ProvenanceArticle[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) for (const c of new Set(m.credits)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const ranked = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return ranked[0]?.[0] ?? null;
}

export function provenance(input: ProvenanceInput): Provenance {
  const ids = input.articles.map((a) => a.id);
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const reuse = input.relations.filter((r) => REUSE_TYPES.includes(r.type) && byId.has(r.a) && byId.has(r.b));
  const groups = components(
    ids,
    reuse.map((r) => [r.a, r.b]),
  ).filter((g) => g.length > 1);
  const traits = new Map(input.articles.map((a) => [a.id, traitsOf(a)]));
  const lineages: Lineage[] = [];
  const edges: ProvenanceEdge[] = [];
  for (const group of groups) {
    const members = group.map((id) => byId.get(id) as ProvenanceArticle);
    const credit = mostCommonCredit(members);
    const inGroup = reuse.filter((r) => group.includes(r.a));
    const groupEdges: ProvenanceEdge[] = inGroup.map((r) => {
      const { score, reasons } = directionClues(r, traits.get(r.a) as Traits, traits.get(r.b) as Traits, credit);
      const confidence = score === 0 ? 0 : confidenceOf(score);
      const [from, to] = score >= 0 ? [r.a, r.b] : [r.b, r.a];
      return { from, to, type: r.type, confidence, reasons: score === 0 ? ['no clue to the direction'] : reasons };
    });
    markSiblings(groupEdges, inGroup);
    edges.push(...groupEdges);
    lineages.push({
      name: credit ?? nameFromOriginal(members),
      articles: [...group].sort(),
      original: originalOf(group, groupEdges),
    });
  }
  const inLineage = new Set(groups.flat());
  return {
    story: input.storyId,
    lineages: lineages.sort((x, y) => y.articles.length - x.articles.length || x.name.localeCompare(y.name)),
    edges: edges.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to)),
    commonSources: commonSources(input.quotes ?? [], groups),
    independent: ids.filter((id) => !inLineage.has(id)).sort(),
  };
}

/**
 * Two copies of one source share text because of it, not because one copied the other: when a third article is a
 * stated source of both and closer to each than they are to each other, their edge's direction is withdrawn.
 */
function markSiblings(edges: ProvenanceEdge[], relations: readonly Relation[]): void {
  const score = new Map(relations.map((r) => [`${r.a} ${r.b}`, r.score]));
  const scoreOf = (x: string, y: string) => score.get(x < y ? `${x} ${y}` : `${y} ${x}`) ?? 0;
  const sourcesOf = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.confidence < CONFIDENT) continue;
    const set = sourcesOf.get(e.to) ?? new Set<string>();
    set.add(e.from);
    sourcesOf.set(e.to, set);
  }
  for (const e of edges) {
    const own = scoreOf(e.from, e.to);
    for (const z of sourcesOf.get(e.to) ?? []) {
      if (z === e.from || !sourcesOf.get(e.from)?.has(z)) continue;
      if (scoreOf(z, e.from) > own && scoreOf(z, e.to) > own) {
        e.confidence = Math.min(e.confidence, 0.45);
        e.reasons = [`${e.from} and ${e.to} both derive from ${z}, each more closely than from the other`];
        break;
      }
    }
  }
}

function nameFromOriginal(members: readonly ProvenanceArticle[]): string {
  const outlet = members.find((m) => m.outlet)?.outlet;
  return outlet ? `text of ${outlet}` : `text of ${members[0]?.id ?? 'unknown'}`;
}

/**
 * The member every confident edge leads away from. A lineage joined only by translations within one language has
 * no original among its members: both sides derive from a text in another language.
 */
function originalOf(group: readonly string[], edges: readonly ProvenanceEdge[]): string | null {
  if (edges.every((e) => e.type === 'translated')) return null;
  const confident = edges.filter((e) => e.confidence >= CONFIDENT && e.type !== 'translated');
  const sources = group.filter((id) => !confident.some((e) => e.to === id) && confident.some((e) => e.from === id));
  if (sources.length !== 1) return null;
  // It must reach every member through stated directions (or be joined to it by a translation).
  const reached = new Set(sources);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of edges) {
      if (reached.has(e.from) && !reached.has(e.to) && (e.confidence >= CONFIDENT || e.type === 'translated')) {
        reached.add(e.to);
        grew = true;
      }
    }
  }
  return reached.size === group.length ? (sources[0] as string) : null;
}

/** A speaker quoted by articles of more than one lineage (or by independent ones): a primary source they share. */
function commonSources(quotes: readonly QuoteCarriers[], lineages: readonly string[][]): CommonSource[] {
  const lineageOf = (id: string) => {
    const i = lineages.findIndex((g) => g.includes(id));
    return i >= 0 ? `L${i}` : `I${id}`;
  };
  const bySpeaker = new Map<string, QuoteCarriers[]>();
  for (const q of quotes) {
    const list = bySpeaker.get(q.speaker);
    if (list) list.push(q);
    else bySpeaker.set(q.speaker, [q]);
  }
  const out: CommonSource[] = [];
  for (const [speaker, list] of bySpeaker) {
    const shared = list.filter((q) => new Set(q.articles.map(lineageOf)).size > 1);
    if (shared.length === 0) continue;
    const articles = [...new Set(shared.flatMap((q) => q.articles))].sort();
    out.push({ name: speaker, articles, quotes: shared.map((q) => q.text) });
  }
  return out.sort((x, y) => y.articles.length - x.articles.length || x.name.localeCompare(y.name));
}
