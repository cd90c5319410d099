import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineKey, normalizeText } from './normalize.js';

test('normalizeText(s)', async (t) => {
  await t.test('should unify quotes, dashes and spaces', () => {
    assert.equal(normalizeText('\u201CIt\u2019s here\u201D \u2014 he said\u00A0 now '), '"It\'s here" - he said now');
    assert.equal(normalizeText('\u00ABOui\u00BB'), '"Oui"');
  });
  await t.test('should apply NFKC', () => {
    assert.equal(normalizeText('\uFB01ne \u2026'), 'fine ...');
  });
});

test('lineKey(s)', async (t) => {
  await t.test('should make typographic variants of a line equal and keep different lines apart', () => {
    assert.equal(lineKey('Kim Invites Putin\u00A0'), lineKey('kim invites putin'));
    assert.notEqual(lineKey('Kim invites Putin'), lineKey('Putin invites Kim'));
  });
});
