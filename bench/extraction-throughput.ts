/**
 * @module HTML clean throughput on the extraction pages, in a process of its own so that peak RSS is the cleaner's
 * and not the benchmark's. Run as a script it prints one JSON line; `measureCleanThroughput` runs it as a child.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanHtmlPage } from '../src/core/clean/html/index.js';
import { loadPages } from './extraction-pages.js';

export interface Throughput {
  pages: number;
  /** UTF-8 size of the decoded HTML of one pass. */
  bytes: number;
  /** Best of the timed passes (one untimed warm-up pass first, so the JIT has settled). */
  seconds: number;
  pagesPerSecond: number;
  mbPerSecond: number;
  peakRssMB: number;
}

function measure(dir: string, passes: number): Throughput {
  const pages = loadPages(dir);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  for (const p of pages) cleanHtmlPage(p.html);
  let seconds = Number.POSITIVE_INFINITY;
  for (let r = 0; r < passes; r++) {
    const started = performance.now();
    for (const p of pages) cleanHtmlPage(p.html);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  return {
    pages: pages.length,
    bytes,
    seconds,
    pagesPerSecond: pages.length / seconds,
    mbPerSecond: bytes / 2 ** 20 / seconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs the measurement in a child process (one core: the cleaner is synchronous). */
export function measureCleanThroughput(dir: string, passes = 3): Throughput {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, dir, String(passes)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Throughput;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, passes] = process.argv.slice(2);
  if (!dir) throw new Error('usage: extraction-throughput.ts <extraction dir> [passes]');
  process.stdout.write(`${JSON.stringify(measure(dir, Number(passes ?? 3)))}\n`);
}
