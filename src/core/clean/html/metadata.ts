/**
 * @module Article metadata from a page's head and markup: JSON-LD (`NewsArticle` and kin), OpenGraph and `article:*`
 * meta, common meta names, `<time datetime>`, the canonical link and `<html lang>`. Structured data first, since
 * publishers maintain it for search engines; meta tags fill the gaps.
 */
import type { DomDocument } from './dom.js';

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
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still speak.
    }
  }
  return out;
}

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = text(el?.getAttribute('content'));
    if (v) return v;
  }
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
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const time =
    doc.querySelector('article time[datetime], time[datetime][pubdate], time[datetime]')?.getAttribute('datetime') ??
    null;
  const ldAuthors = authorsOf(ld.author);
  const metaAuthor = meta(
    doc,
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
      text(ld.headline) ??
      meta(doc, 'og:title', 'twitter:title', 'title') ??
      text(doc.querySelector('title')?.textContent),
    authors: ldAuthors.length
      ? ldAuthors
      : metaAuthor && !/^https?:\/\//.test(metaAuthor)
        ? metaAuthor.split(/\s*(?:,|\band\b)\s*/).filter(Boolean)
        : [],
    published:
      text(ld.datePublished) ??
      meta(
        doc,
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
    siteName: meta(doc, 'og:site_name', 'application-name') ?? text((ld.publisher as Json | undefined)?.name),
    url: text(ld.url) ?? meta(doc, 'og:url') ?? text(canonical),
    language:
      text(ld.inLanguage)?.slice(0, 2).toLowerCase() ??
      doc.documentElement.getAttribute('lang')?.slice(0, 2).toLowerCase() ??
      meta(doc, 'og:locale')?.slice(0, 2).toLowerCase() ??
      null,
    publisher: text(ld.sourceOrganization) ?? null,
  };
}
