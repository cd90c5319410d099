/**
 * Real files of every input format, written by the tests themselves with real encoders (warcio, zlib, iconv-lite),
 * so each test reads what a user's disk would hold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { WARCRecord, WARCSerializer } from 'warcio';

export function write(path: string, data: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

export const PAGE_UTF8 = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour ferry \u2014 \u201crescued\u201d</title></head>
<body><nav>Home | World</nav><article><p>All 212 passengers were rescued, officials said.</p></article></body></html>`;

export const PAGE_LATIN1 = `<html><head><meta charset="iso-8859-1"><title>L'\u00e9t\u00e9 \u00e0 Lisi\u00e8re</title></head>
<body><p>Le pr\u00e9fet a d\u00e9clar\u00e9 que l'enqu\u00eate \u00e9tait ouverte.</p></body></html>`;

export const PAGE_CP1251 = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title></head>
<body><p>\u041f\u0443\u0442\u0438\u043d \u043f\u0440\u0438\u043d\u044f\u043b \u043f\u0440\u0438\u0433\u043b\u0430\u0448\u0435\u043d\u0438\u0435.</p></body></html>`;

export const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Valdoria Daily</title><link>https://valdoria.example/</link>
<item><title>Ferry rescue</title><link>https://valdoria.example/ferry</link><pubDate>Mon, 03 Mar 2031 09:30:00 GMT</pubDate>
<dc:creator>R. Ames</dc:creator><content:encoded><![CDATA[<p>The ferry struck the pier.</p>]]></content:encoded></item>
<item><title>Tram vote</title><link>https://valdoria.example/tram</link><description>&lt;p&gt;Council approves tram.&lt;/p&gt;</description></item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Courier</title><link href="https://courier.example/"/><id>urn:cc</id><updated>2031-03-03T12:00:00Z</updated>
<entry><id>urn:cc:1</id><title>Passengers describe the night</title><link href="https://courier.example/night"/>
<published>2031-03-03T11:00:00Z</published><updated>2031-03-03T12:00:00Z</updated><author><name>L. Ortiz</name></author>
<content type="html">&lt;p&gt;&amp;ldquo;We heard a crack,&amp;rdquo; one passenger said.&lt;/p&gt;</content></entry></feed>`;

export function jsonl(records: unknown[]): string {
  return `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
}

export const JSONL_RECORDS = [
  {
    id: 'w-1',
    url: 'https://mna.example/w1',
    outlet: 'MNA',
    title: 'Ferry hits pier',
    text: 'PORT ALDRIN (MNA) - A ferry hit a pier.',
    published: '2031-03-03T08:00:00Z',
    language: 'en',
  },
  {
    id: 'w-2',
    url: 'https://mna.example/w2',
    outlet: 'MNA',
    title: 'Tram line',
    html: '<p>The council approved a tram line.</p>',
    published: '2031-03-04',
  },
];

interface WarcPage {
  url: string;
  html?: string;
  status?: string;
  contentType?: string;
  body?: Uint8Array;
}

const payload = (bytes: Uint8Array) =>
  (async function* () {
    yield bytes;
  })();

/** A WARC as crawlers write it: warcinfo, then a request and a response per page. */
export async function warc(pages: WarcPage[], options: { gzip: boolean }): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo(
    { filename: 'test.warc', warcVersion: 'WARC/1.1' },
    { software: 'storytrace tests' },
  );
  parts.push(await WARCSerializer.serialize(info, { gzip: options.gzip }));
  for (const p of pages) {
    const request = WARCRecord.create(
      {
        url: p.url,
        date: '2031-03-03T10:00:00Z',
        type: 'request',
        warcVersion: 'WARC/1.1',
        statusline: `GET ${new URL(p.url).pathname} HTTP/1.1`,
        httpHeaders: { Host: new URL(p.url).host },
      },
      payload(new Uint8Array()),
    );
    parts.push(await WARCSerializer.serialize(request, { gzip: options.gzip }));
    const response = WARCRecord.create(
      {
        url: p.url,
        date: '2031-03-03T10:00:01Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: p.status ?? 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': p.contentType ?? 'text/html; charset=utf-8' },
      },
      payload(p.body ?? new TextEncoder().encode(p.html ?? '')),
    );
    parts.push(await WARCSerializer.serialize(response, { gzip: options.gzip }));
  }
  return Buffer.concat(parts);
}

export const WARC_PAGES: WarcPage[] = [
  { url: 'https://www.harbour.example/ferry', html: PAGE_UTF8 },
  { url: 'https://www.harbour.example/missing', html: '<p>not found</p>', status: 'HTTP/1.1 404 Not Found' },
  {
    url: 'https://www.harbour.example/photo.jpg',
    contentType: 'image/jpeg',
    body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
  },
  {
    url: 'https://gazette.example/ete',
    contentType: 'text/html; charset=iso-8859-1',
    body: iconv.encode(PAGE_LATIN1, 'latin1'),
  },
];

/** Writes one file of each format (and gzipped variants) under `dir`; returns their paths. */
export async function writeAllFormats(dir: string) {
  return {
    txt: write(
      join(dir, 'captures', 'capture.txt'),
      'Ferry hits pier\n\nPORT ALDRIN - A ferry hit a pier on Monday.\n',
    ),
    html: write(join(dir, 'pages', 'utf8.html'), PAGE_UTF8),
    htmlLatin1: write(join(dir, 'pages', 'latin1.htm'), iconv.encode(PAGE_LATIN1, 'latin1')),
    htmlCp1251: write(join(dir, 'pages', 'cp1251.html'), iconv.encode(PAGE_CP1251, 'win1251')),
    jsonl: write(join(dir, 'feeds', 'wire.jsonl'), jsonl(JSONL_RECORDS)),
    ndjson: write(
      join(dir, 'feeds', 'more.ndjson'),
      jsonl([{ text: 'An ndjson record.', url: 'https://nd.example/1' }]),
    ),
    rss: write(join(dir, 'feeds', 'daily.rss'), RSS),
    atom: write(join(dir, 'feeds', 'courier.atom'), ATOM),
    warc: write(join(dir, 'archive', 'crawl.warc'), await warc(WARC_PAGES, { gzip: false })),
    warcGz: write(
      join(dir, 'archive', 'crawl2.warc.gz'),
      await warc([{ url: 'https://other.example/a', html: '<p>Other page</p>' }], { gzip: true }),
    ),
    txtGz: write(join(dir, 'gz', 'note.txt.gz'), gzipSync('A gzipped plain-text capture.\n')),
    htmlGz: write(join(dir, 'gz', 'page.html.gz'), gzipSync('<html><title>Gz page</title><p>Zipped.</p></html>')),
    jsonlGz: write(
      join(dir, 'gz', 'wire.jsonl.gz'),
      gzipSync(jsonl([{ text: 'Zipped JSON line.', url: 'https://gz.example/1' }])),
    ),
    rssGz: write(join(dir, 'gz', 'feed.xml.gz'), gzipSync(RSS.replace(/valdoria/g, 'zipped'))),
  };
}
