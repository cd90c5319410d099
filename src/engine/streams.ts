/** @module Byte-stream helpers over async iterables of Buffers, kept allocation-light for the ingest hot path. */
import type { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Reads at least `n` bytes (or to the end) and gives them back with a stream that still yields everything. */
export async function peek(
  stream: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  // A failure while peeking (a truncated gzip) is held back until the bytes before it have been consumed.
  let failure: unknown = null;
  try {
    while (length < n) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      chunks.push(r.value);
      length += r.value.length;
    }
  } catch (e) {
    if (length === 0) throw e;
    failure = e;
    done = true;
  }
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (failure) throw failure;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: rest() };
}

export class SizeLimitError extends Error {
  override readonly name = 'SizeLimitError';
}

/** The whole stream as one Buffer, refusing to hold more than `maxBytes`. */
export async function readAll(stream: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += chunk.length;
    if (length > maxBytes)
      throw new SizeLimitError(`over the size limit (more than ${mb(maxBytes)}; raise it with --max-size)`);
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10485760 ? 1 : 0)} MB`;
}

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The decoded line without its line end; null when the line was longer than allowed. */
  text: string | null;
  bytes: number;
}

/**
 * Splits a byte stream into lines without decoding more than one line at a time. Lines longer than `maxBytes`
 * come back with `text: null` (their bytes are dropped as they stream past), so one huge record cannot exhaust memory.
 */
export async function* lines(stream: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let tooLong = false;
  let number = 0;
  const finish = (tail: Buffer, start: number, end: number): Line => {
    number++;
    const bytes = pendingLength + (end - start);
    let text: string | null = null;
    if (!tooLong && bytes <= maxBytes) {
      let buf = pendingLength ? Buffer.concat([...pending, tail.subarray(start, end)]) : tail.subarray(start, end);
      if (buf.length && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
      text = buf.toString('utf8');
    }
    pending = [];
    pendingLength = 0;
    tooLong = false;
    return { number, text, bytes };
  };
  for await (const chunk of stream) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      yield finish(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) {
      if (!tooLong) {
        pending.push(chunk.subarray(start));
        pendingLength += chunk.length - start;
        if (pendingLength > maxBytes) {
          tooLong = true;
          pending = [];
        }
      } else {
        pendingLength += chunk.length - start;
      }
    }
  }
  if (pendingLength > 0 || tooLong) yield finish(Buffer.alloc(0), 0, 0);
}

/**
 * Gunzip (multi-member, as .warc.gz is) that yields every byte decompressed before a failure and only then throws
 * it. Node's own stream drops buffered output when it errors, which would lose the records that precede a
 * truncated tail.
 */
export async function* gunzip(source: AsyncIterable<Buffer>, highWaterMark = 4 << 20): AsyncGenerator<Buffer> {
  const z = createGunzip();
  const queue: Buffer[] = [];
  let queued = 0;
  let done = false;
  let failure: Error | null = null;
  let notify: (() => void) | null = null;
  const wake = () => {
    const n = notify;
    notify = null;
    n?.();
  };
  z.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued > highWaterMark) z.pause();
    wake();
  });
  z.on('end', () => {
    done = true;
    wake();
  });
  z.on('error', (e: Error) => {
    failure ??= e;
    done = true;
    wake();
  });
  void (async () => {
    try {
      for await (const chunk of source) {
        if (done) return;
        if (!z.write(chunk)) await drainOrClose(z);
      }
      z.end();
    } catch (e) {
      failure ??= e as Error;
      done = true;
      wake();
    }
  })();
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        queued -= chunk.length;
        if (queued < highWaterMark / 2 && z.isPaused()) z.resume();
        yield chunk;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => {
        notify = resolve;
      });
    }
    if (failure) throw failure;
  } finally {
    z.destroy();
  }
}

/** Resolves when a writable drains or closes, leaving no listener behind (a race of two `once` calls leaks one). */
function drainOrClose(w: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      w.off('drain', done);
      w.off('close', done);
      resolve();
    };
    w.on('drain', done);
    w.on('close', done);
  });
}
