import type { DocumentDraft } from '../model.js';
import { hostOf, httpUrl, isoDate, pick, str } from './fields.js';
import type { ParseResult } from './text.js';

// Field names seen in news datasets and crawler exports (news-please, Common Crawl derivatives, GDELT dumps…).
const ID = ['id', '_id', 'doc_id', 'docid', 'guid', 'uuid'] as const;
const URL_FIELDS = ['url', 'link', 'uri', 'canonical_url', 'canonicalUrl', 'source_url'] as const;
const OUTLET = [
  'outlet',
  'site_name',
  'siteName',
  'site',
  'publisher',
  'source_name',
  'sourceName',
  'domain',
  'source',
] as const;
const TITLE = ['title', 'headline'] as const;
const TEXT = ['text', 'body', 'maintext', 'content', 'article', 'description'] as const;
const HTML = ['html', 'raw_html', 'rawHtml', 'content_html', 'contentHtml'] as const;
const PUBLISHED = [
  'published',
  'published_at',
  'publishedAt',
  'date_publish',
  'datePublished',
  'pubDate',
  'date',
  'time',
] as const;
const FETCHED = ['fetched', 'fetched_at', 'fetchedAt', 'crawled_at', 'date_download', 'downloaded'] as const;
const LANGUAGE = ['language', 'lang', 'languageCode'] as const;
const AUTHOR = ['author', 'authors', 'byline', 'creator'] as const;

function firstDate(record: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const d = isoDate(record[name]);
    if (d) return d;
  }
  return null;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((v): v is string => v !== null);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).name);
  return str(value);
}

/**
 * One JSON Lines record. `source` names the line (`file.jsonl#L12`); an object lacking both text and html is a
 * problem, not an empty document.
 */
export function parseJsonlRecord(line: string, source: string, bytes: number): ParseResult<DocumentDraft> {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `malformed JSON (${(e as Error).message})`, rule: 'ingest:malformed-json' };
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { ok: false, reason: 'not a JSON object', rule: 'ingest:not-an-object' };
  }
  const r = record as Record<string, unknown>;
  const html = pick(r, HTML);
  const text = html ? null : pick(r, TEXT);
  if (!html && !text) return { ok: false, reason: 'record has no text or html field', rule: 'ingest:no-content' };
  const url = httpUrl(pick(r, URL_FIELDS));
  let outlet: string | null = null;
  for (const name of OUTLET) {
    outlet = nameOf(r[name]);
    if (outlet) break;
  }
  const content = (html ?? text) as string;
  return {
    ok: true,
    value: {
      source,
      externalId: pick(r, ID),
      url,
      outlet: outlet ?? hostOf(url),
      title: pick(r, TITLE),
      author: AUTHOR.map((n) => nameOf(r[n])).find((v) => v) ?? null,
      language: pick(r, LANGUAGE),
      contentType: html ? 'text/html' : 'text/plain',
      format: 'jsonl',
      fetchedAt: firstDate(r, FETCHED),
      publishedAt: firstDate(r, PUBLISHED),
      content,
      bytes,
    },
  };
}
