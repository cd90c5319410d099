/** @module The story commands: `stories`, `story`, `recluster`, and the provenance views `provenance` and `align`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { type Alignment, align } from '../../core/align/align.js';
import { renderStoryHtml, renderStoryText } from '../../core/consolidate/index.js';
import type { Provenance } from '../../core/provenance/types.js';
import {
  type ClusterSummary,
  clusterArticles,
  parseInstant,
  type ReclusterSummary,
  reclusterAll,
  reclusterSince,
} from '../../engine/cluster.js';
import { lazySynonyms } from '../../engine/relate.js';
import { provenanceOf, reportOf, storyMaterial } from '../../engine/story.js';
import type { Store, StoryRow } from '../../store/store.js';
import { count, globalOpts, printJson, table, UsageError, warn } from '../output.js';
import { countView } from '../progress.js';
import { withStore } from '../with-store.js';
import { resolveArticle } from './relate.js';

export async function clusterWithProgress(
  store: Store,
  options: { quiet?: boolean; fromScratch?: boolean },
): Promise<ClusterSummary> {
  const view = countView('stories', await store.countArticlesToCluster(), { quiet: options.quiet === true });
  try {
    const run = options.fromScratch ? reclusterAll : clusterArticles;
    return await run(store, { onProgress: (done) => view.update(done) });
  } finally {
    view.stop();
  }
}

/** `recluster --since`: the bar appears once the run knows how many articles it replays. */
export async function reclusterSinceWithProgress(
  store: Store,
  since: string,
  options: { quiet?: boolean },
): Promise<ReclusterSummary> {
  const bar: { view?: ReturnType<typeof countView> } = {};
  try {
    return await reclusterSince(store, since, {
      onProgress: (done, total) => {
        bar.view ??= countView('recluster', total, { quiet: options.quiet === true, unit: 'articles' });
        bar.view.update(done);
      },
    });
  } finally {
    bar.view?.stop();
  }
}

export function reclusterSinceLine(s: ReclusterSummary): string {
  return `reclustered ${count(s.reclustered)} articles since ${s.since} against ${count(s.kept)} older ones: ${count(s.moved)} changed story (${count(s.keptMoved)} older), ${count(s.storiesChanged)} stories rewritten, ${count(s.storiesRemoved)} removed, ${count(s.merges)} merges, ${count(s.splits)} splits; ${count(s.stories)} stories in all (${s.seconds.toFixed(1)} s)`;
}

/** The `--since` value, checked before the store is opened. */
function sinceArgument(text: string): string {
  if (parseInstant(text) === null) {
    throw new UsageError(
      `--since: "${text}" is not an ISO 8601 date or date-time (e.g. 2031-03-03, 2031-03-03T12:00Z; no zone means UTC)`,
    );
  }
  return text;
}

export function clusterLine(s: ClusterSummary): string {
  return `clustered ${count(s.clustered)} articles: ${count(s.created)} new stories, ${count(s.joined)} joined, ${count(s.merged)} merges; ${count(s.stories)} stories in all (${s.seconds.toFixed(1)} s)`;
}

/** A story id, or an article whose story is meant. */
export async function resolveStory(store: Store, ref: string): Promise<StoryRow> {
  const direct = await store.getStory(ref);
  if (direct) return direct;
  const article = await resolveArticle(store, ref).catch(() => null);
  const id = article ? (await store.storiesOf([article])).get(article) : undefined;
  const story = id ? await store.getStory(id) : null;
  if (!story) throw new UsageError(`no story matches "${ref}" (see \`storytrace stories\`)`);
  return story;
}

/** Provenance of a stored story from its stored relations and its quotations. */
export async function storyProvenance(store: Store, story: StoryRow): Promise<Provenance> {
  return provenanceOf(await storyMaterial(store, story), lazySynonyms());
}

