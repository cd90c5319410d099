import { parseFeed } from 'feedsmith';
import type { DocumentDraft, InputFormat, Problem } from '../model.js';
import { decodeText } from './decode.js';
import { decodeEntities, hostOf, httpUrl, isoDate, str } from './fields.js';
import type { InputMeta } from './text.js';

/** Everything one feed yields: its items as drafts, and a problem for each item (or the feed) that could not be read. */
export interface FeedResult {
  drafts: DocumentDraft[];
  problems: Problem[];
}

interface Item {
  link: string | null;
  title: string | null;
  author: string | null;
  published: string | null;
  html: string | null;
  id: string | null;
  language: string | null;
}

type Loose = Record<string, unknown> | undefined;

const obj = (v: unknown): Loose => (v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const textOf = (v: unknown): string | null => str(v) ?? str(obj(v)?.value);

function rssItems(feed: Record<string, unknown>): Item[] {
  return arr(feed.items).map((raw) => {
    const i = obj(raw) ?? {};
    const dc = obj(i.dc);
    return {
      link: httpUrl(i.link) ?? httpUrl(obj(i.guid)?.value),
      title: textOf(i.title),
      author: str(arr(dc?.creators)[0]) ?? str(dc?.creator) ?? str(arr(i.authors)[0]) ?? str(i.author),
      published: isoDate(i.pubDate) ?? isoDate(dc?.date) ?? isoDate(arr(dc?.dates)[0]),
      html: str(obj(i.content)?.encoded) ?? textOf(i.description),
      id: textOf(i.guid),
      language: str(dc?.language),
    };
  });
}

function atomLink(links: unknown): string | null {
  const all = arr(links).map(obj);
  const alt = all.find((l) => !l?.rel || l.rel === 'alternate') ?? all[0];
  return httpUrl(alt?.href);
}

function atomItems(feed: Record<string, unknown>): Item[] {
  return arr(feed.entries).map((raw) => {
    const e = obj(raw) ?? {};
    const content = obj(e.content);
    const contentValue = str(content?.value);
    const isText = content?.type === 'text' || (!content?.type && contentValue && !/[<&]/.test(contentValue));
    return {
      link: atomLink(e.links),
      title: textOf(e.title),
      author: str(obj(arr(e.authors)[0])?.name),
      published: isoDate(e.published) ?? isoDate(e.updated),
      html: contentValue ? (isText ? `<p>${escapeHtml(contentValue)}</p>` : contentValue) : textOf(e.summary),
      id: str(e.id),
      language: null,
    };
  });
}

function jsonItems(feed: Record<string, unknown>): Item[] {
  return arr(feed.items).map((raw) => {
    const i = obj(raw) ?? {};
    const text = str(i.content_text);
    return {
      link: httpUrl(i.url) ?? httpUrl(i.external_url),
      title: str(i.title),
      author: str(obj(arr(i.authors)[0])?.name),
      published: isoDate(i.date_published) ?? isoDate(i.date_modified),
      html: str(i.content_html) ?? (text ? `<p>${escapeHtml(text)}</p>` : str(i.summary)),
      id: str(i.id),
      language: str(i.language),
    };
  });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The charset an XML prolog declares, which outranks a guess. */
function xmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1] ?? null;
}

/**
 * An RSS, Atom, RDF or JSON feed: one document per item, its content kept as HTML. Items without any content
 * (headline-only feeds) are reported, not stored as empty documents.
 */
export function parseFeedDocuments(bytes: Uint8Array, meta: InputMeta): FeedResult {
  const problems: Problem[] = [];
  const fail = (reason: string, rule: string, place: string | null = null): FeedResult => ({
    drafts: [],
    problems: [{ source: meta.source, place, reason, rule, fatal: true }],
  });
  const decoded = decodeText(bytes, meta.charset ?? xmlEncoding(bytes));
  if (!decoded.ok) return fail(decoded.reason, 'ingest:undecodable');
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(decoded.text);
  } catch (e) {
    const trimmed = decoded.text.trimStart();
    const what = trimmed.startsWith('<') || trimmed.startsWith('{') ? 'not an RSS, Atom, RDF or JSON feed' : 'not XML';
    return fail(`${what} (${(e as Error).message})`, 'ingest:not-a-feed');
  }
  const feed = parsed.feed as unknown as Record<string, unknown>;
  const format: InputFormat = parsed.format === 'json' ? 'json-feed' : parsed.format;
  const items =
    parsed.format === 'atom' ? atomItems(feed) : parsed.format === 'json' ? jsonItems(feed) : rssItems(feed);
  const feedLink =
    parsed.format === 'atom' ? atomLink(feed.links) : (httpUrl(feed.link) ?? httpUrl(feed.home_page_url));
  const outlet = meta.outlet ?? textOf(feed.title) ?? hostOf(feedLink ?? meta.url);
  const language = str(feed.language);
  const drafts: DocumentDraft[] = [];
  items.forEach((item, n) => {
    const place = `item ${n + 1}`;
    if (!item.html) {
      problems.push({
        source: meta.source,
        place,
        reason: 'item has no content',
        rule: 'ingest:no-content',
        fatal: true,
      });
      return;
    }
    drafts.push({
      source: `${meta.source}#item${n + 1}`,
      externalId: item.id,
      url: item.link,
      outlet,
      title: item.title ? decodeEntities(item.title) : null,
      author: item.author,
      language: item.language ?? language,
      contentType: 'text/html',
      format,
      fetchedAt: meta.fetchedAt,
      publishedAt: item.published,
      content: item.html,
      bytes: Buffer.byteLength(item.html),
    });
  });
  if (items.length === 0) {
    problems.push({
      source: meta.source,
      place: null,
      reason: 'feed has no items',
      rule: 'ingest:empty',
      fatal: false,
    });
  }
  return { drafts, problems };
}
