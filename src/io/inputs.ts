/**
 * @module The edge where input names become byte streams: files, folders (recursively), globs, stdin (`-`) and
 * http(s) URLs. Nothing here knows any format; it only finds and opens.
 */
import { createReadStream, type Dirent, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Problem } from '../core/model.js';

/** An opened input: its bytes and what the transport said about them. */
export interface OpenedInput {
  stream: AsyncIterable<Buffer>;
  /** Media type from the transport (HTTP Content-Type), when there is one. */
  mediaType: string | null;
  /** The final URL after redirects, for inputs fetched over HTTP. */
  url: string | null;
  fetchedAt: string | null;
}

export interface Input {
  /** The path or URL as the user will recognise it in messages. */
  name: string;
  /** Size in bytes when known beforehand (files), for progress. */
  size: number | null;
  open(): Promise<OpenedInput>;
}

export interface ExpandOptions {
  /** What `-` reads; defaults to the process's stdin. */
  stdin?: AsyncIterable<Buffer>;
  /** Time allowed for one URL, headers and body together. */
  timeoutMs?: number;
}

/** The extensions a folder walk picks up; a file named explicitly is read whatever its name. */
const INGESTIBLE = /\.(txt|text|html?|xhtml|jsonl|ndjson|rss|atom|rdf|xml|warc)(\.gz)?$/i;

const fileInput = (path: string, size: number): Input => ({
  name: path,
  size,
  open: async () => ({
    stream: createReadStream(path, { highWaterMark: 1 << 20 }),
    mediaType: null,
    url: null,
    fetchedAt: null,
  }),
});

function urlInput(url: string, timeoutMs: number): Input {
  return {
    name: url,
    size: null,
    async open() {
      const signal = AbortSignal.timeout(timeoutMs);
      let res: Response;
      try {
        res = await fetch(url, {
          signal,
          redirect: 'follow',
          headers: { 'user-agent': 'storytrace/0.1 (+news reuse research)' },
        });
      } catch (e) {
        throw new Error(describeFetchError(e, timeoutMs));
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
      return {
        stream: timeoutAware(body, timeoutMs),
        mediaType: res.headers.get('content-type'),
        url: res.url || url,
        fetchedAt: new Date().toISOString(),
      };
    },
  };
}

function describeFetchError(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  return err.cause?.code ? `cannot fetch (${err.cause.code})` : `cannot fetch (${err.cause?.message ?? err.message})`;
}

async function* timeoutAware(body: AsyncIterable<Buffer>, timeoutMs: number): AsyncIterable<Buffer> {
  try {
    yield* body;
  } catch (e) {
    throw new Error(describeFetchError(e, timeoutMs));
  }
}

async function walk(dir: string, out: Input[]): Promise<void> {
  let entries: Dirent[];
  entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (e.isFile() && INGESTIBLE.test(e.name)) out.push(fileInput(path, (await fs.stat(path)).size));
  }
}

/**
 * Expands names into inputs, in the order given (folders sorted by name, so runs are repeatable). A name that
 * matches nothing is a problem, and the rest still go on.
 */
export async function expandInputs(
  names: readonly string[],
  options: ExpandOptions = {},
): Promise<{ inputs: Input[]; problems: Problem[] }> {
  const inputs: Input[] = [];
  const problems: Problem[] = [];
  const missing = (source: string, reason: string) =>
    problems.push({ source, place: null, reason, rule: 'ingest:no-input', fatal: true });
  for (const name of names) {
    if (name === '-') {
      const stdin = options.stdin ?? (process.stdin as AsyncIterable<Buffer>);
      inputs.push({
        name: '<stdin>',
        size: null,
        open: async () => ({ stream: stdin, mediaType: null, url: null, fetchedAt: null }),
      });
      continue;
    }
    if (/^https?:\/\//i.test(name)) {
      inputs.push(urlInput(name, options.timeoutMs ?? 30_000));
      continue;
    }
    const stat = await fs.stat(name).catch(() => null);
    if (stat?.isDirectory()) {
      const before = inputs.length;
      await walk(name, inputs);
      if (inputs.length === before) missing(name, 'folder holds no file of a known format');
    } else if (stat?.isFile()) {
      inputs.push(fileInput(name, stat.size));
    } else if (isDynamicPattern(name)) {
      const paths = (await glob(name, { onlyFiles: true, dot: false })).sort();
      if (paths.length === 0) missing(name, 'pattern matches no file');
      for (const p of paths) inputs.push(fileInput(p, (await fs.stat(p)).size));
    } else {
      missing(name, stat ? 'not a regular file or folder' : 'no such file or folder');
    }
  }
  return { inputs, problems };
}
