/**
 * @module Which lineage each article belongs to and which article it reuses: from the provenance stage when it
 * ran, else from the reuse relations alone (connected reuse pairs form a lineage; an article's source is the one
 * it shares most text with).
 */
import type { Article } from '../model.js';
import { CONFIDENT } from '../provenance/provenance.js';
import type { Provenance } from '../provenance/types.js';
import type { Relation, RelationType } from '../relate/types.js';

export interface LineageInfo {
  name: string;
  articles: string[];
  original: string | null;
}

export interface SourceLink {
  /** The article this one reuses, or null for an original or independent report. */
  source: string | null;
  type: RelationType | null;
  /** In [0, 1]: the provenance edge's confidence, or the relation's score when only relations are known. */
  confidence: number;
}

export interface Lineages {
  lineages: LineageInfo[];
  /** Lineage name of each article (independent reports get a lineage of their own, named by outlet). */
  lineageOf: Map<string, string>;
  sourceOf: Map<string, SourceLink>;
  commonSources: { name: string; articles: string[] }[];
}

const none: SourceLink = { source: null, type: null, confidence: 0 };

const REUSE = (t: RelationType) => t !== 'independent' && t !== 'shared-quotes-only';

function ownName(a: Article): string {
  return a.outlet ?? a.credits[0] ?? a.title ?? a.id;
}

function fromProvenance(articles: readonly Article[], p: Provenance): Lineages {
  const lineageOf = new Map<string, string>();
  const lineages = p.lineages.map((l) => ({ name: l.name, articles: [...l.articles], original: l.original }));
  for (const l of lineages) for (const a of l.articles) lineageOf.set(a, l.name);
  const sourceOf = new Map<string, SourceLink>();
  for (const a of articles) {
    // An edge whose direction is unknown names no source: comparing against a guess would invent additions.
    const edges = p.edges
      .filter((e) => e.to === a.id && e.confidence >= CONFIDENT)
      .sort((x, y) => y.confidence - x.confidence);
    const best = edges[0];
    sourceOf.set(a.id, best ? { source: best.from, type: best.type, confidence: best.confidence } : none);
    if (!lineageOf.has(a.id)) {
      lineageOf.set(a.id, ownName(a));
      lineages.push({ name: ownName(a), articles: [a.id], original: a.id });
    }
  }
  return {
    lineages,
    lineageOf,
    sourceOf,
    commonSources: p.commonSources.map((c) => ({ name: c.name, articles: c.articles })),
  };
}

function published(a: Article | undefined): string {
  return a?.published ?? '9999';
}

/** Articles that are the spun side of a spun pair: the side with more of a spinner's grammar slips. */
export function spunCopies(relations: readonly Relation[]): Set<string> {
  const copies = new Set<string>();
  for (const r of relations) {
    if (r.type !== 'spun') continue;
    const [sa, sb] = r.evidence.slips;
    if (sa !== sb) copies.add(sa > sb ? r.a : r.b);
  }
  return copies;
}

function fromRelations(articles: readonly Article[], relations: readonly Relation[]): Lineages {
  const copies = spunCopies(relations);
  const ids = new Set(articles.map((a) => a.id));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const reuse = relations.filter((r) => REUSE(r.type) && ids.has(r.a) && ids.has(r.b));
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    return r;
  };
  for (const r of reuse) parent.set(find(r.b), find(r.a));
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const root = find(a.id);
    groups.set(root, [...(groups.get(root) ?? []), a.id]);
  }
  const lineages: LineageInfo[] = [];
  const lineageOf = new Map<string, string>();
  const used = new Set<string>();
  for (const members of groups.values()) {
    const credits = members.map((m) => byId.get(m)?.credits ?? []);
    const shared = credits[0]?.find((c) => credits.every((list) => list.includes(c)));
    const anyCredit = credits.flat()[0];
    // Without the provenance stage no original is claimed; the earliest member names the lineage when no credit does.
    const earliest = [...members].sort((x, y) => published(byId.get(x)).localeCompare(published(byId.get(y))))[0];
    let name = shared ?? anyCredit ?? ownName(byId.get(earliest ?? '') as Article);
    if (used.has(name)) name = `${name} (${lineages.length + 1})`;
    used.add(name);
    lineages.push({ name, articles: members, original: members.length === 1 ? (members[0] ?? null) : null });
    for (const m of members) lineageOf.set(m, name);
  }
  const sourceOf = new Map<string, SourceLink>();
  for (const a of articles) {
    // The relation it reuses most. Direction is unknown here, so this is "the text it shares most with", save a
    // spun copy (the side of a spun pair with more grammar slips): a spinner's output is never the source.
    const best = reuse
      .filter((r) => !copies.has(r.a === a.id ? r.b : r.a))
      .filter((r) => r.a === a.id || r.b === a.id)
      .sort((x, y) => y.score - x.score || x.a.localeCompare(y.a))[0];
    sourceOf.set(
      a.id,
      best ? { source: best.a === a.id ? best.b : best.a, type: best.type, confidence: best.score } : none,
    );
  }
  return { lineages, lineageOf, sourceOf, commonSources: [] };
}

export function lineagesOf(
  articles: readonly Article[],
  relations: readonly Relation[],
  provenance: Provenance | undefined,
): Lineages {
  return provenance ? fromProvenance(articles, provenance) : fromRelations(articles, relations);
}
