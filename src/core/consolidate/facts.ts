/**
 * @module The story's claims: clauses of every article clustered when they say the same thing in any wording.
 * Terms are weighted by how rare they are in the story, so that the names every article repeats do not make two
 * different claims look alike, and a clause matches another when most of its weight is found there (stems,
 * spelling variants and WordNet synonyms count). Clusters grow by average link, which keeps one claim from chaining
 * into its neighbours.
 */
import type { Sentence } from './segment.js';
import { contentTerms, type SynonymLookup, type Term } from './text.js';
import type { Conflict, Fact, Passage } from './types.js';

export interface ClaimUnit {
  sentence: Sentence;
  /** The clause's text (the whole sentence, or one of its coordinated parts). */
  text: string;
  terms: Term[];
}

// Boundaries between independent claims inside one sentence: "… and that …", "…; …", "… — …", "…, but …", and a
// participle clause after a comma ("…, stoking concerns that …").
const CLAUSE_BREAK =
  /\s*(?:;|\s[—–]\s|,?\s+and that\s+|,\s+(?:but|though|although|while|whereas)\s+|,\s+(?=\p{Ll}+ing\s))\s*/u;
// Who says it is not what is said: attributions stay out of a claim's terms ("X said that …", "…, X said").
const REPORTING = '(?:said|says|told reporters|added|confirmed|announced|reported|stated|noted|mentioned|warned)';
const ATTRIBUTION = new RegExp(
  `,?\\s*according to [^,.;]+|^(?:[^\\s,]+\\s+){0,7}?(?:additionally\\s+|also\\s+)?${REPORTING}\\s+(?:that\\s+)?|,\\s*(?:[^\\s,]+\\s+){0,6}?${REPORTING}(?:\\s+\\p{L}+day)?[.,]?\\s*$`,
  'giu',
);
const MIN_CLAUSE_TERMS = 3;
// "OSLO/BERLIN: …", "LONDON (Reuters) - …": where the wire filed from, not part of the claim's wording.
const DATELINE = /^[\p{Lu}][\p{Lu}\s/,.'-]{2,}(?:\s*\([^)]*\))?\s*[:—–-]\s+/u;

/** A sentence as claim units: its clauses when each says enough on its own, else the sentence whole. */
export function claimUnits(sentences: readonly Sentence[]): ClaimUnit[] {
  const out: ClaimUnit[] = [];
  for (const sentence of sentences) {
    const parts = sentence.text.split(CLAUSE_BREAK).filter((p) => p.trim().length > 0);
    const terms = parts.map((p) => contentTerms(p.replace(ATTRIBUTION, '')));
    if (parts.length > 1 && terms.every((t) => t.length >= MIN_CLAUSE_TERMS)) {
      parts.forEach((text, i) => {
        out.push({ sentence, text: text.replace(DATELINE, ''), terms: terms[i] ?? [] });
      });
    } else {
      const all = contentTerms(sentence.text.replace(ATTRIBUTION, ''));
      if (all.length > 0) out.push({ sentence, text: sentence.text.replace(DATELINE, ''), terms: all });
    }
  }
  return out;
}

export interface FactCluster {
  units: ClaimUnit[];
  /** The unit most like the others: the cluster's wording. */
  medoid: ClaimUnit;
}

const LINK = 0.5;
const NAME_WEIGHT = 0.5;
const SINGLE_PREDICATE_LINK = 0.7;
const AVERAGE_LINK = 0.3;
/** Terms in more than this share of units carry no claim (the story's protagonists); they are not indexed. */
const COMMON_SHARE = 0.25;

type Weights = Map<string, number>;

function weightsOf(units: readonly ClaimUnit[]): Weights {
  const df = new Map<string, number>();
  for (const u of units) for (const t of new Set(u.terms.map((x) => x.term))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = units.length;
  const w = new Map<string, number>();
  for (const [t, d] of df) w.set(t, Math.log((n + 1) / d));
  return w;
}

/** Share of the lighter unit's weight found in the other, synonyms counted at the lighter word's weight. */
export function similarity(a: readonly Term[], b: readonly Term[], w: Weights, synonyms?: SynonymLookup): number {
  const ma = new Map(a.map((t) => [t.term, t.word]));
  const mb = new Map(b.map((t) => [t.term, t.word]));
  const predicate = new Set(a.concat(b).flatMap((t) => (t.capital ? [] : [t.term])));
  let predicates = 0;
  // Names count half: they tell who a claim is about, the other words what it says.
  const weight = (t: string) => (w.get(t) ?? 1) * (predicate.has(t) ? 1 : NAME_WEIGHT);
  let wa = 0;
  let wb = 0;
  for (const t of ma.keys()) wa += weight(t);
  for (const t of mb.keys()) wb += weight(t);
  if (wa === 0 || wb === 0) return 0;
  let shared = 0;
  let matched = 0;
  const restA: [string, string][] = [];
  for (const [t, word] of ma) {
    if (mb.has(t)) {
      shared += weight(t);
      matched++;
      if (predicate.has(t)) predicates++;
    } else restA.push([t, word]);
  }
  if (synonyms && restA.length > 0) {
    const restB = [...mb].filter(([t]) => !ma.has(t));
    const used = new Set<number>();
    for (const [t, word] of restA) {
      const j = restB.findIndex(([, v], i) => !used.has(i) && synonyms(word, v));
      if (j < 0) continue;
      used.add(j);
      shared += Math.min(weight(t), weight(restB[j]?.[0] ?? ''));
      matched++;
      predicates++;
    }
  }
  // One shared word is a coincidence, not a claim; shared names alone say the same people are involved, not that
  // the same thing is said of them.
  if (matched < 2 || predicates === 0) return 0;
  const overlap = shared / Math.min(wa, wb);
  // With a single shared word of substance, only a near-complete match of the rest makes it the same claim.
  return predicates >= 2 || overlap >= SINGLE_PREDICATE_LINK ? overlap : 0;
}

/** Clusters of units from any articles that state one claim. Deterministic: ties break by unit order. */
export function clusterClaims(units: readonly ClaimUnit[], synonyms?: SynonymLookup): FactCluster[] {
  const w = weightsOf(units);
  const common = Math.max(3, units.length * COMMON_SHARE);
  const postings = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const t of new Set(u.terms.map((x) => x.term))) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  const sims = new Map<number, number>();
  const key = (i: number, j: number) => (i < j ? i * units.length + j : j * units.length + i);
  const candidates = new Set<number>();
  for (const list of postings.values()) {
    if (list.length > common) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) candidates.add(key(list[x] as number, list[y] as number));
    }
  }
  const edges: [number, number, number][] = [];
  for (const k of candidates) {
    const i = Math.floor(k / units.length);
    const j = k % units.length;
    const a = units[i] as ClaimUnit;
    const b = units[j] as ClaimUnit;
    if (a.sentence.article === b.sentence.article && a.sentence.index === b.sentence.index) continue;
    const s = similarity(a.terms, b.terms, w, synonyms);
    if (s <= 0) continue;
    sims.set(k, s);
    if (s >= LINK && a.sentence.article !== b.sentence.article) edges.push([s, i, j]);
  }
  edges.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const clusterOf = units.map((_, i) => i);
  const members = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  const average = (p: number[], q: number[]) => {
    let sum = 0;
    for (const i of p) for (const j of q) sum += sims.get(key(i, j)) ?? 0;
    return sum / (p.length * q.length);
  };
  for (const [, i, j] of edges) {
    const ci = clusterOf[i] as number;
    const cj = clusterOf[j] as number;
    if (ci === cj) continue;
    const p = members.get(ci) as number[];
    const q = members.get(cj) as number[];
    if (average(p, q) < AVERAGE_LINK) continue;
    const [keep, drop] = ci < cj ? [ci, cj] : [cj, ci];
    const merged = [...(members.get(keep) as number[]), ...(members.get(drop) as number[])].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    for (const m of merged) clusterOf[m] = keep;
  }
  return [...members.values()].map((list) => {
    let best = list[0] as number;
    let bestScore = -1;
    for (const i of list) {
      let score = 0;
      for (const j of list) if (i !== j) score += sims.get(key(i, j)) ?? 0;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    return { units: list.map((i) => units[i] as ClaimUnit), medoid: units[best] as ClaimUnit };
  });
}

