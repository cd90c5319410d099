import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest } from '../src/engine/ingest.js';
import type { Problem } from '../src/index.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { JSONL_RECORDS, jsonl, PAGE_UTF8, WARC_PAGES, warc, write, writeAllFormats } from './fixtures.js';
import { SEEDS, tempDir } from './helpers.js';

async function storeIn(t: { after: (fn: () => void) => void }) {
  const dir = tempDir(t);
  const store = new SqliteStore({ path: join(dir, 'st.db') });
  t.after(() => void store.close());
  return { dir, store };
}

test('ingest(store, inputs)', async (t) => {
  await t.test('should read one file of every format, gzipped or not, into documents', async (t) => {
    const { dir, store } = await storeIn(t);
    const files = await writeAllFormats(join(dir, 'in'));
    const summary = await ingest(store, [join(dir, 'in')]);
    assert.deepEqual(summary.problems, []);
    assert.equal(summary.failed, 0);
    // 1 txt + 3 html + 2 jsonl + 1 ndjson + 2 rss + 1 atom + 2 warc pages + 1 warc.gz page + 4 gz files (rss.gz: 2 items)
    assert.equal(summary.ingested, 18);
    assert.equal(summary.skipped, 1 + 4 + 2 + 1 + 1, 'warcinfo, requests, the 404 and the image are skipped');
    const docs = await store.listDocuments();
    const bySource = new Map(docs.map((d) => [d.source, d]));
    assert.equal(bySource.get(files.txt)?.format, 'text');
    assert.equal(bySource.get(files.html)?.title, 'Harbour ferry \u2014 \u201crescued\u201d');
    assert.equal(bySource.get(`${files.jsonl}#L1`)?.externalId, 'w-1');
    assert.equal(bySource.get(`${files.jsonl}#L2`)?.contentType, 'text/html');
    assert.equal(bySource.get(`${files.rss}#item1`)?.publishedAt, '2031-03-03T09:30:00.000Z');
    assert.equal(bySource.get(`${files.atom}#item1`)?.author, 'L. Ortiz');
    const warcDocs = docs.filter((d) => d.format === 'warc');
    assert.deepEqual(warcDocs.map((d) => d.url).sort(), [
      'https://gazette.example/ete',
      'https://other.example/a',
      'https://www.harbour.example/ferry',
    ]);
    assert.equal(warcDocs.find((d) => d.url?.includes('harbour'))?.outlet, 'harbour.example');
    assert.equal(warcDocs.find((d) => d.url?.includes('harbour'))?.fetchedAt, '2031-03-03T10:00:01.000Z');
    for (const gz of [files.txtGz, files.htmlGz, files.jsonlGz]) {
      assert.ok(
        docs.some((d) => d.source.startsWith(gz)),
        `${gz} was read`,
      );
    }
  });

  await t.test('should decode legacy charsets from meta tags and HTTP headers', async (t) => {
    const { dir, store } = await storeIn(t);
    const files = await writeAllFormats(join(dir, 'in'));
    await ingest(store, [files.htmlLatin1, files.htmlCp1251, files.warc]);
    const docs = await Promise.all((await store.listDocuments()).map((d) => store.getDocument(d.id)));
    const latin = docs.find((d) => d?.source === files.htmlLatin1);
    assert.match(latin?.content ?? '', /Le pr\u00e9fet a d\u00e9clar\u00e9 que l'enqu\u00eate/);
    assert.equal(latin?.title, "L'\u00e9t\u00e9 \u00e0 Lisi\u00e8re");
    assert.match(docs.find((d) => d?.source === files.htmlCp1251)?.content ?? '', /\u041f\u0443\u0442\u0438\u043d/);
    assert.match(docs.find((d) => d?.url === 'https://gazette.example/ete')?.content ?? '', /enqu\u00eate/);
  });

  await t.test('should keep a plain-text capture byte for byte', async (t) => {
    const { store } = await storeIn(t);
    const summary = await ingest(store, [SEEDS]);
    const names = readdirSync(SEEDS).filter((n) => n.endsWith('.txt'));
    assert.equal(summary.ingested, names.length);
    for (const name of names) {
      const path = join(SEEDS, name);
      const [found] = await store.listDocuments().then((all) => all.filter((d) => d.source === path));
      assert.ok(found, name);
      const stored = await store.getDocument(found.id);
      assert.equal(stored?.content, readFileSync(path, 'utf8'));
      assert.equal(stored?.format, 'text');
    }
  });

  await t.test('should expand globs and walk folders, skipping files of no known format', async (t) => {
    const { dir, store } = await storeIn(t);
    write(join(dir, 'in', 'a.txt'), 'alpha text');
    write(join(dir, 'in', 'sub', 'deeper', 'b.txt'), 'beta text');
    write(join(dir, 'in', 'sub', 'notes.md'), '# not ingested from a folder walk');
    write(join(dir, 'in', '.hidden', 'c.txt'), 'hidden');
    assert.equal((await ingest(store, [join(dir, 'in')])).ingested, 2);
    const viaGlob = await ingest(store, [join(dir, 'in', '**', '*.txt')]);
    assert.deepEqual([viaGlob.ingested, viaGlob.present], [0, 2]);
    const named = await ingest(store, [join(dir, 'in', 'sub', 'notes.md')]);
    assert.equal(named.ingested, 1, 'a file named explicitly is read whatever its extension');
  });

  await t.test('should make re-ingesting a no-op that says so', async (t) => {
    const { dir, store } = await storeIn(t);
    await writeAllFormats(join(dir, 'in'));
    const first = await ingest(store, [join(dir, 'in')]);
    const before = await store.listDocuments();
    const second = await ingest(store, [join(dir, 'in')]);
    assert.deepEqual([second.ingested, second.present, second.failed], [0, first.ingested, 0]);
    assert.deepEqual(await store.listDocuments(), before);
  });

  await t.test('should report every bad input on its own line and keep the rest of the batch', async (t) => {
    const { dir, store } = await storeIn(t);
    const good = write(join(dir, 'good.txt'), 'A good capture.');
    const seen: Problem[] = [];
    const fullWarc = await warc(WARC_PAGES.slice(0, 1).concat([{ url: 'https://x.example/2', html: '<p>two</p>' }]), {
      gzip: true,
    });
    const plainWarc = await warc([{ url: 'https://x.example/3', html: `<p>${'long '.repeat(100)}</p>` }], {
      gzip: false,
    });
    const inputs = [
      write(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
      write(join(dir, 'empty.txt'), ''),
      write(join(dir, 'mixed.jsonl'), jsonl([JSONL_RECORDS[0], '{"text": broken', JSONL_RECORDS[1], '[]'])),
      write(
        join(dir, 'cut.jsonl.gz'),
        gzipSync(jsonl(JSONL_RECORDS.map((r) => ({ ...r, id: `${r.id}-gz` })))).subarray(0, 40),
      ),
      write(join(dir, 'cut.warc.gz'), fullWarc.subarray(0, fullWarc.length - 20)),
      write(join(dir, 'cut.warc'), plainWarc.subarray(0, plainWarc.length - 100)),
      write(join(dir, 'feed.rss'), 'this is not XML'),
      write(join(dir, 'garbage.warc'), 'WARC/1.0\r\nnonsense'),
      join(dir, 'missing.txt'),
      good,
    ];
    const summary = await ingest(store, inputs, { onProblem: (p) => seen.push(p) });
    const reasons = new Map(seen.map((p) => [p.source.slice(dir.length + 1), `${p.place ?? ''} ${p.reason}`]));
    assert.match(reasons.get('bin.txt') ?? '', /binary/);
    assert.match(reasons.get('empty.txt') ?? '', /empty/);
    assert.match(reasons.get('mixed.jsonl') ?? '', /^(2 malformed JSON|4 not a JSON object)/);
    assert.equal(seen.filter((p) => p.source.endsWith('mixed.jsonl')).length, 2);
    assert.match(reasons.get('cut.jsonl.gz') ?? '', /truncated gzip/);
    assert.match(reasons.get('cut.warc.gz') ?? '', /truncated gzip/);
    assert.match(reasons.get('cut.warc') ?? '', /truncated WARC record/);
    assert.match(reasons.get('feed.rss') ?? '', /not XML/);
    assert.match(reasons.get('missing.txt') ?? '', /no such file/);
    assert.ok(seen.every((p) => p.fatal));
    assert.equal(summary.failed, seen.length);
    const sources = (await store.listDocuments()).map((d) => d.source.slice(dir.length + 1));
    assert.ok(sources.includes('good.txt'), 'inputs after the bad ones are read');
    assert.ok(
      sources.includes('mixed.jsonl#L1') && sources.includes('mixed.jsonl#L3'),
      'good lines around bad ones are kept',
    );
    assert.ok(
      sources.some((s) => s.startsWith('cut.warc.gz#record')),
      `records before the truncation are kept: ${sources}`,
    );
  });

  await t.test('should refuse files and records over the size limit', async (t) => {
    const { dir, store } = await storeIn(t);
    const big = write(join(dir, 'big.html'), `<p>${'x'.repeat(4000)}</p>`);
    const lines = write(
      join(dir, 'lines.jsonl'),
      jsonl([{ text: 'small' }, { text: 'y'.repeat(5000) }, { text: 'small too' }]),
    );
    const gzBomb = write(join(dir, 'bomb.txt.gz'), gzipSync(Buffer.alloc(10_000, 'a')));
    const summary = await ingest(store, [big, lines, gzBomb], { maxBytes: 2048 });
    assert.equal(summary.ingested, 2);
    assert.equal(summary.failed, 3);
    assert.ok(
      summary.problems.every((p) => /size limit/.test(p.reason)),
      JSON.stringify(summary.problems),
    );
    assert.equal(summary.problems.find((p) => p.source === lines)?.place, '2');
  });

  await t.test('should drop NUL characters from a record with a warning and keep the batch', async (t) => {
    const { dir, store } = await storeIn(t);
    const lines = write(
      join(dir, 'nul.jsonl'),
      jsonl([{ text: 'clean one' }, { text: 'bad\u0000 byte' }, { text: 'two' }]),
    );
    const summary = await ingest(store, [lines]);
    assert.equal(summary.ingested, 3);
    assert.equal(summary.failed, 0, 'a warning, not a failure');
    assert.deepEqual(
      summary.problems.map((p) => [p.rule, p.fatal]),
      [['ingest:nul-removed', false]],
    );
    const docs = await Promise.all((await store.listDocuments()).map((d) => store.getDocument(d.id)));
    assert.ok(docs.some((d) => d?.content === 'bad byte'));
  });

  await t.test('should read a stream given as stdin, sniffing its format', async (t) => {
    const { store } = await storeIn(t);
    async function* stdin() {
      yield Buffer.from(jsonl([{ text: 'from stdin', url: 'https://stdin.example/1' }]));
    }
    const summary = await ingest(store, ['-'], { stdin: stdin() });
    assert.equal(summary.ingested, 1);
    assert.equal((await store.listDocuments())[0]?.source, '<stdin>#L1');
  });

  await t.test(
    'should store a page identical to one already stored under another URL as its own document',
    async (t) => {
      const { dir, store } = await storeIn(t);
      const a = write(
        join(dir, 'a.jsonl'),
        jsonl([
          { text: 'Same wire text.', url: 'https://one.example/x' },
          { text: 'Same wire text.', url: 'https://two.example/y' },
        ]),
      );
      assert.equal((await ingest(store, [a])).ingested, 2);
      const html = write(join(dir, 'p.html'), PAGE_UTF8);
      const copy = write(join(dir, 'copy-of-p.html'), PAGE_UTF8);
      const s = await ingest(store, [html, copy]);
      assert.deepEqual([s.ingested, s.present], [1, 1], 'the same capture at two paths is one document');
    },
  );
});
