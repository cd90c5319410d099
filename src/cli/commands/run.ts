import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../../engine/ingest.js';
import { writeReports } from '../../engine/story.js';
import { EXIT_FAILED, globalOpts, printJson, warn } from '../output.js';
import { countView } from '../progress.js';
import { withStore } from '../with-store.js';
import { cleanLine, cleanWithProgress } from './clean.js';
import { type IngestFlags, ingestWithProgress, summaryLine } from './ingest.js';
import { indexLine, indexWithProgress } from './relate.js';
import { clusterLine, clusterWithProgress } from './stories.js';

/** The demo corpus shipped with the package, found relative to this file in both `src/` and `dist/`. */
export function examplesDir(): string {
  for (const rel of ['../../../examples', '../../examples']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return 'examples';
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'the main job: ingest, clean, index, cluster and trace the inputs (the demo corpus in examples/ when none are given) and write one report per story',
    )
    .argument('[inputs...]', 'paths, folders, glob patterns, - for stdin, or URLs')
    .option('--max-size <MB>', 'largest file or record accepted, in MB', Number, DEFAULT_MAX_BYTES / 1048576)
    .option('--timeout <seconds>', 'time allowed for each URL', Number, 30)
    .option('--out <dir>', 'folder for the reports: index.html and one page per story', 'storytrace-report')
    .option('--rewrite', 'write every story page again, changed or not')
    .option('--json', 'print the summary, the stories and the files written as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(
      async (
        inputs: string[],
        flags: Omit<IngestFlags, 'clean'> & { out: string; rewrite?: boolean },
        cmd: Command,
      ) => {
        const names = inputs.length ? inputs : [examplesDir()];
        await withStore(globalOpts(cmd), async (store) => {
          const summary = await ingestWithProgress(store, names, { ...flags, clean: true });
          const cleaned = await cleanWithProgress(store, { quiet: flags.quiet === true });
          const indexed = await indexWithProgress(store, { quiet: flags.quiet === true });
          const clustered = await clusterWithProgress(store, { quiet: flags.quiet === true });
          const view = countView('reports', (await store.listStories()).length, { quiet: flags.quiet === true });
          const reports = await writeReports(store, flags.out, {
            onProgress: (done) => view.update(done),
            force: flags.rewrite === true,
          }).finally(() => view.stop());
          if (flags.json) {
            printJson({
              summary,
              clean: cleaned,
              index: indexed,
              stories: clustered,
              reports,
              documents: await store.listDocuments(),
              articles: await store.listArticles(),
            });
          } else {
            warn(summaryLine(summary));
            warn(cleanLine(cleaned));
            warn(indexLine(indexed));
            warn(clusterLine(clustered));
            warn(
              `${reports.stories} story reports in ${join(flags.out, 'index.html')}: ${reports.written} written, ${reports.unchanged} unchanged${reports.deleted ? `, ${reports.deleted} deleted (merged stories)` : ''} (${reports.seconds.toFixed(1)} s)`,
            );
          }
          if (summary.failed > 0) process.exitCode = EXIT_FAILED;
        });
      },
    );
}
