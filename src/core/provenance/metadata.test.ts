import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../model.js';
import type { RelationType } from '../relate/types.js';
import { inferredDates, inheritedCredits } from './metadata.js';
import type { Provenance } from './types.js';

function article(id: string, credits: string[], published: string | null = null, body: string[] = []): Article {
  return {
    id,
    documentId: id,
    index: 0,
    title: null,
    authors: [],
    dateline: null,
    published,
    publishedPrecision: published ? 'day' : null,
    credits,
    photoCredits: [],
    language: 'en',
    url: null,
    outlet: null,
    body,
    normalized: body,
    headings: [],
    captions: [],
    removed: [],
    cleanerVersion: 1,
  };
}

function graph(edges: [string, string, RelationType, number][]): Provenance {
  return {
    story: 's',
    lineages: [],
    edges: edges.map(([from, to, type, confidence]) => ({ from, to, type, confidence, reasons: [] })),
    commonSources: [],
    independent: [],
  };
}

test('inheritedCredits', async (t) => {
  await t.test('should give a translation its source credit, through a chain of translations', () => {
    const got = inheritedCredits(
      [article('fr', ['AFP']), article('en', []), article('de', [])],
      graph([
        ['fr', 'en', 'translated', 0.9],
        ['en', 'de', 'translated', 0.8],
      ]),
    );
    assert.deepEqual(
      got.get('en')?.map((c) => [c.name, c.from]),
      [['AFP', 'fr']],
    );
    assert.deepEqual(
      got.get('de')?.map((c) => [c.name, c.from]),
      [['AFP', 'fr']],
    );
    assert.match(got.get('de')?.[0]?.reason ?? '', /translates en, which translates fr/);
  });

  await t.test('should move nothing through rewrites, guessed directions or disagreeing sources', () => {
    const articles = [article('a', ['Reuters']), article('b', ['AFP']), article('c', []), article('d', [])];
    const got = inheritedCredits(
      articles,
      graph([
        ['a', 'c', 'rewrite', 0.9],
        ['a', 'd', 'translated', 0.3],
      ]),
    );
    assert.equal(got.size, 0);
    const both = inheritedCredits(
      articles,
      graph([
        ['a', 'c', 'translated', 0.9],
        ['b', 'c', 'translated', 0.9],
      ]),
    );
    assert.equal(both.size, 0);
  });

  await t.test('should keep a stated credit and survive a cycle', () => {
    const got = inheritedCredits(
      [article('x', ['dpa']), article('y', []), article('z', [])],
      graph([
        ['x', 'y', 'translated', 0.9],
        ['y', 'z', 'translated', 0.9],
        ['z', 'y', 'translated', 0.9],
      ]),
    );
    assert.equal(got.has('x'), false);
    assert.deepEqual(
      got.get('y')?.map((c) => c.name),
      ['dpa'],
    );
  });
});

test('inferredDates', async (t) => {
  const dated = [article('a', [], '2031-03-06'), article('b', [], '2031-03-07T10:00:00Z')];
  await t.test("should date a report by the reporting day it names, near the story's dates", () => {
    const got = inferredDates([
      ...dated,
      article('c', [], null, ['The ministry said Thursday the bridge will reopen.']),
    ]);
    assert.equal(got.get('c')?.published, '2031-03-06');
    assert.deepEqual(got.get('c')?.from, ['a', 'b']);
  });
  await t.test('should not guess from "said on Monday", several days, or a story with no dates', () => {
    const none = (body: string, others = dated) => inferredDates([...others, article('c', [], null, [body])]).size;
    assert.equal(none('The ministry said on Thursday the bridge will reopen.'), 0);
    assert.equal(none('Officials said Wednesday and the mayor added Thursday that it would reopen.'), 0);
    assert.equal(none('The ministry said Thursday the bridge will reopen.', [article('a', [])]), 0);
  });
});
