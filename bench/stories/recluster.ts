/**
 * @module `recluster --since` against the incremental path, on the generated labelled stream (./stream.ts) kept in a
 * real SQLite file. The stream arrives day by day, each day clustered incrementally (`clusterArticles`, the copies
 * with their reuse links as stored relations); then `reclusterSince` clusters again from a cut. Reported: B-cubed F1
 * of the re-clustered partition against the incremental one, of each against the truth, and the seconds each took.
 * Two cuts: a midnight, before which every article arrived (each simulated day's articles are dated that day), and the
 * noon of that day, so that the morning's articles, shuffled among the afternoon's, arrive after some later-dated ones.
 * `node --import tsx bench/stories/recluster.ts [--days N] [--events N] [--orders N]` prints the figures as one JSON line.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withId } from '../../src/core/ingest/identity.js';
import type { Article, Document } from '../../src/core/model.js';
import type { Evidence, Relation } from '../../src/core/relate/types.js';
import { clusterArticles, reclusterAll, reclusterSince } from '../../src/engine/cluster.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { type BCubed, bcubed } from './bcubed.js';
import { labelledStream, type StreamArticle, type StreamOptions } from './stream.js';

export interface ReclusterCut {
  /**
   * `midnight`: every older article arrived before the later ones; `noon`: the day's arrivals mix both; `scratch`:
   * `reclusterAll` for reference (every article clustered again, nothing kept).
   */
  kind: 'midnight' | 'noon' | 'scratch';
  since: string;
  kept: number;
  reclustered: number;
  /** Re-clustered against incremental (incremental taken as the reference). */
  agreement: BCubed;
  /** Each against the true stories. */
  incremental: BCubed;
  recluster: BCubed;
  /** Articles whose story (id) changed; of them, older than the cut. */
  moved: number;
  keptMoved: number;
  /** Stories that got back the id of their older articles' story. */
  carried: number;
  /** Stories with older articles, and those whose older articles are still together but under another id (0: stable). */
  olderStories: number;
  renamed: number;
  seconds: number;
}

export interface ReclusterOrder {
  order: number;
  articles: number;
  stories: number;
  /** Seconds of the day-by-day incremental clustering, all days. */
  incrementalSeconds: number;
  cuts: ReclusterCut[];
}

export interface ReclusterBenchResult {
  days: number;
  eventsPerDay: number;
  articles: number;
  stories: number;
  orders: ReclusterOrder[];
}

export const RECLUSTER_STREAM = { days: 21, eventsPerDay: 15, orders: 3 };

const NO_EVIDENCE: Evidence = {
  jaccard: 0,
  containment: [0, 0],
  verbatim: [0, 0],
  mixed: [0, 0],
  terms: 0,
  anchors: 0,
  quotedShingles: 0,
  aligned: 0,
  synonyms: [],
  substitutions: 0,
  synonymShare: 0,
  explained: 0,
  inPlace: 0,
  slips: [0, 0],
  crossLanguage: false,
  foreign: false,
};

/** One stored document and article per generated article; the article keeps the stream's id, so truth applies as is. */
function stored(s: StreamArticle): { document: Document; article: Article } {
  const { id, title, body, published, language } = s.article;
  const document = withId({
    source: `stream.jsonl#${id}`,
    externalId: id,
    // Exact copies carry the same text: their own address keeps them two documents.
    url: `https://stream.example/${id}`,
    outlet: null,
    title,
    author: null,
    language,
    contentType: 'text/plain',
    format: 'jsonl',
    fetchedAt: null,
    publishedAt: published,
    content: body.join('\n\n'),
    bytes: Buffer.byteLength(body.join('\n\n')),
  });
  const article: Article = {
    id,
    documentId: document.id,
    index: 0,
    title,
    authors: [],
    dateline: null,
    published,
    publishedPrecision: 'second',
    credits: [],
    photoCredits: [],
    language,
    url: null,
    outlet: null,
    body,
    normalized: body,
    headings: [],
    captions: [],
    removed: [],
    cleanerVersion: 1,
  };
  return { document, article };
}

