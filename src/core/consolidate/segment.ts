/**
 * @module An article's body as numbered sentences, each with a stable anchor: facts, quotes and per-source
 * differences all point at sentences, and the HTML page renders every body with these ids so links land.
 */
import { splitSentences } from '../clean/common/sentences.js';
import type { Article } from '../model.js';

export interface Sentence {
  article: string;
  paragraph: number;
  /** Position in the article, counted over all paragraphs. */
  index: number;
  text: string;
  /** Offset of the sentence in its paragraph. */
  start: number;
  /** An HTML id, unique on a page that shows several articles. */
  anchor: string;
}

/** An HTML id for an article: ids may hold any character but a space; we keep to a portable subset. */
export function articleAnchor(articleId: string): string {
  return `art-${articleId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function sentenceAnchor(articleId: string, index: number): string {
  return `${articleAnchor(articleId)}-s${index}`;
}

/** Paragraph by paragraph, so a sentence never straddles two paragraphs. */
export function segment(article: Article): Sentence[] {
  const out: Sentence[] = [];
  const language = article.language ?? 'en';
  article.body.forEach((paragraph, p) => {
    let cursor = 0;
    for (const text of splitSentences(paragraph, language)) {
      const found = paragraph.indexOf(text, cursor);
      const start = found >= 0 ? found : cursor;
      cursor = start + text.length;
      const index = out.length;
      out.push({ article: article.id, paragraph: p, index, text, start, anchor: sentenceAnchor(article.id, index) });
    }
  });
  return out;
}
