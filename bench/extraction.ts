/**
 * The extraction benchmark: the human-marked article bodies of ../shared/corpus/extraction/, scored with the
 * benchmark's own metric, for storytrace's HTML cleaner and for plain Readability (the baseline) in the same run;
 * then the same pages as a text-mode browser prints them, through the plain-text cleaner; then HTML clean throughput.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleText } from '../src/core/clean/article-text.js';
import { cleanHtmlPage } from '../src/core/clean/html/index.js';
import { cleanText } from '../src/core/clean/text/index.js';
import { aggregate, type PageScore, scorePage } from './extraction-metric.js';
import { type BenchPage, loadPages } from './extraction-pages.js';
import { measureCleanThroughput, type Throughput } from './extraction-throughput.js';
import { w3mDumps, w3mVersion } from './extraction-w3m.js';

export interface ExtractionCase {
  name: string;
  /** What the extractor reads: the page's HTML, or w3m's plain-text dump of it. */
  input: 'html' | 'w3m text';
  precision: number;
  recall: number;
  f1: number;
  pagesPerSecond: number;
  noArticle: number;
}

export interface ExtractionResult {
  pages: number;
  cases: ExtractionCase[];
  /** w3m's version line when the text case ran; null when w3m was missing and the case was skipped. */
  w3m: string | null;
  /** HTML clean throughput, measured in a process of its own. */
  throughput: Throughput;
}

type Extractor = (input: string) => string | null;

const readability: Extractor = (html) => {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? null;
};

const storytraceHtml: Extractor = (html) => {
  const r = cleanHtmlPage(html);
  return r.ok ? articleText(r.article) : null;
};

/** As `clean()` reads a text/plain document (no container hints here): every article found, in order. */
const storytraceText: Extractor = (text) => {
  const articles = cleanText(text).filter((a) => a.body.length > 0);
  return articles.length ? articles.map(articleText).join('\n') : null;
};

function score(
  name: string,
  input: ExtractionCase['input'],
  pages: BenchPage[],
  read: (p: BenchPage) => string,
  extract: Extractor,
): ExtractionCase {
  const inputs = pages.map(read);
  const scores: PageScore[] = [];
  let none = 0;
  const started = performance.now();
  pages.forEach((p, i) => {
    const text = extract(inputs[i] ?? '');
    if (text === null) none++;
    scores.push(scorePage(p.truth, text ?? ''));
  });
  const seconds = (performance.now() - started) / 1000;
  return { name, input, ...aggregate(scores), pagesPerSecond: pages.length / seconds, noArticle: none };
}

/** Scores every case on the pages of `dir`; w3m dumps are cached in `cacheDir` (default bench/.data/). */
export function runExtraction(
  dir: string,
  cacheDir = fileURLToPath(new URL('.data/', import.meta.url)),
): ExtractionResult {
  const pages = loadPages(dir);
  const cases = [
    score('readability (plain)', 'html', pages, (p) => p.html, readability),
    score('storytrace', 'html', pages, (p) => p.html, storytraceHtml),
  ];
  const dumps = w3mDumps(pages, join(cacheDir, 'extraction-w3m'));
  if (dumps) cases.push(score('storytrace', 'w3m text', pages, (p) => dumps.get(p.id) ?? '', storytraceText));
  else process.stderr.write('bench: w3m not found (apt-get install w3m), plain-text extraction case skipped\n');
  return { pages: pages.length, cases, w3m: dumps ? w3mVersion() : null, throughput: measureCleanThroughput(dir) };
}

const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The bench/README.md section for a saved result. */
export function extractionSection(r: ExtractionResult & { machine: string; date: string }): string {
  // Results saved before the text case and the throughput figures existed lack them.
  const t = r.throughput as Throughput | undefined;
  const lines = [
    '## Clean: article extraction',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine}. The ${r.pages} pages of \`../shared/corpus/extraction/\` (the development half of`,
    "the Article Extraction Benchmark) with their human-marked bodies, scored by the benchmark's metric (4-token shingles,",
    'per-page tp/fp/fn normalised, precision and recall averaged over pages). All cases run in the same process on the',
    'same decoded pages; the baseline is Mozilla Readability 0.6 over linkedom with default options, its `textContent`.',
    'storytrace scores `articleText()` of `cleanHtmlPage()`: the body with section headings in place.',
    '',
    '| extractor | input | precision | recall | F1 | pages/s (one core) | no article |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...r.cases.map(
      (c) =>
        `| ${c.name} | ${c.input ?? 'html'} | ${c.precision.toFixed(3)} | ${c.recall.toFixed(3)} | **${c.f1.toFixed(3)}** | ${fixed(c.pagesPerSecond)} | ${c.noArticle} |`,
    ),
    '',
    r.w3m
      ? `**w3m text**: each page dumped by \`w3m -dump -T text/html -cols 80\` (${r.w3m}; every menu, link list and footer`
      : '**w3m text**: skipped in this run (w3m not installed). Each page would be dumped by `w3m -dump -T text/html` (every',
    r.w3m
      ? 'included, cached in `bench/.data/extraction-w3m/`), then `cleanText()` as `clean()` reads a text/plain document; the'
      : 'menu, link list and footer included), then `cleanText()` as `clean()` reads a text/plain document; the',
    'text of every article it finds is scored, so a teaser mistaken for a second article counts against it.',
    ...(t
      ? [
          '',
          `**Throughput** of \`cleanHtmlPage()\` alone on the same pages, one core, own process, best of 3 passes after a warm-up:`,
          `${fixed(t.pagesPerSecond)} pages/s, ${fixed(t.mbPerSecond, 1)} MB/s of decoded HTML (${fixed(t.bytes / 2 ** 20, 1)} MB per pass), peak RSS ${fixed(t.peakRssMB)} MB.`,
        ]
      : []),
    '',
    'Published F1 on the whole benchmark (both halves), for reference: Readability.js 0.947, trafilatura 0.958, best 0.970.',
    '',
  ];
  return lines.join('\n');
}
