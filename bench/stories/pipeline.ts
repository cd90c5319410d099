/**
 * @module ECB+ through the whole pipeline, as a user (or an outside check) runs it: the corpus's JSON Lines ingested,
 * cleaned, indexed and clustered by the library into a fresh SQLite file, stories scored against the truth by each
 * record's `id`. Unlike the clusterer-only case this includes what cleaning does to the text (date lines read into
 * `published`, furniture dropped) and the reuse links the index finds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { throughPipeline } from '../pipeline.js';
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
    const out = await throughPipeline(k === 0 ? lines : shuffled(lines, k));
    runs.push({ order: k === 0 ? 'given' : String(k), ...bcubed(out.stories, truth), seconds: out.seconds });
  }
  return runs;
}
