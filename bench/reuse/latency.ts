/**
 * @module Query latency and memory of the in-memory reuse index at scale: N generated documents are filed with
 * `insert` (fingerprints and LSH keys, no verification, so that a million documents load in minutes), then a sample
 * of them is looked up with `similar` (fingerprint, LSH candidates, verification and typing of each) and with
 * `candidates` (the LSH step alone). A thousand untimed queries on other documents come first, as a running service has answered before: the code, the word table and the synonym senses warm. Queries run back to back, so
 * that garbage collection pauses land in them; each is timed by the clock and by the process's CPU time (which a busy
 * machine disturbs less).
 *
 * `node --expose-gc --max-old-space-size=16000 --import tsx bench/reuse/latency.ts --n 1000000 [--queries 1000]
 * [--seed 1]` prints one line of JSON. RSS per document is the growth of RSS over loading (after a full GC when
 * `--expose-gc` is given) divided by N: the LSH table and the ids and bodies kept for verification (`lshBytesPerDoc`
 * and `docBytesPerDoc` count those two alone).
 */
import { pathToFileURL } from 'node:url';
import { MemoryReuseIndex } from '../../src/core/relate/memory-index.js';
import { loadSynonyms } from '../../src/io/wordnet.js';
import { machine } from '../machine.js';
import { loadLexicon, ReuseCorpus, type ReuseDoc } from './generate.js';

export interface LatencyResult {
  /** Where and when, when run on its own (`bench/machine.ts`). */
  machine?: string;
  date?: string;
  n: number;
  queries: number;
  insertDocsPerSecond: number;
  /** `similar`: candidates verified and typed (relations returned: candidates sure to be independent are not). */
  similar: Timing & { relationsPerQuery: number };
  /** `candidates`: fingerprint and LSH lookup only. */
  candidates: Timing & { candidatesPerQuery: number };
  rssStartMB: number;
  rssMB: number;
  rssBytesPerDoc: number;
  heapUsedMB: number;
  lshMB: number;
  lshBytesPerDoc: number;
  /** Ids, bodies and content hashes kept for verification (outside the JS heap). */
  docsMB: number;
  docBytesPerDoc: number;
}

/** Clock time per query, and CPU time of the process per query. */
interface Timing {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  cpuP50Ms: number;
  cpuP99Ms: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
/** Queries run untimed before the timed ones. */
const WARM_UP = 1000;

function percentiles(ms: number[]): { p50Ms: number; p99Ms: number; meanMs: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50Ms: at(0.5), p99Ms: at(0.99), meanMs: ms.reduce((a, b) => a + b, 0) / (ms.length || 1) };
}

export function runLatency(n: number, queries = 1000, seed = 1): LatencyResult {
  loadLexicon();
  const index = new MemoryReuseIndex(loadSynonyms());
  gc();
  const rssStart = process.memoryUsage.rss();
  const every = Math.max(1, Math.floor(n / queries));
  const sample: ReuseDoc[] = [];
  const warm: ReuseDoc[] = [];
  let ns = 0n;
  let i = 0;
  for (const doc of new ReuseCorpus({ n, seed }).docs()) {
    const t = process.hrtime.bigint();
    index.insert({ id: doc.id, body: doc.body, language: doc.language });
    ns += process.hrtime.bigint() - t;
    if (i % every === 0 && sample.length < queries) sample.push(doc);
    else if (i % every === every >> 1 && warm.length < WARM_UP) warm.push(doc);
    if (++i % 100_000 === 0) process.stderr.write(`latency: ${i} documents filed\n`);
  }
  gc();
  const memory = process.memoryUsage();
  const time = (f: (d: ReuseDoc) => number) => {
    const ms: number[] = [];
    const cpu: number[] = [];
    let total = 0;
    for (const doc of sample) {
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      total += f(doc);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1e3);
    }
    const { p50Ms: cpuP50Ms, p99Ms: cpuP99Ms } = percentiles(cpu);
    return { ...percentiles(ms), cpuP50Ms, cpuP99Ms, perQuery: total / (sample.length || 1) };
  };
  const input = (d: ReuseDoc) => ({ id: d.id, body: d.body, language: d.language });
  // Warm-up (JIT, caches) on other documents than the sample: the first-seen code paths would make the tail.
  for (const doc of warm) index.similar(input(doc));
  // Candidates first: `similar` leaves the analyses of recent candidates cached.
  const c = time((d) => index.candidates(input(d)).length);
  const s = time((d) => index.similar(input(d)).length);
  return {
    n,
    queries: sample.length,
    insertDocsPerSecond: n / (Number(ns) / 1e9),
    similar: { ...timing(s), relationsPerQuery: s.perQuery },
    candidates: { ...timing(c), candidatesPerQuery: c.perQuery },
    rssStartMB: rssStart / 2 ** 20,
    rssMB: memory.rss / 2 ** 20,
    rssBytesPerDoc: (memory.rss - rssStart) / n,
    heapUsedMB: memory.heapUsed / 2 ** 20,
    lshMB: index.lshBytes / 2 ** 20,
    lshBytesPerDoc: index.lshBytes / n,
    docsMB: index.docBytes / 2 ** 20,
    docBytesPerDoc: index.docBytes / n,
  };
}

function timing(t: Timing): Timing {
  return { p50Ms: t.p50Ms, p99Ms: t.p99Ms, meanMs: t.meanMs, cpuP50Ms: t.cpuP50Ms, cpuP99Ms: t.cpuP99Ms };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const result = runLatency(Number(flag('n') ?? 100_000), Number(flag('queries') ?? 1000), Number(flag('seed') ?? 1));
  process.stdout.write(`${JSON.stringify({ machine: machine(), date: new Date().toISOString(), ...result })}\n`);
}
