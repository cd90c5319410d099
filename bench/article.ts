import { normalizeText } from '../src/core/clean/common/normalize.js';
import type { Article } from '../src/core/model.js';

/** An article as the clean stage would leave it, from generated paragraphs: the benches skip cleaning. */
export function benchArticle(id: string, body: string[], over: Partial<Article> = {}): Article {
  return {
    id,
    documentId: id,
    index: 0,
    title: null,
    authors: [],
    dateline: null,
    published: null,
    publishedPrecision: null,
    credits: [],
    photoCredits: [],
    language: 'en',
    url: null,
    outlet: null,
    body,
    normalized: body.map(normalizeText),
    headings: [],
    captions: [],
    removed: [],
    cleanerVersion: 0,
    ...over,
  };
}
