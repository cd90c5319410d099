/**
 * @module Building the persistent reuse index: every article without a current fingerprint is fingerprinted, looked
 * up in the store's LSH buckets (and in the batch being built, which is not stored yet), its candidates verified and
 * typed, and the batch written in one transaction.
 */
import { encodeFingerprint, FINGERPRINT_VERSION } from '../core/fingerprint/fingerprint.js';
import type { Article } from '../core/model.js';
import { type Comparable, relateUnlessIndependent, type SenseSynonyms } from '../core/relate/index.js';
import {
  candidatesOf,
  type Indexed,
  MAX_CANDIDATES,
  MAX_UNRELATED,
  sharedKeys,
  toIndexed,
} from '../core/relate/memory-index.js';
import { RELATION_TYPES, type Relation, type RelationType, type SynonymLookup } from '../core/relate/types.js';
import { loadSynonyms } from '../io/wordnet.js';
import type { IndexEntry, Store } from '../store/store.js';

export interface IndexOptions {
  /** Re-index every article, not only new ones and those of an older fingerprint version. */
  force?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Defaults to WordNet, loaded on first use. */
  synonyms?: SynonymLookup | null;
}

export interface IndexSummary {
  indexed: number;
  /** Relations found, by type (independent pairs are verified candidates that share nothing that counts). */
  relations: Record<RelationType, number>;
  seconds: number;
}

/** WordNet costs a few hundred milliseconds to read: only when a pair needs it. */
export function lazySynonyms(): SenseSynonyms {
  return LAZY_SYNONYMS;
}

/**
 * One for the process, and with the senses: a comparison given senses rules out most word pairs with a mask test, and
 * keeps what it looked up for the next comparison under the same lookup (a plain function made it ask WordNet for
 * every pair of words, 26% of `indexArticles`' time).
 */
const LAZY_SYNONYMS: SenseSynonyms = Object.assign((a: string, b: string) => loadSynonyms()(a, b), {
  senses: (word: string) => loadSynonyms().senses(word),
});

