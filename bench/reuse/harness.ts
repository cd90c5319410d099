/**
 * @module The reuse benchmark: streams the labelled corpus into a system, times it, and scores its relations.
 *
 * `node --import tsx bench/reuse/harness.ts --n 10000 --system baseline [--seed 1] [--queries 1000]` prints one line
 * of JSON (a `ReuseBenchResult`). `--system` is `baseline` or the path of a module whose default export (or export
 * `createSystem`) returns a `ReuseSystem`, sync or async. Run each system in its own process: peak RSS is the
 * process's.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaselineIndex, docText } from './baseline.js';
import { confusionTable, type Evaluation, evaluate, LABEL_TYPES, type SystemPair } from './evaluate.js';
import { type CorpusStats, loadLexicon, ReuseCorpus, type ReuseDoc } from './generate.js';

export interface ReuseSystem {
  name: string;
  /** false: the system finds pairs but does not type them (only detection figures mean anything). */
  typed?: boolean;
  add(doc: ReuseDoc): void | Promise<void>;
  /** Every relation found among the documents added, each unordered pair once. */
  pairs(): SystemPair[] | Promise<SystemPair[]>;
  /** Looks a document up without adding it; timed on a sample after indexing, for latency. */
  query?(doc: ReuseDoc): unknown;
  close?(): void | Promise<void>;
}

export interface ReuseBenchOptions {
  n: number;
  system: ReuseSystem;
  seed?: number;
  /** Documents sampled (evenly over the stream) for query latency; 0 for none. */
  queries?: number;
}

export interface ReuseBenchResult {
  system: string;
  typed: boolean;
  n: number;
  seed: number;
  /** Time inside `add` over all documents, and documents per second of it. */
  addSeconds: number;
  docsPerSecond: number;
  /** Time of the `pairs()` call. */
  pairsSeconds: number;
  /** n / (add + pairs time): fair to a system that defers its relation work to `pairs()`. */
  endToEndDocsPerSecond: number;
  /** Generating the corpus (outside the system's time). */
  generateSeconds: number;
  query: { samples: number; p50Ms: number; p99Ms: number } | null;
  /** Process peak RSS, and RSS before the first document (the lexicon and runtime). */
  peakRssMB: number;
  startRssMB: number;
  corpus: CorpusStats;
  evaluation: Evaluation;
}

export const isThenable = (x: unknown): x is PromiseLike<unknown> =>
  typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';