/** The reuse links of the copies, as the index would have stored them. */
function relationsOf(s: StreamArticle): Relation[] {
  return s.links.map((l) => {
    const [a, b] = l.other < s.article.id ? [l.other, s.article.id] : [s.article.id, l.other];
    return { a, b, type: l.type, score: l.score, evidence: NO_EVIDENCE };
  });
}

async function arrive(store: Store, day: readonly StreamArticle[]): Promise<void> {
  const rows = day.map(stored);
  await store.putDocuments(rows.map((r) => r.document));
  await store.putCleanResults(
    rows.map((r) => ({ documentId: r.document.id, cleanerVersion: 1, articles: [r.article], reason: null })),
  );
  await store.putRelations(day.flatMap(relationsOf));
}

/** The stream cut into its days of arrival: every article of a day's batch is dated that day. */
function byDay(stream: Iterable<StreamArticle>): StreamArticle[][] {
  const days = new Map<string, StreamArticle[]>();
  for (const s of stream) {
    const day = s.article.published!.slice(0, 10);
    const list = days.get(day);
    if (list) list.push(s);
    else days.set(day, [s]);
  }
  return [...days.values()];
}

function storyIds(stories: readonly { id: string; articles: string[] }[]): Map<string, string> {
  return new Map(stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
}

/**
 * Earlier stories with older articles, and how many of those now go by another id though their older articles are
 * still together and with no other story's (a merge keeps one of the ids, by design).
 */
function idStability(
  before: readonly { id: string; articles: string[] }[],
  after: readonly { id: string; articles: string[] }[],
  older: (id: string) => boolean,
): { olderStories: number; renamed: number } {
  const was = storyIds(before);
  const now = storyIds(after);
  const sources = new Map(after.map((s) => [s.id, new Set(s.articles.filter(older).map((a) => was.get(a)))] as const));
  let olderStories = 0;
  let renamed = 0;
  for (const s of before) {
    const ids = new Set(s.articles.filter(older).map((a) => now.get(a)));
    if (ids.size === 0) continue;
    olderStories++;
    const [id] = ids;
    if (ids.size === 1 && id !== s.id && sources.get(id!)?.size === 1) renamed++;
  }
  return { olderStories, renamed };
}

/** Runs `reclusterSince` (or, for `scratch`, `reclusterAll`) on a copy of the incremental store and compares. */
async function cutRun(
  db: string,
  kind: ReclusterCut['kind'],
  since: string,
  truth: string[][],
  older: (id: string) => boolean,
): Promise<ReclusterCut> {
  const store = new SqliteStore({ path: db });
  try {
    const before = await store.listStories();
    const summary =
      kind === 'scratch'
        ? { ...(await reclusterAll(store, { synonyms: null })), since, kept: 0, carried: 0 }
        : await reclusterSince(store, since, { synonyms: null });
    const after = await store.listStories();
    const [was, now] = [storyIds(before), storyIds(after)];
    const moved = [...was].filter(([a, s]) => now.get(a) !== s).map(([a]) => a);
    const incremental = before.map((s) => s.articles);
    const recluster = after.map((s) => s.articles);
    return {
      kind,
      since: summary.since,
      kept: summary.kept,
      reclustered: now.size - summary.kept,
      agreement: bcubed(recluster, incremental),
      incremental: bcubed(incremental, truth),
      recluster: bcubed(recluster, truth),
      moved: moved.length,
      keptMoved: moved.filter(older).length,
      carried: summary.carried,
      ...idStability(before, after, older),
      seconds: summary.seconds,
    };
  } finally {
    await store.close();
  }
}

/** One arrival order: the stream clustered day by day, then re-clustered from each cut on a copy of the store. */
export async function reclusterStream(opts: StreamOptions, dir: string): Promise<ReclusterOrder> {
  const days = byDay(labelledStream(opts));
  const published = new Map(days.flat().map((s) => [s.article.id, Date.parse(s.article.published!)]));
  const truthBy = new Map<string, string[]>();
  for (const s of days.flat()) {
    const list = truthBy.get(s.story);
    if (list) list.push(s.article.id);
    else truthBy.set(s.story, [s.article.id]);
  }
  const truth = [...truthBy.values()];
  const db = join(dir, `incremental-${opts.order ?? 0}.db`);
  const store = new SqliteStore({ path: db });
  let incrementalSeconds = 0;
  for (const day of days) {
    await arrive(store, day);
    incrementalSeconds += (await clusterArticles(store, { synonyms: null })).seconds;
  }
  await store.close();

  const midDay = days[Math.floor(days.length / 2)]![0]!.article.published!.slice(0, 10);
  const cuts: ReclusterCut[] = [];
  for (const [kind, since] of [
    ['midnight', `${midDay}T00:00:00Z`],
    ['noon', `${midDay}T12:00:00Z`],
    ['scratch', ''],
  ] as const) {
    const copy = join(dir, `${kind}-${opts.order ?? 0}.db`);
    copyFileSync(db, copy);
    const older = (id: string) => (published.get(id) ?? Number.POSITIVE_INFINITY) < Date.parse(since);
    cuts.push(await cutRun(copy, kind, since, truth, older));
  }
  return {
    order: opts.order ?? 0,
    articles: truth.reduce((n, t) => n + t.length, 0),
    stories: truth.length,
    incrementalSeconds,
    cuts,
  };
}

export async function reclusterBench(
  q: { days: number; eventsPerDay: number; orders: number } = RECLUSTER_STREAM,
): Promise<ReclusterBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-recluster-'));
  try {
    const orders: ReclusterOrder[] = [];
    for (let order = 1; order <= q.orders; order++) {
      orders.push(await reclusterStream({ days: q.days, eventsPerDay: q.eventsPerDay, order }, dir));
    }
    return {
      days: q.days,
      eventsPerDay: q.eventsPerDay,
      articles: orders[0]?.articles ?? 0,
      stories: orders[0]?.stories ?? 0,
      orders,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x: number) => x.toFixed(3);

/** Markdown for bench/README.md. */
export function reclusterSection(r: ReclusterBenchResult): string[] {
  const row = (o: ReclusterOrder, c: ReclusterCut) =>
    `| ${o.order} | ${c.kind === 'scratch' ? 'none (`recluster`, all from scratch)' : `${c.kind} (${c.since.slice(0, 16)})`} | ${c.kept} / ${c.reclustered} | **${f3(c.agreement.f1)}** | ${f3(c.incremental.f1)} | ${f3(c.recluster.f1)} | ${c.moved} (${c.keptMoved}) | ${c.olderStories} (${c.renamed}) | ${o.incrementalSeconds.toFixed(1)} / ${c.seconds.toFixed(1)} |`;
  return [
    '### Stories: `recluster --since` against the incremental path',
    '',
    `The generated stream (${r.days} days, ${r.eventsPerDay} events a day: ${r.articles.toLocaleString('en-US')} articles in ${r.stories}`,
    'true stories) stored in SQLite and clustered day by day (`clusterArticles`, the copies with their reuse links as',
    'relations), then `reclusterSince` from the middle day: at midnight (every older article arrived before the later',
    "ones) and at noon (the day's articles arrive shuffled, so some older ones arrive after later ones). B³ F1 of the",
    're-clustered stories against the incremental ones, each against the truth; articles that changed story (of them',
    'older than the cut); stories with older articles (those of them renamed); seconds of all incremental runs / of the',
    'recluster.',
    '',
    '| order | cut | kept / re-clustered | B³ F1 vs incremental | incremental vs truth | recluster vs truth | moved (older) | stories with older articles (renamed) | seconds |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.orders.flatMap((o) => o.cuts.map((c) => row(o, c))),
    '',
    'Where a cut agrees with `recluster` from scratch, the difference from the incremental stories is not the cut but',
    'what the store learned after clustering: the relations found by comparing every pair of a small story are reuse',
    'links when the articles are clustered again.',
    '',
  ];
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const opts = {
    days: Number(arg('--days') ?? RECLUSTER_STREAM.days),
    eventsPerDay: Number(arg('--events') ?? RECLUSTER_STREAM.eventsPerDay),
    orders: Number(arg('--orders') ?? RECLUSTER_STREAM.orders),
  };
  process.stdout.write(`${JSON.stringify(await reclusterBench(opts))}\n`);
}
