import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAssignment } from './membership.js';

test('applying assignments keeps every article in exactly one story through joins, merges and splits', () => {
  const members = new Map<string, string[]>();
  const storyOf = new Map<string, string>();
  const moved = (id: string, story: string) => storyOf.set(id, story);
  applyAssignment(members, 'a', { story: 'a', kind: 'created', merged: [] }, moved);
  applyAssignment(members, 'b', { story: 'b', kind: 'created', merged: [] }, moved);
  applyAssignment(members, 'c', { story: 'a', kind: 'joined', merged: [] }, moved);
  assert.deepEqual(Object.fromEntries(members), { a: ['a', 'c'], b: ['b'] });
  // d bridges a and b; the merged story's articles follow.
  applyAssignment(members, 'd', { story: 'a', kind: 'merged', merged: ['b'] }, moved);
  assert.deepEqual(Object.fromEntries(members), { a: ['a', 'c', 'b', 'd'] });
  assert.equal(storyOf.get('b'), 'a');
  // e joins, then c and e split off as story c.
  applyAssignment(
    members,
    'e',
    { story: 'a', kind: 'joined', merged: [], split: [{ story: 'c', from: 'a', articles: ['c', 'e'] }] },
    moved,
  );
  assert.deepEqual(Object.fromEntries(members), { a: ['a', 'b', 'd'], c: ['c', 'e'] });
  assert.equal(storyOf.get('e'), 'c');
  assert.equal(storyOf.get('c'), 'c');
  assert.equal(storyOf.get('d'), 'a');
});
