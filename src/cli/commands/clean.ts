import type { Command } from 'commander';
import { CLEANER_VERSION } from '../../core/clean/index.js';
import { type CleanSummary, cleanDocuments } from '../../engine/clean.js';
import type { Store } from '../../store/store.js';
import { count, globalOpts, printJson, warn } from '../output.js';
import { countView } from '../progress.js';
import { withStore } from '../with-store.js';
import { resolveOne } from './read.js';

/** Cleans what needs cleaning with a progress bar; shared by `clean`, `ingest` and `run`. */
export async function cleanWithProgress(
  store: Store,
  options: { force?: boolean; ids?: string[]; quiet?: boolean },
): Promise<CleanSummary> {
  const pending =
    options.ids?.length ?? (await store.countDocumentsToClean(CLEANER_VERSION, { force: options.force === true }));
  const view = countView('clean', pending, { quiet: options.quiet === true });
  try {
    return await cleanDocuments(store, {
      ...(options.force ? { force: true } : {}),
      ...(options.ids ? { ids: options.ids } : {}),
      onProgress: (done) => view.update(done),
    });
  } finally {
    view.stop();
  }
}

export function cleanLine(s: CleanSummary): string {
  return `cleaned ${count(s.documents)} documents: ${count(s.articles)} articles, ${count(s.noArticle)} with no article (${s.seconds.toFixed(1)} s)`;
}

export function registerClean(program: Command): void {
  program
    .command('clean')
    .description(
      `find the articles in stored documents (cleaner version ${CLEANER_VERSION}): title, byline, date, credits, language, body, and what was removed`,
    )
    .argument('[ids...]', 'documents to (re-)clean; none = every document not yet cleaned by this version')
    .option('--all', 'also re-clean documents already cleaned by this version')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (refs: string[], flags: { all?: boolean; json?: boolean; quiet?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const ids = refs.length ? await Promise.all(refs.map((r) => resolveOne(store, r))) : undefined;
        const summary = await cleanWithProgress(store, {
          ...(flags.all ? { force: true } : {}),
          ...(ids ? { ids } : {}),
          quiet: flags.quiet === true,
        });
        if (flags.json) printJson(summary);
        else warn(cleanLine(summary));
      }),
    );
}
