/**
 * The behaviour every Store backend must show. Run by `store.test.ts` once per backend against a real database,
 * as kysely runs one suite per dialect.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Store } from '../src/store/store.js';
import { doc } from './helpers.js';

export interface Backend {
  name: string;
  /** A new, empty store. */
  open(t: { after: (fn: () => void) => void }): Promise<Store>;
}

export function storeContract(backend: Backend): void {
  test(`${backend.name}: Store`, async (t) => {
    await t.test('should insert a batch and say which documents were already present', async (t) => {
      const store = await backend.open(t);
      assert.deepEqual(await store.putDocuments([doc(1), doc(2)]), ['inserted', 'inserted']);
      assert.deepEqual(await store.putDocuments([doc(2), doc(3), doc(3)]), ['present', 'inserted', 'present']);
      assert.equal(await store.countDocuments(), 3);
      await store.close();
    });

    await t.test('should give back a document exactly as stored', async (t) => {
      const store = await backend.open(t);
      const d = doc(7, {
        content: 'Quote "\u201cA\u201d" \u2014 caf\u00e9 \u{1F600}\nnext line',
        author: 'Jo',
        fetchedAt: '2031-03-01T10:00:00.000Z',
      });
      await store.putDocuments([d]);
      assert.deepEqual(await store.getDocument(d.id), d);
      assert.equal(await store.getDocument('0000000000000000'), null);
      await store.close();
    });

    await t.test('should keep arrival order in listings and filter by format and outlet', async (t) => {
      const store = await backend.open(t);
      const docs = [doc(5), doc(3), doc(4, { format: 'warc' }), doc(1)];
      await store.putDocuments(docs);
      const all = await store.listDocuments();
      assert.deepEqual(
        all.map((d) => d.id),
        docs.map((d) => d.id),
      );
      assert.equal('content' in (all[0] ?? {}), false, 'listings leave content out');
      assert.deepEqual(
        (await store.listDocuments({ format: 'warc' })).map((d) => d.id),
        [docs[2]?.id],
      );
      assert.equal((await store.listDocuments({ outlet: 'Outlet 1' })).length, 2);
      assert.deepEqual(
        (await store.listDocuments({ limit: 2, offset: 1 })).map((d) => d.id),
        [docs[1]?.id, docs[2]?.id],
      );
      await store.close();
    });

    await t.test('should resolve an id, an external id and an unambiguous prefix', async (t) => {
      const store = await backend.open(t);
      const d = doc(11);
      await store.putDocuments([d, doc(12)]);
      assert.deepEqual(await store.resolveDocument(d.id), [d.id]);
      assert.deepEqual(await store.resolveDocument('ext-11'), [d.id]);
      assert.deepEqual(await store.resolveDocument(d.id.slice(0, 8)), [d.id]);
      assert.deepEqual(await store.resolveDocument('zzzz'), []);
      await store.close();
    });

    await t.test('should write nothing of a batch that fails', async (t) => {
      const store = await backend.open(t);
      await store.putDocuments([doc(1)]);
      const broken = { ...doc(2), content: null as unknown as string };
      await assert.rejects(store.putDocuments([doc(3), broken]));
      assert.equal(await store.countDocuments(), 1, 'doc 3 was rolled back with the broken one');
      await store.close();
    });

    await t.test('should count what it holds and remember the last ingest run with its problems', async (t) => {
      const store = await backend.open(t);
      await store.putDocuments([doc(1), doc(2), doc(3, { format: 'html', contentType: 'text/html' })]);
      await store.recordRun({
        startedAt: '2031-03-01T10:00:00.000Z',
        finishedAt: '2031-03-01T10:00:01.000Z',
        inputs: ['a.jsonl'],
        ingested: 3,
        present: 0,
        failed: 1,
        bytes: 300,
        problems: [
          { source: 'a.jsonl', place: '4', reason: 'malformed JSON', rule: 'ingest:malformed-json', fatal: true },
        ],
      });
      const s = await store.stats();
      assert.equal(s.documents, 3);
      assert.deepEqual(s.byFormat, { jsonl: 2, html: 1 });
      assert.equal(s.outlets, 3);
      assert.ok(s.schemaVersion >= 1);
      assert.equal(s.lastRun?.failed, 1);
      assert.equal(s.lastRun?.problems, 1);
      assert.deepEqual(s.lastRun?.inputs, ['a.jsonl']);
      await store.close();
    });
  });
}
