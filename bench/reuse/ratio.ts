/**
 * @module Throughput of reuse systems against each other, in one process on one corpus: the corpus is generated
 * first, then each system indexes all of it in turn, round after round (a fresh instance each round), and each
 * system's docs/s is the median over rounds. On a shared machine the wall time of separate runs swings with the load;
 * rounds that alternate see the same load, so the ratio of medians holds where one run's docs/s does not.
 * Documents are not interleaved between systems: one system's garbage would be collected in the other's time.
 *
 * `node --expose-gc --import tsx bench/reuse/ratio.ts --n 10000 [--rounds 3] [--seed 1]
 * [--systems baseline,bench/reuse/storytrace-index.ts]` prints one line of JSON: per system its add docs/s per round
 * and median, the ratio of its median to the first system's, and detection recall (overall and per type).
 */
import { pathToFileURL } from 'node:url';
import { evaluate, LABEL_TYPES } from './evaluate.js';
import { loadLexicon, ReuseCorpus, type ReuseDoc } from './generate.js';
import { baselineSystem, isThenable, loadSystem, type ReuseSystem } from './harness.js';

export interface RatioResult {
  n: number;
  seed: number;
  rounds: number;
  systems: {
    system: string;
    /** add docs/s of each round, and their median. */
    docsPerSecondRounds: number[];
    docsPerSecond: number;
    /** Median docs/s over the first system's. */
    ratio: number;
    detectionRecall: number | null;
    detectionRecallPerType: Record<string, number | null>;
    /** Systems that type their pairs: precision and recall of the types. */
    typed?: { precision: Record<string, number | null>; recall: Record<string, number | null> };
  }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

export async function runRatio(
  n: number,
  makers: (() => Promise<ReuseSystem>)[],
  { rounds = 3, seed = 1 }: { rounds?: number; seed?: number } = {},
): Promise<RatioResult> {
  loadLexicon();
  const corpus = new ReuseCorpus({ n, seed });
  const docs: ReuseDoc[] = [...corpus.docs()];
  const rates: number[][] = makers.map(() => []);
  const results: RatioResult['systems'] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < rounds; round++) {
    for (let s = 0; s < makers.length; s++) {
      gc?.();
      const system = await (makers[s] as () => Promise<ReuseSystem>)();
      let ns = 0n;
      for (const doc of docs) {
        const t = process.hrtime.bigint();
        const r = system.add(doc);
        if (isThenable(r)) await r;
        ns += process.hrtime.bigint() - t;
      }
      (rates[s] as number[]).push(n / (Number(ns) / 1e9));
      if (round === 0) {
        const evaluation = evaluate(corpus.pairs, await system.pairs(), { ambiguous: corpus.ambiguous });
        const perType = (f: (t: (typeof LABEL_TYPES)[number]) => number | null) =>
          Object.fromEntries(LABEL_TYPES.map((t) => [t, f(t)]));
        results.push({
          system: system.name,
          docsPerSecondRounds: [],
          docsPerSecond: 0,
          ratio: 0,
          detectionRecall: evaluation.detection.recall,
          detectionRecallPerType: perType((t) => evaluation.perType[t].detectionRecall),
          ...(system.typed === false
            ? {}
            : {
                typed: {
                  precision: perType((t) => evaluation.perType[t].precision),
                  recall: perType((t) => evaluation.perType[t].recall),
                },
              }),
        });
      }
      await system.close?.();
    }
  }
  const first = median(rates[0] as number[]);
  results.forEach((r, s) => {
    r.docsPerSecondRounds = rates[s] as number[];
    r.docsPerSecond = median(rates[s] as number[]);
    r.ratio = r.docsPerSecond / first;
  });
  return { n, seed, rounds, systems: results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const specs = (flag('systems') ?? 'baseline,bench/reuse/storytrace-index.ts').split(',');
  const makers = specs.map((spec) => async () => (spec === 'baseline' ? baselineSystem() : loadSystem(spec)));
  const result = await runRatio(Number(flag('n') ?? 10_000), makers, {
    rounds: Number(flag('rounds') ?? 3),
    seed: Number(flag('seed') ?? 1),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
