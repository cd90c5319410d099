/**
 * @module The clean stage: a raw document to its articles. Pages go through main-content extraction, feed items and
 * JSONL HTML are read as bodies, plain text goes through the line classifier; then every article is completed from
 * what the container knew (title, date, URL, outlet) and from its own text (credits, language).
 */
import type { Article, ArticleDraft, Document } from '../model.js';
import { findCredits } from './common/credits.js';
import { containerDate } from './common/dates.js';
import { detectLanguage } from './common/language.js';
import { normalizeText } from './common/normalize.js';
import { cleanHtmlFragment, cleanHtmlPage } from './html/index.js';
import { cleanBrief, cleanText } from './text/index.js';

/** Bumped whenever cleaning output changes; articles of an older version are re-cleaned by `clean --all`. */
export const CLEANER_VERSION = 5;

export interface Cleaned {
  articles: Article[];
  /** Why the document holds no article, when it holds none. */
  reason: string | null;
}

function complete(draft: ArticleDraft, doc: Document, index: number): Article {
  const text = draft.body.join('\n');
  const { published, precision } =
    draft.published && draft.publishedPrecision
      ? { published: draft.published, precision: draft.publishedPrecision }
      : containerDate(draft.published ?? (index === 0 ? doc.publishedAt : null));
  return {
    id: `${doc.id}-${index}`,
    documentId: doc.id,
    index,
    title: draft.title ?? (index === 0 ? doc.title : null),
    authors: draft.authors.length ? draft.authors : index === 0 && doc.author ? [doc.author] : [],
    dateline: draft.dateline,
    published,
    publishedPrecision: precision,
    credits: draft.credits.length ? draft.credits : findCredits(text),
    photoCredits: draft.photoCredits,
    language: draft.language ?? doc.language?.slice(0, 2).toLowerCase() ?? detectLanguage(text),
    url: draft.url ?? (index === 0 ? doc.url : null),
    outlet: draft.outlet ?? doc.outlet,
    body: draft.body,
    normalized: draft.body.map(normalizeText),
    headings: draft.headings,
    captions: draft.captions,
    removed: draft.removed,
    cleanerVersion: CLEANER_VERSION,
  };
}

/** Containers whose every record is one article by the sender's word: a short one is a brief, not a non-article. */
const RECORDS: ReadonlySet<Document['format']> = new Set(['jsonl', 'rss', 'atom', 'rdf', 'json-feed']);

/** Deterministic: the same document always gives the same articles. */
export function clean(doc: Document): Cleaned {
  let drafts: ArticleDraft[];
  if (doc.contentType === 'text/html') {
    const outcome =
      doc.format === 'html' || doc.format === 'warc' ? cleanHtmlPage(doc.content) : cleanHtmlFragment(doc.content);
    if (!outcome.ok) return { articles: [], reason: outcome.reason };
    drafts = [outcome.article];
  } else {
    drafts = cleanText(doc.content, {
      title: doc.title,
      published: doc.publishedAt,
      language: doc.language,
      oneArticle: RECORDS.has(doc.format),
    });
  }
  drafts = drafts.filter((d) => d.body.length > 0);
  if (drafts.length === 0 && RECORDS.has(doc.format) && doc.contentType === 'text/plain') {
    const brief = cleanBrief(doc.content, { title: doc.title });
    if (brief) drafts = [brief];
  }
  if (drafts.length === 0) return { articles: [], reason: 'no article found: no body text' };
  return { articles: drafts.map((d, i) => complete(d, doc, i)), reason: null };
}
