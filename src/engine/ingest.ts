/**
 * @module Ingest orchestration: inputs → detected format → parser → documents, written to the store in batches of
 * one transaction each. Every problem is reported and counted, and the batch goes on.
 */
import { WARCParser } from 'warcio';
import { charsetOf, looksBinary } from '../core/ingest/decode.js';
import { detectFormat, extensionOf, stripExtension } from '../core/ingest/detect.js';
import { parseFeedDocuments } from '../core/ingest/feed.js';
import { hostOf } from '../core/ingest/fields.js';
import { withId } from '../core/ingest/identity.js';
import { parseJsonlRecord } from '../core/ingest/jsonl.js';
import { type InputMeta, parseHtmlDocument, parseTextDocument } from '../core/ingest/text.js';
import { parseWarcRecord } from '../core/ingest/warc.js';
import type { Document, DocumentDraft, Problem } from '../core/model.js';
import { type ExpandOptions, expandInputs, type Input } from '../io/inputs.js';
import type { Store } from '../store/store.js';
import { gunzip, lines, peek, readAll, SizeLimitError } from './streams.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface IngestProgress {
  /** Raw bytes read from the inputs so far (compressed bytes for gzip). */
  bytesRead: number;
  /** Sum of the input sizes known beforehand; null when some input (stdin, URL) has no size. */
  totalBytes: number | null;
  inputsDone: number;
  inputs: number;
  ingested: number;
  present: number;
  failed: number;
  current: string | null;
}

export interface IngestOptions extends ExpandOptions {
  /** Largest document or whole-read file accepted, in bytes. */
  maxBytes?: number;
  /** Documents per transaction. */
  batchSize?: number;
  /** Overrides the outlet of every document (for captures whose outlet the files do not tell). */
  outlet?: string;
  onProblem?: (problem: Problem) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** Called after each committed batch with the documents it inserted. */
  onCommit?: (inserted: readonly Document[]) => void;
}

export interface IngestSummary {
  inputs: number;
  /** Documents newly stored. */
  ingested: number;
  /** Documents already in the store (re-ingested content): left as they were. */
  present: number;
  /** Inputs or records lost to a fatal problem. */
  failed: number;
  /** WARC records that hold no page (requests, metadata, redirects, images). */
  skipped: number;
  bytes: number;
  seconds: number;
  /** The problems met, fatal or not (the first 10,000; `failed` counts them all). */
  problems: Problem[];
}

const MAX_KEPT_PROBLEMS = 10_000;
const HEAD_BYTES = 4096;

class Run {
  readonly summary: IngestSummary = {
    inputs: 0,
    ingested: 0,
    present: 0,
    failed: 0,
    skipped: 0,
    bytes: 0,
    seconds: 0,
    problems: [],
  };
  readonly #batch: Document[] = [];
  #batchBytes = 0;
  bytesRead = 0;
  totalBytes: number | null = 0;
  inputsDone = 0;
  current: string | null = null;
  #lastProgress = 0;

  constructor(
    readonly store: Store,
    readonly options: IngestOptions,
  ) {}

  get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  problem(source: string, place: string | null, reason: string, rule: string, fatal = true): void {
    const p: Problem = { source, place, reason, rule, fatal };
    if (fatal) this.summary.failed++;
    if (this.summary.problems.length < MAX_KEPT_PROBLEMS) this.summary.problems.push(p);
    this.options.onProblem?.(p);
  }

