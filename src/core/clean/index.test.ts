import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withId } from '../ingest/identity.js';
import type { DocumentDraft } from '../model.js';
import { CLEANER_VERSION, clean } from './index.js';

const BODY =
  'PORT ALDRIN, Valdoria, March 3 (MNA) - A passenger ferry collided with a container ship in thick fog early on Monday, injuring 37 people, officials said.\n\n' +
  'The ferry had 212 passengers and nine crew on board when it struck the side of the cargo vessel at about 7:40 a.m., according to the port authority.\n\n' +
  '"The fog came in faster than anyone expected," harbour master Ilse Marrow told reporters at the quay on Monday afternoon.';

function doc(over: Partial<DocumentDraft>) {
  return withId({
    source: 's.jsonl#L1',
    externalId: null,
    url: 'https://mna.example/ferry',
    outlet: 'Meridian News Agency',
    title: 'Ferry hits ship in fog',
    author: null,
    language: null,
    contentType: 'text/plain',
    format: 'jsonl',
    fetchedAt: null,
    publishedAt: null,
    content: BODY,
    bytes: BODY.length,
    ...over,
  });
}

test('clean(document)', async (t) => {
  await t.test('should complete an article from its container and its text', () => {
    const d = doc({ publishedAt: '2031-03-03T08:00:00Z' });
    const { articles, reason } = clean(d);
    assert.equal(reason, null);
    assert.equal(articles.length, 1);
    const a = articles[0]!;
    assert.equal(a.id, `${d.id}-0`);
    assert.equal(a.cleanerVersion, CLEANER_VERSION);
    assert.equal(a.title, 'Ferry hits ship in fog');
    assert.equal(a.url, 'https://mna.example/ferry');
    assert.equal(a.outlet, 'Meridian News Agency');
    assert.equal(a.language, 'en');
    assert.equal(a.body.length, 3);
    assert.deepEqual([a.published, a.publishedPrecision], ['2031-03-03T08:00:00.000Z', 'minute']);
  });
  await t.test('should keep a bare day as a day and drop a date it cannot read', () => {
    assert.deepEqual(
      [
        clean(doc({ publishedAt: '2031-03-03' })).articles[0]?.publishedPrecision,
        clean(doc({ publishedAt: '2031-03-03' })).articles[0]?.published,
      ],
      ['day', '2031-03-03'],
    );
    assert.equal(clean(doc({ publishedAt: '2031-03-03T08:00:05Z' })).articles[0]?.publishedPrecision, 'second');
  });
  await t.test('should keep a normalized copy of each paragraph beside the original', () => {
    const content = 'It said \u201cno\u201d \u2014 twice\u00A0\u00A0over, at the \uFB01rst\u2010rate quay.\n\n' + BODY;
    const a = clean(doc({ content, bytes: content.length })).articles[0]!;
    assert.equal(a.normalized.length, a.body.length);
    assert.equal(a.body[0], 'It said \u201cno\u201d \u2014 twice\u00A0\u00A0over, at the \uFB01rst\u2010rate quay.');
    assert.equal(a.normalized[0], 'It said "no" - twice over, at the first-rate quay.');
    assert.equal(a.normalized[1], a.body[1]);
  });
  await t.test('should give the reason when a page holds no article', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">Headline ${i} of the day</a></li>`).join(
      '',
    );
    const r = clean(
      doc({ contentType: 'text/html', format: 'html', content: `<html><body><ul>${links}</ul></body></html>` }),
    );
    assert.deepEqual(r.articles, []);
    assert.match(r.reason ?? '', /^no article found/);
  });
});