export async function runReuseBench({
  n,
  system,
  seed = 1,
  queries = 1000,
}: ReuseBenchOptions): Promise<ReuseBenchResult> {
  loadLexicon();
  const startRss = process.memoryUsage.rss();
  const corpus = new ReuseCorpus({ n, seed });
  const every = queries > 0 ? Math.max(1, Math.floor(n / queries)) : 0;
  const sample: ReuseDoc[] = [];
  let addNs = 0n;
  let i = 0;
  const t0 = process.hrtime.bigint();
  for (const doc of corpus.docs()) {
    const s = process.hrtime.bigint();
    const r = system.add(doc);
    if (isThenable(r)) await r;
    addNs += process.hrtime.bigint() - s;
    if (every && i % every === 0 && sample.length < queries) sample.push(doc);
    i++;
  }
  const totalNs = process.hrtime.bigint() - t0;
  const p0 = process.hrtime.bigint();
  const found = await system.pairs();
  const pairsSeconds = Number(process.hrtime.bigint() - p0) / 1e9;

  let query: ReuseBenchResult['query'] = null;
  if (system.query && sample.length) {
    const ms: number[] = [];
    for (const doc of sample) {
      const s = process.hrtime.bigint();
      const r = system.query(doc);
      if (isThenable(r)) await r;
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    ms.sort((x, y) => x - y);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
    query = { samples: ms.length, p50Ms: at(0.5), p99Ms: at(0.99) };
  }
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  await system.close?.();

  const addSeconds = Number(addNs) / 1e9;
  return {
    system: system.name,
    typed: system.typed ?? true,
    n,
    seed,
    addSeconds,
    docsPerSecond: n / addSeconds,
    pairsSeconds,
    endToEndDocsPerSecond: n / (addSeconds + pairsSeconds),
    generateSeconds: Number(totalNs - addNs) / 1e9,
    query,
    peakRssMB,
    startRssMB: startRss / 2 ** 20,
    corpus: corpus.stats,
    evaluation: evaluate(corpus.pairs, found, { ambiguous: corpus.ambiguous }),
  };
}

/** The plain baseline as a system: everything it finds is reported as `rewrite`, untyped. */
export function baselineSystem(threshold = 0.5): ReuseSystem {
  const index = new BaselineIndex(threshold);
  return {
    name: `baseline MinHash+LSH (datasketch; 128 perm, b=${index.bands} r=${index.rows}, t=${threshold})`,
    typed: false,
    add: (doc) => index.add(doc.id, docText(doc)),
    pairs: () => index.pairs().map((p) => ({ ...p, type: 'rewrite' as const })),
    query: (doc) => index.query(docText(doc)),
  };
}

const fmt = (x: number | null | undefined, digits = 3) => (x == null ? '–' : x.toFixed(digits));
const int = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

/**
 * The README section for results of one or more systems (on the same corpus): speed and memory, then detection
 * recall per type for every system and typed precision/recall for the systems that type their pairs.
 */
export function reuseSection(results: readonly ReuseBenchResult[]): string {
  if (!results.length) return '';
  const lines = [
    '## Reuse index: relations on a labelled corpus',
    '',
    'Corpus: `bench/reuse/generate.ts` (seeded): ~40% unrelated articles, ~20% originals, and their exact copies,',
    'light edits (~5% of words), rewrites (~30%), partial reuses (30–50% of a text inside another) and WordNet',
    'synonym-spun copies. Each system gets every document through `add()` in arrival order, then `pairs()`;',
    'add docs/s counts only the time inside `add()`, end-to-end also `pairs()`. Pairs the generator marks ambiguous are',
    'not scored.',
    '',
    '| system | docs | add docs/s | end-to-end docs/s | query p50 ms | query p99 ms | peak RSS MB | found pairs | detection precision | detection recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const e = r.evaluation;
    lines.push(
      `| ${r.system} | ${int(r.n)} | ${int(r.docsPerSecond)} | ${int(r.endToEndDocsPerSecond)} | ${fmt(r.query?.p50Ms, 2)} | ${fmt(r.query?.p99Ms, 2)} | ${int(r.peakRssMB)} | ${int(e.systemPairs)} | ${fmt(e.detection.precision)} | ${fmt(e.detection.recall)} |`,
    );
  }
  lines.push(
    '',
    '| system | docs | figure | ' + LABEL_TYPES.join(' | ') + ' |',
    `|---|---:|---|${LABEL_TYPES.map(() => '---:').join('|')}|`,
  );
  for (const r of results) {
    const per = r.evaluation.perType;
    lines.push(
      `| ${r.system} | ${int(r.n)} | labelled pairs | ${LABEL_TYPES.map((t) => int(per[t].labelled)).join(' | ')} |`,
    );
    lines.push(`| | | detection recall | ${LABEL_TYPES.map((t) => fmt(per[t].detectionRecall)).join(' | ')} |`);
    if (r.typed) {
      lines.push(`| | | precision | ${LABEL_TYPES.map((t) => fmt(per[t].precision)).join(' | ')} |`);
      lines.push(`| | | recall | ${LABEL_TYPES.map((t) => fmt(per[t].recall)).join(' | ')} |`);
    }
  }
  for (const r of results.filter((x) => x.typed)) {
    lines.push('', `Confusion, ${r.system} at ${int(r.n)} documents:`, '', confusionTable(r.evaluation.confusion));
  }
  lines.push('');
  return lines.join('\n');
}

export async function loadSystem(spec: string): Promise<ReuseSystem> {
  if (spec === 'baseline') return baselineSystem();
  const mod = (await import(pathToFileURL(resolve(spec)).href)) as {
    default?: () => ReuseSystem | Promise<ReuseSystem>;
    createSystem?: () => ReuseSystem | Promise<ReuseSystem>;
  };
  const make = mod.createSystem ?? mod.default;
  if (typeof make !== 'function') throw new Error(`${spec}: exports no createSystem() or default factory`);
  return make();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = await runReuseBench({
    n: Number(flag('n') ?? 10_000),
    seed: Number(flag('seed') ?? 1),
    queries: Number(flag('queries') ?? 1000),
    system: await loadSystem(flag('system') ?? 'baseline'),
  });
  if (args.includes('--markdown')) process.stderr.write(`${reuseSection([result])}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
