import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingest, openStore } from '../src/index.js';
import { EXAMPLES, tempDir } from './helpers.js';

interface Truth {
  stories: string[][];
}

test('library API: openStore + ingest on the demo corpus', async (t) => {
  const store = await openStore({ db: join(tempDir(t), 'lib.db') });
  t.after(() => store.close());
  const summary = await ingest(store, [EXAMPLES]);
  assert.equal(summary.failed, 0, JSON.stringify(summary.problems));

  await t.test('should store one document per page, record or feed item named in the ground truth', async () => {
    const truth = JSON.parse(readFileSync(join(EXAMPLES, 'truth.json'), 'utf8')) as Truth;
    // Ground-truth ids name articles (`file#n`); a text capture may hold several articles in one document.
    const containers = new Set(
      truth.stories.flat().map((id) => {
        const [file, n] = id.split('#') as [string, string];
        return /\.(txt|html)$/.test(file) ? file : `${file}#${n}`;
      }),
    );
    const docs = await store.listDocuments();
    assert.equal(docs.length, containers.size);
    const rel = (s: string) => s.slice(EXAMPLES.length + 1).replace(/#(L|item|record)(\d+)$/, '#$2');
    const warcOrdinals = docs
      .filter((d) => d.format === 'warc')
      .map((d) => Number(d.source.split('#record')[1]))
      .sort((a, b) => a - b);
    const warcIndex = new Map(warcOrdinals.map((n, i) => [n, i + 1]));
    const got = new Set(
      docs.map((d) =>
        d.format === 'warc'
          ? `archive/crawl.warc.gz#${warcIndex.get(Number(d.source.split('#record')[1]))}`
          : rel(d.source),
      ),
    );
    assert.deepEqual([...got].sort(), [...containers].sort());
  });

  await t.test('should decode the ISO-8859-1 page and keep metadata from every container', async () => {
    const docs = await store.listDocuments();
    const latin = docs.find((d) => d.source.endsWith('echo-valdorie-enquete.html'));
    const full = latin && (await store.getDocument(latin.id));
    assert.match(full?.content ?? '', /s\u00e9curit\u00e9/);
    assert.doesNotMatch(full?.content ?? '', /\ufffd/, 'no replacement characters');
    const wire = docs.find((d) => d.format === 'jsonl' && d.externalId);
    assert.ok(wire?.outlet && wire.publishedAt && wire.url && wire.title);
    const atom = docs.filter((d) => d.format === 'atom');
    assert.ok(atom.length === 2 && atom.every((d) => d.author && d.publishedAt && d.url));
  });
});