function dot(p: Provenance, titles: Map<string, string>): string {
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph provenance {', '  rankdir=LR; node [shape=box, fontname="sans-serif"];'];
  p.lineages.forEach((l, i) => {
    lines.push(`  subgraph cluster_${i} { label=${q(l.name)};`);
    for (const id of l.articles)
      lines.push(
        `    ${q(id)} [label=${q(`${id}\\n${titles.get(id) ?? ''}`)}${l.original === id ? ', penwidth=2' : ''}];`,
      );
    lines.push('  }');
  });
  for (const id of p.independent)
    lines.push(`  ${q(id)} [label=${q(`${id}\\n${titles.get(id) ?? ''}`)}, style=dashed];`);
  for (const e of p.edges) {
    lines.push(
      `  ${q(e.from)} -> ${q(e.to)} [label=${q(`${e.type} ${e.confidence.toFixed(2)}`)}${e.confidence < 0.6 ? ', style=dotted' : ''}];`,
    );
  }
  lines.push('}');
  return lines.join('\n');
}

const COLOURS: Record<string, string> = {
  verbatim: '\x1b[32m',
  edited: '\x1b[33m',
  spun: '\x1b[35m',
  translated: '\x1b[36m',
  quotation: '\x1b[34m',
};

function renderAlignment(al: Alignment, color: boolean): string {
  const width = Math.max(40, Math.floor(((process.stdout.columns ?? 120) - 16) / 2));
  const wrap = (s: string) => {
    const out: string[] = [];
    let line = '';
    for (const w of s.split(/\s+/)) {
      if ((line + w).length > width) {
        out.push(line.trimEnd());
        line = '';
      }
      line += `${w} `;
    }
    if (line.trim()) out.push(line.trimEnd());
    return out;
  };
  const blocks = al.spans.map((s) => {
    const left = wrap(s.a.text);
    const right = wrap(s.b.text);
    const tag = `${s.type} ${s.score.toFixed(2)}`;
    const rows = Array.from(
      { length: Math.max(left.length, right.length) },
      (_, i) => `${(left[i] ?? '').padEnd(width)}  │  ${right[i] ?? ''}`,
    );
    const head = color ? `${COLOURS[s.type] ?? ''}${tag}\x1b[0m` : tag;
    const subs = s.substitutions?.length ? `  swaps: ${s.substitutions.map(([x, y]) => `${x}→${y}`).join(', ')}` : '';
    return [`${head}${subs}`, ...rows].join('\n');
  });
  return [
    `${al.a}  ↔  ${al.b}: ${al.spans.length} aligned sentences; coverage ${(al.coverage[0] * 100).toFixed(0)}% / ${(al.coverage[1] * 100).toFixed(0)}%`,
    '',
    ...blocks.flatMap((b) => [b, '']),
  ].join('\n');
}

export function registerStories(program: Command): void {
  program
    .command('stories')
    .description('the stories: articles grouped by the event they report (clusters new articles first)')
    .option('--json', 'print [{ id, title, articles: [articleId…], outlets, firstSeen, lastSeen }] as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (flags: { json?: boolean; quiet?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        if ((await store.countArticlesToCluster()) > 0)
          await clusterWithProgress(store, { quiet: flags.quiet === true });
        const stories = await store.listStories();
        const outlets = new Map<string, number>();
        for (const s of stories) {
          const arts = await store.getArticles(s.articles);
          outlets.set(s.id, new Set(arts.map((a) => a.article.outlet ?? a.article.documentId)).size);
        }
        if (flags.json) return printJson(stories.map((s) => ({ ...s, outlets: outlets.get(s.id) ?? 0 })));
        process.stdout.write(
          `${table(
            ['STORY', 'ARTICLES', 'OUTLETS', 'FIRST', 'LAST', 'TITLE'],
            stories.map((s) => [
              s.id,
              String(s.articles.length),
              String(outlets.get(s.id) ?? 0),
              s.firstSeen?.slice(0, 10) ?? '',
              s.lastSeen?.slice(0, 10) ?? '',
              s.title ?? '',
            ]),
            [20, 8, 7, 10, 10],
          )}\n`,
        );
      }),
    );

  program
    .command('story')
    .description('one story: its articles with the relations between them')
    .argument('<story>', 'a story id, or an article of the story')
    .option('--json', 'print { id, title, articles: [{ id, title, published, outlet, credits }], relations } as JSON')
    .action(async (ref: string, flags: { json?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        if ((await store.countArticlesToCluster()) > 0) await clusterWithProgress(store, { quiet: true });
        const story = await resolveStory(store, ref);
        const { articles, relations } = await storyMaterial(store, story);
        if (flags.json) {
          return printJson({
            ...story,
            articles: articles.map((a) => ({
              id: a.id,
              title: a.title,
              published: a.published,
              outlet: a.outlet,
              credits: a.credits,
            })),
            relations: relations.map((r) => ({ a: r.a, b: r.b, type: r.type, score: r.score })),
          });
        }
        process.stdout.write(`${story.title ?? story.id} (${story.id})\n\n`);
        process.stdout.write(
          `${table(
            ['ARTICLE', 'PUBLISHED', 'CREDITS', 'TITLE'],
            articles.map((a) => [a.id, a.published?.slice(0, 16) ?? '', a.credits.join(', '), a.title ?? '']),
            [20, 16, 12],
          )}\n\n`,
        );
        const shown = relations.filter((r) => r.type !== 'independent');
        process.stdout.write(
          shown.length
            ? `${table(
                ['A', 'B', 'RELATION', 'SCORE'],
                shown.map((r) => [r.a, r.b, r.type, r.score.toFixed(2)]),
                [20, 20, 18],
              )}\n`
            : 'no reuse between its articles: independent reports\n',
        );
      }),
    );

  program
    .command('recluster')
    .description(
      'forget every story and cluster all articles again from scratch, in publication order; with --since, only the articles from that time on',
    )
    .option(
      '--since <time>',
      'ISO date or date-time: re-cluster only the articles published (else fetched, else ingested) at or after it, against the older ones; stories with older articles keep their ids',
    )
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .action(async (flags: { since?: string; json?: boolean; quiet?: boolean }, cmd: Command) => {
      const since = flags.since === undefined ? undefined : sinceArgument(flags.since);
      await withStore(globalOpts(cmd), async (store) => {
        const quiet = flags.quiet === true;
        if (since !== undefined) {
          const summary = await reclusterSinceWithProgress(store, since, { quiet });
          if (flags.json) printJson(summary);
          else warn(reclusterSinceLine(summary));
          return;
        }
        const summary = await clusterWithProgress(store, { quiet, fromScratch: true });
        if (flags.json) printJson(summary);
        else warn(clusterLine(summary));
      });
    });

  program
    .command('provenance')
    .description(
      'who reused whom in a story: lineages of one source text, directed edges with evidence, common sources',
    )
    .argument('<story>', 'a story id, or an article of the story')
    .option('--json', 'print { lineages, edges, commonSources, independent } as JSON')
    .option('--dot', 'print the graph for Graphviz (dot -Tsvg)')
    .action(async (ref: string, flags: { json?: boolean; dot?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        if ((await store.countArticlesToCluster()) > 0) await clusterWithProgress(store, { quiet: true });
        const story = await resolveStory(store, ref);
        const p = await storyProvenance(store, story);
        if (flags.json) return printJson(p);
        const titles = new Map(
          (await store.getArticles(story.articles)).map((s) => [s.article.id, s.article.title ?? '']),
        );
        if (flags.dot) return void process.stdout.write(`${dot(p, titles)}\n`);
        const out: string[] = [`${story.title ?? story.id} (${story.id})`, ''];
        for (const l of p.lineages) {
          out.push(`lineage ${l.name}: ${l.articles.length} articles, original ${l.original ?? 'unknown'}`);
          for (const id of l.articles) out.push(`  ${id === l.original ? '*' : ' '} ${id}  ${titles.get(id) ?? ''}`);
        }
        if (p.independent.length) out.push(`independent reports: ${p.independent.join(', ')}`);
        out.push('', 'edges:');
        for (const e of p.edges)
          out.push(`  ${e.from} → ${e.to}  ${e.type}  ${e.confidence.toFixed(2)}  (${e.reasons.join('; ')})`);
        for (const c of p.commonSources) out.push('', `common source ${c.name}: ${c.articles.join(', ')}`);
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );

  program
    .command('report')
    .description(
      'the consolidated story: timeline, facts with their sources, quotes with speakers, what each source adds or leaves out',
    )
    .argument('<story>', 'a story id, or an article of the story')
    .option('--json', 'print the report as JSON (docs/report-schema.md)')
    .option('--html <file>', 'write one self-contained HTML page')
    .option('--no-color', 'no colours')
    .action(async (ref: string, flags: { json?: boolean; html?: string; color?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        if ((await store.countArticlesToCluster()) > 0) await clusterWithProgress(store, { quiet: true });
        const story = await resolveStory(store, ref);
        const material = await storyMaterial(store, story);
        const { report } = reportOf(material, lazySynonyms());
        if (flags.html) {
          writeFileSync(flags.html, renderStoryHtml(report, material.articles));
          warn(`wrote ${flags.html}`);
        }
        if (flags.json) return printJson(report);
        if (!flags.html)
          process.stdout.write(
            renderStoryText(report, { color: flags.color !== false && process.stdout.isTTY === true }),
          );
      }),
    );

  program
    .command('align')
    .description('the passages two articles share, side by side: verbatim, edited, spun, translated or quoted')
    .argument('<a>', 'an article id')
    .argument('<b>', 'another article id')
    .option('--json', 'print { a, b, spans: [{ a, b, type, score, diff?, substitutions? }], coverage } as JSON')
    .option('--no-color', 'no colours')
    .action(async (refA: string, refB: string, flags: { json?: boolean; color?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const [ida, idb] = [await resolveArticle(store, refA), await resolveArticle(store, refB)];
        const got = await store.getArticles([ida, idb]);
        const [a, b] = [got.find((g) => g.article.id === ida)?.article, got.find((g) => g.article.id === idb)?.article];
        if (!a || !b) throw new UsageError('article not found');
        const relation = (await store.listRelations({ article: ida })).find((r) => r.a === idb || r.b === idb);
        const al = align(a, b, lazySynonyms(), {
          translation: relation?.type === 'translated',
          spun: relation?.type === 'spun',
        });
        if (flags.json) return printJson(al);
        process.stdout.write(renderAlignment(al, flags.color !== false && process.stdout.isTTY === true));
      }),
    );
}