/** A bounded cache of analysed articles: candidates recur, re-analysing them is the main cost of verification. */
class ComparableCache {
  readonly #map = new Map<number, Comparable>();
  constructor(readonly limit = 4000) {}
  get(seq: number): Comparable | undefined {
    const hit = this.#map.get(seq);
    if (hit) {
      this.#map.delete(seq);
      this.#map.set(seq, hit);
    }
    return hit;
  }
  set(seq: number, c: Comparable): void {
    this.#map.set(seq, c);
    if (this.#map.size > this.limit) this.#map.delete(this.#map.keys().next().value as number);
  }
}

export async function indexArticles(store: Store, options: IndexOptions = {}): Promise<IndexSummary> {
  const started = performance.now();
  const synonyms = options.synonyms === undefined ? lazySynonyms() : options.synonyms;
  const total = await store.countArticlesToIndex(FINGERPRINT_VERSION, { force: options.force ?? false });
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  const cache = new ComparableCache();
  let done = 0;
  let afterSeq = 0;
  options.onProgress?.(0, total);
  for (;;) {
    const batch = await store.articlesToIndex(FINGERPRINT_VERSION, {
      afterSeq,
      limit: options.batchSize ?? 500,
      force: options.force ?? false,
    });
    if (batch.length === 0) break;
    const pending = new Map<number, number[]>();
    const entries: IndexEntry[] = [];
    const found: Relation[] = [];
    for (const { seq, article } of batch) {
      const item = toIndexed(article);
      cache.set(seq, item);
      const shared = await store.lshLookup(item.fingerprint.keys);
      shared.delete(seq);
      for (const [other, keys] of sharedKeys(pending, item.fingerprint.keys, seq)) {
        const hit = shared.get(other);
        if (hit) hit.push(...keys);
        else shared.set(other, keys);
      }
      for (const r of await relateCandidates(store, cache, item, candidatesOf(shared, MAX_CANDIDATES), synonyms)) {
        found.push(r);
        relations[r.type]++;
      }
      for (const key of item.fingerprint.keys) {
        const bucket = pending.get(key);
        if (bucket) bucket.push(seq);
        else pending.set(key, [seq]);
      }
      entries.push(entryOf(seq, item));
      afterSeq = seq;
    }
    await store.putIndexEntries(entries, found);
    done += batch.length;
    options.onProgress?.(done, total);
  }
  return { indexed: done, relations, seconds: (performance.now() - started) / 1000 };
}

function entryOf(seq: number, item: Indexed): IndexEntry {
  return {
    seq,
    articleId: item.id,
    version: FINGERPRINT_VERSION,
    fingerprint: encodeFingerprint(item.fingerprint),
    keys: item.fingerprint.keys,
  };
}

/** Candidates are read from the store this many at a time: most articles stop after the first few. */
const CANDIDATE_CHUNK = 24;

/**
 * Relations of an article to its candidates (most shared LSH keys first), as the in-memory index finds them: pairs
 * sure to be `independent` left out (`relateUnlessIndependent`), and no more candidates verified once `MAX_UNRELATED`
 * proved unrelated. Candidates are read and analysed only as far as they are verified.
 */
async function relateCandidates(
  store: Store,
  cache: ComparableCache,
  item: Indexed,
  seqs: readonly number[],
  synonyms: SynonymLookup | null,
): Promise<Relation[]> {
  const out: Relation[] = [];
  let unrelated = 0;
  for (let from = 0; from < seqs.length; from += CANDIDATE_CHUNK) {
    const chunk = seqs.slice(from, from + CANDIDATE_CHUNK);
    const missing = chunk.filter((s) => !cache.get(s));
    const read = new Map<number, Article>();
    if (missing.length) for (const { seq, article } of await store.getArticlesBySeq(missing)) read.set(seq, article);
    for (const seq of chunk) {
      let other: Comparable | undefined = cache.get(seq);
      if (!other) {
        const article = read.get(seq);
        if (!article) continue;
        other = toIndexed(article);
        cache.set(seq, other);
      }
      if (other.id === item.id) continue;
      const r = relateUnlessIndependent(item, other, synonyms);
      if (r) out.push(r);
      if ((!r || r.type === 'independent') && ++unrelated === MAX_UNRELATED) return out;
    }
  }
  return out;
}

export interface Similar {
  id: string;
  type: RelationType;
  score: number;
  evidence: Relation['evidence'];
}

/** Stored relations of an article, strongest reuse first; `independent` pairs only when asked. */
export async function similarStored(
  store: Store,
  articleId: string,
  options: { includeIndependent?: boolean } = {},
): Promise<Similar[]> {
  const rows = await store.listRelations({ article: articleId });
  return rows
    .filter((r) => options.includeIndependent || r.type !== 'independent')
    .map((r) => ({ id: r.a === articleId ? r.b : r.a, type: r.type, score: r.score, evidence: r.evidence }))
    .sort((x, y) => RELATION_TYPES.indexOf(x.type) - RELATION_TYPES.indexOf(y.type) || y.score - x.score);
}

/**
 * Relations of an article that need not be stored (a draft, another store's article) to the indexed ones, found as
 * `indexArticles` finds them (candidates sure to be `independent` left out).
 */
export async function similarTo(store: Store, article: Pick<Article, 'id' | 'body' | 'language'>): Promise<Similar[]> {
  const item = toIndexed(article);
  const shared = await store.lshLookup(item.fingerprint.keys);
  const found = await relateCandidates(
    store,
    new ComparableCache(),
    item,
    candidatesOf(shared, MAX_CANDIDATES),
    lazySynonyms(),
  );
  return found
    .map((r) => ({ id: r.a === article.id ? r.b : r.a, type: r.type, score: r.score, evidence: r.evidence }))
    .sort((x, y) => RELATION_TYPES.indexOf(x.type) - RELATION_TYPES.indexOf(y.type) || y.score - x.score);
}