/** What building facts needs to know of the story. */
export interface FactContext {
  lineageOf: (article: string) => string;
  /** Lower is preferred when picking a cluster's wording (originals before spun or translated copies). */
  preference: (article: string) => number;
  /** Articles in story order. */
  order: readonly string[];
  conflicts: (cluster: FactCluster) => Conflict[];
}

/** Clusters as report facts, most widely carried first. */
export function buildFacts(clusters: readonly FactCluster[], ctx: FactContext): Fact[] {
  const rank = (a: string) => {
    const i = ctx.order.indexOf(a);
    return i < 0 ? ctx.order.length : i;
  };
  const facts = clusters.map((c) => {
    const articles = [...new Set(c.units.map((u) => u.sentence.article))].sort((a, b) => rank(a) - rank(b));
    const lineages = [...new Set(articles.map(ctx.lineageOf))].sort();
    // The wording of the most trusted article stating it (an original before its spun or translated copies), the
    // medoid's when that article is among them.
    const wording = [...c.units].sort(
      (a, b) =>
        ctx.preference(a.sentence.article) - ctx.preference(b.sentence.article) ||
        (a === c.medoid ? 0 : 1) - (b === c.medoid ? 0 : 1) ||
        rank(a.sentence.article) - rank(b.sentence.article),
    )[0];
    const text = (wording ?? c.medoid).text.trim();
    const passages: Passage[] = [];
    for (const u of c.units) {
      if (!passages.some((p) => p.anchor === u.sentence.anchor)) {
        passages.push({ article: u.sentence.article, anchor: u.sentence.anchor, text: u.sentence.text });
      }
    }
    const first = Math.min(...c.units.map((u) => u.sentence.index));
    return {
      fact: {
        id: '',
        text,
        articles,
        lineages,
        confirmed: lineages.length > 1 ? ('independent' as const) : ('single-lineage' as const),
        conflicts: ctx.conflicts(c),
        passages,
        quoted: c.units.every((u) => /["“”«»„]/.test(u.text)),
      },
      first,
    };
  });
  facts.sort(
    (a, b) =>
      b.fact.articles.length - a.fact.articles.length ||
      b.fact.lineages.length - a.fact.lineages.length ||
      a.first - b.first ||
      (a.fact.passages[0]?.anchor ?? '').localeCompare(b.fact.passages[0]?.anchor ?? ''),
  );
  return facts.map(({ fact }, i) => ({ ...fact, id: `f${i + 1}` }));
}
