/** @module The read commands: `ls`, `show`, `stats`. Each prints text for people and `--json` for programs. */
import type { Command } from 'commander';
import type { Article, InputFormat } from '../../core/model.js';
import type { InferredDate, InheritedCredit } from '../../core/provenance/metadata.js';
import { articlesOf } from '../../engine/clean.js';
import { storyMetadata, withStoryMetadata } from '../../engine/story.js';
import type { Store } from '../../store/store.js';
import { count, globalOpts, printJson, table, UsageError } from '../output.js';
import { withStore } from '../with-store.js';

/** Finds the one document a reference names (id, external id or id prefix), or explains why not. */
export async function resolveOne(store: Store, ref: string): Promise<string> {
  const ids = await store.resolveDocument(ref);
  if (ids.length === 0) throw new UsageError(`no document matches "${ref}"`);
  if (ids.length > 1)
    throw new UsageError(`"${ref}" is ambiguous: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`);
  return ids[0]!;
}

interface LsFlags {
  json?: boolean;
  limit?: number;
  offset?: number;
  format?: InputFormat;
  outlet?: string;
}

export async function listDocuments(store: Store, flags: LsFlags): Promise<void> {
  const docs = await store.listDocuments({
    ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
    ...(flags.offset !== undefined ? { offset: flags.offset } : {}),
    ...(flags.format ? { format: flags.format } : {}),
    ...(flags.outlet ? { outlet: flags.outlet } : {}),
  });
  if (flags.json) return printJson(docs);
  if (docs.length === 0) {
    process.stdout.write('no documents (run `storytrace ingest <inputs…>` first)\n');
    return;
  }
  const rows = docs.map((d) => [
    d.id,
    d.format,
    d.outlet ?? '',
    (d.publishedAt ?? '').slice(0, 10),
    d.title ?? d.source,
  ]);
  process.stdout.write(`${table(['id', 'format', 'outlet', 'published', 'title or source'], rows, [16, 9, 22, 10])}\n`);
}

