import type { DocumentDraft, InputFormat } from '../model.js';
import { decodeHtml, decodeText } from './decode.js';
import { htmlTitle } from './fields.js';

/** What the edge knows about a whole-file input. */
export interface InputMeta {
  source: string;
  url: string | null;
  outlet: string | null;
  fetchedAt: string | null;
  /** Charset from an HTTP header, when the input came over HTTP. */
  charset: string | null;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string; rule: string };

function blank(meta: InputMeta, format: InputFormat, bytes: number): Omit<DocumentDraft, 'content' | 'contentType'> {
  return {
    source: meta.source,
    externalId: null,
    url: meta.url,
    outlet: meta.outlet,
    title: null,
    author: null,
    language: null,
    format,
    fetchedAt: meta.fetchedAt,
    publishedAt: null,
    bytes,
  };
}

/** A plain-text capture: one document per file. */
export function parseTextDocument(bytes: Uint8Array, meta: InputMeta): ParseResult<DocumentDraft> {
  const decoded = decodeText(bytes, meta.charset);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, rule: 'ingest:undecodable' };
  if (!decoded.text.trim()) return { ok: false, reason: 'empty: no text', rule: 'ingest:empty' };
  return {
    ok: true,
    value: { ...blank(meta, 'text', bytes.length), contentType: 'text/plain', content: decoded.text },
  };
}

/** An HTML page, kept whole: extraction belongs to the clean stage. */
export function parseHtmlDocument(bytes: Uint8Array, meta: InputMeta): ParseResult<DocumentDraft> {
  const decoded = decodeHtml(bytes, meta.charset);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, rule: 'ingest:undecodable' };
  if (!decoded.text.trim()) return { ok: false, reason: 'empty: no markup', rule: 'ingest:empty' };
  return {
    ok: true,
    value: {
      ...blank(meta, 'html', bytes.length),
      title: htmlTitle(decoded.text),
      contentType: 'text/html',
      content: decoded.text,
    },
  };
}
