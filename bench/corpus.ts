/**
 * @module Synthetic news corpora for benchmarks: deterministic (seeded), article-sized, written as JSON Lines or as
 * a WARC.gz of HTML pages the way Common Crawl News publishes them.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** mulberry32: a tiny fast PRNG, enough for reproducible text. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to in and said on for with that at by from as was were is has have will would government minister ' +
  'president officials police city council court report talks agreement election vote market shares company ' +
  'year week month monday tuesday wednesday thursday friday people country region capital border trade army ' +
  'ministry statement agency spokesman announced during after before against between under over new first last ' +
  'economic security foreign military health energy prices workers strike fire storm flood rescue ship train ' +
  'hospital school university study scientists data growth budget tax bank inflation rates investors ceasefire'
).split(' ');
const NAMES =
  'Aldrin Brecht Corva Dalen Estra Fennick Galway Harlow Isen Jorvik Kessler Lund Marrow Norcross Oduya Pell'.split(
    ' ',
  );
const OUTLETS = Array.from({ length: 200 }, (_, i) => `outlet${i}.example`);

export interface SyntheticArticle {
  id: string;
  url: string;
  outlet: string;
  title: string;
  paragraphs: string[];
  published: string;
}

function sentence(r: () => number): string {
  const n = 12 + Math.floor(r() * 16);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    words.push(r() < 0.08 ? NAMES[Math.floor(r() * NAMES.length)]! : WORDS[Math.floor(r() * WORDS.length)]!);
  }
  if (r() < 0.3) words.push(String(Math.floor(r() * 1000)));
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

/** Article `i` of the corpus seeded by `seed`: about 450 words in 8 paragraphs, like a wire story. */
export function article(i: number, seed = 1): SyntheticArticle {
  const r = rng(seed * 1_000_003 + i);
  const paragraphs = Array.from({ length: 6 + Math.floor(r() * 5) }, () =>
    Array.from({ length: 2 + Math.floor(r() * 2) }, () => sentence(r)).join(' '),
  );
  const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
  const day = new Date(Date.UTC(2031, 0, 1) + Math.floor(i / 500) * 3_600_000);
  return {
    id: `syn-${i}`,
    url: `https://${outlet}/news/${i}`,
    outlet,
    title: sentence(r).slice(0, 80),
    paragraphs,
    published: day.toISOString(),
  };
}

export function articleHtml(a: SyntheticArticle): string {
  const body = a.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title>
<meta property="og:site_name" content="${a.outlet}"><meta property="article:published_time" content="${a.published}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>${a.title}</h1><time datetime="${a.published}">${a.published.slice(0, 10)}</time>
${body}
</article><aside><h2>Related</h2><ul><li><a href="/a">Other story</a></li><li><a href="/b">Another story</a></li></ul></aside>
<footer>&copy; ${a.outlet}</footer></body></html>`;
}

async function write(out: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!out.write(data)) await new Promise<void>((r) => out.once('drain', () => r()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((r) => out.end(() => r()));
}

export async function writeJsonl(path: string, n: number, seed = 1): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const a = article(i, seed);
    const line = JSON.stringify({
      id: a.id,
      url: a.url,
      outlet: a.outlet,
      title: a.title,
      text: a.paragraphs.join('\n\n'),
      published: a.published,
      language: 'en',
    });
    await write(out, `${line}\n`);
  }
  await close(out);
}

function warcRecord(type: string, uri: string, date: string, id: string, contentType: string, block: Buffer): Buffer {
  const head =
    `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Record-ID: <urn:uuid:${id}>\r\nWARC-Date: ${date}\r\n` +
    `WARC-Target-URI: ${uri}\r\nContent-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}

const uuid = (i: number, kind: number) =>
  `${(i >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${kind.toString(16).padStart(12, '0')}`;

/**
 * A WARC.gz with a request and a response record per page, one gzip member per record. Written directly (warcio's
 * serializer hashes every block and takes ~1.6 ms a record); the tests cover warcio-written files.
 */
export async function writeWarcGz(path: string, n: number, seed = 1): Promise<void> {
  const out = createWriteStream(path);
  const info = Buffer.from('software: storytrace bench\r\nformat: WARC File Format 1.1\r\n');
  await write(
    out,
    gzipSync(
      warcRecord(
        'warcinfo',
        `urn:storytrace:${seed}`,
        '2031-01-01T00:00:00Z',
        uuid(0, 0),
        'application/warc-fields',
        info,
      ),
    ),
  );
  for (let i = 0; i < n; i++) {
    const a = article(i, seed);
    const date = a.published.replace(/\.\d+Z$/, 'Z');
    const request = Buffer.from(`GET /news/${i} HTTP/1.1\r\nHost: ${a.outlet}\r\nUser-Agent: bench\r\n\r\n`);
    await write(
      out,
      gzipSync(warcRecord('request', a.url, date, uuid(i, 1), 'application/http; msgtype=request', request)),
    );
    const html = Buffer.from(articleHtml(a));
    const response = Buffer.concat([
      Buffer.from(
        `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`,
      ),
      html,
    ]);
    await write(
      out,
      gzipSync(warcRecord('response', a.url, date, uuid(i, 2), 'application/http; msgtype=response', response)),
    );
  }
  await close(out);
}
