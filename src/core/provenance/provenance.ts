/**
 * @module Who reused whom inside a story. Reuse relations join articles into lineages (one source text each). Each
 * lineage's texts are laid out as a derivation tree (structure.ts: what two texts share passed through every text
 * between them; copies that share changes their neighbour lacks came through an unseen intermediate), and the tree
 * is rooted by independent clues (clues.ts: publication times, whose own copy it is, credits, excerpts, spinner slips
 * and untranslated words), each read as "this text is not upstream of that one" (direction.ts). A direction is
 * stated when the best original that gives it clearly beats the best one that does not; otherwise it is unknown,
 * and copies of one source are siblings, neither the other's source. Quotations that reports of different lineages
 * take from one speaker are a common source, not copying.
 */
import type { Relation, RelationType } from '../relate/types.js';
import {
  agreeing,
  type Clues,
  type OriginalClue,
  originalClues,
  type ProvenanceArticle,
  pairClues,
  type Traits,
  traitsOf,
} from './clues.js';
import { type Exclusion, logistic, type RootClue, Rooting } from './direction.js';
import { CHANGE, keptChanges, type LineageTree, lineageTree } from './structure.js';
import type { CommonSource, Lineage, Provenance, ProvenanceEdge } from './types.js';

export type { ProvenanceArticle } from './clues.js';

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

/** Shingles of a text's own changes its copy must keep to show it was made from that text (not from its source). */
const KEPT = 3;

