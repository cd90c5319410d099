/** @module The reuse commands: `index` builds the reuse index, `similar` and `pairs` read the relations it found. */
import type { Command } from 'commander';
import { FINGERPRINT_VERSION } from '../../core/fingerprint/fingerprint.js';
import { RELATION_TYPES, type Relation, type RelationType } from '../../core/relate/types.js';
import { type IndexSummary, indexArticles, similarStored } from '../../engine/relate.js';
import type { Store } from '../../store/store.js';
import { count, globalOpts, printJson, table, UsageError, warn } from '../output.js';
import { countView } from '../progress.js';
import { withStore } from '../with-store.js';

/** Indexes what needs indexing with a progress bar; shared by `index`, `ingest` and `run`. */
export async function indexWithProgress(
  store: Store,
  options: { force?: boolean; quiet?: boolean },
): Promise<IndexSummary> {
  const pending = await store.countArticlesToIndex(FINGERPRINT_VERSION, { force: options.force === true });
  const view = countView('index', pending, { quiet: options.quiet === true });
  try {
    return await indexArticles(store, {
      ...(options.force ? { force: true } : {}),
      onProgress: (done) => view.update(done),
    });
  } finally {
    view.stop();
  }
}

export function indexLine(s: IndexSummary): string {
  const found = RELATION_TYPES.filter((t) => t !== 'independent' && s.relations[t] > 0)
    .map((t) => `${count(s.relations[t])} ${t}`)
    .join(', ');
  return `indexed ${count(s.indexed)} articles: ${found || 'no reuse found'} (${s.seconds.toFixed(1)} s)`;
}

/** An article id, or a document reference whose document holds exactly one article. */
export async function resolveArticle(store: Store, ref: string): Promise<string> {
  const [direct] = await store.getArticles([ref]);
  if (direct) return direct.article.id;
  const docs = await store.resolveDocument(ref);
  if (docs.length === 1) {
    const result = await store.getCleanResult(docs[0] as string);
    const articles = result?.articles ?? [];
    if (articles.length === 1) return (articles[0] as { id: string }).id;
    if (articles.length > 1)
      throw new UsageError(
        `document "${ref}" holds ${articles.length} articles: ${articles.map((a) => a.id).join(', ')}`,
      );
    throw new UsageError(`document "${ref}" holds no article${result ? '' : ' (not cleaned yet)'}`);
  }
  throw new UsageError(`no article matches "${ref}"`);
}

function parseTypes(value: string | undefined): RelationType[] | undefined {
  if (!value) return undefined;
  const types = value.split(',').map((t) => t.trim());
  for (const t of types) {
    if (!(RELATION_TYPES as readonly string[]).includes(t))
      throw new UsageError(`unknown relation type "${t}" (one of ${RELATION_TYPES.join(', ')})`);
  }
  return types as RelationType[];
}

function scoreOption(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`--min-score takes a number from 0 to 1, not "${value}"`);
  return n;
}

export function registerRelate(program: Command): void {
  program
    .command('index')
    .description(
      'fingerprint the cleaned articles, file them in the reuse index and find their relations (duplicate, light-edit, rewrite, partial, spun, translated, shared-quotes-only)',
    )
    .option('--all', 're-index every article, not only new ones')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (flags: { all?: boolean; json?: boolean; quiet?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const summary = await indexWithProgress(store, { force: flags.all === true, quiet: flags.quiet === true });
        if (flags.json) printJson(summary);
        else warn(indexLine(summary));
      }),
    );

  program
    .command('similar')
    .description('the articles that share text with an article, strongest reuse first')
    .argument('<article>', 'an article id (or a document holding one article)')
    .option('--all', 'also list candidates found independent')
    .option('--json', 'print [{ id, type, score, evidence }] as JSON')
    .action(async (ref: string, flags: { all?: boolean; json?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const id = await resolveArticle(store, ref);
        if ((await store.countArticlesToIndex(FINGERPRINT_VERSION)) > 0)
          await indexWithProgress(store, { quiet: true });
        const similar = await similarStored(store, id, { includeIndependent: flags.all === true });
        if (flags.json) return printJson(similar);
        const titles = new Map(
          (await store.getArticles(similar.map((s) => s.id))).map((s) => [s.article.id, s.article]),
        );
        process.stdout.write(
          `${table(
            ['ARTICLE', 'RELATION', 'SCORE', 'TITLE'],
            similar.map((s) => [s.id, s.type, s.score.toFixed(2), titles.get(s.id)?.title ?? '']),
            [20, 18, 5],
          )}\n`,
        );
      }),
    );

  program
    .command('pairs')
    .description('every relation found between articles, strongest first')
    .option('--type <types>', `only these types, comma-separated (${RELATION_TYPES.join(', ')})`)
    .option('--min-score <n>', 'only relations scoring at least n (0 to 1)', scoreOption)
    .option('--all', 'also list verified candidates found independent')
    .option('--limit <n>', 'at most n pairs', Number)
    .option('--json', 'print [{ a, b, type, score, evidence }] as JSON')
    .action(
      async (
        flags: { type?: string; minScore?: number; all?: boolean; limit?: number; json?: boolean },
        cmd: Command,
      ) =>
        withStore(globalOpts(cmd), async (store) => {
          const types =
            parseTypes(flags.type) ?? (flags.all ? undefined : RELATION_TYPES.filter((t) => t !== 'independent'));
          if ((await store.countArticlesToIndex(FINGERPRINT_VERSION)) > 0)
            await indexWithProgress(store, { quiet: true });
          const pairs: Relation[] = await store.listRelations({
            ...(types ? { types } : {}),
            ...(flags.minScore !== undefined ? { minScore: flags.minScore } : {}),
            ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
          });
          if (flags.json) return printJson(pairs);
          process.stdout.write(
            `${table(
              ['A', 'B', 'RELATION', 'SCORE', 'EVIDENCE'],
              pairs.map((p) => [
                p.a,
                p.b,
                p.type,
                p.score.toFixed(2),
                `jaccard ${p.evidence.jaccard.toFixed(2)}, contained ${p.evidence.containment.map((c) => c.toFixed(2)).join('/')}, aligned ${p.evidence.aligned.toFixed(2)}${
                  p.evidence.synonyms.length
                    ? `, e.g. ${p.evidence.synonyms
                        .slice(0, 2)
                        .map(([x, y]) => `${x}→${y}`)
                        .join(' ')}`
                    : ''
                }`,
              ]),
              [20, 20, 18, 5],
            )}\n`,
          );
        }),
    );
}
