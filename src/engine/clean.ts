/**
 * @module The clean step over the store: pages through documents that the current cleaner has not seen (or all of
 * them, forced), cleans each, and writes the results in one transaction per batch.
 */
import { CLEANER_VERSION, clean } from '../core/clean/index.js';
import type { CleanResult, Store } from '../store/store.js';

export interface CleanOptions {
  /** Re-clean documents already cleaned by the current version too. */
  force?: boolean;
  /** Only these document ids (always re-cleaned). */
  ids?: readonly string[];
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export interface CleanSummary {
  documents: number;
  articles: number;
  /** Documents with no article, by reason. */
  noArticle: number;
  seconds: number;
}

function run(doc: Parameters<typeof clean>[0]): CleanResult {
  const { articles, reason } = clean(doc);
  return { documentId: doc.id, cleanerVersion: CLEANER_VERSION, articles, reason };
}

export async function cleanDocuments(store: Store, options: CleanOptions = {}): Promise<CleanSummary> {
  const started = Date.now();
  const summary: CleanSummary = { documents: 0, articles: 0, noArticle: 0, seconds: 0 };
  const account = (results: CleanResult[]) => {
    for (const r of results) {
      summary.documents++;
      summary.articles += r.articles.length;
      if (r.articles.length === 0) summary.noArticle++;
    }
    options.onProgress?.(summary.documents);
  };
  if (options.ids) {
    const results: CleanResult[] = [];
    for (const id of options.ids) {
      const doc = await store.getDocument(id);
      if (doc) results.push(run(doc));
    }
    await store.putCleanResults(results);
    account(results);
  } else {
    let afterSeq = 0;
    for (;;) {
      const page = await store.documentsToClean(CLEANER_VERSION, {
        afterSeq,
        limit: options.batchSize ?? 200,
        ...(options.force ? { force: true } : {}),
      });
      if (page.length === 0) break;
      afterSeq = page.at(-1)!.seq;
      const results = page.map((p) => run(p.document));
      await store.putCleanResults(results);
      account(results);
    }
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** The articles of one document, cleaning it first when the stored cleaning is missing or out of date. */
export async function articlesOf(store: Store, documentId: string): Promise<CleanResult | null> {
  const stored = await store.getCleanResult(documentId);
  if (stored && stored.cleanerVersion >= CLEANER_VERSION) return stored;
  const doc = await store.getDocument(documentId);
  if (!doc) return null;
  const result = run(doc);
  await store.putCleanResults([result]);
  return result;
}
