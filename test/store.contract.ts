/**
 * The behaviour every Store backend must show. Run by `store.test.ts` once per backend against a real database,
 * as kysely runs one suite per dialect.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../src/core/model.js';
import type { Relation, RelationType } from '../src/core/relate/types.js';
import type { SeqArticle, Store } from '../src/store/store.js';
import { doc } from './helpers.js';

function article(documentId: string, index: number, version = 1): Article {
  return {
    id: `${documentId}-${index}`,
    documentId,
    index,
    title: `Title ${index}`,
    authors: ['A. Writer'],
    dateline: 'PORT ALDRIN',
    published: '2031-03-03',
    publishedPrecision: 'day',
    credits: ['MNA'],
    photoCredits: [],
    language: 'en',
    url: null,
    outlet: 'Outlet',
    body: ['First paragraph.', 'Second \u201cquoted\u201d paragraph.'],
    normalized: ['First paragraph.', 'Second "quoted" paragraph.'],
    headings: [{ before: 1, text: 'A heading' }],
    captions: [],
    removed: [{ text: 'Read more: elsewhere', reason: 'related' }],
    cleanerVersion: version,
  };
}

function relation(a: string, b: string, type: RelationType, score: number): Relation {
  const evidence = {
    jaccard: score,
    containment: [score, score] as [number, number],
    verbatim: [0, 0] as [number, number],
    mixed: [0, 0] as [number, number],
    terms: score,
    anchors: score,
    quotedShingles: 0,
    aligned: 0,
    synonyms: [] as [string, string][],
    substitutions: 0,
    synonymShare: 0,
    explained: 0,
    inPlace: 0,
    foreign: false,
    crossLanguage: false,
    slips: [0, 0] as [number, number],
  };
  return { a, b, type, score, evidence };
}

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

    await t.test(
      'should store the articles of a document, replace them on re-cleaning, and remember no-article reasons',
      async (t) => {
        const store = await backend.open(t);
        const [a, b, c] = [doc(1), doc(2), doc(3)];
        await store.putDocuments([a, b, c]);
        assert.equal(await store.getCleanResult(a.id), null);
        await store.putCleanResults([
          { documentId: a.id, cleanerVersion: 1, articles: [article(a.id, 0), article(a.id, 1)], reason: null },
          { documentId: b.id, cleanerVersion: 1, articles: [], reason: 'no article found: mostly links' },
        ]);
        const got = await store.getCleanResult(a.id);
        assert.deepEqual(got?.articles, [article(a.id, 0), article(a.id, 1)]);
        assert.equal((await store.getCleanResult(b.id))?.reason, 'no article found: mostly links');
        await store.putCleanResults([
          { documentId: a.id, cleanerVersion: 2, articles: [article(a.id, 0, 2)], reason: null },
        ]);
        assert.deepEqual((await store.getCleanResult(a.id))?.articles, [article(a.id, 0, 2)]);
        assert.deepEqual(
          (await store.listArticles()).map((x) => [x.id, x.documentId, x.externalId, x.index, x.title]),
          [[`${a.id}-0`, a.id, 'ext-1', 0, 'Title 0']],
        );
        const s = await store.stats();
        assert.deepEqual([s.articles, s.noArticle], [1, 1]);
        await store.close();
      },
    );

    await t.test('should page through documents that a cleaner version has not seen', async (t) => {
      const store = await backend.open(t);
      const docs = [doc(1), doc(2), doc(3), doc(4)];
      await store.putDocuments(docs);
      await store.putCleanResults([
        { documentId: docs[0]!.id, cleanerVersion: 2, articles: [], reason: 'x' },
        { documentId: docs[1]!.id, cleanerVersion: 1, articles: [], reason: 'x' },
      ]);
      const first = await store.documentsToClean(2, { afterSeq: 0, limit: 1 });
      assert.deepEqual(
        first.map((r) => r.document.id),
        [docs[1]!.id],
        'older version first, the current one skipped',
      );
      assert.deepEqual(first[0]?.document, docs[1]);
      const rest = await store.documentsToClean(2, { afterSeq: first[0]!.seq, limit: 10 });
      assert.deepEqual(
        rest.map((r) => r.document.id),
        [docs[2]!.id, docs[3]!.id],
      );
      assert.equal((await store.documentsToClean(2, { afterSeq: 0, limit: 10, force: true })).length, 4);
      assert.equal(await store.countDocumentsToClean(2), 3);
      assert.equal(await store.countDocumentsToClean(2, { force: true }), 4);
      await store.close();
    });

    await t.test(
      'should file index entries, find them by key, and forget them when the article is re-cleaned',
      async (t) => {
        const store = await backend.open(t);
        const [d1, d2] = [doc(1), doc(2)];
        await store.putDocuments([d1, d2]);
        await store.putCleanResults([
          { documentId: d1.id, cleanerVersion: 1, articles: [article(d1.id, 0)], reason: null },
          { documentId: d2.id, cleanerVersion: 1, articles: [article(d2.id, 0), article(d2.id, 1)], reason: null },
        ]);
        const pending = await store.articlesToIndex(1, { afterSeq: 0, limit: 10 });
        assert.deepEqual(
          pending.map((p) => p.article.id),
          [`${d1.id}-0`, `${d2.id}-0`, `${d2.id}-1`],
        );
        assert.deepEqual(pending[0]?.article, article(d1.id, 0));
        const [p0, p1, p2] = pending as [SeqArticle, SeqArticle, SeqArticle];
        const big = 2 ** 47 + 12345; // keys use up to 48 bits
        const entry = (p: SeqArticle, keys: number[]) => ({
          seq: p.seq,
          articleId: p.article.id,
          version: 1,
          fingerprint: new Uint8Array([1, 2, 3, 4]),
          keys,
        });
        await store.putIndexEntries(
          [entry(p0, [big, 7]), entry(p1, [7, 8]), entry(p2, [9])],
          [
            relation(p0.article.id, p1.article.id, 'rewrite', 0.4),
            relation(p1.article.id, p2.article.id, 'independent', 0.1),
          ],
        );
        assert.equal(await store.countArticlesToIndex(1), 0);
        assert.equal(await store.countArticlesToIndex(2), 3, 'a newer fingerprint version re-indexes everything');
        const hits = await store.lshLookup([7, big, 1000]);
        assert.deepEqual(hits.get(p0.seq)?.sort(), [7, big].sort());
        assert.deepEqual(hits.get(p1.seq), [7]);
        assert.equal(hits.has(p2.seq), false);
        assert.deepEqual(
          (await store.listRelations({ article: p1.article.id })).map((r) => r.type),
          ['rewrite', 'independent'],
          'strongest first',
        );
        assert.deepEqual(await store.listRelations({ types: ['rewrite'] }), [
          relation(p0.article.id, p1.article.id, 'rewrite', 0.4),
        ]);
        assert.equal((await store.listRelations({ minScore: 0.2 })).length, 1);
        assert.deepEqual(
          (await store.getArticles([p2.article.id, 'nope'])).map((x) => x.seq),
          [p2.seq],
        );
        assert.deepEqual(
          (await store.getArticlesBySeq([p1.seq])).map((x) => x.article.id),
          [p1.article.id],
        );

        // Re-indexing replaces keys and relations of the article.
        await store.putIndexEntries([entry(p1, [10])], []);
        assert.equal((await store.lshLookup([7])).has(p1.seq), false);
        assert.equal((await store.lshLookup([10])).has(p1.seq), true);
        assert.equal((await store.listRelations()).length, 0, 'both relations of the re-indexed article are gone');

        // Re-cleaning a document drops its articles' entries and keys.
        await store.putIndexEntries([entry(p1, [10])], [relation(p0.article.id, p1.article.id, 'duplicate', 1)]);
        await store.putCleanResults([
          { documentId: d2.id, cleanerVersion: 2, articles: [article(d2.id, 0, 2)], reason: null },
        ]);
        assert.equal((await store.lshLookup([10, 9])).size, 0);
        assert.deepEqual(await store.listRelations(), []);
        assert.equal(await store.countArticlesToIndex(1), 1, 'the new article awaits indexing');
        await store.close();
      },
    );

    await t.test('should keep stories with their members, follow merges, and start over when cleared', async (t) => {
      const store = await backend.open(t);
      const [d1, d2] = [doc(1), doc(2)];
      await store.putDocuments([d1, d2]);
      const early = { ...article(d1.id, 0), published: '2031-03-01', title: null };
      const late = { ...article(d2.id, 0), published: '2031-03-05' };
      const other = { ...article(d2.id, 1), published: '2031-03-02' };
      await store.putCleanResults([
        { documentId: d1.id, cleanerVersion: 1, articles: [early], reason: null },
        { documentId: d2.id, cleanerVersion: 1, articles: [late, other], reason: null },
      ]);
      assert.equal(await store.countArticlesToCluster(), 3);
      const first = await store.articlesToCluster({ afterSeq: 0, limit: 2 });
      assert.deepEqual(
        first.map((a) => a.article.id),
        [early.id, late.id],
      );
      const row = (id: string, articles: string[]) => ({ id, title: null, articles, firstSeen: null, lastSeen: null });
      await store.putStoryUpdate({
        members: [
          { articleId: early.id, storyId: 's1', kind: 'created' },
          { articleId: late.id, storyId: 's1', kind: 'joined' },
          { articleId: other.id, storyId: 's2', kind: 'created' },
        ],
        stories: [row('s1', [early.id, late.id]), row('s2', [other.id])],
        removed: [],
        events: [],
        state: { name: 'clusterer', data: '{"n":3}' },
      });
      assert.equal(await store.countArticlesToCluster(), 0);
      assert.deepEqual(await store.getStory('s1'), {
        id: 's1',
        title: 'Title 0',
        articles: [early.id, late.id],
        firstSeen: '2031-03-01',
        lastSeen: '2031-03-05',
      });
      assert.equal(await store.getState('clusterer'), '{"n":3}');
      // s2 is merged into s1.
      await store.putStoryUpdate({
        members: [],
        stories: [row('s1', [early.id, late.id, other.id])],
        removed: ['s2'],
        events: [{ kind: 'merged', story: 's1', data: { from: 's2' } }],
        state: null,
      });
      assert.deepEqual(
        (await store.listStories()).map((s) => [s.id, s.articles]),
        [['s1', [early.id, late.id, other.id]]],
      );
      assert.equal((await store.storiesOf([other.id, 'nope'])).get(other.id), 's1');
      await store.putRelations([relation(early.id, late.id, 'translated', 0.3)]);
      await store.putRelations([
        relation(early.id, late.id, 'spun', 0.5),
        relation(late.id, other.id, 'independent', 0),
      ]);
      assert.deepEqual(
        (await store.listRelations()).map((r) => [r.type, r.score]),
        [
          ['spun', 0.5],
          ['independent', 0],
        ],
      );
      await store.clearStories();
      assert.deepEqual(await store.listStories(), []);
      assert.equal(await store.getState('clusterer'), null);
      assert.equal(await store.countArticlesToCluster(), 3);
      await store.close();
    });

    await t.test('should list article times in arrival order and the story events as recorded', async (t) => {
      const store = await backend.open(t);
      const [d1, d2] = [doc(1, { fetchedAt: '2031-03-04T08:00:00Z' }), doc(2)];
      await store.putDocuments([d1, d2]);
      const undated = { ...article(d2.id, 0), published: null };
      await store.putCleanResults([
        { documentId: d2.id, cleanerVersion: 1, articles: [undated], reason: null },
        { documentId: d1.id, cleanerVersion: 1, articles: [article(d1.id, 0)], reason: null },
      ]);
      const times = await store.listArticleTimes();
      assert.deepEqual(
        times.map(({ id, published, fetchedAt }) => ({ id, published, fetchedAt })),
        [
          { id: undated.id, published: null, fetchedAt: null },
          { id: `${d1.id}-0`, published: '2031-03-03', fetchedAt: '2031-03-04T08:00:00Z' },
        ],
        'in the order the articles arrived, not the documents',
      );
      assert.ok(times[0]!.seq < times[1]!.seq);
      assert.ok(times.every((x) => Number.isFinite(Date.parse(x.ingestedAt))));

      const row = (id: string, articles: string[]) => ({ id, title: null, articles, firstSeen: null, lastSeen: null });
      assert.equal((await store.listArticleTimes({ unclustered: true })).length, 2);
      await store.putStoryUpdate({
        members: [{ articleId: undated.id, storyId: 's1', kind: 'created' }],
        stories: [row('s1', [undated.id])],
        removed: [],
        events: [],
        state: null,
      });
      assert.deepEqual(
        (await store.listArticleTimes({ unclustered: true })).map((x) => x.id),
        [`${d1.id}-0`],
        'only the articles in no story yet',
      );
      await store.putStoryUpdate({
        members: [
          { articleId: undated.id, storyId: 's1', kind: 'created' },
          { articleId: `${d1.id}-0`, storyId: 's2', kind: 'created' },
        ],
        stories: [row('s1', [undated.id]), row('s2', [`${d1.id}-0`])],
        removed: [],
        events: [
          { kind: 'reclustered', story: 's1', data: { since: '2031-03-01' } },
          { kind: 'split', story: 's0', data: { into: ['s1', 's2'] } },
          { kind: 'reclustered', story: 's2', data: { since: '2031-03-01' } },
        ],
        state: null,
      });
      const events = await store.listStoryEvents();
      assert.deepEqual(
        events.map(({ kind, story, data }) => ({ kind, story, data })),
        [
          { kind: 'reclustered', story: 's1', data: { since: '2031-03-01' } },
          { kind: 'split', story: 's0', data: { into: ['s1', 's2'] } },
          { kind: 'reclustered', story: 's2', data: { since: '2031-03-01' } },
        ],
      );
      assert.ok(events.every((e) => Number.isFinite(Date.parse(e.at))));
      assert.deepEqual(
        (await store.listStoryEvents({ story: 's2' })).map((e) => e.kind),
        ['reclustered'],
      );
      assert.deepEqual(await store.listStoryEvents({ story: 'nope' }), []);
      await store.close();
    });
  });
}
