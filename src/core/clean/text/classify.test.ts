import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appealScore, classifyLine } from './classify.js';

const kind = (text: string) => classifyLine({ text, gap: 0 }, 0).kind;

test('classifyLine(line)', async (t) => {
  await t.test('should tell prose from short headline-like lines', () => {
    assert.equal(kind('Russia was not invited to those talks.'), 'prose');
    assert.equal(kind('Growing criticism'), 'short');
    // A quotation standing as its paragraph ends a sentence even with the closing mark set apart.
    assert.equal(kind('"This way he can\'t harm anyone anymore. "'), 'prose');
    assert.equal(kind('What type of weapons might North Korea present?'), 'short');
    assert.ok(classifyLine({ text: 'Kim Invites Putin to North Korea', gap: 0 }, 0).titleLike);
    assert.ok(!classifyLine({ text: 'Your island. Your news.', gap: 0 }, 0).titleLike);
  });
  await t.test('should recognise bylines, date lines and agency lines', () => {
    assert.equal(kind('By Lena Vass | Monday, March 3, 2031, 1:15 p.m.'), 'byline');
    assert.equal(kind('By admin   March 3, 2031   0 Comments'), 'byline');
    assert.equal(kind('Reporting by Pavel Polityuk; Editing by Alex Richardson'), 'byline');
    assert.equal(kind('By Wednesday, the talks had collapsed completely.'), 'prose');
    assert.equal(kind('Fri Sep 15 2023'), 'date');
    assert.equal(kind('Updated: May 24, 2005, 3:23 PM ET'), 'date');
    assert.equal(kind('TT'), 'agency');
  });
  await t.test('should recognise page furniture', () => {
    assert.equal(kind('Read extra: Explosions reported in Crimea \u2013 Ukraine war latest'), 'related');
    assert.equal(kind('Home | News | Island Life | Ferries | Sport'), 'navigation');
    assert.equal(kind('Home \u00BB World \u00BB Fog blamed as ferry hits freight vessel'), 'navigation');
    assert.equal(kind('Share this: Facebook Twitter WhatsApp'), 'navigation');
    assert.equal(kind('Advertisement'), 'advertisement');
    assert.equal(kind('\u00A9 2031 Buzzline Today. All rights reserved.'), 'footer');
    assert.equal(kind('Read more'), 'navigation');
  });
  await t.test('should recognise captions by their photo credit', () => {
    assert.equal(kind('Putin and Kim shake hands Wednesday. Mikhail Metzel / TASS'), 'caption');
    assert.equal(kind('Putin speaks in Moscow. (AP Photo/Alexander Zemlianichenko, Pool)'), 'caption');
  });
});

test('appealScore(text)', async (t) => {
  await t.test('should score appeals high', () => {
    assert.ok(appealScore('Support The Moscow Times!') >= 3);
    assert.ok(appealScore('Remind me later.') >= 3);
    assert.ok(appealScore('But we need your help to continue our critical mission as journalists.') >= 3);
  });
  await t.test('should score news prose about the same words low', () => {
    assert.ok(appealScore('The journalists union said it would support the strike.') < 3);
    assert.ok(appealScore('"We need your support," the minister told journalists.') < 3);
  });
});
