import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates, isDateLine, isStampLine, untokenizeDates } from './dates.js';

const isos = (s: string) => findDates(s).map((d) => d.iso);

test('findDates(text)', async (t) => {
  await t.test('should read day-month-year, month-day-year and ISO dates', () => {
    assert.deepEqual(isos('14 September 2023, Russia, Uglegorsk: ...'), ['2023-09-14']);
    assert.deepEqual(isos('in Moscow, Russia, Friday, June 14, 2024. (AP Photo)'), ['2024-06-14']);
    assert.deepEqual(isos('Fri Sep 15 2023'), ['2023-09-15']);
    assert.deepEqual(isos('updated 2023-09-14T08:30:00Z'), ['2023-09-14T08:30:00Z']);
  });
  await t.test('should read month names in other languages', () => {
    assert.deepEqual(isos('le 3 mars 2031'), ['2031-03-03']);
    assert.deepEqual(isos('14. September 2023'), ['2023-09-14']);
    assert.deepEqual(isos('14 de septiembre de 2023'), ['2023-09-14']);
    assert.deepEqual(isos('3 марта 2031'), ['2031-03-03']);
    assert.deepEqual(isos('14 settembre 2023; 2 maj 2024'), ['2023-09-14', '2024-05-02']);
  });
  await t.test('should add a time that follows the date, with its precision', () => {
    const [d] = findDates('Monday, March 3, 2031, 1:15 p.m.');
    assert.equal(d?.iso, '2031-03-03T13:15');
    assert.equal(d?.precision, 'minute');
    assert.equal(findDates('Publié le 14 septembre 2023 à 10h30')[0]?.iso, '2023-09-14T10:30');
  });
  await t.test('should ignore dates without a day or a year, and impossible days', () => {
    assert.deepEqual(isos('founded in September 1948; due on March 3'), []);
    assert.deepEqual(isos('February 30, 2023'), []);
  });
});

test('isDateLine(line)', async (t) => {
  await t.test('should accept a line that only states a date', () => {
    assert.ok(isDateLine('Fri Sep 15 2023'));
    assert.ok(isDateLine('Updated: 14 September 2023, 13:15 GMT'));
    // US and other time zones, clock times glued to am/pm, hours written "hrs".
    for (const l of [
      'Updated: May 24, 2005, 3:23 PM ET',
      '8:05am UK, Monday 16 September 2013',
      'Sat Nov 12 2011, 01:19 hrs',
    ])
      assert.ok(isDateLine(l), l);
  });
  await t.test('should reject a sentence that contains a date', () => {
    assert.ok(!isDateLine('The talks began on 14 September 2023 in Moscow.'));
  });
});

test('isStampLine(line)', async (t) => {
  await t.test('should take a publication stamp with only times or relative days', () => {
    for (const l of ['Updated at 1:23 p.m.', 'Published 1 day ago', 'Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM'])
      assert.ok(isStampLine(l), l);
  });
  await t.test('should leave a sentence that starts with a stamp word', () => {
    for (const l of ['Updated figures show 5 people died in the fire', 'Posted guards stood at 3 gates', 'Updated'])
      assert.ok(!isStampLine(l), l);
  });
});

test('dates and stamps in tokenized text (spaces around every mark) read as written', () => {
  assert.equal(
    untokenizeDates('Originally published 05 / 03 / 2013 at 10: 20 AM EDT'),
    'Originally published 05/03/2013 at 10:20 AM EDT',
  );
  assert.equal(untokenizeDates('2013 - 09 - 26'), '2013-09-26');
  assert.equal(untokenizeDates('Updated 5: 40 p. m. ET'), 'Updated 5:40 p.m. ET');
  // Prose is left alone: a ratio, a score, a range.
  assert.equal(untokenizeDates('They won 3 - 1 on Sunday.'), 'They won 3 - 1 on Sunday.');
  assert.equal(findDates(untokenizeDates('May 2, 2013, 1: 12 PM'))[0]?.iso, '2013-05-02T13:12');
  assert.equal(isDateLine(untokenizeDates('12 / 16 / 08 1: 30 AM EST')), true);
  assert.equal(isDateLine(untokenizeDates('2013 - 09 - 26')), true);
  assert.equal(isStampLine(untokenizeDates('Originally published 05 / 03 / 2013 at 10: 20 AM EDT')), true);
  assert.equal(isStampLine(untokenizeDates('Updated 5: 40 p. m. ET')), true);
  // An ambiguous day and month is a date line, never a date.
  assert.deepEqual(findDates('05/02/2013'), []);
});
