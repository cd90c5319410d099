import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNumbersAndDates, findQuoteShingles } from './mentions.js';
import { passage } from './text.js';

const numbers = (text: string) => findNumbersAndDates(passage(text));

test('findNumbersAndDates', async (t) => {
  await t.test('should read quantities with their scale, and rejoin spaced decimals', () => {
    assert.deepEqual(numbers('a $2. 5 million haul and 1,200 homes, 6.1 magnitude'), ['n:2.5e6', 'n:1200', 'n:6.1']);
  });
  await t.test('should read calendar dates and years, and skip clock times', () => {
    assert.deepEqual(numbers('On December 16, 2008 at 14: 08 and 4 March'), [
      'd:12-16',
      'm:2008-12',
      'y:2008',
      'd:3-4',
    ]);
  });
  await t.test('should not take the verb "may" for a month', () => {
    assert.deepEqual(numbers('Prices may 3 times rise'), ['n:3']);
  });
});

test('findQuoteShingles', async (t) => {
  await t.test('should give word triples of quotations of five words or more', () => {
    const got = findQuoteShingles(passage('He said " An old friend is better than two new ones , " smiling.'));
    assert.ok(got.includes('q:an old friend'));
    assert.ok(got.includes('q:two new ones'));
  });
  await t.test('should skip short quotations', () => {
    assert.deepEqual(findQuoteShingles(passage('He was "gratefully" pleased.')), []);
  });
});
