/**
 * @module The one seam between the engine and any database. Every backend (SQLite now, PostgreSQL later) implements
 * this interface and passes the same contract tests (`test/store.contract.ts`). No SQL lives outside `src/store/`.
 */
import type { Article, Document, InputFormat, Problem } from '../core/model.js';
import type { Relation, RelationType } from '../core/relate/types.js';

/** What happened to one document of a batch. */
export type PutOutcome = 'inserted' | 'present';

/** A document without its content: what listings show. */
export type DocumentSummary = Omit<Document, 'content'> & { ingestedAt: string };

export interface ListQuery {
  limit?: number;
  offset?: number;
  format?: InputFormat;
  outlet?: string;
}

/** One `ingest` call as remembered by the store, with the problems it met. */
export interface IngestRun {
  startedAt: string;
  finishedAt: string;
  inputs: string[];
  ingested: number;
  present: number;
  failed: number;
  bytes: number;
  problems: Problem[];
}

export interface StoreStats {
  backend: string;
  location: string;
  schemaVersion: number;
  documents: number;
  articles: number;
  /** Documents cleaned that hold no article. */
  noArticle: number;
  contentBytes: number;
  byFormat: Record<string, number>;
  byContentType: Record<string, number>;
  outlets: number;
  topOutlets: { outlet: string; documents: number }[];
  firstIngestedAt: string | null;
  lastIngestedAt: string | null;
  lastRun: (Omit<IngestRun, 'problems'> & { problems: number }) | null;
}

/** The outcome of cleaning one document: its articles, or why it has none. */
export interface CleanResult {
  documentId: string;
  cleanerVersion: number;
  articles: Article[];
  /** Set when the document holds no article ("no article found: …"). */
  reason: string | null;
}

/** An article without its body: what listings show. */
export interface ArticleSummary {
  id: string;
  documentId: string;
  externalId: string | null;
  index: number;
  title: string | null;
  published: string | null;
  language: string | null;
}

/** An article's entry in the reuse index. */
export interface IndexEntry {
  seq: number;
  articleId: string;
  version: number;
  /** `encodeFingerprint()` bytes. */
  fingerprint: Uint8Array;
  /** LSH keys (integers below 2^48). */
  keys: readonly number[];
}

/** A stored article with its arrival sequence (the compact handle the index files it under). */
export interface SeqArticle {
  seq: number;
  article: Article;
}

export interface RelationQuery {
  /** Only relations of this article. */
  article?: string;
  types?: readonly RelationType[];
  minScore?: number;
  limit?: number;
}