  async add(draft: DocumentDraft): Promise<void> {
    if (this.options.outlet) draft.outlet = this.options.outlet;
    if (draft.content.length > this.maxBytes) {
      this.problem(
        draft.source,
        null,
        `document over the size limit (${draft.content.length} characters)`,
        'ingest:too-large',
      );
      return;
    }
    if (hasNul(draft)) {
      // No text format means U+0000, and PostgreSQL cannot store it: dropped, and said so, so that every store
      // keeps the same text.
      stripNul(draft);
      this.problem(draft.source, null, 'NUL characters (U+0000) removed from the text', 'ingest:nul-removed', false);
    }
    this.#batch.push(withId(draft));
    this.#batchBytes += draft.content.length;
    if (this.#batch.length >= (this.options.batchSize ?? 1000) || this.#batchBytes > 16 * 1024 * 1024)
      await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const docs = this.#batch.splice(0);
    this.#batchBytes = 0;
    const outcomes = await this.store.putDocuments(docs);
    const inserted: Document[] = [];
    outcomes.forEach((o, i) => {
      if (o === 'inserted') {
        this.summary.ingested++;
        inserted.push(docs[i]!);
      } else this.summary.present++;
    });
    if (inserted.length) this.options.onCommit?.(inserted);
    this.progress(true);
  }

  progress(force = false): void {
    if (!this.options.onProgress) return;
    const now = Date.now();
    if (!force && now - this.#lastProgress < 100) return;
    this.#lastProgress = now;
    this.options.onProgress({
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      inputsDone: this.inputsDone,
      inputs: this.summary.inputs,
      ingested: this.summary.ingested,
      present: this.summary.present,
      failed: this.summary.failed,
      current: this.current,
    });
  }

  /** Counts raw bytes as they are read, for progress and throughput. */
  async *counted(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of stream) {
      this.bytesRead += chunk.length;
      this.summary.bytes += chunk.length;
      this.progress();
      yield chunk;
    }
  }
}

/** The part of a name that decides the format, once `.gz` layers are peeled. */
function innerName(name: string): string {
  return extensionOf(name) === 'gz' || extensionOf(name) === 'gzip' ? stripExtension(name) : name;
}

async function processStream(
  run: Run,
  name: string,
  stream: AsyncIterable<Buffer>,
  meta: InputMeta,
  mediaType: string | null,
  depth: number,
): Promise<void> {
  const { head, rest } = await peek(stream, HEAD_BYTES);
  if (head.length === 0) {
    run.problem(meta.source, null, depth ? 'empty after decompression' : 'empty file', 'ingest:empty');
    return;
  }
  const format = detectFormat(name, head, mediaType);
  if (format === 'gzip') {
    if (depth > 2) return run.problem(meta.source, null, 'gzip nested too deeply', 'ingest:gzip');
    await processStream(run, innerName(name), gunzip(rest), meta, null, depth + 1);
    return;
  }
  if (format !== 'warc' && looksBinary(head)) {
    run.problem(meta.source, null, 'binary file: not text, HTML, JSON Lines, a feed or WARC', 'ingest:binary');
    return;
  }
  if (format === 'jsonl') return processJsonl(run, rest, meta);
  if (format === 'warc') return processWarc(run, rest, meta);
  let bytes: Buffer;
  try {
    bytes = await readAll(rest, run.maxBytes);
  } catch (e) {
    if (e instanceof SizeLimitError) return run.problem(meta.source, null, e.message, 'ingest:too-large');
    throw e;
  }
  if (format === 'feed') {
    const result = parseFeedDocuments(bytes, meta);
    for (const p of result.problems) run.problem(p.source, p.place, p.reason, p.rule, p.fatal);
    for (const d of result.drafts) await run.add(d);
    return;
  }
  const parsed = format === 'html' ? parseHtmlDocument(bytes, meta) : parseTextDocument(bytes, meta);
  if (parsed.ok) await run.add(parsed.value);
  else run.problem(meta.source, null, parsed.reason, parsed.rule);
}

async function processJsonl(run: Run, stream: AsyncIterable<Buffer>, meta: InputMeta): Promise<void> {
  let line = 0;
  try {
    for await (const l of lines(stream, run.maxBytes)) {
      line = l.number;
      if (l.text === null) {
        run.problem(meta.source, `${l.number}`, `record over the size limit (${l.bytes} bytes)`, 'ingest:too-large');
        continue;
      }
      if (l.bytes === 0 || !l.text.trim()) continue;
      const parsed = parseJsonlRecord(l.text, `${meta.source}#L${l.number}`, l.bytes);
      if (!parsed.ok) {
        run.problem(meta.source, `${l.number}`, parsed.reason, parsed.rule);
        continue;
      }
      const d = parsed.value;
      if (!d.outlet && meta.outlet) d.outlet = meta.outlet;
      if (!d.fetchedAt) d.fetchedAt = meta.fetchedAt;
      await run.add(d);
    }
  } catch (e) {
    run.problem(meta.source, line ? `after line ${line}` : null, readFailure(e), 'ingest:read');
  }
}

async function processWarc(run: Run, stream: AsyncIterable<Buffer>, meta: InputMeta): Promise<void> {
  let n = 0;
  try {
    const parser = new WARCParser(stream, { parseHttp: false });
    for await (const record of parser) {
      n++;
      const h = record.warcHeaders;
      const contentLength = Number(h.headers.get('Content-Length'));
      const head = {
        type: record.warcType ?? '',
        targetUri: record.warcTargetURI ?? null,
        date: h.headers.get('WARC-Date') ?? null,
        contentType: h.headers.get('Content-Type') ?? null,
        contentLength: Number.isFinite(contentLength) ? contentLength : null,
      };
      if (head.type !== 'response' && head.type !== 'resource') {
        await record.skipFully();
        run.summary.skipped++;
        continue;
      }
      if (head.contentLength !== null && head.contentLength > run.maxBytes) {
        await record.skipFully();
        run.problem(
          meta.source,
          `record ${n}`,
          `record over the size limit (${head.contentLength} bytes)`,
          'ingest:too-large',
        );
        continue;
      }
      const block = await record.readFully(false);
      const outcome = parseWarcRecord(head, block, `${meta.source}#record${n}`);
      if (outcome.kind === 'document') await run.add(outcome.draft);
      else if (outcome.kind === 'skipped') run.summary.skipped++;
      else
        run.problem(
          meta.source,
          `record ${n}${head.targetUri ? ` (${head.targetUri})` : ''}`,
          outcome.reason,
          outcome.rule,
        );
    }
    if (n === 0) run.problem(meta.source, null, 'no WARC record found', 'ingest:not-warc');
  } catch (e) {
    run.problem(meta.source, `record ${n + 1}`, readFailure(e), 'ingest:read');
  }
}

function readFailure(e: unknown): string {
  const message = (e as Error).message ?? String(e);
  if (/unexpected end of file/i.test(message)) return 'truncated gzip stream (unexpected end of file)';
  if (/incorrect header check|invalid|unknown compression/i.test(message)) return `corrupt gzip stream (${message})`;
  return message;
}

async function processInput(run: Run, input: Input): Promise<void> {
  run.current = input.name;
  let opened: Awaited<ReturnType<Input['open']>>;
  try {
    opened = await input.open();
  } catch (e) {
    run.problem(input.name, null, (e as Error).message, 'ingest:open');
    return;
  }
  const meta: InputMeta = {
    source: input.name,
    url: opened.url,
    outlet: hostOf(opened.url),
    fetchedAt: opened.fetchedAt,
    charset: charsetOf(opened.mediaType),
  };
  const name = opened.url ? new URL(opened.url).pathname : input.name;
  try {
    await processStream(run, name, run.counted(opened.stream), meta, opened.mediaType, 0);
  } catch (e) {
    run.problem(input.name, null, readFailure(e), 'ingest:read');
  }
}

/**
 * Reads every input into the store. Never throws for bad input: each problem is reported through `onProblem`,
 * counted in `failed` when it lost data, and listed in the summary; what was read before it stays stored.
 */
export async function ingest(
  store: Store,
  names: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const run = new Run(store, options);
  const { inputs, problems } = await expandInputs(names, options);
  for (const p of problems) run.problem(p.source, p.place, p.reason, p.rule, p.fatal);
  run.summary.inputs = inputs.length;
  run.totalBytes = inputs.every((i) => i.size !== null) ? inputs.reduce((s, i) => s + (i.size ?? 0), 0) : null;
  for (const input of inputs) {
    await processInput(run, input);
    run.inputsDone++;
    run.progress(true);
  }
  await run.flush();
  run.summary.seconds = (Date.now() - started) / 1000;
  await store.recordRun({
    startedAt,
    finishedAt: new Date().toISOString(),
    inputs: [...names],
    ingested: run.summary.ingested,
    present: run.summary.present,
    failed: run.summary.failed,
    bytes: run.summary.bytes,
    problems: run.summary.problems,
  });
  return run.summary;
}

const TEXT_FIELDS = ['content', 'title', 'author', 'outlet', 'url', 'source', 'externalId', 'language'] as const;

function hasNul(d: DocumentDraft): boolean {
  return TEXT_FIELDS.some((f) => d[f]?.includes('\u0000'));
}

function stripNul(d: DocumentDraft): void {
  for (const f of TEXT_FIELDS) {
    const v = d[f];
    if (v?.includes('\u0000')) (d as Record<string, unknown>)[f] = v.replaceAll('\u0000', '');
  }
}
