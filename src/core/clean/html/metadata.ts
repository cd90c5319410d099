/**
 * @module Article metadata from a page's head and markup: JSON-LD (`NewsArticle` and kin), OpenGraph and `article:*`
 * meta, common meta names, `<time datetime>`, the canonical link and `<html lang>`. Structured data first, since
 * publishers maintain it for search engines; meta tags fill the gaps.
 */
import type { DomDocument, DomElement } from './dom.js';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  siteName: string | null;
  url: string | null;
  language: string | null;
  /** Publisher or credit named in structured data (e.g. `sourceOrganization`), when any. */
  publisher: string | null;
}

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|WebPage|Report|OpinionNewsArticle|BackgroundNewsArticle)$/;

type Json = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || null;
  if (v && typeof v === 'object' && 'name' in v) return text((v as Json).name);
  if (v && typeof v === 'object' && '@value' in v) return text((v as Json)['@value']);
  return null;
}

function types(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

/** Every object in the JSON-LD blocks, flattening `@graph` and arrays. */
function jsonLdNodes(doc: DomDocument): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6) return;
    for (const item of asArray(v)) {
      if (!item || typeof item !== 'object') continue;
      const node = item as Json;
      out.push(node);
      if (node['@graph']) visit(node['@graph'], depth + 1);
    }
  };
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still speak.
    }
  }
  return out;
}

type MetaTags = Map<string, string | null>;

/**
 * Every `<meta>` by its `property`, `name` and `itemprop`, the first in document order winning, as a selector query
 * per key would find it; read in one walk, since a page has a few dozen meta tags and we ask for as many keys.
 */
function metaTags(doc: DomDocument): MetaTags {
  const out: MetaTags = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key && !out.has(key)) out.set(key, el.getAttribute('content'));
    }
  }
  return out;
}

function meta(tags: MetaTags, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = text(tags.get(key));
    if (v) return v;
  }
  return null;
}

/** The first element of a tag that passes `test`, in document order. */
function first(doc: DomDocument, tag: string, test: (el: DomElement) => boolean = () => true): DomElement | null {
  for (const el of Array.from(doc.getElementsByTagName(tag))) if (test(el)) return el;
  return null;
}

function authorsOf(v: unknown): string[] {
  return asArray(v)
    .map((a) => text(a))
    .filter((a): a is string => a !== null && !/^https?:\/\//.test(a));
}

export function pageMetadata(doc: DomDocument): PageMetadata {
  const nodes = jsonLdNodes(doc);
  const article =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ??
    nodes.find((n) => types(n).includes('WebPage'));
  const ld = article ?? {};
  const tags = metaTags(doc);
  const canonical = first(doc, 'link', (l) => l.getAttribute('rel') === 'canonical')?.getAttribute('href') ?? null;
  // The first <time datetime> of the page: the one an `article time` or `[pubdate]` rule would prefer is no earlier.
  const time = first(doc, 'time', (t) => t.getAttribute('datetime') !== null)?.getAttribute('datetime') ?? null;
  const ldAuthors = authorsOf(ld.author);
  const metaAuthor = meta(
    tags,
    'article:author',
    'author',
    'byl',
    'dc.creator',
    'DC.creator',
    'parsely-author',
    'sailthru.author',
  );
  return {
    title:
      text(ld.headline) ?? meta(tags, 'og:title', 'twitter:title', 'title') ?? text(first(doc, 'title')?.textContent),
    authors: ldAuthors.length
      ? ldAuthors
      : metaAuthor && !/^https?:\/\//.test(metaAuthor)
        ? metaAuthor.split(/\s*(?:,|\band\b)\s*/).filter(Boolean)
        : [],
    published:
      text(ld.datePublished) ??
      meta(
        tags,
        'article:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'DC.date.issued',
        'parsely-pub-date',
        'sailthru.date',
      ) ??
      text(time) ??
      text(ld.dateCreated) ??
      text(ld.dateModified),
    siteName: meta(tags, 'og:site_name', 'application-name') ?? text((ld.publisher as Json | undefined)?.name),
    url: text(ld.url) ?? meta(tags, 'og:url') ?? text(canonical),
    language:
      text(ld.inLanguage)?.slice(0, 2).toLowerCase() ??
      doc.documentElement.getAttribute('lang')?.slice(0, 2).toLowerCase() ??
      meta(tags, 'og:locale')?.slice(0, 2).toLowerCase() ??
      null,
    publisher: text(ld.sourceOrganization) ?? null,
  };
}
