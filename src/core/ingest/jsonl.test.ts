import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonlRecord } from './jsonl.js';

const parse = (line: string) => parseJsonlRecord(line, 'f.jsonl#L1', Buffer.byteLength(line));

test('parseJsonlRecord(line, source, bytes)', async (t) => {
  await t.test('should read the common field names of news datasets', () => {
    const r = parse(
      JSON.stringify({
        id: 'n-1',
        url: 'https://www.example.com/a?x=1',
        title: ' Title ',
        maintext: 'Body text.',
        date_publish: '2023-09-13 10:01:00',
        language: 'en',
        authors: ['A One', 'B Two'],
      }),
    );
    assert.ok(r.ok);
    assert.equal(r.value.externalId, 'n-1');
    assert.equal(r.value.url, 'https://www.example.com/a?x=1');
    assert.equal(r.value.outlet, 'example.com', 'outlet falls back to the host');
    assert.equal(r.value.title, 'Title');
    assert.equal(r.value.content, 'Body text.');
    assert.equal(r.value.contentType, 'text/plain');
    assert.match(r.value.publishedAt ?? '', /^2023-09-13T/);
    assert.equal(r.value.author, 'A One, B Two');
  });
  await t.test('should prefer html over text and keep a bare date as a date', () => {
    const r = parse('{"html":"<p>x</p>","text":"x","published":"2023-09-14","source":{"name":"Wire"}}');
    assert.ok(r.ok);
    assert.equal(r.value.contentType, 'text/html');
    assert.equal(r.value.publishedAt, '2023-09-14');
    assert.equal(r.value.outlet, 'Wire');
  });
  await t.test('should turn junk fields into nulls, not errors', () => {
    const r = parse('{"text":"t","url":"not a url","published":"someday","id":42}');
    assert.ok(r.ok);
    assert.equal(r.value.url, null);
    assert.equal(r.value.publishedAt, null);
    assert.equal(r.value.externalId, '42');
  });
  await t.test('should reject malformed JSON, non-objects and records without content with a reason', () => {
    const bad = ['{"text": "a",', '[1,2]', '"str"', '{"title":"only a title"}'].map(parse);
    assert.deepEqual(
      bad.map((r) => (r.ok ? 'ok' : r.rule)),
      ['ingest:malformed-json', 'ingest:not-an-object', 'ingest:not-an-object', 'ingest:no-content'],
    );
  });
});
