import type { Article } from '../model.js';

/** The article as a reader sees it: section headings in place between the body paragraphs, one block per line. */
export function articleText(article: Pick<Article, 'body' | 'headings'>): string {
  const out: string[] = [];
  article.body.forEach((p, i) => {
    for (const h of article.headings) if (h.before === i) out.push(h.text);
    out.push(p);
  });
  return out.join('\n');
}
