import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

/** An HTTP response as a WARC `response` record stores it: status line, headers, body. */
export interface HttpMessage {
  status: number;
  headers: Map<string, string>;
  body: Uint8Array;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');
const LFLF = Buffer.from('\n\n');

/** Splits a raw HTTP response; tolerant of bare-LF line ends, which some crawlers write. */
export function parseHttpResponse(block: Uint8Array): HttpMessage | null {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length);
  let end = buf.indexOf(CRLFCRLF);
  let sep = 4;
  if (end < 0) {
    end = buf.indexOf(LFLF);
    sep = 2;
  }
  if (end < 0) return null;
  const lines = buf.toString('latin1', 0, end).split(/\r?\n/);
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(status[1]), headers, body: buf.subarray(end + sep) };
}

function dechunk(body: Uint8Array): Uint8Array {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.length);
  const parts: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    const eol = buf.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(buf.toString('latin1', at, eol).split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(buf.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * The body as the page's author wrote it: chunked transfer and content encodings undone. Crawlers such as Common
 * Crawl store bodies already decoded but keep the original headers renamed; we undo only what is still applied.
 */
export function decodedBody(message: HttpMessage): Uint8Array {
  let body = message.body;
  if (/chunked/i.test(message.headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const encoding = (message.headers.get('content-encoding') ?? '').toLowerCase();
  try {
    if (encoding.includes('gzip') && body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body);
    if (encoding.includes('br')) return brotliDecompressSync(body);
    if (encoding.includes('deflate')) return inflateSync(body);
  } catch {
    // Mislabelled encodings are common; the bytes as stored are the best we have.
  }
  return body;
}
