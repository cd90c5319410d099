import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDateline } from './dateline.js';

test('findDateline(paragraph)', async (t) => {
  await t.test('should read the place and the agency', () => {
    assert.deepEqual(findDateline('SEOUL/MOSCOW: Russian President Vladimir Putin accepted')?.place, 'SEOUL/MOSCOW');
    const d = findDateline('PORT ALDRIN, Valdoria, March 3 (MNA) - A passenger ferry');
    assert.equal(d?.place, 'PORT ALDRIN, Valdoria');
    assert.equal(d?.agency, 'MNA');
    assert.equal(findDateline('Moscow, Sept 14 (Reuters) - Ukraine said')?.agency, 'Reuters');
    assert.equal(findDateline('WASHINGTON \u2014 The Senate voted')?.place, 'WASHINGTON');
  });
  await t.test('should find none in an ordinary sentence', () => {
    assert.equal(findDateline('Russian President Vladimir Putin has accepted an invitation.'), null);
    assert.equal(findDateline('Kremlin: Putin Not Ruling Out Talks'), null);
    assert.equal(findDateline('KCNA: the leader said'), null);
  });
});
