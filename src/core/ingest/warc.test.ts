import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseWarcRecord, type WarcRecordHead } from './warc.js';

const head = (over: Partial<WarcRecordHead> = {}): WarcRecordHead => ({
  type: 'response',
  targetUri: 'https://www.news.example/world/1',
  date: '2023-09-13T10:00:00Z',
  contentType: 'application/http; msgtype=response',
  contentLength: null,
  ...over,
});

const http = (headers: string, body: Buffer | string) =>
  Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${headers}\r\n\r\n`), Buffer.from(body)]);

test('parseWarcRecord(head, block, source)', async (t) => {
  await t.test('should make an HTML document from a 200 response, with URL, outlet and fetch time', () => {
    const block = http('Content-Type: text/html; charset=utf-8', '<html><title>T \u00e9</title><p>x</p></html>');
    const r = parseWarcRecord(head({ contentLength: block.length }), block, 'c.warc#record2');
    assert.equal(r.kind, 'document');
    if (r.kind !== 'document') return;
    assert.equal(r.draft.url, 'https://www.news.example/world/1');
    assert.equal(r.draft.outlet, 'news.example');
    assert.equal(r.draft.title, 'T \u00e9');
    assert.equal(r.draft.fetchedAt, '2023-09-13T10:00:00.000Z');
    assert.equal(r.draft.format, 'warc');
  });
  await t.test('should undo chunked transfer and gzip content encoding', () => {
    const body = gzipSync(Buffer.from('<p>compressed page</p>'));
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const block = http('Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip', chunked);
    const r = parseWarcRecord(head(), block, 's');
    assert.equal(r.kind === 'document' && r.draft.content, '<p>compressed page</p>');
  });
  await t.test('should skip what is not a page', () => {
    const kinds = [
      parseWarcRecord(head({ type: 'request' }), Buffer.from('GET / HTTP/1.1\r\n\r\n'), 's'),
      parseWarcRecord(head(), Buffer.from('HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n'), 's'),
      parseWarcRecord(head(), http('Content-Type: image/jpeg', 'JFIF'), 's'),
    ].map((r) => r.kind);
    assert.deepEqual(kinds, ['skipped', 'skipped', 'skipped']);
  });
  await t.test('should report a block shorter than its Content-Length as truncated', () => {
    const block = http('Content-Type: text/html', '<p>cut</p>');
    const r = parseWarcRecord(head({ contentLength: block.length + 50 }), block, 's');
    assert.equal(r.kind, 'problem');
    assert.match(r.kind === 'problem' ? r.reason : '', /truncated WARC record/);
  });
  await t.test('should read resource records with a direct content type', () => {
    const r = parseWarcRecord(
      head({ type: 'resource', contentType: 'text/plain; charset=utf-8' }),
      Buffer.from('Plain capture.'),
      's',
    );
    assert.equal(r.kind === 'document' && r.draft.contentType, 'text/plain');
  });
});
