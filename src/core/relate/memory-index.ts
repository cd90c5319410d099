/**
 * @module An in-memory reuse index: LSH buckets in typed arrays (`LshIndex`), articles kept as bytes outside the JS heap
 * (`DocStore`) and the most recently added ones also as analyses. For library users without a store and for benchmarks
 * of the core without the database; the persistent index follows the same steps.
 */

import { analyze } from '../fingerprint/analyze.js';
import { type Fingerprint, fingerprint, fingerprintOf } from '../fingerprint/fingerprint.js';
import { LshIndex } from '../fingerprint/lsh.js';
import type { Article } from '../model.js';
import { DocStore } from './doc-store.js';
import { type Comparable, relateUnlessIndependent } from './index.js';
import type { Relation, SynonymLookup } from './types.js';

export interface Indexed extends Comparable {
  fingerprint: Fingerprint;
}

/** Body, id and language: what indexing reads of an article. */
export type IndexInput = Pick<Article, 'id' | 'body' | 'language'>;

export function toIndexed(article: IndexInput): Indexed {
  const analysis = analyze(article.body);
  const fingerprint = fingerprintOf(analysis);
  return { id: article.id, language: article.language, analysis, contentHash: fingerprint.contentHash, fingerprint };
}

export { candidatesOf, LshIndex } from '../fingerprint/lsh.js';

/** Keys shared with each other article, from a bucket map. */
export function sharedKeys(
  buckets: Map<number, number[]>,
  keys: readonly number[],
  self: number,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const key of keys) {
    const bucket = buckets.get(key);
    if (!bucket) continue;
    for (const other of bucket) {
      if (other === self) continue;
      const hit = out.get(other);
      if (hit) hit.push(key);
      else out.set(other, [key]);
    }
  }
  return out;
}

/** More candidates than this for one article means a bucket has degenerated (boilerplate): the best ones win. */
export const MAX_CANDIDATES = 200;

/**
 * Candidates come most shared LSH keys first. Once this many of an article's have proved unrelated (`independent`),
 * the rest, which share no more keys with it, are not verified: an article with a stock passage or common names has
 * hundreds of candidates that share just that, and verifying them all made the slowest queries. Articles with fewer
 * candidates than this (nearly all) are verified against every one; past it, a related article that shares as few
 * keys as the stock ones can be missed. 8 found the generated corpus's labelled relatives as 16 does (1M documents,
 * 2,000 queries) for a p99 about 5% lower, but not the `shared-quotes-only` pairs, which share least and come last.
 */
export const MAX_UNRELATED = 16;

/**
 * Analyses kept of the articles most recently added (their candidates are mostly recent articles); others are rebuilt
 * from the body when they are candidates, and not kept: memory stays flat, and the garbage collector does not copy and
 * promote thousands of analyses that a later query seldom reads again (its pauses were the tail of `similar`).
 */
const ANALYSES_KEPT = 2000;

export class MemoryReuseIndex {
  readonly #lsh: LshIndex;
  /** Id, language, body and content hash of each article, by handle, outside the JS heap. */
  readonly #docs = new DocStore();
  readonly #analyses = new Map<number, Comparable>();
  readonly #synonyms: SynonymLookup | null;
  /** Candidates proved unrelated after which a query stops verifying (`MAX_UNRELATED`). */
  readonly maxUnrelated: number;

  constructor(synonyms: SynonymLookup | null = null, options: { maxUnrelated?: number; crowdedBucket?: number } = {}) {
    this.#synonyms = synonyms;
    this.#lsh = new LshIndex(options.crowdedBucket === undefined ? {} : { crowdedBucket: options.crowdedBucket });
    this.maxUnrelated = options.maxUnrelated ?? MAX_UNRELATED;
  }

  get size(): number {
    return this.#docs.size;
  }

  /**
   * Relations of an article to the indexed ones, without adding it: one per LSH candidate, except candidates that
   * share too little with it to be anything but `independent` (`relateUnlessIndependent`), which are left out.
   */
  similar(article: IndexInput | Indexed): Relation[] {
    const item = 'fingerprint' in article ? article : toIndexed(article);
    return this.#relations(item, -1);
  }

  /**
   * Files the article without relating it to anything: for loading articles whose relations are known already (or
   * not wanted). Only its fingerprint is computed; its analysis is rebuilt from the body when it is a candidate.
   */
  insert(article: IndexInput): void {
    const fp = fingerprint(article.body);
    const handle = this.#docs.add({
      id: article.id,
      language: article.language,
      body: article.body,
      contentHash: fp.contentHash,
    });
    this.#lsh.add(fp.keys, handle);
  }

  /** Ids of the indexed articles the LSH makes candidates for this one, most shared keys first; not verified. */
  candidates(article: IndexInput): string[] {
    return this.#lsh.candidates(fingerprint(article.body).keys, -1, MAX_CANDIDATES).map((h) => this.#docs.id(h));
  }

  /** Bytes held by the LSH table (the bodies kept for verification come on top: `docBytes`). */
  get lshBytes(): number {
    return this.#lsh.bytes;
  }

  /** Bytes held by the ids, bodies and content hashes kept for verification. */
  get docBytes(): number {
    return this.#docs.bytes;
  }

  /** Adds the article and returns its relations to the articles added before it (as `similar` gives them). */
  add(article: IndexInput): Relation[] {
    const item = toIndexed(article);
    const handle = this.#docs.size;
    const relations = this.#relations(item, handle);
    // Filed only once related: an article whose verification throws is not half in the index.
    this.#docs.add({ id: item.id, language: item.language, body: article.body, contentHash: item.contentHash });
    this.#remember(handle, item);
    this.#lsh.add(item.fingerprint.keys, handle);
    return relations;
  }

  #remember(handle: number, c: Comparable): void {
    this.#analyses.delete(handle);
    this.#analyses.set(handle, c);
    if (this.#analyses.size > ANALYSES_KEPT) this.#analyses.delete(this.#analyses.keys().next().value as number);
  }

  #comparable(handle: number): Comparable {
    const kept = this.#analyses.get(handle);
    if (kept) {
      this.#remember(handle, kept);
      return kept;
    }
    const s = this.#docs.get(handle);
    return { id: s.id, language: s.language, analysis: analyze(s.body), contentHash: s.contentHash };
  }

  #relations(item: Indexed, self: number): Relation[] {
    const candidates = this.#lsh.candidates(item.fingerprint.keys, self, MAX_CANDIDATES);
    const out: Relation[] = [];
    let unrelated = 0;
    for (const h of candidates) {
      const r = relateUnlessIndependent(item, this.#comparable(h), this.#synonyms);
      if (r) out.push(r);
      if ((!r || r.type === 'independent') && ++unrelated === this.maxUnrelated) break;
    }
    return out;
  }
}
