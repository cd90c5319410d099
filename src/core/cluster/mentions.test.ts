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
  await t.test('should read numeric dates, their month and day only when the order is plain', () => {
    assert.deepEqual(numbers('27 / 09 / 2013 and 11/30/09 and 8 / 2 / 13'), [
      'y:2013',
      'd:9-27',
      'm:2013-9',
      'y:2009',
      'd:11-30',
      'm:2009-11',
      'y:2013',
    ]);
  });
  await t.test('should read ordinals, in figures or words, as one key', () => {
    assert.deepEqual(numbers('the 6th round, the sixth round, the 81st show'), ['n:6th', 'n:6th', 'n:81th']);
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
