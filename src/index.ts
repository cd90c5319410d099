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

export { type DetectedFormat, detectFormat } from './core/ingest/detect.js';
export { parseFeedDocuments } from './core/ingest/feed.js';
export { documentId, normalizeForIdentity } from './core/ingest/identity.js';
export { parseJsonlRecord } from './core/ingest/jsonl.js';
export { parseHtmlDocument, parseTextDocument } from './core/ingest/text.js';
export { parseWarcRecord } from './core/ingest/warc.js';
export type { ContentType, Document, DocumentDraft, InputFormat, Problem } from './core/model.js';
export { formatProblem } from './core/model.js';
export {
  DEFAULT_MAX_BYTES,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingest,
} from './engine/ingest.js';
export { defaultDatabasePath, type OpenStoreOptions, openStore } from './store/open.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export type { DocumentSummary, IngestRun, ListQuery, PutOutcome, Store, StoreStats } from './store/store.js';
export { StoreError } from './store/store.js';
export { cleanDocuments } from './engine/clean.js';
export { type IndexOptions, type IndexSummary, indexArticles, type Similar, similarStored, similarTo } from './engine/relate.js';
export { fingerprint, FINGERPRINT_VERSION } from './core/fingerprint/fingerprint.js';
export { relate } from './core/relate/index.js';
export { MemoryReuseIndex } from './core/relate/memory-index.js';
export { RELATION_TYPES, type Relation, type RelationType, type Evidence } from './core/relate/types.js';
export { loadSynonyms } from './io/wordnet.js';
