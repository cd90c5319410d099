/**
 * @module The one seam between the engine and any database. Every backend (SQLite now, PostgreSQL later) implements
 * this interface and passes the same contract tests (`test/store.contract.ts`). No SQL lives outside `src/store/`.
 */
import type { Article, Document, InputFormat, Problem } from '../core/model.js';

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
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Raised for what a store cannot do with what it was given (a newer schema, a missing database). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
