/**
 * @module Clustering stored articles into stories, incrementally: the clusterer's state is restored from the store,
 * each article not yet in a story is added in publication order (see `clusteringOrder`) with the reuse relations the index found for it, and
 * the memberships, changed stories, merges and the new state are written per batch. Small stories then get every
 * pair of their articles compared, so that reuse the index cannot see (a translation of another version of one wire)
 * is still found within the story.
 *
 * `reclusterSince` clusters again the articles of a time range: the older ones are replayed into a fresh clusterer
 * to rebuild its state, the later ones clustered against it, and the difference with the stored stories written
 * (with `reclustered`, `merged` and `split` events) in one transaction.
 */
import {
  type Assignment,
  applyAssignment,
  articleFeatures,
  type Clusterer,
  type ClustererState,
  type ClusterInput,
  type ClusterOptions,
  createClusterer,
  type ReuseLink,
} from '../core/cluster/index.js';
import { analyze } from '../core/fingerprint/analyze.js';
import { fingerprint } from '../core/fingerprint/fingerprint.js';
import type { Article } from '../core/model.js';
import { type Comparable, relate } from '../core/relate/index.js';
import type { Relation, SynonymLookup } from '../core/relate/types.js';
import type { ArticleTime, Store, StoryEvent, StoryRow } from '../store/store.js';
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
  // A pile arrives in any order (a folder walked by name); the clusterer reads time forward, freezing stories the
  // newest date has left behind. So the articles waiting are clustered in publication order.
  const pending = clusteringOrder(await store.listArticleTimes({ unclustered: true }));
  const clusterer = saved
    ? createClusterer({}, JSON.parse(saved) as ClustererState)
    : createClusterer({ seed: await rarityOfPile(store, pending) });
  const total = pending.length;
  const summary = { clustered: 0, created: 0, joined: 0, merged: 0, stories: 0, storyRelations: 0, seconds: 0 };
  const touchedAll = new Set<string>();
  const size = options.batchSize ?? 500;
  let batches = 0;
  options.onProgress?.(0, total);
  for (let from = 0; from < pending.length; from += size) {
    const seqs = pending.slice(from, from + size);
    const bySeq = new Map((await store.getArticlesBySeq(seqs)).map((x) => [x.seq, x.article]));
    const batch = seqs.flatMap((seq) => bySeq.get(seq) ?? []);
    const members: { articleId: string; storyId: string; kind: string }[] = [];
    const touched = new Set<string>();
    const removed: string[] = [];
    const events: StoryEvent[] = [];
    for (const article of batch) {
      const links = await linksOf(store, article.id, (id) => clusterer.storyOf(id) !== null);
      const assignment = clusterer.add(clusterInput(article), links);
      members.push({ articleId: article.id, storyId: assignment.story, kind: assignment.kind });
      touched.add(assignment.story);
      summary[assignment.kind === 'created' ? 'created' : assignment.kind === 'joined' ? 'joined' : 'merged']++;
      for (const gone of assignment.merged) {
        removed.push(gone);
        touched.delete(gone);
        touchedAll.delete(gone);
        events.push({ kind: 'merged', story: assignment.story, data: { from: gone, article: article.id } });
      }
      // A story split in two: both rows are rewritten with their members (the articles moved change story).
      for (const split of assignment.split ?? []) {
        touched.add(split.from);
        touched.add(split.story);
        // Its id may be that of a story merged away earlier in the batch (started by the same article): it lives again.
        const revived = removed.indexOf(split.story);
        if (revived >= 0) removed.splice(revived, 1);
        for (const id of split.articles) members.push({ articleId: id, storyId: split.story, kind: 'joined' });
        events.push({
          kind: 'split',
          story: split.from,
          data: { into: split.story, articles: split.articles, article: article.id },
        });
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

/** Articles of a first pile read for its word rarity: more cost time (features computed twice) and add little. */
const RARITY_SAMPLE = 2000;
/**
 * Fewer articles than this say nothing of rarity: in six reports of one event every word they share looks common,
 * and they would not be joined.
 */
const RARITY_MIN = 200;

/**
 * Document frequencies over the first articles of a pile (in clustering order), for a fresh clusterer to start from:
 * otherwise its first articles are scored with the rarity of the few seen before them, and early stories form on
 * common words (on ECB+ through the pipeline, B³ F1 0.861 → 0.866 over 9 orders).
 */
async function rarityOfPile(store: Store, seqs: readonly number[]): Promise<ClusterOptions['seed']> {
  const sample = seqs.slice(0, RARITY_SAMPLE);
  if (sample.length < RARITY_MIN) return null;
  const df: Record<string, number> = {};
  for (const { article } of await store.getArticlesBySeq(sample)) {
    for (const k of articleFeatures(clusterInput(article)).keys) df[k] = (df[k] ?? 0) + 1;
  }
  return { docs: sample.length, df };
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

function clusterInput(a: Article): ClusterInput {
  return { id: a.id, title: a.title, body: a.body, published: a.published, language: a.language };
}

function comparableOf(a: Article): Comparable {
  return { id: a.id, language: a.language, analysis: analyze(a.body), contentHash: fingerprint(a.body).contentHash };
}

/** Forgets every story and clusters all articles again in publication order. */
export async function reclusterAll(store: Store, options: ClusterRunOptions = {}): Promise<ClusterSummary> {
  await store.clearStories();
  return clusterArticles(store, options);
}

// Re-clustering a time range (`recluster --since`).

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/** Whether `YYYY-MM-DD` is a day of the calendar: Date.parse rolls 2031-02-30 over to March 2. */
function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/**
 * Milliseconds since the epoch of an ISO 8601 date or date-time, or null when it is neither. A date alone is the start
 * of its day and a time without a zone is UTC, so that a cut never moves with the machine's time zone.
 */
export function parseInstant(text: string | null): number | null {
  const s = text?.trim();
  if (!s) return null;
  if (DAY.test(s)) return isCalendarDay(s) ? Date.parse(`${s}T00:00:00Z`) : null;
  const m = DATE_TIME.exec(s);
  if (!m || !isCalendarDay(m[1]!)) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3]?.toUpperCase() ?? 'Z'}`);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The instant `--since` files each article under, in arrival order: its publication date when the cleaner found one,
 * else its document's fetch time, else its ingest time. An article whose times are all unreadable takes the instant
 * of the article that arrived before it (arrival order is the last clock); a first one counts as oldest.
 */
export function articleInstants(times: readonly ArticleTime[]): number[] {
  let last = Number.NEGATIVE_INFINITY;
  return times.map((t) => {
    last = parseInstant(t.published) ?? parseInstant(t.fetchedAt) ?? parseInstant(t.ingestedAt) ?? last;
    return last;
  });
}

/**
 * Sequences in the order to cluster them: by publication date (else fetch time), stable. An undated article keeps
 * its place after the article that arrived before it: its ingest time would put it after every dated one.
 */
export function clusteringOrder(times: readonly ArticleTime[]): number[] {
  let last = Number.NEGATIVE_INFINITY;
  const keyed = times.map((t, i) => {
    last = parseInstant(t.published) ?? parseInstant(t.fetchedAt) ?? last;
    return { seq: t.seq, at: last, i };
  });
  keyed.sort((a, b) => a.at - b.at || a.i - b.i);
  return keyed.map((k) => k.seq);
}

/** The articles before the cut and those at or after it, each in arrival order. */
export function splitAt(times: readonly ArticleTime[], cut: number): { kept: ArticleTime[]; redone: ArticleTime[] } {
  const instants = articleInstants(times);
  const kept: ArticleTime[] = [];
  const redone: ArticleTime[] = [];
  times.forEach((t, i) => {
    (instants[i]! < cut ? kept : redone).push(t);
  });
  return { kept, redone };
}

/** A clusterer with the partition its assignments make, which it does not keep itself: it forgets frozen stories. */
export interface TrackedClusterer {
  readonly clusterer: Clusterer;
  /** The story of every article added. */
  readonly storyOf: Map<string, string>;
  /** The articles of every story, frozen ones included, in the order the stories were started. */
  readonly members: Map<string, string[]>;
  add(article: ClusterInput, links?: readonly ReuseLink[]): Assignment;
}

export function trackedClusterer(clusterer: Clusterer = createClusterer()): TrackedClusterer {
  const storyOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  return {
    clusterer,
    storyOf,
    members,
    add(article, links = []) {
      const a = clusterer.add(article, links);
      applyAssignment(members, article.id, a, (id, story) => storyOf.set(id, story));
      return a;
    },
  };
}

/**
 * Names that keep story ids stable. The clusterer names a story after the article that started it; a story holding
 * articles from before the cut takes instead the id the earliest of them had, when the clusterer named it otherwise
 * (it was started by a later-dated article that arrived first, which older ones joined) and no other story goes by
 * that id. Returns clusterer id → id kept.
 */
export function carriedIds(
  members: ReadonlyMap<string, readonly string[]>,
  previous: ReadonlyMap<string, string>,
  keptSeq: ReadonlyMap<string, number>,
): Map<string, string> {
  const taken = new Set(members.keys());
  const names = new Map<string, string>();
  for (const [id, articles] of members) {
    const had = new Set<string>();
    let earliest: string | undefined;
    let first = Number.POSITIVE_INFINITY;
    for (const a of articles) {
      const seq = keptSeq.get(a);
      const story = previous.get(a);
      if (seq === undefined || story === undefined) continue;
      had.add(story);
      if (seq < first) [first, earliest] = [seq, story];
    }
    if (earliest === undefined || had.has(id) || taken.has(earliest)) continue;
    names.set(id, earliest);
    taken.add(earliest);
  }
  return names;
}

/** The clusterer's state with stories renamed, merge records included. */
export function renamedState(state: ClustererState, names: ReadonlyMap<string, string>): ClustererState {
  const name = (id: string) => names.get(id) ?? id;
  return {
    ...state,
    stories: state.stories.map((s) => ({ ...s, id: name(s.id) })),
    merges: state.merges.map((m) => ({ ...m, into: name(m.into), from: name(m.from) })),
  };
}

/** A partition: the story of each article and the articles of each story. */
export interface Partition {
  storyOf: ReadonlyMap<string, string>;
  members: ReadonlyMap<string, readonly string[]>;
}

function renamedPartition(p: Partition, names: ReadonlyMap<string, string>): Partition {
  const name = (id: string) => names.get(id) ?? id;
  return {
    storyOf: new Map([...p.storyOf].map(([a, s]) => [a, name(s)])),
    members: new Map([...p.members].map(([s, articles]) => [name(s), articles])),
  };
}

/** What turning one partition into another writes: the articles that changed story, the stories touched, events. */
export interface PartitionChange {
  /** Articles whose story changed or that had none, with their story now. */
  moved: { articleId: string; storyId: string }[];
  /** Stories that gained or lost articles and still hold some. */
  rewritten: string[];
  /** Stories left without articles. */
  removed: string[];
  /**
   * `reclustered` for each rewritten story (the articles that joined and left it); `merged` for a story now holding
   * articles of several earlier stories; `split` for an earlier story whose articles now lie in several.
   */
  events: StoryEvent[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The change from the stored stories (`previous`: article → story) to `next`; articles not in `next` stay as they are. */
export function partitionChange(
  previous: ReadonlyMap<string, string>,
  next: Partition,
  since: string,
): PartitionChange {
  const moved = [...next.storyOf]
    .filter(([a, s]) => previous.get(a) !== s)
    .map(([articleId, storyId]) => ({ articleId, storyId }));
  const joined = new Map<string, string[]>();
  const left = new Map<string, string[]>();
  for (const m of moved) {
    push(joined, m.storyId, m.articleId);
    const had = previous.get(m.articleId);
    if (had !== undefined) push(left, had, m.articleId);
  }
  const rewritten = [...new Set([...joined.keys(), ...[...left.keys()].filter((id) => next.members.has(id))])];
  const removed = [...left.keys()].filter((id) => !next.members.has(id));
  const events: StoryEvent[] = rewritten.map((story) => ({
    kind: 'reclustered',
    story,
    data: { since, joined: joined.get(story) ?? [], left: left.get(story) ?? [] },
  }));
  for (const story of joined.keys()) {
    const had = new Set((next.members.get(story) ?? []).flatMap((a) => previous.get(a) ?? []));
    if (had.size >= 2)
      events.push({ kind: 'merged', story, data: { since, from: [...had].filter((s) => s !== story) } });
  }
  const earlier = new Map<string, string[]>();
  for (const [a, s] of previous) if (left.has(s)) push(earlier, s, a);
  for (const [story, articles] of earlier) {
    const into = new Set(articles.flatMap((a) => next.storyOf.get(a) ?? []));
    if (into.size >= 2) events.push({ kind: 'split', story, data: { since, into: [...into] } });
  }
  return { moved, rewritten, removed, events };
}

export interface ReclusterSummary {
  /** The cut (ISO): articles filed at or after it were clustered again. */
  since: string;
  /** Articles before the cut, replayed to rebuild the clusterer's state. */
  kept: number;
  /** Articles at or after the cut, clustered again, and how: new stories, joins, joins that merged stories. */
  reclustered: number;
  created: number;
  joined: number;
  merged: number;
  /**
   * Articles whose story changed; of them, those before the cut: 0 unless some older article arrived after a later
   * one, or the store holds relations found after the articles were clustered (see `reclusterSince`).
   */
  moved: number;
  keptMoved: number;
  /** Stories rewritten and removed; merge and split events recorded. */
  storiesChanged: number;
  storiesRemoved: number;
  merges: number;
  splits: number;
  /** Stories given back the id their older articles' story had (see `carriedIds`). */
  carried: number;
  /** Stories in all after the run. */
  stories: number;
  /** Relations found by comparing every pair inside the small stories that gained articles. */
  storyRelations: number;
  seconds: number;
}

function sinceInstant(since: string | Date): number {
  const ms = since instanceof Date ? since.getTime() : parseInstant(since);
  if (ms === null || !Number.isFinite(ms)) {
    throw new RangeError(`since: ${JSON.stringify(String(since))} is not an ISO 8601 date or date-time`);
  }
  return ms;
}

/** Adds articles to the clusterer in the order given, each with its stored reuse relations to articles it holds. */
async function feed(
  store: Store,
  tracked: TrackedClusterer,
  times: readonly ArticleTime[],
  batchSize: number,
  onAssigned: (articleId: string, a: Assignment) => void,
  onBatch: (n: number) => void,
): Promise<void> {
  const known = (id: string) => tracked.clusterer.storyOf(id) !== null;
  // The same order as the incremental path: publication order (see `clusteringOrder`).
  const order = clusteringOrder(times);
  for (let i = 0; i < order.length; i += batchSize) {
    const seqs = order.slice(i, i + batchSize);
    const bySeq = new Map((await store.getArticlesBySeq(seqs)).map((x) => [x.seq, x.article]));
    for (const article of seqs.flatMap((seq) => bySeq.get(seq) ?? [])) {
      onAssigned(article.id, tracked.add(clusterInput(article), await linksOf(store, article.id, known)));
    }
    onBatch(seqs.length);
  }
}

async function storedPartition(store: Store): Promise<Map<string, string>> {
  const storyOf = new Map<string, string>();
  for (const s of await store.listStories()) for (const a of s.articles) storyOf.set(a, s.id);
  return storyOf;
}

/**
 * Clusters again from scratch the articles filed at or after `since` (see `articleInstants`), in publication order,
 * against the clusterer's state as the older articles leave it: those are replayed first into a fresh clusterer, in
 * publication order, each with its stored relations to the articles before it, as the incremental path adds them. The
 * result is the incremental one but for two things: an older article that arrived after a later one is replayed
 * before all later ones, not among them; and a relation stored after its articles were clustered (found comparing
 * every pair of a small story, or by re-indexing) is a reuse link on replay. Articles of either kind may change
 * story, older ones included (`keptMoved`); bench/stories/recluster.ts measures it.
 *
 * Story ids stay stable: a story holding older articles keeps their story's id (see `carriedIds`), and one of
 * re-clustered articles only gets the id the incremental path gives it, after the article that started it. Every
 * change is written in one transaction, with `reclustered`, `merged` and `split` events and the clusterer's state;
 * nothing is written before, so an interrupted run leaves the stories as they were.
 */
export async function reclusterSince(
  store: Store,
  since: string | Date,
  options: ClusterRunOptions = {},
): Promise<ReclusterSummary> {
  const started = performance.now();
  const cut = sinceInstant(since);
  const cutIso = new Date(cut).toISOString();
  const times = await store.listArticleTimes();
  const { kept, redone } = splitAt(times, cut);
  const previous = await storedPartition(store);
  // Seeded as a first run over the same articles is, so that re-clustering everything gives the stories it gave.
  const tracked = trackedClusterer(createClusterer({ seed: await rarityOfPile(store, clusteringOrder(times)) }));
  const batchSize = options.batchSize ?? 500;
  const kinds = new Map<string, Assignment['kind']>();
  const counts = { created: 0, joined: 0, merged: 0 };
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, times.length);
  };
  progress(0);
  await feed(store, tracked, kept, batchSize, (id, a) => kinds.set(id, a.kind), progress);
  await feed(
    store,
    tracked,
    redone,
    batchSize,
    (id, a) => {
      kinds.set(id, a.kind);
      counts[a.kind]++;
    },
    progress,
  );

  const keptSeq = new Map(kept.map((t) => [t.id, t.seq]));
  const names = carriedIds(tracked.members, previous, keptSeq);
  const next = renamedPartition(tracked, names);
  const change = partitionChange(previous, next, cutIso);
  await store.putStoryUpdate({
    members: change.moved.map((m) => ({ ...m, kind: kinds.get(m.articleId) ?? 'joined' })),
    stories: change.rewritten.map((id) => ({
      id,
      title: null,
      articles: [...(next.members.get(id) ?? [])],
      firstSeen: null,
      lastSeen: null,
    })),
    removed: change.removed,
    events: change.events,
    state: { name: STATE, data: JSON.stringify(renamedState(tracked.clusterer.snapshot(), names)) },
  });

  const synonyms = options.synonyms === undefined ? lazySynonyms() : options.synonyms;
  let storyRelations = 0;
  for (const id of new Set(change.moved.map((m) => m.storyId))) {
    storyRelations += await completeStoryPairs(store, id, synonyms);
  }
  return {
    since: cutIso,
    kept: kept.length,
    reclustered: redone.length,
    ...counts,
    moved: change.moved.length,
    keptMoved: change.moved.filter((m) => keptSeq.has(m.articleId) && previous.has(m.articleId)).length,
    storiesChanged: change.rewritten.length,
    storiesRemoved: change.removed.length,
    merges: change.events.filter((e) => e.kind === 'merged').length,
    splits: change.events.filter((e) => e.kind === 'split').length,
    carried: names.size,
    stories: next.members.size,
    storyRelations,
    seconds: (performance.now() - started) / 1000,
  };
}
