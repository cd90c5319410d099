/**
 * @module The consolidated story: one attributed account built from a story's articles, their reuse relations and
 * (when the provenance stage ran) their lineages. Pure and deterministic: the same input gives the same report.
 */
import type { Article } from '../model.js';
import type { Provenance } from '../provenance/types.js';
import type { Relation } from '../relate/types.js';
import { findConflicts } from './conflicts.js';
import { buildFacts, claimUnits, clusterClaims, type FactCluster } from './facts.js';
import { type Lineages, lineagesOf, spunCopies } from './lineage.js';
import { isOrganisation, NameBook } from './names.js';
import { findQuotes, groupQuotes, type Quote } from './quotes.js';
import { type Sentence, segment } from './segment.js';
import { sourceReports } from './sources.js';
import { storyTitle, summarize } from './summary.js';
import type { SynonymLookup } from './text.js';
import { publicationOrder, storyDay, timelineArticles, timelineEvents } from './timeline.js';
import type { Fact, Report } from './types.js';
import { mentionedDates, referenceDay } from './when.js';

export interface ConsolidateInput {
  storyId: string;
  articles: readonly Article[];
  relations: readonly Relation[];
  provenance?: Provenance;
  /** WordNet synonyms (`loadSynonyms()` from the io layer); without them, only stems and spellings meet. */
  synonyms?: SynonymLookup;
  /** The story's quotations when the caller has them already (`storyQuotes`, also needed for provenance). */
  quotes?: readonly Quote[];
}

/** 0 for an article whose wording we trust, 1 for a spun or translated copy. */
function preferences(relations: readonly Relation[], provenance: Provenance | undefined): (id: string) => number {
  const copies = new Set<string>();
  if (provenance) {
    for (const e of provenance.edges) if (e.type === 'spun' || e.type === 'translated') copies.add(e.to);
  } else {
    for (const id of spunCopies(relations)) copies.add(id);
  }
  return (id) => (copies.has(id) ? 1 : 0);
}

function referenceOf(lineages: Lineages, provenance: Provenance | undefined): (id: string) => string | null {
  return (id) => {
    if (provenance) {
      const lineage = provenance.lineages.find((l) => l.articles.includes(id));
      if (lineage?.original && lineage.original !== id) return lineage.original;
    }
    return lineages.sourceOf.get(id)?.source ?? null;
  };
}

function commonSourcesOf(quotes: readonly Quote[], lineages: Lineages): { name: string; articles: string[] }[] {
  const byName = new Map<string, Set<string>>();
  for (const q of quotes) {
    if (!q.speaker || !isOrganisation(q.speaker)) continue;
    if (new Set(q.articles.map((a) => lineages.lineageOf.get(a))).size < 2) continue;
    const set = byName.get(q.speaker) ?? new Set<string>();
    for (const a of q.articles) set.add(a);
    byName.set(q.speaker, set);
  }
  return [...byName].map(([name, set]) => ({ name, articles: [...set] }));
}

/** The quotations of a story's articles, grouped across articles, each with its speaker (for provenance too). */
export function storyQuotes(input: readonly Article[], synonyms?: SynonymLookup): Quote[] {
  const articles = publicationOrder(input);
  const sentences = new Map<string, Sentence[]>(articles.map((a) => [a.id, segment(a)]));
  const all = articles.flatMap((a) => sentences.get(a.id) ?? []);
  // Body text only: titles in Title Case would make every capitalised word look like a name.
  const names = new NameBook(all.map((s) => ({ article: s.article, text: s.text })));
  const mentions = articles.flatMap((a) => findQuotes(a, sentences.get(a.id) ?? [], names));
  return groupQuotes(
    mentions,
    articles.map((a) => a.id),
    synonyms,
  );
}

export function consolidate(input: ConsolidateInput): Report {
  const { storyId, relations, provenance, synonyms } = input;
  const articles = publicationOrder(input.articles);
  const order = articles.map((a) => a.id);
  const sentences = new Map<string, Sentence[]>(articles.map((a) => [a.id, segment(a)]));
  const all = articles.flatMap((a) => sentences.get(a.id) ?? []);

  const quotes = input.quotes ? [...input.quotes] : storyQuotes(articles, synonyms);

  const lineages = lineagesOf(articles, relations, provenance);
  const preference = preferences(relations, provenance);
  const fallbackDay = storyDay(articles);
  const reference = new Map(articles.map((a) => [a.id, referenceDay(a.published ?? fallbackDay)]));

  const clusters = clusterClaims(claimUnits(all), synonyms);
  const conflicts = (c: FactCluster) =>
    findConflicts(
      c.units.map((u) => ({
        article: u.sentence.article,
        text: u.text,
        dates: mentionedDates(u.text, reference.get(u.sentence.article) ?? null),
      })),
    );
  const facts = buildFacts(clusters, {
    lineageOf: (a) => lineages.lineageOf.get(a) ?? a,
    preference,
    order,
    conflicts,
  });
  const factsByAnchor = new Map<string, string[]>();
  for (const f of facts) {
    for (const p of f.passages) {
      const list = factsByAnchor.get(p.anchor);
      if (list) list.push(f.id);
      else factsByAnchor.set(p.anchor, [f.id]);
    }
  }

  // Where each sentence sits in its article (the first sentence with its anchor).
  const sentenceAt = new Map<string, number>();
  for (const list of sentences.values()) {
    list.forEach((s, i) => {
      if (!sentenceAt.has(`${s.article}\u0000${s.anchor}`)) sentenceAt.set(`${s.article}\u0000${s.anchor}`, i);
    });
  }
  const positions = new Map<Fact, number>();
  const position = (f: Fact) => {
    const known = positions.get(f);
    if (known !== undefined) return known;
    // Where the claim sits in the articles that carry it, as a share of their length: a summary keeps story order.
    const shares = f.passages.map((p) => {
      const list = sentences.get(p.article) ?? [];
      const i = sentenceAt.get(`${p.article}\u0000${p.anchor}`) ?? -1;
      return list.length > 0 ? i / list.length : 1;
    });
    const share = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
    positions.set(f, share);
    return share;
  };

  return {
    id: storyId,
    title: storyTitle(articles, facts, preference),
    summary: summarize(facts, position),
    timeline: timelineArticles(articles, lineages),
    events: timelineEvents(articles, all, (anchor) => factsByAnchor.get(anchor) ?? []),
    facts,
    quotes,
    sources: sourceReports({ articles, sentences, facts, lineages, reference: referenceOf(lineages, provenance) }),
    lineages: lineages.lineages.map((l) => ({ name: l.name, articles: [...l.articles], original: l.original })),
    commonSources: provenance ? lineages.commonSources : commonSourcesOf(quotes, lineages),
  };
}
