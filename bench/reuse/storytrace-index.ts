/**
 * @module storytrace's signatures and LSH alone, the same job the baseline does: a pair is reported when the index
 * makes it a candidate, untyped. Measures the signature-and-index path without the verification that types pairs.
 */
import { fingerprint } from '../../src/core/fingerprint/fingerprint.js';
import { LshIndex, MAX_CANDIDATES } from '../../src/core/relate/memory-index.js';
import type { SystemPair } from './evaluate.js';
import type { ReuseSystem } from './harness.js';

export function createSystem(): ReuseSystem {
  const lsh = new LshIndex();
  const ids: string[] = [];
  const found: SystemPair[] = [];
  return {
    name: 'storytrace signatures + LSH (untyped)',
    typed: false,
    add(doc) {
      const { keys } = fingerprint(doc.body);
      const handle = ids.length;
      for (const h of lsh.addAndFind(keys, handle, MAX_CANDIDATES)) {
        const other = ids[h] as string;
        const [a, b] = other < doc.id ? [other, doc.id] : [doc.id, other];
        found.push({ a, b, type: 'rewrite', score: 1 });
      }
      ids.push(doc.id);
    },
    pairs: () => found,
    query: (doc) => lsh.candidates(fingerprint(doc.body).keys, -1, MAX_CANDIDATES),
  };
}