/** A story as listed: what the clusterer made of its members. */
export interface StoryRow {
  id: string;
  title: string | null;
  /** Member article ids in arrival order. */
  articles: string[];
  /** Earliest and latest publication date of its members (ISO), when known. */
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface StoryEvent {
  kind: 'merged' | 'split' | 'reclustered';
  story: string;
  data: Record<string, unknown>;
}

/** A story event as recorded, with the time its step was written (ISO). */
export interface StoryEventRow extends StoryEvent {
  at: string;
}

/** What the store knows of when an article appeared: what `recluster --since` sorts articles by. */
export interface ArticleTime {
  /** Arrival sequence. */
  seq: number;
  id: string;
  /** The article's publication date as cleaned (ISO, a day or a timestamp). */
  published: string | null;
  /** Its document's fetch time, as the container stated it. */
  fetchedAt: string | null;
  /** When its document was ingested. */
  ingestedAt: string;
}

/** One clustering step to persist: memberships, the stories they changed, what was merged, the clusterer's state. */
export interface StoryUpdate {
  members: { articleId: string; storyId: string; kind: string }[];
  /** Stories whose rows are rewritten (with every member listed in `articles`). */
  stories: StoryRow[];
  /** Stories that no longer exist (merged into another). */
  removed: string[];
  events: StoryEvent[];
  state: { name: string; data: string } | null;
}

export interface Store {
  readonly backend: string;
  /** File path or connection string (without password). */
  readonly location: string;
  /** Writes the batch in one transaction: all of it lands, or none of it. Order of outcomes = order of docs. */
  putDocuments(docs: readonly Document[]): Promise<PutOutcome[]>;
  getDocument(id: string): Promise<Document | null>;
  /** Ids matching a reference: a full id, an external id, or an unambiguous id prefix (at least 4 characters). */
  resolveDocument(ref: string): Promise<string[]>;
  listDocuments(query?: ListQuery): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  recordRun(run: IngestRun): Promise<void>;
  /** Replaces the articles of each document with the given result, all in one transaction. */
  putCleanResults(results: readonly CleanResult[]): Promise<void>;
  /** The stored cleaning of a document, or null if it was never cleaned. */
  getCleanResult(documentId: string): Promise<CleanResult | null>;
  /**
   * Up to `limit` documents in arrival order after `afterSeq` that were never cleaned or were cleaned by a version
   * older than `version` (all of them, with `force`). Returns them with their arrival sequence for paging.
   */
  documentsToClean(
    version: number,
    options: { afterSeq: number; limit: number; force?: boolean },
  ): Promise<{ seq: number; document: Document }[]>;
  /** How many documents `documentsToClean` would page through. */
  countDocumentsToClean(version: number, options?: { force?: boolean }): Promise<number>;
  /** Every article in document order, without bodies. */
  listArticles(): Promise<ArticleSummary[]>;
  /** Articles by id, with their sequence; missing ids are left out. */
  getArticles(ids: readonly string[]): Promise<SeqArticle[]>;
  /** Articles by sequence; missing ones are left out. */
  getArticlesBySeq(seqs: readonly number[]): Promise<SeqArticle[]>;
  /** Up to `limit` articles after `afterSeq` with no index entry of `version` (all of them, with `force`). */
  articlesToIndex(
    version: number,
    options: { afterSeq: number; limit: number; force?: boolean },
  ): Promise<SeqArticle[]>;
  countArticlesToIndex(version: number, options?: { force?: boolean }): Promise<number>;
  /** For each indexed article filed under at least one of `keys`: its sequence and the keys it shares. */
  lshLookup(keys: readonly number[]): Promise<Map<number, number[]>>;
  /** Replaces the index entries of these articles and every relation they take part in, in one transaction. */
  putIndexEntries(entries: readonly IndexEntry[], relations: readonly Relation[]): Promise<void>;
  listRelations(query?: RelationQuery): Promise<Relation[]>;
  /** Adds or replaces these relations, leaving others alone. */
  putRelations(relations: readonly Relation[]): Promise<void>;
  /** Up to `limit` articles after `afterSeq` that belong to no story yet, in arrival order. */
  articlesToCluster(options: { afterSeq: number; limit: number }): Promise<SeqArticle[]>;
  countArticlesToCluster(): Promise<number>;
  /** Every article's times (only those in no story yet, with `unclustered`), in arrival order. */
  listArticleTimes(options?: { unclustered?: boolean }): Promise<ArticleTime[]>;
  /** Applies one clustering step in one transaction. */
  putStoryUpdate(update: StoryUpdate): Promise<void>;
  listStories(): Promise<StoryRow[]>;
  getStory(id: string): Promise<StoryRow | null>;
  /** The story of each article that has one. */
  storiesOf(articleIds: readonly string[]): Promise<Map<string, string>>;
  /** The story events in the order they were recorded; only those of one story with `story`. */
  listStoryEvents(query?: { story?: string }): Promise<StoryEventRow[]>;
  /** Forgets every story, membership and the clusterer state, to cluster again from scratch. */
  clearStories(): Promise<void>;
  getState(name: string): Promise<string | null>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Raised for what a store cannot do with what it was given (a newer schema, a missing database). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
