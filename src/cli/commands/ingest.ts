import type { Command } from 'commander';
import { formatProblem } from '../../core/model.js';
import { DEFAULT_MAX_BYTES, type IngestSummary, ingest } from '../../engine/ingest.js';
import type { Store } from '../../store/store.js';
import { count, EXIT_FAILED, globalOpts, printJson, warn } from '../output.js';
import { progressView } from '../progress.js';
import { withStore } from '../with-store.js';
import { cleanLine, cleanWithProgress } from './clean.js';
import { indexLine, indexWithProgress } from './relate.js';
import { clusterLine, clusterWithProgress } from './stories.js';

export interface IngestFlags {
  clean: boolean;
  index?: boolean;
  maxSize: number;
  timeout: number;
  outlet?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Ingests with progress and one line per problem; returns the summary. Shared by `ingest` and `run`. */
export async function ingestWithProgress(store: Store, inputs: string[], flags: IngestFlags): Promise<IngestSummary> {
  const view = progressView('ingest', { quiet: flags.quiet === true });
  try {
    return await ingest(store, inputs, {
      maxBytes: Math.round(flags.maxSize * 1024 * 1024),
      timeoutMs: Math.round(flags.timeout * 1000),
      ...(flags.outlet ? { outlet: flags.outlet } : {}),
      onProblem: (p) => view.log(`storytrace: ${p.fatal ? '' : 'warning: '}${formatProblem(p)}`),
      onProgress: (p) => view.update(p),
    });
  } finally {
    view.stop();
  }
}

export function summaryLine(s: IngestSummary): string {
  const rate = s.seconds > 0 ? ` (${(s.bytes / 1048576 / s.seconds).toFixed(1)} MB/s)` : '';
  const head =
    s.ingested === 0 && s.present > 0 && s.failed === 0
      ? `nothing new: all ${count(s.present)} documents were already present`
      : `${count(s.ingested)} ingested, ${count(s.present)} already present, ${count(s.failed)} failed`;
  const skipped = s.skipped ? `, ${count(s.skipped)} records skipped` : '';
  return `${head}${skipped} — ${count(s.inputs)} input${s.inputs === 1 ? '' : 's'}, ${(s.bytes / 1048576).toFixed(1)} MB in ${s.seconds.toFixed(1)} s${rate}`;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read articles from files, folders, globs, - (stdin) or http(s) URLs into the store')
    .argument('<inputs...>', 'paths, folders, glob patterns, - for stdin, or URLs')
    .option('--max-size <MB>', 'largest file or record accepted, in MB', Number, DEFAULT_MAX_BYTES / 1048576)
    .option('--timeout <seconds>', 'time allowed for each URL', Number, 30)
    .option('--outlet <name>', 'outlet to record for every document read')
    .option('--no-clean', 'only store the documents; find their articles later with `storytrace clean`')
    .option('--no-index', 'clean but do not index; build the reuse index later with `storytrace index`')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress output')
    .addHelpText(
      'after',
      '\nFormats: .txt, .html/.htm, .jsonl/.ndjson, RSS/Atom/RDF/JSON feeds, .warc, and any of them gzipped.\n' +
        'Re-ingesting content already stored changes nothing. Exit code 1 when any input or record failed.',
    )
    .action(async (inputs: string[], flags: IngestFlags, cmd: Command) => {
      await withStore(globalOpts(cmd), async (store) => {
        const summary = await ingestWithProgress(store, inputs, flags);
        const cleaned = flags.clean ? await cleanWithProgress(store, { quiet: flags.quiet === true }) : null;
        const indexed =
          cleaned && flags.index !== false ? await indexWithProgress(store, { quiet: flags.quiet === true }) : null;
        const clustered = indexed ? await clusterWithProgress(store, { quiet: flags.quiet === true }) : null;
        if (flags.json)
          printJson({
            ...summary,
            ...(cleaned ? { clean: cleaned } : {}),
            ...(indexed ? { index: indexed } : {}),
            ...(clustered ? { stories: clustered } : {}),
          });
        else {
          warn(summaryLine(summary));
          if (cleaned) warn(cleanLine(cleaned));
          if (indexed) warn(indexLine(indexed));
          if (clustered) warn(clusterLine(clustered));
        }
        if (summary.failed > 0) process.exitCode = EXIT_FAILED;
      });
    });
}
