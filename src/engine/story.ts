/**
 * @module A stored story's analysis: its articles and the relations among them, its quotations, its provenance
 * (lineages, directed edges, common sources) and its consolidated report; and writing the reports of every story
 * as HTML pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  consolidate,
  type Quote,
  type Report,
  renderIndexHtml,
  renderStoryHtml,
  type StoryIndexEntry,
  storyQuotes,
} from '../core/consolidate/index.js';
import type { Article } from '../core/model.js';
import { type InheritedCredit, inheritedCredits } from '../core/provenance/metadata.js';
import { provenance } from '../core/provenance/provenance.js';
import type { Provenance } from '../core/provenance/types.js';
import type { Relation, SynonymLookup } from '../core/relate/types.js';
import type { Store, StoryRow } from '../store/store.js';
import { lazySynonyms } from './relate.js';

export interface StoryMaterial {
  story: StoryRow;
  articles: Article[];
  /** Relations between members of the story, each pair once. */
  relations: Relation[];
}

export async function storyMaterial(store: Store, story: StoryRow): Promise<StoryMaterial> {
  const articles = (await store.getArticles(story.articles)).map((s) => s.article);
  const members = new Set(story.articles);
  const relations: Relation[] = [];
  for (const id of story.articles) {
    for (const r of await store.listRelations({ article: id })) if (r.a === id && members.has(r.b)) relations.push(r);
  }
  return { story, articles, relations };
}

export function provenanceOf(
  m: StoryMaterial,
  synonyms: SynonymLookup | null,
  quotes: readonly Quote[] = storyQuotes(m.articles, synonyms ?? undefined),
): Provenance {
  const carriers = quotes.flatMap((q) =>
    q.speaker ? [{ speaker: q.speaker, text: q.text, articles: q.articles }] : [],
  );
  return provenance({ storyId: m.story.id, articles: m.articles, relations: m.relations, quotes: carriers });
}

export function reportOf(m: StoryMaterial, synonyms: SynonymLookup | null): { report: Report; provenance: Provenance } {
  // Quotes feed both provenance (common sources) and the report: found once.
  const quotes = storyQuotes(m.articles, synonyms ?? undefined);
  const p = provenanceOf(m, synonyms, quotes);
  const report = consolidate({
    storyId: m.story.id,
    articles: withInherited(m.articles, inheritedCredits(m.articles, p)),
    relations: m.relations,
    provenance: p,
    quotes,
    ...(synonyms ? { synonyms } : {}),
  });
  return { report, provenance: p };
}

/** The articles with the credits their story gives them added to the ones they state. */
export function withInherited(articles: readonly Article[], inherited: Map<string, InheritedCredit[]>): Article[] {
  return articles.map((a) => {
    const more = inherited.get(a.id);
    return more
      ? { ...a, credits: [...a.credits, ...more.map((c) => c.name).filter((c) => !a.credits.includes(c))] }
      : a;
  });
}

/**
 * Credits that articles stating none inherit from their stories (a translation carries its source's credit), by
 * article id. Only stories already built are read; an article in no story inherits nothing.
 */
export async function storyCredits(
  store: Store,
  articles: readonly Article[],
  synonyms: SynonymLookup | null = lazySynonyms(),
): Promise<Map<string, InheritedCredit[]>> {
  const out = new Map<string, InheritedCredit[]>();
  const uncredited = articles.filter((a) => a.credits.length === 0).map((a) => a.id);
  if (uncredited.length === 0) return out;
  const storyIds = new Set((await store.storiesOf(uncredited)).values());
  for (const id of storyIds) {
    const story = await store.getStory(id);
    if (!story || story.articles.length < 2) continue;
    const m = await storyMaterial(store, story);
    for (const [article, credits] of inheritedCredits(m.articles, provenanceOf(m, synonyms)))
      if (uncredited.includes(article)) out.set(article, credits);
  }
  return out;
}

/** A file name for a story page: its id, made safe for any file system. */
export function storyFile(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

export interface WriteReportsSummary {
  stories: number;
  files: string[];
  seconds: number;
}

/** Writes `<out>/index.html` and one page per story. */
export async function writeReports(
  store: Store,
  out: string,
  options: { onProgress?: (done: number, total: number) => void; synonyms?: SynonymLookup | null } = {},
): Promise<WriteReportsSummary> {
  const started = performance.now();
  const synonyms = options.synonyms === undefined ? lazySynonyms() : options.synonyms;
  mkdirSync(out, { recursive: true });
  const stories = await store.listStories();
  const entries: StoryIndexEntry[] = [];
  const files: string[] = [];
  let done = 0;
  options.onProgress?.(0, stories.length);
  for (const story of stories) {
    const m = await storyMaterial(store, story);
    const { report } = reportOf(m, synonyms);
    const file = storyFile(story.id);
    writeFileSync(join(out, file), renderStoryHtml(report, m.articles));
    files.push(join(out, file));
    const dates = m.articles
      .map((a) => a.published)
      .filter((d): d is string => d !== null)
      .sort();
    entries.push({
      id: story.id,
      title: report.title,
      articles: m.articles.length,
      outlets: [...new Set(m.articles.map((a) => a.outlet).filter((o): o is string => o !== null))],
      first: dates[0] ?? null,
      last: dates.at(-1) ?? null,
      file,
    });
    options.onProgress?.(++done, stories.length);
  }
  entries.sort((x, y) => y.articles - x.articles || x.title.localeCompare(y.title));
  writeFileSync(join(out, 'index.html'), renderIndexHtml(entries));
  files.unshift(join(out, 'index.html'));
  return { stories: stories.length, files, seconds: (performance.now() - started) / 1000 };
}
