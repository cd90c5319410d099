/**
 * @module The one seam between the engine and any database. Every backend (SQLite now, PostgreSQL later) implements
 * this interface and passes the same contract tests (`test/store.contract.ts`). No SQL lives outside `src/store/`.
 */
import type { Document, InputFormat, Problem } from '../core/model.js';

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
  contentBytes: number;
  byFormat: Record<string, number>;
  byContentType: Record<string, number>;
  outlets: number;
  topOutlets: { outlet: string; documents: number }[];
  firstIngestedAt: string | null;
  lastIngestedAt: string | null;
  lastRun: (Omit<IngestRun, 'problems'> & { problems: number }) | null;
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
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Raised for what a store cannot do with what it was given (a newer schema, a missing database). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