/** An article for the terminal: metadata, the body, then what was removed and why. */
export function renderArticle(
  a: Article,
  inherited: readonly InheritedCredit[] = [],
  inferred: InferredDate | undefined = undefined,
): string {
  const head = [
    `── article ${a.index + 1} (${a.id}) ──`,
    a.title ? `title        ${a.title}` : null,
    a.authors.length ? `authors      ${a.authors.join(', ')}` : null,
    a.dateline ? `dateline     ${a.dateline}` : null,
    a.published ? `published    ${a.published} (${a.publishedPrecision})` : null,
    inferred ? `published    ${inferred.published} (inferred: ${inferred.reason})` : null,
    a.credits.length ? `credits      ${a.credits.join(', ')}` : null,
    ...inherited.map((c) => `credits      ${c.name} (inherited: ${c.reason})`),
    a.photoCredits.length ? `photo        ${a.photoCredits.join(', ')}` : null,
    a.language ? `language     ${a.language}` : null,
  ].filter((l): l is string => l !== null);
  const body: string[] = [];
  a.body.forEach((p, i) => {
    for (const h of a.headings) if (h.before === i) body.push(`## ${h.text}`);
    body.push(p);
  });
  const removed = a.removed.map((r) => `  [${r.reason}] ${r.text.length > 100 ? `${r.text.slice(0, 99)}…` : r.text}`);
  const captions = a.captions.map((c) => `  [caption] ${c}`);
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n${captions.length ? `\ncaptions:\n${captions.join('\n')}\n` : ''}${removed.length ? `\nremoved:\n${removed.join('\n')}\n` : ''}`;
}

export function registerRead(program: Command): void {
  program
    .command('articles')
    .description('list every article found in the stored documents')
    .option('--json', 'print a JSON array')
    .action(async (flags: { json?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const articles = await store.listArticles();
        if (flags.json) return printJson(articles);
        const rows = articles.map((a) => [a.id, (a.published ?? '').slice(0, 10), a.language ?? '', a.title ?? '']);
        process.stdout.write(`${table(['id', 'published', 'lang', 'title'], rows, [19, 10, 4])}\n`);
      }),
    );

  program
    .command('ls')
    .description('list the stored documents in the order they arrived')
    .option('--json', 'print a JSON array')
    .option('--limit <n>', 'at most n documents', Number)
    .option('--offset <n>', 'skip the first n', Number)
    .option('--format <format>', 'only this input format (text, html, jsonl, rss, atom, rdf, json-feed, warc)')
    .option('--outlet <name>', 'only this outlet')
    .action(async (flags: LsFlags, cmd: Command) => withStore(globalOpts(cmd), (store) => listDocuments(store, flags)));

  program
    .command('show')
    .description('show one document: its metadata and content')
    .argument('<id>', 'document id, external id, or a unique id prefix')
    .option('--json', 'print a JSON object: the document with its articles')
    .option('--raw', 'also print the raw content')
    .action(async (ref: string, flags: { json?: boolean; raw?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const doc = await store.getDocument(await resolveOne(store, ref));
        if (!doc) throw new UsageError(`no document matches "${ref}"`);
        const cleaned = await articlesOf(store, doc.id);
        const stated = cleaned?.articles ?? [];
        const told = await storyMetadata(store, stated);
        const articles = withStoryMetadata(stated, told);
        if (flags.json)
          return printJson({
            ...doc,
            noArticleReason: cleaned?.reason ?? null,
            articles: articles.map((a, i) => ({
              ...a,
              statedCredits: stated[i]?.credits ?? [],
              inheritedCredits: told.credits.get(a.id) ?? [],
              publishedInferred: told.dates.get(a.id) ?? null,
            })),
          });
        const meta: [string, string | number | null][] = [
          ['id', doc.id],
          ['source', doc.source],
          ['external id', doc.externalId],
          ['url', doc.url],
          ['outlet', doc.outlet],
          ['title', doc.title],
          ['author', doc.author],
          ['language', doc.language],
          ['format', `${doc.format} (${doc.contentType})`],
          ['published', doc.publishedAt],
          ['fetched', doc.fetchedAt],
          ['size', `${count(doc.bytes)} bytes`],
        ];
        const lines = meta.filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k.padEnd(12)} ${v}`);
        process.stdout.write(`${lines.join('\n')}\n`);
        if (flags.raw) process.stdout.write(`\n${doc.content.trimEnd()}\n`);
        if (cleaned?.reason) process.stdout.write(`\n${cleaned.reason}\n`);
        for (const a of stated)
          process.stdout.write(`\n${renderArticle(a, told.credits.get(a.id), told.dates.get(a.id))}`);
      }),
    );

  program
    .command('stats')
    .description('what the store holds: documents by format and outlet, and the last ingest run')
    .option('--json', 'print a JSON object')
    .action(async (flags: { json?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const s = await store.stats();
        if (flags.json) return printJson(s);
        const out = [
          `store        ${s.backend} ${s.location} (schema v${s.schemaVersion})`,
          `documents    ${count(s.documents)} (${(s.contentBytes / 1048576).toFixed(1)} MB of text)`,
          `articles     ${count(s.articles)} (${count(s.noArticle)} documents with no article)`,
          `by format    ${
            Object.entries(s.byFormat)
              .map(([k, v]) => `${k} ${count(v)}`)
              .join(', ') || '—'
          }`,
          `outlets      ${count(s.outlets)}${s.topOutlets.length ? `: ${s.topOutlets.map((o) => `${o.outlet} (${count(o.documents)})`).join(', ')}` : ''}`,
          `ingested     ${s.firstIngestedAt ?? '—'} … ${s.lastIngestedAt ?? '—'}`,
        ];
        if (s.lastRun) {
          const r = s.lastRun;
          out.push(
            `last run     ${r.finishedAt}: ${count(r.ingested)} ingested, ${count(r.present)} present, ${count(r.failed)} failed, ${count(r.problems)} problems`,
          );
        }
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );
}
