/**
 * The extraction benchmark: the human-marked article bodies of ../shared/corpus/extraction/, scored with the
 * benchmark's own metric, for storytrace's HTML cleaner and for plain Readability (the baseline) in the same run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleText } from '../src/core/clean/article-text.js';
import { cleanHtmlPage } from '../src/core/clean/html/index.js';
import { decodeHtml } from '../src/core/ingest/decode.js';
import { aggregate, type PageScore, scorePage } from './extraction-metric.js';

export interface ExtractionResult {
  pages: number;
  cases: { name: string; precision: number; recall: number; f1: number; pagesPerSecond: number; noArticle: number }[];
}

export function runExtraction(dir: string): ExtractionResult {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const pages = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const decoded = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', f))));
      return { id: f.replace('.html.gz', ''), html: decoded.ok ? decoded.text : '' };
    })
    .filter((p) => truth[p.id]);
  const extractors: [string, (html: string) => string | null][] = [
    [
      'readability (plain)',
      (html) => {
        const { document } = parseHTML(html);
        return new Readability(document as never).parse()?.textContent ?? null;
      },
    ],
    [
      'storytrace',
      (html) => {
        const r = cleanHtmlPage(html);
        return r.ok ? articleText(r.article) : null;
      },
    ],
  ];
  const cases = extractors.map(([name, extract]) => {
    const scores: PageScore[] = [];
    let none = 0;
    const started = performance.now();
    for (const p of pages) {
      const text = extract(p.html);
      if (text === null) none++;
      scores.push(scorePage(truth[p.id]!.articleBody, text ?? ''));
    }
    const seconds = (performance.now() - started) / 1000;
    return { name, ...aggregate(scores), pagesPerSecond: pages.length / seconds, noArticle: none };
  });
  return { pages: pages.length, cases };
}
