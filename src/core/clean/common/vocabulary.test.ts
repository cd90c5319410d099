import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentWords, overlap } from './vocabulary.js';

test('contentWords(text) and overlap(part, whole)', async (t) => {
  await t.test('should keep content words and drop function words and short words', () => {
    assert.deepEqual([...contentWords('The ferry hit the ship in fog, said Kim.')], ['ferry', 'ship']);
  });
  await t.test('should measure the share of words in common', () => {
    const whole = contentWords('A ferry collided with a container ship in thick fog at the harbour entrance.');
    assert.equal(overlap(contentWords('The ferry at the harbour entrance'), whole), 1);
    assert.equal(overlap(contentWords('Grey owls nest in the forest'), whole), 0);
    assert.equal(overlap(new Set(), whole), 0);
  });
});
