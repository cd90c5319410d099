/** @module The read commands: `ls`, `show`, `stats`. Each prints text for people and `--json` for programs. */
import type { Command } from 'commander';
import type { InputFormat } from '../../core/model.js';
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

export function registerRead(program: Command): void {
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
    .option('--json', 'print a JSON object')
    .action(async (ref: string, flags: { json?: boolean }, cmd: Command) =>
      withStore(globalOpts(cmd), async (store) => {
        const doc = await store.getDocument(await resolveOne(store, ref));
        if (!doc) throw new UsageError(`no document matches "${ref}"`);
        if (flags.json) return printJson({ ...doc, articles: [] });
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
        process.stdout.write(`${lines.join('\n')}\n\n${doc.content.trimEnd()}\n`);
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
