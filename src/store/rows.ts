/** @module The documents table's row shape, shared by every SQL backend: columns and their mapping to the model. */
import type { Document, InputFormat } from '../core/model.js';
import type { DocumentSummary } from './store.js';

export interface DocumentRow {
  id: string;
  source: string;
  external_id: string | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  author: string | null;
  language: string | null;
  content_type: string;
  format: string;
  fetched_at: string | null;
  published_at: string | null;
  ingested_at: string;
  bytes: number;
  content?: string;
}

export const SUMMARY_COLUMNS =
  'id, source, external_id, url, outlet, title, author, language, content_type, format, fetched_at, published_at, ingested_at, bytes';

export function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    url: r.url,
    outlet: r.outlet,
    title: r.title,
    author: r.author,
    language: r.language,
    contentType: r.content_type as Document['contentType'],
    format: r.format as InputFormat,
    fetchedAt: r.fetched_at,
    publishedAt: r.published_at,
    ingestedAt: r.ingested_at,
    bytes: r.bytes,
  };
}

export function toDocument(r: DocumentRow): Document {
  const { ingestedAt: _, ...doc } = toSummary(r);
  return { ...doc, content: r.content ?? '' };
}
