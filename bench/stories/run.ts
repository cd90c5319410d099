/**
 * @module Story clustering on real labelled news (ECB+ development topics): B-cubed precision, recall and F1 of the
 * incremental clusterer against the plain baseline, each over shuffled arrival orders, with throughput and peak RSS.
 * `node --import tsx bench/stories/run.ts [--orders N]` prints the figures as JSON; `storiesSection()` renders them
 * for bench/README.md.
 */
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createClusterer } from '../../src/core/cluster/index.js';
import { BASELINE_THRESHOLD, baselineCluster, baselineModel } from './baseline.js';
import { type BCubed, bcubed } from './bcubed.js';
import { ECBPLUS_DIR, ecbplusAvailable, loadEcbplus } from './ecbplus.js';

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface Scores {
  precision: Spread;
  recall: Spread;
  f1: Spread;
}

export interface StoriesBenchResult {
  date: string;
  machine: string;
  articles: number;
  stories: number;
  orders: number;
  storytrace: Scores & {
    /** Articles per second of wall time, feature extraction included, one core. */
    articlesPerSecond: number;
    /** Articles per second of this process's CPU time (steadier on a shared machine). */
    articlesPerCpuSecond: number;
    mergesPerOrder: number;
    /** Predicted stories, mean over orders. */
    storiesFound: number;
  };
  baseline: {
    aPriori: Scores & { threshold: number };
    oracle: Scores & { threshold: number };
  };
  peakRssMB: number;
}

/** A small deterministic PRNG (mulberry32), so order `k` is the same order on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function spread(xs: readonly number[]): Spread {
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) };
}

function scores(runs: readonly BCubed[]): Scores {
  return {
    precision: spread(runs.map((r) => r.precision)),
    recall: spread(runs.map((r) => r.recall)),
    f1: spread(runs.map((r) => r.f1)),
  };
}

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

export function runStoriesBench(options: { orders?: number; dir?: string } = {}): StoriesBenchResult {
  const orders = options.orders ?? 10;
  const { articles, stories } = loadEcbplus(options.dir ?? ECBPLUS_DIR);
  const arrivals = Array.from({ length: orders }, (_, k) => shuffled(articles, k + 1));

  // One untimed pass first, so throughput is the steady state of a long stream, not the JIT warming up.
  const warm = createClusterer();
  for (const a of articles) warm.add(a, []);

  const runs: BCubed[] = [];
  let wall = 0;
  let cpu = 0;
  let merges = 0;
  let found = 0;
  for (const order of arrivals) {
    const c = createClusterer();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const a of order) c.add(a, []);
    const used = process.cpuUsage(c0);
    cpu += (used.user + used.system) / 1e6;
    wall += (performance.now() - t0) / 1000;
    const predicted = c.stories();
    merges += c.merges().length;
    found += predicted.length;
    runs.push(
      bcubed(
        predicted.map((s) => s.articles),
        stories,
      ),
    );
  }

  const model = baselineModel(articles);
  const baselineAt = (t: number) =>
    scores(
      arrivals.map((o) =>
        bcubed(
          baselineCluster(
            model,
            o.map((a) => a.id),
            t,
          ),
          stories,
        ),
      ),
    );
  const aPriori = { threshold: BASELINE_THRESHOLD, ...baselineAt(BASELINE_THRESHOLD) };
  let oracle = aPriori;
  for (let t = 0.1; t <= 0.5 + 1e-9; t += 0.025) {
    const threshold = Math.round(t * 1000) / 1000;
    const s = threshold === BASELINE_THRESHOLD ? aPriori : { threshold, ...baselineAt(threshold) };
    if (s.f1.mean > oracle.f1.mean) oracle = s;
  }

  return {
    date: new Date().toISOString(),
    machine: machine(),
    articles: articles.length,
    stories: stories.length,
    orders,
    storytrace: {
      ...scores(runs),
      articlesPerSecond: (articles.length * orders) / wall,
      articlesPerCpuSecond: (articles.length * orders) / cpu,
      mergesPerOrder: merges / orders,
      storiesFound: found / orders,
    },
    baseline: { aPriori, oracle },
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

const f3 = (x: number) => x.toFixed(3);
const cell = (s: Spread) => `${f3(s.mean)} (${f3(s.min)}–${f3(s.max)})`;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function storiesSection(r: StoriesBenchResult): string {
  const row = (name: string, s: Scores) => `| ${name} | ${cell(s.precision)} | ${cell(s.recall)} | **${cell(s.f1)}** |`;
  return [
    '## Stories: clustering real labelled news (ECB+)',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine}. The ${r.articles} articles of \`../shared/corpus/stories/ecbplus-dev/\``,
    `(ECB+ topics 1–25, ${r.stories} stories; each topic holds two events of one kind, so the other event is a hard`,
    'negative; no dates). B-cubed precision, recall and F1 over articles, mean (min–max) over',
    `${r.orders} shuffled arrival orders (the same orders for every method). Every article arrives once, with no reuse links.`,
    '',
    '| method | B³ precision | B³ recall | B³ F1 |',
    '|---|---|---|---|',
    row('storytrace (`createClusterer()` defaults)', r.storytrace),
    row(`baseline, threshold ${r.baseline.aPriori.threshold} (chosen a priori)`, r.baseline.aPriori),
    row(`baseline, threshold ${r.baseline.oracle.threshold} (best on this data: an oracle)`, r.baseline.oracle),
    '',
    `storytrace: ${fmt(r.storytrace.articlesPerSecond)} articles/s wall (${fmt(r.storytrace.articlesPerCpuSecond)} per CPU`,
    `second), feature extraction included, one core, after one untimed warm-up pass;`,
    `${r.storytrace.storiesFound.toFixed(1)} stories found on average,`,
    `${r.storytrace.mergesPerOrder.toFixed(1)} merges per order; peak RSS of the process ${fmt(r.peakRssMB)} MB.`,
    'The baseline is TF-IDF cosine (rarity from the whole corpus up front), single pass, assign to the most similar',
    'centroid at or above the threshold, else a new cluster. For reference, TF-IDF average-link with the threshold chosen',
    'on the data scores B³ F1 ≈ 0.90 on this corpus.',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!ecbplusAvailable()) {
    process.stderr.write(`bench: ${ECBPLUS_DIR} not found, stories skipped\n`);
    process.exit(0);
  }
  const i = process.argv.indexOf('--orders');
  const orders = i >= 0 ? Number(process.argv[i + 1]) : 10;
  process.stdout.write(`${JSON.stringify(runStoriesBench({ orders }))}\n`);
}
