import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFeatures, CHANNELS } from './features.js';

const article = {
  id: 'x',
  title: 'Quake hits Lormont',
  body: [
    'A magnitude 6.1 quake hit Lormont on March 3, 2031, the agency said: " We have lost three whole villages tonight . "',
  ],
  published: null,
  language: 'en',
};

test('articleFeatures', async (t) => {
  await t.test('should give sorted keys of every kind, each with its channel', () => {
    const f = articleFeatures(article);
    assert.deepEqual([...f.keys].sort(), f.keys);
    for (const k of ['t:quake', 'e:lormont', 'n:6.1', 'd:3-3', 'y:2031', 'q:three whole villages']) {
      assert.ok(f.keys.includes(k), k);
    }
    const channelOf = (k: string) => CHANNELS[f.channels[f.keys.indexOf(k)]!];
    assert.equal(channelOf('t:quake'), 'term');
    assert.equal(channelOf('e:lormont'), 'entity');
    assert.equal(channelOf('y:2031'), 'date');
  });
  await t.test('should count title words extra', () => {
    const f = articleFeatures(article);
    const w = (k: string) => f.weights[f.keys.indexOf(k)]!;
    assert.ok(w('t:hit') > w('t:agency'));
  });
  await t.test('should leave out a kind whose weight is zero', () => {
    const f = articleFeatures(article, { term: 1, title: 0, entity: 0, number: 0, date: 0, quote: 0 });
    assert.ok(f.keys.every((k) => k.startsWith('t:')));
  });
});
