/**
 * @module Relating two articles: the exact comparison of a candidate pair and its type. Pure; the synonym
 * dictionary is passed in by the caller.
 */
import type { Analysis } from '../fingerprint/analyze.js';
import { classify, surelyIndependent } from './classify.js';
import { compare, compareFrom, overlap } from './compare.js';
import type { Relation, SynonymLookup } from './types.js';

export { classify, surelyIndependent } from './classify.js';
export { compare, compareFrom, type Overlap, overlap, type SenseSynonyms } from './compare.js';
export * from './types.js';

/** What relating needs of an article: its id, language, analysis and content hash. */
export interface Comparable {
  id: string;
  language: string | null;
  analysis: Analysis;
  contentHash: string;
}

/** The relation between two articles, ids ordered so that `a < b`. */
export function relate(x: Comparable, y: Comparable, synonyms: SynonymLookup | null): Relation {
  const [p, q] = x.id < y.id ? [x, y] : [y, x];
  const evidence = compare(p, q, synonyms);
  const { type, score } = classify(evidence, p.contentHash === q.contentHash);
  return { a: p.id, b: q.id, type, score: round(score), evidence: roundEvidence(evidence) };
}

/**
 * `relate`, or null for a pair sure to be `independent` (`surelyIndependent`), told from the word sets alone: most
 * candidates an index finds for a text share a stock passage or a few names with it and nothing more, and ruling them
 * out this way costs a fraction of the full comparison. The relations it does return are those `relate` returns.
 */
export function relateUnlessIndependent(x: Comparable, y: Comparable, synonyms: SynonymLookup | null): Relation | null {
  const [p, q] = x.id < y.id ? [x, y] : [y, x];
  const o = overlap(p, q);
  const sameContent = p.contentHash === q.contentHash;
  if (surelyIndependent(o, sameContent)) return null;
  const evidence = compareFrom(p, q, o, synonyms);
  const { type, score } = classify(evidence, sameContent);
  return { a: p.id, b: q.id, type, score: round(score), evidence: roundEvidence(evidence) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function roundEvidence(e: Relation['evidence']): Relation['evidence'] {
  return {
    ...e,
    jaccard: round(e.jaccard),
    change: e.change == null ? null : round(e.change),
    containment: [round(e.containment[0]), round(e.containment[1])],
    verbatim: [round(e.verbatim[0]), round(e.verbatim[1])],
    mixed: [round(e.mixed[0]), round(e.mixed[1])],
    terms: round(e.terms),
    anchors: round(e.anchors),
    aligned: round(e.aligned),
  };
}
