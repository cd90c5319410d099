/**
 * @module storytrace's signatures and LSH alone, the same job the baseline does: a pair is reported when the index
 * makes it a candidate, untyped. Measures the signature-and-index path without the verification that types pairs.
 */
import { analyze } from '../../src/core/fingerprint/analyze.js';
import { fingerprintOf } from '../../src/core/fingerprint/fingerprint.js';
import { candidatesOf, MAX_CANDIDATES, sharedKeys } from '../../src/core/relate/memory-index.js';
import type { SystemPair } from './evaluate.js';
import type { ReuseSystem } from './harness.js';

export function createSystem(): ReuseSystem {
  const buckets = new Map<number, number[]>();
  const ids: string[] = [];
  const found: SystemPair[] = [];
  const lookup = (body: string[], self: number) =>
    candidatesOf(sharedKeys(buckets, fingerprintOf(analyze(body)).keys, self), MAX_CANDIDATES);
  return {
    name: 'storytrace signatures + LSH (untyped)',
    typed: false,
    add(doc) {
      const fp = fingerprintOf(analyze(doc.body));
      const handle = ids.length;
      for (const h of candidatesOf(sharedKeys(buckets, fp.keys, handle), MAX_CANDIDATES)) {
        const other = ids[h] as string;
        const [a, b] = other < doc.id ? [other, doc.id] : [doc.id, other];
        found.push({ a, b, type: 'rewrite', score: 1 });
      }
      ids.push(doc.id);
      for (const key of fp.keys) {
        const bucket = buckets.get(key);
        if (bucket) bucket.push(handle);
        else buckets.set(key, [handle]);
      }
    },
    pairs: () => found,
    query: (doc) => lookup(doc.body, -1),
  };
}
