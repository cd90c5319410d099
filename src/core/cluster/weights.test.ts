import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WeightTable } from './weights.js';

const entries = <K extends { id: number }>(t: WeightTable<K>) => {
  const out: [K, number][] = [];
  for (let e = 0; e < t.used; e++) {
    const k = t.keys[e]!;
    if (k !== null) out.push([k, t.weights[e]!]);
  }
  return out;
};

test('a weight table holds and orders its entries as a Map does, through growth, deletions and compaction', () => {
  const keys = Array.from({ length: 300 }, (_, id) => ({ id: id * 7 }));
  const table = new WeightTable<{ id: number }>();
  const map = new Map<{ id: number }, number>();
  let seed = 1;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let step = 0; step < 20_000; step++) {
    const k = keys[Math.floor(next() * keys.length)]!;
    if (next() < 0.35) {
      const e = table.find(k);
      assert.equal(e >= 0, map.has(k));
      if (e >= 0) table.remove(e);
      map.delete(k);
    } else {
      const w = Math.floor(next() * 1000);
      const e = table.set(k, w);
      table.places[e] = w + 1;
      map.set(k, w);
    }
  }
  assert.equal(table.size, map.size);
  assert.deepEqual(entries(table), [...map]);
  for (const [k, w] of map) assert.equal(table.places[table.find(k)], w + 1);
  assert.equal(table.find({ id: 3 }), -1);
});
