import type { DocumentDraft } from '../model.js';
import { charsetOf, decodeHtml, decodeText } from './decode.js';
import { hostOf, htmlTitle, httpUrl, isoDate } from './fields.js';
import { decodedBody, parseHttpResponse } from './http-message.js';

/** The WARC header fields a record is judged by. */
export interface WarcRecordHead {
  type: string;
  targetUri: string | null;
  date: string | null;
  contentType: string | null;
  /** Declared length of the record block. */
  contentLength: number | null;
}

export type WarcOutcome =
  | { kind: 'document'; draft: DocumentDraft }
  | { kind: 'skipped'; reason: string }
  | { kind: 'problem'; reason: string; rule: string };

const TEXTUAL = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/**
 * A response (or resource) record holding a page becomes a document; requests, metadata, non-2xx responses and
 * non-text payloads are skipped. A block shorter than its declared length is a truncated record.
 */
export function parseWarcRecord(head: WarcRecordHead, block: Uint8Array, source: string): WarcOutcome {
  if (head.type !== 'response' && head.type !== 'resource') return { kind: 'skipped', reason: `${head.type} record` };
  if (head.contentLength !== null && block.length < head.contentLength) {
    return {
      kind: 'problem',
      reason: `truncated WARC record (${block.length} of ${head.contentLength} bytes)`,
      rule: 'ingest:truncated',
    };
  }
  let mediaType = head.contentType;
  let body = block;
  if (head.type === 'response') {
    if (!/^application\/http/i.test(head.contentType ?? 'application/http')) {
      return { kind: 'skipped', reason: `response of type ${head.contentType}` };
    }
    const message = parseHttpResponse(block);
    if (!message)
      return { kind: 'problem', reason: 'response record without an HTTP status line', rule: 'ingest:bad-http' };
    if (message.status < 200 || message.status >= 300) return { kind: 'skipped', reason: `HTTP ${message.status}` };
    mediaType = message.headers.get('content-type') ?? null;
    body = decodedBody(message);
  }
  if (mediaType && !TEXTUAL.test(mediaType)) return { kind: 'skipped', reason: `payload of type ${mediaType}` };
  if (body.length === 0) return { kind: 'skipped', reason: 'empty payload' };
  const isPlain = /^text\/plain/i.test(mediaType ?? '');
  const decoded = isPlain ? decodeText(body, charsetOf(mediaType)) : decodeHtml(body, charsetOf(mediaType));
  if (!decoded.ok) return { kind: 'problem', reason: decoded.reason, rule: 'ingest:undecodable' };
  const url = httpUrl(head.targetUri);
  return {
    kind: 'document',
    draft: {
      source,
      externalId: null,
      url,
      outlet: hostOf(url),
      title: isPlain ? null : htmlTitle(decoded.text),
      author: null,
      language: null,
      contentType: isPlain ? 'text/plain' : 'text/html',
      format: 'warc',
      fetchedAt: isoDate(head.date),
      publishedAt: null,
      content: decoded.text,
      bytes: body.length,
    },
  };
}
