/**
 * @module A stored story's analysis: its articles and the relations among them, its quotations, its provenance
 * (lineages, directed edges, common sources) and its consolidated report; and writing the reports of every story
 * as HTML pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import {
  type InferredDate,
  type InheritedCredit,
  inferredDates,
  inheritedCredits,
} from '../core/provenance/metadata.js';
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
    articles: withStoryMetadata(m.articles, {
      credits: inheritedCredits(m.articles, p),
      dates: inferredDates(m.articles),
    }),
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

/** What the stories of some articles tell about them beyond their own text. */
export interface StoryMetadata {
  credits: Map<string, InheritedCredit[]>;
  dates: Map<string, InferredDate>;
}

/**
 * Credits that articles stating none inherit from their stories (a translation carries its source's credit) and days
 * for undated articles that name their reporting day (see `inferredDates`), by article id. Only stories already built
 * are read; an article in no story gets nothing.
 */
export async function storyMetadata(
  store: Store,
  articles: readonly Article[],
  synonyms: SynonymLookup | null = lazySynonyms(),
): Promise<StoryMetadata> {
  const out: StoryMetadata = { credits: new Map(), dates: new Map() };
  const wanted = new Set(articles.filter((a) => a.credits.length === 0 || !a.published).map((a) => a.id));
  if (wanted.size === 0) return out;
  const storyIds = new Set((await store.storiesOf([...wanted])).values());
  for (const id of storyIds) {
    const story = await store.getStory(id);
    if (!story || story.articles.length < 2) continue;
    const m = await storyMaterial(store, story);
    const needCredits = m.articles.some((a) => wanted.has(a.id) && a.credits.length === 0);
    if (needCredits)
      for (const [article, credits] of inheritedCredits(m.articles, provenanceOf(m, synonyms)))
        if (wanted.has(article)) out.credits.set(article, credits);
    for (const [article, date] of inferredDates(m.articles)) if (wanted.has(article)) out.dates.set(article, date);
  }
  return out;
}

/** The articles with what their story tells added: inherited credits, an inferred day (precision `day`). */
export function withStoryMetadata(articles: readonly Article[], meta: StoryMetadata): Article[] {
  return withInherited(articles, meta.credits).map((a) => {
    const date = meta.dates.get(a.id);
    return date && !a.published ? { ...a, published: date.published, publishedPrecision: 'day' as const } : a;
  });
}

/** A file name for a story page: its id, made safe for any file system. */
export function storyFile(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

export interface WriteReportsSummary {
  stories: number;
  /** Pages written this time: new stories and stories whose articles or relations changed. */
  written: number;
  /** Pages left as they were: their story had not changed since they were written. */
  unchanged: number;
  /** Pages of stories that no longer exist (merged into others), deleted. */
  deleted: number;
  files: string[];
  seconds: number;
}

/** Bumped when the report pages change, so that pages written by an older version are written again. */
const REPORT_FORMAT = 1;
/** What was written into a report folder, so that a later run rewrites only the stories that changed. */
const MANIFEST = '.storytrace-reports.json';

interface Manifest {
  format: number;
  stories: Record<string, { digest: string; entry: StoryIndexEntry }>;
}

function readManifest(out: string): Manifest['stories'] {
  try {
    const m = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as Manifest;
    return m.format === REPORT_FORMAT && m.stories && typeof m.stories === 'object' ? m.stories : {};
  } catch {
    return {};
  }
}

/** Everything a story's page is made from: the same digest means the same page. */
export function materialDigest(m: StoryMaterial): string {
  const h = createHash('sha1');
  h.update(`${REPORT_FORMAT}\n${m.story.id}`);
  for (const a of m.articles) {
    h.update(
      `\n${a.id}\t${a.cleanerVersion}\t${a.published}\t${a.title}\t${a.outlet}\t${a.url}\t${a.credits.join(',')}\t${a.authors.join(',')}\t${a.language}`,
    );
    for (const p of a.body) h.update(`\n${p}`);
  }
  const relations = m.relations.map((r) => `${r.a}\t${r.b}\t${r.type}\t${r.score}`).sort();
  for (const r of relations) h.update(`\n${r}`);
  return h.digest('hex');
}

/**
 * Writes `<out>/index.html` and one page per story. A story whose articles and relations are those its page was
 * written from keeps its page (see `materialDigest`); pages of stories that no longer exist are deleted. `force`
 * writes every page again.
 */
export async function writeReports(
  store: Store,
  out: string,
  options: {
    onProgress?: (done: number, total: number) => void;
    synonyms?: SynonymLookup | null;
    force?: boolean;
  } = {},
): Promise<WriteReportsSummary> {
  const started = performance.now();
  const synonyms = options.synonyms === undefined ? lazySynonyms() : options.synonyms;
  mkdirSync(out, { recursive: true });
  const before = options.force ? {} : readManifest(out);
  const after: Manifest['stories'] = {};
  const stories = await store.listStories();
  const entries: StoryIndexEntry[] = [];
  const files: string[] = [];
  let written = 0;
  let done = 0;
  options.onProgress?.(0, stories.length);
  for (const story of stories) {
    const m = await storyMaterial(store, story);
    const digest = materialDigest(m);
    const file = storyFile(story.id);
    const kept = before[story.id];
    let entry: StoryIndexEntry;
    if (kept && kept.digest === digest && existsSync(join(out, file))) entry = kept.entry;
    else {
      const { report } = reportOf(m, synonyms);
      writeFileSync(join(out, file), renderStoryHtml(report, m.articles));
      written++;
      const dates = m.articles
        .map((a) => a.published)
        .filter((d): d is string => d !== null)
        .sort();
      entry = {
        id: story.id,
        title: report.title,
        articles: m.articles.length,
        outlets: [...new Set(m.articles.map((a) => a.outlet).filter((o): o is string => o !== null))],
        first: dates[0] ?? null,
        last: dates.at(-1) ?? null,
        file,
      };
    }
    after[story.id] = { digest, entry };
    entries.push(entry);
    files.push(join(out, file));
    options.onProgress?.(++done, stories.length);
  }
  let deleted = 0;
  for (const [id, gone] of Object.entries(before)) {
    if (after[id] || gone.entry.file !== storyFile(id)) continue;
    rmSync(join(out, gone.entry.file), { force: true });
    deleted++;
  }
  entries.sort((x, y) => y.articles - x.articles || x.title.localeCompare(y.title));
  writeFileSync(join(out, 'index.html'), renderIndexHtml(entries));
  writeFileSync(join(out, MANIFEST), JSON.stringify({ format: REPORT_FORMAT, stories: after } satisfies Manifest));
  files.unshift(join(out, 'index.html'));
  return {
    stories: stories.length,
    written,
    unchanged: stories.length - written,
    deleted,
    files,
    seconds: (performance.now() - started) / 1000,
  };
}
