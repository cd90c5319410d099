/**
 * @module The library API: the same operations as the CLI, for programs.
 *
 * @example
 * ```ts
 * import { openStore, ingest } from 'storytrace';
 * const store = await openStore({ db: 'news.db' });
 * const summary = await ingest(store, ['captures/', 'feed.xml']);
 * console.log(summary.ingested, summary.failed);
 * await store.close();
 * ```
 */

export { align } from './core/align/align.js';
export { createClusterer } from './core/cluster/index.js';
export type { Report } from './core/consolidate/index.js';
export { consolidate, renderIndexHtml, renderStoryHtml, renderStoryText } from './core/consolidate/index.js';
export { FINGERPRINT_VERSION, fingerprint } from './core/fingerprint/fingerprint.js';
export { type DetectedFormat, detectFormat } from './core/ingest/detect.js';
export { parseFeedDocuments } from './core/ingest/feed.js';
export { documentId, normalizeForIdentity } from './core/ingest/identity.js';
export { parseJsonlRecord } from './core/ingest/jsonl.js';
export { parseHtmlDocument, parseTextDocument } from './core/ingest/text.js';
export { parseWarcRecord } from './core/ingest/warc.js';
export type { Article, ContentType, Document, DocumentDraft, InputFormat, Problem } from './core/model.js';
export { formatProblem } from './core/model.js';
export { provenance } from './core/provenance/provenance.js';
export type { CommonSource, Lineage, Provenance, ProvenanceEdge } from './core/provenance/types.js';
export { relate } from './core/relate/index.js';
export { MemoryReuseIndex } from './core/relate/memory-index.js';
export { type Evidence, RELATION_TYPES, type Relation, type RelationType } from './core/relate/types.js';
export { cleanDocuments } from './engine/clean.js';
export {
  type ClusterRunOptions,
  type ClusterSummary,
  clusterArticles,
  type ReclusterSummary,
  reclusterAll,
  reclusterSince,
} from './engine/cluster.js';
export {
  DEFAULT_MAX_BYTES,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingest,
} from './engine/ingest.js';
export {
  type IndexOptions,
  type IndexSummary,
  indexArticles,
  type Similar,
  similarStored,
  similarTo,
} from './engine/relate.js';
export { provenanceOf, reportOf, storyMaterial, writeReports } from './engine/story.js';
export { loadSynonyms } from './io/wordnet.js';
export { defaultDatabasePath, type OpenStoreOptions, openStore } from './store/open.js';
export { PostgresStore } from './store/postgres/postgres-store.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export type {
  ArticleTime,
  DocumentSummary,
  IngestRun,
  ListQuery,
  PutOutcome,
  Store,
  StoreStats,
  StoryEvent,
  StoryEventRow,
  StoryRow,
} from './store/store.js';
export { StoreError } from './store/store.js';
