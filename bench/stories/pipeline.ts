/**
 * @module ECB+ through the whole pipeline, as a user (or an outside check) runs it: the corpus's JSON Lines ingested,
 * cleaned, indexed and clustered by the library into a fresh SQLite file, stories scored against the truth by each
 * record's `id`. Unlike the clusterer-only case this includes what cleaning does to the text (date lines read into
 * `published`, furniture dropped) and the reuse links the index finds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanDocuments, clusterArticles, indexArticles, ingest, openStore } from '../../src/index.js';
import { type BCubed, bcubed } from './bcubed.js';
import { shuffled } from './run.js';

export interface PipelineRun extends BCubed {
  /** `given` for the file as distributed, else the seed of the shuffled order. */
  order: string;
  seconds: number;
}

export async function ecbplusPipeline(dir: string, orders: number): Promise<PipelineRun[]> {
  const lines = readFileSync(join(dir, 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const truth = (JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { stories: string[][] }).stories;
  const runs: PipelineRun[] = [];
  for (let k = 0; k <= orders; k++) {
    const work = mkdtempSync(join(tmpdir(), 'storytrace-ecbplus-'));
    try {
      const file = join(work, 'docs.jsonl');
      writeFileSync(file, `${(k === 0 ? lines : shuffled(lines, k)).join('\n')}\n`);
      const started = performance.now();
      const store = await openStore({ db: join(work, 'ecbplus.db') });
      await ingest(store, [file]);
      await cleanDocuments(store);
      await indexArticles(store);
      await clusterArticles(store);
      const external = new Map((await store.listArticles()).map((a) => [a.id, a.externalId ?? a.id]));
      const found = (await store.listStories()).map((s) => s.articles.map((a) => external.get(a) ?? a));
      await store.close();
      runs.push({
        order: k === 0 ? 'given' : String(k),
        ...bcubed(found, truth),
        seconds: (performance.now() - started) / 1000,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return runs;
}
