/**
 * @module A set of JSON Lines records through the whole pipeline, as `storytrace ingest` runs it on a fresh SQLite file
 * (ingest → clean → index → stories), read back by each record's `id`: what the benchmarks that score the pipeline
 * rather than one stage need.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelationType } from '../src/core/relate/types.js';
import { cleanDocuments, clusterArticles, indexArticles, ingest, openStore } from '../src/index.js';

export interface PipelineOutput {
  /** Each story's articles, by external id. */
  stories: string[][];
  /** Stored relations of the types asked for, by external id. */
  relations: { a: string; b: string; type: RelationType }[];
  seconds: number;
}

export async function throughPipeline(
  lines: readonly string[],
  relationTypes: RelationType[] = [],
): Promise<PipelineOutput> {
  const work = mkdtempSync(join(tmpdir(), 'storytrace-pipeline-'));
  try {
    const file = join(work, 'docs.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const started = performance.now();
    const store = await openStore({ db: join(work, 'pipeline.db') });
    try {
      await ingest(store, [file]);
      await cleanDocuments(store);
      await indexArticles(store);
      await clusterArticles(store);
      const external = new Map((await store.listArticles()).map((a) => [a.id, a.externalId ?? a.id]));
      const ext = (id: string) => external.get(id) ?? id;
      const stories = (await store.listStories()).map((s) => s.articles.map(ext));
      const relations = relationTypes.length
        ? (await store.listRelations({ types: relationTypes })).map((r) => ({ a: ext(r.a), b: ext(r.b), type: r.type }))
        : [];
      return { stories, relations, seconds: (performance.now() - started) / 1000 };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
