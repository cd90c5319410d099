import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentences.js';

test('splitSentences(text)', async (t) => {
  await t.test('should keep abbreviations and initialisms inside their sentence', () => {
    assert.deepEqual(splitSentences('Mr. Putin met Gen. Kim. The U.S. State Department said so. He left.'), [
      'Mr. Putin met Gen. Kim.',
      'The U.S. State Department said so.',
      'He left.',
    ]);
  });
  await t.test('should split on question and exclamation marks', () => {
    assert.deepEqual(splitSentences('Why now? Nobody knows! It rains.'), ['Why now?', 'Nobody knows!', 'It rains.']);
  });
});
