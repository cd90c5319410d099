/**
 * @module An in-memory reuse index: LSH buckets in a Map, articles kept as comparables. For library users without a
 * store and for benchmarks of the core without the database; the persistent index follows the same steps.
 */

import { analyze } from '../fingerprint/analyze.js';
import { type Fingerprint, fingerprintOf, isCandidate } from '../fingerprint/fingerprint.js';
import type { Article } from '../model.js';
import { type Comparable, relate } from './index.js';
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

/** Candidate handles from shared keys, most shared first, at most `limit`. */
export function candidatesOf(shared: Map<number, number[]>, limit: number): number[] {
  return [...shared]
    .filter(([, keys]) => isCandidate(keys))
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0])
    .slice(0, limit)
    .map(([handle]) => handle);
}

/** More candidates than this for one article means a bucket has degenerated (boilerplate): the best ones win. */
export const MAX_CANDIDATES = 200;

interface Stored {
  id: string;
  language: string | null;
  body: readonly string[];
  contentHash: string;
}

/** Analyses kept for the most recent candidates; older ones are rebuilt from the body (memory stays flat). */
const ANALYSES_KEPT = 2000;

export class MemoryReuseIndex {
  readonly #buckets = new Map<number, number[]>();
  readonly #items: Stored[] = [];
  readonly #analyses = new Map<number, Comparable>();
  readonly #synonyms: SynonymLookup | null;

  constructor(synonyms: SynonymLookup | null = null) {
    this.#synonyms = synonyms;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Relations of an article to the indexed ones, without adding it. */
  similar(article: IndexInput | Indexed): Relation[] {
    const item = 'fingerprint' in article ? article : toIndexed(article);
    return this.#relations(item, -1);
  }

  /** Adds the article and returns its relations to the articles added before it. */
  add(article: IndexInput): Relation[] {
    const item = toIndexed(article);
    const handle = this.#items.length;
    const relations = this.#relations(item, handle);
    this.#items.push({ id: item.id, language: item.language, body: article.body, contentHash: item.contentHash });
    this.#remember(handle, item);
    for (const key of item.fingerprint.keys) {
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(handle);
      else this.#buckets.set(key, [handle]);
    }
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
    const s = this.#items[handle] as Stored;
    const c: Comparable = { id: s.id, language: s.language, analysis: analyze(s.body), contentHash: s.contentHash };
    this.#remember(handle, c);
    return c;
  }

  #relations(item: Indexed, self: number): Relation[] {
    const shared = sharedKeys(this.#buckets, item.fingerprint.keys, self);
    return candidatesOf(shared, MAX_CANDIDATES).map((h) => relate(item, this.#comparable(h), this.#synonyms));
  }
}
