/** @module Byte-stream helpers over async iterables of Buffers, kept allocation-light for the ingest hot path. */

/** Reads at least `n` bytes (or to the end) and gives them back with a stream that still yields everything. */
export async function peek(
  stream: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    length += r.value.length;
  }
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
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
