/**
 * @module When: the story's articles in publication order with their lineage and source, and the dated events
 * they report, relative dates resolved against each article's date (or, when an article has none, the story's).
 */
import type { Article } from '../model.js';
import type { Lineages } from './lineage.js';
import type { Sentence } from './segment.js';
import type { Passage, TimelineArticle, TimelineEvent } from './types.js';
import { mentionedDates, referenceDay } from './when.js';

/** Articles by publication time; undated ones last, in id order. */
export function publicationOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => {
    if (a.published && b.published) return a.published.localeCompare(b.published) || a.id.localeCompare(b.id);
    if (a.published) return -1;
    if (b.published) return 1;
    return a.id.localeCompare(b.id);
  });
}

/** The median publication day of the story: what an undated article's "on Wednesday" is read against. */
export function storyDay(articles: readonly Article[]): string | null {
  const days = articles.flatMap((a) => (a.published ? [a.published.slice(0, 10)] : [])).sort();
  return days[Math.floor((days.length - 1) / 2)] ?? null;
}

export function timelineArticles(articles: readonly Article[], lineages: Lineages): TimelineArticle[] {
  return publicationOrder(articles).map((a) => {
    const link = lineages.sourceOf.get(a.id);
    return {
      article: a.id,
      outlet: a.outlet,
      published: a.published,
      precision: a.publishedPrecision,
      title: a.title,
      credits: [...a.credits],
      authors: [...a.authors],
      lineage: lineages.lineageOf.get(a.id) ?? a.id,
      source: link?.source ? { article: link.source, type: link.type, confidence: link.confidence } : null,
    };
  });
}

/**
 * Dated events: sentences that mention one date and state a common claim are one event. `factsOf` gives the
 * fact ids a sentence (by anchor) takes part in.
 */
export function timelineEvents(
  articles: readonly Article[],
  sentences: readonly Sentence[],
  factsOf: (anchor: string) => readonly string[],
): TimelineEvent[] {
  const fallback = storyDay(articles);
  const reference = new Map(articles.map((a) => [a.id, referenceDay(a.published ?? fallback)]));
  const events: (TimelineEvent & { facts: Set<string> })[] = [];
  for (const s of sentences) {
    const facts = new Set(factsOf(s.anchor));
    for (const d of mentionedDates(s.text, reference.get(s.article) ?? null)) {
      const passage: Passage = { article: s.article, anchor: s.anchor, text: s.text };
      const e = events.find(
        (x) =>
          x.date === d.iso && (x.passages.some((p) => p.anchor === s.anchor) || [...facts].some((f) => x.facts.has(f))),
      );
      if (e) {
        if (!e.articles.includes(s.article)) e.articles.push(s.article);
        if (!e.phrases.includes(d.phrase)) e.phrases.push(d.phrase);
        if (!e.passages.some((p) => p.anchor === s.anchor)) e.passages.push(passage);
        for (const f of facts) e.facts.add(f);
        continue;
      }
      events.push({
        date: d.iso,
        precision: d.precision,
        text: s.text,
        phrases: [d.phrase],
        articles: [s.article],
        fact: facts.size === 1 ? ([...facts][0] ?? null) : null,
        passages: [passage],
        facts,
      });
    }
  }
  return events
    .map(({ facts: _, ...e }) => e)
    .sort(
      (a, b) => a.date.localeCompare(b.date) || b.articles.length - a.articles.length || a.text.localeCompare(b.text),
    );
}
