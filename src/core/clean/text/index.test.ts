import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from './index.js';

const REUTERS = `Ukraine says it shot down 20 drones overnight

MOSCOW, Sept 14 (Reuters) - Ukraine's air force said on Thursday it had shot down 20 of 24 drones launched by Russia overnight, mostly over the southern regions.

Advertisement

The drones were launched from the Russian-occupied Crimean peninsula, the air force said on the Telegram messaging app.

There was no immediate comment from Moscow, which denies targeting civilians.

Reporting by Pavel Polityuk and Max Hunder; Editing by Alex Richardson

Our Standards: The Thomson Reuters Trust Principles.
`;

const TWO = `City council approves new budget for schools
The city council approved on Tuesday a new budget that raises spending on public schools by eight percent, the mayor's office said.
The budget includes funds for 40 new teachers and the renovation of three school buildings in the northern district.
Opposition councillors criticised the plan, saying it relied on optimistic tax forecasts.
Storm brings heavy snow to mountain passes
A winter storm dumped more than a metre of snow on alpine passes overnight, closing roads and stranding hundreds of travellers.
Avalanche warnings were raised to the highest level in several valleys, and rail traffic was suspended on two lines.
Meteorologists expect the snowfall to ease by the weekend before temperatures drop sharply.
`;

test('cleanText(text, hints)', async (t) => {
  await t.test('should give no article for an empty or furniture-only capture', () => {
    assert.deepEqual(cleanText(''), []);
    assert.deepEqual(cleanText('Home | News | Sport | Weather\nShare\n\u00A9 2031 Example. All rights reserved.'), []);
  });

  await t.test('should read a wire story: dateline, credit, authors, sign-off kept out of the body', () => {
    const [a, ...rest] = cleanText(REUTERS);
    assert.equal(rest.length, 0);
    assert.equal(a?.title, 'Ukraine says it shot down 20 drones overnight');
    assert.equal(a?.dateline, 'MOSCOW');
    assert.deepEqual(a?.credits, ['Reuters']);
    assert.deepEqual(a?.authors, ['Pavel Polityuk', 'Max Hunder']);
    assert.equal(a?.body.length, 3);
    assert.match(a?.body.at(-1) ?? '', /^There was no immediate comment/);
    assert.deepEqual(
      a?.removed.map((r) => r.reason),
      ['advertisement', 'byline', 'footer'],
    );
    assert.equal(a?.language, 'en');
  });

  await t.test('should split at a headline whose paragraphs share no vocabulary with the article before', () => {
    const articles = cleanText(TWO);
    assert.deepEqual(
      articles.map((a) => a.title),
      ['City council approves new budget for schools', 'Storm brings heavy snow to mountain passes'],
    );
    assert.deepEqual(
      articles.map((a) => a.body.length),
      [3, 3],
    );
  });

  await t.test('should keep a section heading of the same story as a heading, not a new article', () => {
    const text = TWO.replace(
      'Storm brings heavy snow to mountain passes',
      'Teachers welcome the school budget',
    ).replace(
      /A winter storm[^\n]*\n/,
      'Teachers said the new budget for public schools would ease crowded classes in the northern district.\n',
    );
    const articles = cleanText(text);
    assert.equal(articles.length, 1);
    assert.deepEqual(articles[0]?.headings, [{ before: 3, text: 'Teachers welcome the school budget' }]);
  });

  await t.test('should use hints only where the text is silent', () => {
    const body = 'The ferry left the harbour at seven in the morning, the operator said on Monday.\nIt arrived late.\n';
    const [a] = cleanText(body, { title: 'Ferry leaves', published: '2031-03-03T08:00:00Z', language: 'xx' });
    assert.equal(a?.title, 'Ferry leaves');
    assert.equal(a?.published, '2031-03-03T08:00:00.000Z');
    assert.equal(a?.publishedPrecision, 'minute');
    assert.equal(a?.language, 'en');
    const [b] = cleanText(`Ferry leaves\nFri Sep 15 2023\n${body}`, { title: 'Other', published: '2031-03-03' });
    assert.equal(b?.title, 'Ferry leaves');
    assert.equal(b?.published, '2023-09-15');
  });

  await t.test('should take a line under an "Image caption" label as a caption', () => {
    const text =
      'Heatwave: Temperatures could hit 40C, Met Office warns\nImage caption,\nPeople flocked to beaches on Sunday\n' +
      'Temperatures could reach 40C in parts of England on Tuesday, the Met Office has warned.\n' +
      'A red warning for extreme heat is in place for much of central and southern England.\n';
    const [a] = cleanText(text);
    assert.equal(a?.title, 'Heatwave: Temperatures could hit 40C, Met Office warns');
    assert.deepEqual(a?.captions, ['People flocked to beaches on Sunday']);
    assert.equal(a?.removed[0]?.text, 'Image caption,');
    assert.equal(a?.body.length, 2);
  });

  await t.test('should be deterministic', () => {
    assert.deepEqual(cleanText(TWO), cleanText(TWO));
  });
});
