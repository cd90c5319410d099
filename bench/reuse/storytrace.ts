/**
 * @module storytrace's reuse index as a benchmark system: the in-memory index (the same fingerprints, LSH keys,
 * verification and typing as the persistent one, without the database) with WordNet synonyms.
 */
import { MemoryReuseIndex } from '../../src/core/relate/memory-index.js';
import type { Relation } from '../../src/core/relate/types.js';
import { loadSynonyms } from '../../src/io/wordnet.js';
import type { ReuseDoc } from './generate.js';
import type { ReuseSystem } from './harness.js';

export function createSystem(): ReuseSystem {
  const index = new MemoryReuseIndex(loadSynonyms());
  const found: Relation[] = [];
  const input = (d: ReuseDoc) => ({ id: d.id, body: d.body, language: d.language });
  return {
    name: 'storytrace (memory index)',
    typed: true,
    add(doc) {
      for (const r of index.add(input(doc))) if (r.type !== 'independent') found.push(r);
    },
    pairs: () => found.map((r) => ({ a: r.a, b: r.b, type: r.type, score: r.score })),
    query: (doc) => index.similar(input(doc)),
  };
}
