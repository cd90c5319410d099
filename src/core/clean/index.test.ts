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

test('clean(document): briefs', async (t) => {
  await t.test('should keep a feed or JSONL record that holds only a headline as a brief', () => {
    const headline = 'Robbers in drag steal 80 million from Port Aldrin jeweller';
    const { articles, reason } = clean(doc({ title: null, content: `March 4, 2031\n\n${headline}` }));
    assert.equal(reason, null);
    assert.equal(articles[0]?.title, headline);
    assert.deepEqual(articles[0]?.body, [headline]);
    assert.equal(articles[0]?.published, '2031-03-04');
  });
  await t.test('should keep a record cut off after its lead, without the menu around it', () => {
    const lead = 'Early on Friday the actress checked into a clinic in Rancho Mirage, Calif,';
    const { articles } = clean(
      doc({ format: 'rss', title: 'Actress checks into clinic', content: `Home | News | Video\n\n${lead}` }),
    );
    assert.deepEqual(articles[0]?.body, [lead]);
  });
  await t.test('should split a record only on structural evidence, a saved page on a change of subject too', () => {
    const text =
      'Council approves budget\nThe city council approved on Tuesday a new budget that raises spending on public schools by eight percent.\nThe budget includes funds for 40 new teachers and the renovation of three school buildings.\nOpposition councillors criticised the plan, saying it relied on optimistic tax forecasts.\n' +
      'Snow closes mountain passes\nA winter storm dumped more than a metre of snow on alpine passes overnight, closing roads and stranding hundreds.\nAvalanche warnings were raised to the highest level in several valleys, and rail traffic was suspended.\n';
    assert.equal(clean(doc({ title: null, content: text })).articles.length, 1);
    assert.equal(clean(doc({ format: 'text', source: 'x.txt', title: null, content: text })).articles.length, 2);
    const signed = text.replace('Snow closes', '- MNA\nSnow closes');
    assert.equal(clean(doc({ title: null, content: signed })).articles.length, 2);
  });
  await t.test('should still find no article in a saved page that holds only a headline', () => {
    const { articles, reason } = clean(
      doc({ format: 'text', source: 'x.txt', title: null, content: 'A headline alone' }),
    );
    assert.equal(articles.length, 0);
    assert.match(reason ?? '', /no article/);
  });
});

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
