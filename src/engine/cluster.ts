/**
 * @module Clustering stored articles into stories, incrementally: the clusterer's state is restored from the store,
 * each article not yet in a story is added in arrival order with the reuse relations the index found for it, and
 * the memberships, changed stories, merges and the new state are written per batch. Small stories then get every
 * pair of their articles compared, so that reuse the index cannot see (a translation of another version of one wire)
 * is still found within the story.
 */
import { type ClustererState, createClusterer, type ReuseLink } from '../core/cluster/index.js';
import { analyze } from '../core/fingerprint/analyze.js';
import { fingerprint } from '../core/fingerprint/fingerprint.js';
import type { Article } from '../core/model.js';
import { type Comparable, relate } from '../core/relate/index.js';
import type { Relation, SynonymLookup } from '../core/relate/types.js';
import type { Store, StoryEvent, StoryRow } from '../store/store.js';
import { lazySynonyms } from './relate.js';

const STATE = 'clusterer';
const STATE_EVERY = 20;
/** Stories up to this size get every pair compared (n² / 2 comparisons of a few ms each). */
export const FULL_PAIRS_UP_TO = 40;

export interface ClusterSummary {
  clustered: number;
  created: number;
  joined: number;
  merged: number;
  stories: number;
  /** Relations found by comparing every pair inside small stories. */
  storyRelations: number;
  seconds: number;
}

export interface ClusterRunOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  synonyms?: SynonymLookup | null;
}

export async function clusterArticles(store: Store, options: ClusterRunOptions = {}): Promise<ClusterSummary> {
  const started = performance.now();
  const saved = await store.getState(STATE);
  const clusterer = createClusterer({}, saved ? (JSON.parse(saved) as ClustererState) : undefined);
  const total = await store.countArticlesToCluster();
  const summary = { clustered: 0, created: 0, joined: 0, merged: 0, stories: 0, storyRelations: 0, seconds: 0 };
  const touchedAll = new Set<string>();
  let afterSeq = 0;
  let batches = 0;
  options.onProgress?.(0, total);
  for (;;) {
    const batch = await store.articlesToCluster({ afterSeq, limit: options.batchSize ?? 500 });
    if (batch.length === 0) break;
    const members: { articleId: string; storyId: string; kind: string }[] = [];
    const touched = new Set<string>();
    const removed: string[] = [];
    const events: StoryEvent[] = [];
    for (const { seq, article } of batch) {
      afterSeq = seq;
      const links = await linksOf(store, article.id, (id) => clusterer.storyOf(id) !== null);
      const assignment = clusterer.add(
        {
          id: article.id,
          title: article.title,
          body: article.body,
          published: article.published,
          language: article.language,
        },
        links,
      );
      members.push({ articleId: article.id, storyId: assignment.story, kind: assignment.kind });
      touched.add(assignment.story);
      summary[assignment.kind === 'created' ? 'created' : assignment.kind === 'joined' ? 'joined' : 'merged']++;
      for (const gone of assignment.merged) {
        removed.push(gone);
        touched.delete(gone);
        touchedAll.delete(gone);
        events.push({ kind: 'merged', story: assignment.story, data: { from: gone, article: article.id } });
      }
    }
    const byId = new Map(clusterer.stories().map((s) => [s.id, s]));
    const stories: StoryRow[] = [...touched].map((id) => ({
      id,
      title: null,
      articles: byId.get(id)?.articles ?? [],
      firstSeen: null,
      lastSeen: null,
    }));
    await store.putStoryUpdate({
      members,
      stories,
      removed,
      events,
      // The state can be tens of MB on a busy stream: saved every few batches and at the end. A run killed in
      // between loses only what the clusterer remembers of the last batches, never a membership.
      state: ++batches % STATE_EVERY === 0 ? { name: STATE, data: JSON.stringify(clusterer.snapshot()) } : null,
    });
    for (const id of touched) touchedAll.add(id);
    summary.clustered += batch.length;
    options.onProgress?.(summary.clustered, total);
  }
  if (batches % STATE_EVERY !== 0) {
    await store.putStoryUpdate({
      members: [],
      stories: [],
      removed: [],
      events: [],
      state: { name: STATE, data: JSON.stringify(clusterer.snapshot()) },
    });
  }
  const synonyms = options.synonyms === undefined ? lazySynonyms() : options.synonyms;
  for (const id of touchedAll) summary.storyRelations += await completeStoryPairs(store, id, synonyms);
  summary.stories = clusterer.stories().length;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function linksOf(store: Store, articleId: string, known: (id: string) => boolean): Promise<ReuseLink[]> {
  const relations = await store.listRelations({ article: articleId });
  return relations
    .map((r) => ({ other: r.a === articleId ? r.b : r.a, type: r.type, score: r.score }))
    .filter((l) => known(l.other));
}

/** Compares every pair of a small story that the index did not already relate; returns how many it stored. */
export async function completeStoryPairs(
  store: Store,
  storyId: string,
  synonyms: SynonymLookup | null,
): Promise<number> {
  const story = await store.getStory(storyId);
  if (!story || story.articles.length < 2 || story.articles.length > FULL_PAIRS_UP_TO) return 0;
  const known = new Set<string>();
  for (const id of story.articles)
    for (const r of await store.listRelations({ article: id })) known.add(`${r.a} ${r.b}`);
  const articles = (await store.getArticles(story.articles)).map((s) => s.article);
  const sides = articles.map(comparableOf);
  const found: Relation[] = [];
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      const x = sides[i] as Comparable;
      const y = sides[j] as Comparable;
      const key = x.id < y.id ? `${x.id} ${y.id}` : `${y.id} ${x.id}`;
      if (!known.has(key)) found.push(relate(x, y, synonyms));
    }
  }
  await store.putRelations(found);
  return found.length;
}

function comparableOf(a: Article): Comparable {
  return { id: a.id, language: a.language, analysis: analyze(a.body), contentHash: fingerprint(a.body).contentHash };
}

/** Forgets every story and clusters all articles again in arrival order. */
export async function reclusterAll(store: Store, options: ClusterRunOptions = {}): Promise<ClusterSummary> {
  await store.clearStories();
  return clusterArticles(store, options);
}