const NO_CLUE = 'no clue to the direction';
const WEAK = 'the clues are too weak or disagree';

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
  const lineages: Lineage[] = [];
  const edges: ProvenanceEdge[] = [];
  for (const group of groups) {
    const members = group.map((id) => byId.get(id) as ProvenanceArticle);
    const credit = mostCommonCredit(members);
    const inGroup = new Set(group);
    const traced = traceLineage(
      members,
      reuse.filter((r) => inGroup.has(r.a)),
      credit,
    );
    edges.push(...traced.edges);
    lineages.push({
      name: credit ?? nameFromOriginal(members),
      articles: [...group].sort(),
      original: traced.original,
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

const pairKey = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A lineage's tree, its rooting, and every pair's own clues (keyed by `pairKey`, positive when the smaller id leads). */
export interface Traced {
  tree: LineageTree;
  rooting: Rooting;
  clues: Map<string, Clues>;
}

/** One lineage traced: its edges and original, with the tree and rooting behind them (for tests and diagnostics). */
export function traceLineage(
  members: readonly ProvenanceArticle[],
  relations: readonly Relation[],
  credit: string | null,
): { edges: ProvenanceEdge[]; original: string | null; traced: Traced } {
  const traits = new Map(members.map((a) => [a.id, traitsOf(a)]));
  const ids = members.map((a) => a.id).sort();
  const tree = lineageTree({
    ids,
    traits,
    // A translation shares no shingles with its source: it joins the tree at the strength of a short passage.
    joined: relations.map((r) => ({ a: r.a, b: r.b, weight: r.type === 'translated' ? CHANGE + 50 * r.score : 0.5 })),
  });
  const relationOf = new Map(relations.map((r) => [pairKey(r.a, r.b), r]));
  // Every pair's own clues, related or not: times and credits need no relation.
  const clues = new Map<string, Clues>();
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const [a, b] = [ids[i] as string, ids[j] as string];
      clues.set(
        pairKey(a, b),
        pairClues(traits.get(a) as Traits, traits.get(b) as Traits, credit, relationOf.get(pairKey(a, b))),
      );
    }
  }
  const exclusions = nodeExclusions(tree, clues);
  const roots = nodeRootClues(tree, originalClues([...traits.values()], credit));
  const traced: Traced = { tree, rooting: new Rooting(tree, exclusions, roots), clues };
  const edges = relations.map((r) => edgeOf(r, traced));
  return { edges, original: originalOf(traced, edges), traced };
}

/**
 * The pairs' clues as clues between the tree's texts, for the rooting. A text is upstream of another when any of
 * its copies is, so "U is not upstream of V" holds only as far as it holds for every article of U (against some
 * article of V): a late copy of the original says nothing against the original's text.
 */
function nodeExclusions(tree: LineageTree, clues: ReadonlyMap<string, Clues>): Exclusion[] {
  const against = (u: string, v: string): { weight: number; reasons: string[] } => {
    const c = clues.get(pairKey(u, v));
    const s = c ? (u < v ? c.score : -c.score) : 0;
    return s < 0 && c ? { weight: -s, reasons: agreeing(c) } : { weight: 0, reasons: [] };
  };
  const out: Exclusion[] = [];
  tree.members.forEach((us, up) => {
    tree.members.forEach((vs, of) => {
      if (up === of || us.length === 0 || vs.length === 0) return;
      let weakest: { weight: number; reasons: string[] } | null = null;
      for (const u of us) {
        const strongest = vs.map((v) => against(u, v)).reduce((x, y) => (y.weight > x.weight ? y : x));
        if (!weakest || strongest.weight < weakest.weight) weakest = strongest;
      }
      if (weakest && weakest.weight > 0) out.push({ up, of, weight: weakest.weight, reasons: weakest.reasons });
    });
  });
  return out;
}

/**
 * Clues about the original as clues about the tree's texts: a text is the original if one of its copies is the
 * agency's own, and is not if none of its copies can be.
 */
function nodeRootClues(tree: LineageTree, clues: readonly OriginalClue[]): RootClue[] {
  const out: RootClue[] = [];
  tree.members.forEach((members, node) => {
    const own = clues.filter((c) => c.original && members.includes(c.id));
    const not = clues.filter((c) => !c.original && members.includes(c.id));
    for (const c of own) out.push({ node, original: true, weight: c.weight, reasons: [c.reason] });
    const first = not[0];
    if (first && not.length === members.length)
      out.push({ node, original: false, weight: first.weight, reasons: not.map((c) => c.reason) });
  });
  return out;
}

/** The pair's own clues as seen from `u`: positive when `u` is the source of `v`. */
function ownScore(t: Traced, u: string, v: string): number {
  const s = t.clues.get(pairKey(u, v))?.score ?? 0;
  return u < v ? s : -s;
}

function nodeName(t: Traced, node: number): string {
  const m = t.tree.members[node] ?? [];
  return m.length > 0 ? m.join(' = ') : 'a text not in the story';
}

function edgeOf(r: Relation, t: Traced): ProvenanceEdge {
  const own = t.clues.get(pairKey(r.a, r.b)) ?? { score: 0, reasons: [], weights: [] };
  const [na, nb] = [t.tree.nodeOf.get(r.a) as number, t.tree.nodeOf.get(r.b) as number];
  if (na === nb) {
    // One text: only the pair's own clues can order the two.
    const why = [...own.reasons, `${r.a} and ${r.b} carry the same text`];
    const c = logistic(Math.abs(own.score));
    if (c < CONFIDENT) return unknown(r, c, why, own.score);
    const [from, to] = own.score > 0 ? [r.a, r.b] : [r.b, r.a];
    return { from, to, type: r.type, confidence: round2(c), reasons: why };
  }
  const ab = t.rooting.upstream(na, nb);
  const ba = t.rooting.upstream(nb, na);
  const forward = ab.confidence >= ba.confidence;
  const best = forward ? ab : ba;
  const [from, to, nf, nt] = forward ? [r.a, r.b, na, nb] : [r.b, r.a, nb, na];
  if (best.confidence < CONFIDENT) {
    // Neither is clearly upstream: both derive from the text where their paths part, or the clues cannot tell.
    const why = (best.confidence < 0.5 ? siblingsWhy(t, na, nb) : null) ?? rivalWhy(t, best.rival);
    return unknown(r, best.confidence, [...own.reasons, why ?? (own.reasons.length ? WEAK : NO_CLUE)], own.score);
  }
  const first = firstOf(t, nf);
  if (first !== from) {
    // Copies of one text: the later ones are the source only if the copy was made from them, which no text shows.
    const alt = first ?? (t.tree.members[nf] ?? []).find((m) => m !== from);
    return unknown(
      r,
      best.confidence,
      [...own.reasons, `${to} may derive from ${alt}, which carries the same text as ${from}`],
      own.score,
    );
  }
  const source = t.rooting.sourceOf(nf);
  if (source >= 0 && keptChanges(t.tree, source, nf, nt) < KEPT) {
    // "b holds what c shares with a, and c keeps b's changes": without the second, c may come from a directly.
    return unknown(
      r,
      best.confidence,
      [
        ...own.reasons,
        `${to} keeps none of ${from}'s changes to ${nodeName(t, source)}: it may derive from that text directly`,
      ],
      own.score,
    );
  }
  const reasons = [...own.reasons, ...structureWhy(t, own.reasons, from, nf, nt, best.rival)];
  return { from, to, type: r.type, confidence: round2(best.confidence), reasons };
}

/**
 * An edge whose direction is not stated: a confidence under one half that grows with the lean. Its ends follow the
 * pair's own clues when they lean at all (a spinner's slips, a translation's leftovers are in the copy, whatever the
 * tree says), else id order; readers that ignore the confidence then still never see a spun copy as the source.
 */
function unknown(r: Relation, lean: number, reasons: string[], ownLean = 0): ProvenanceEdge {
  const confidence = Math.min(0.45, round2((0.45 * Math.max(0, lean - 0.5)) / (CONFIDENT - 0.5)));
  const [from, to] = ownLean < 0 ? [r.b, r.a] : [r.a, r.b];
  return { from, to, type: r.type, confidence, reasons };
}

/** The member of a node that its own clues put before every other copy of the text, if any. */
function firstOf(t: Traced, node: number): string | null {
  const members = t.tree.members[node] ?? [];
  if (members.length === 1) return members[0] as string;
  const sure = Math.log(CONFIDENT / (1 - CONFIDENT));
  return members.find((m) => members.every((o) => o === m || ownScore(t, m, o) >= sure)) ?? null;
}

/** Why `from` (node nf) is upstream of node nt beyond the pair's own clues: the path, and what the rival root breaks. */
function structureWhy(
  t: Traced,
  own: readonly string[],
  from: string,
  nf: number,
  nt: number,
  rival: number,
): string[] {
  const out: string[] = [];
  const path = t.rooting.path(nf, nt).slice(1, -1);
  if (path.length > 0)
    out.push(`${from}'s text reaches ${nodeName(t, nt)} through ${path.map((n) => nodeName(t, n)).join(', ')}`);
  if (rival >= 0) {
    const against = t.rooting.contradicted(rival)[0];
    if (against && !against.reasons.every((x) => own.includes(x)))
      out.push(`taking ${nodeName(t, rival)} for the original would go against: ${against.reasons.join(', ')}`);
  }
  return out;
}

/** Where two texts' branches part under the best original, when neither is upstream of the other. */
function siblingsWhy(t: Traced, na: number, nb: number): string | null {
  const root = t.rooting.best().node;
  const toA = new Set(t.rooting.path(root, na));
  const toB = new Set(t.rooting.path(root, nb));
  const meet = t.rooting.path(na, nb).find((n) => toA.has(n) && toB.has(n));
  if (meet === undefined || meet === na || meet === nb) return null;
  return `both derive from ${nodeName(t, meet)}, neither from the other`;
}

/** Why a lean is not enough: another original, which would turn the direction, goes against no stronger clue. */
function rivalWhy(t: Traced, rival: number): string | null {
  if (rival < 0) return null;
  const against = t.rooting.contradicted(rival)[0];
  const name = nodeName(t, rival);
  return against
    ? `${name} could be the original as well, going only against: ${against.reasons.join(', ')}`
    : `no clue rules out ${name} as the original`;
}

/**
 * The root the clues clearly prefer, when it is an article; among copies of one text, the one its own clues put
 * first. A lineage joined only by translations has no original among its members: both sides derive from a text in
 * another language.
 */
function originalOf(t: Traced, edges: readonly ProvenanceEdge[]): string | null {
  if (edges.every((e) => e.type === 'translated')) return null;
  const { node, margin } = t.rooting.best();
  if (logistic(margin) < CONFIDENT) return null;
  return firstOf(t, node);
}

function nameFromOriginal(members: readonly ProvenanceArticle[]): string {
  const outlet = members.find((m) => m.outlet)?.outlet;
  return outlet ? `text of ${outlet}` : `text of ${members[0]?.id ?? 'unknown'}`;
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
