/**
 * @module The plain baseline for story clustering: TF-IDF cosine, one fixed threshold, a single pass. Each article
 * joins the cluster whose centroid it is most similar to if that cosine reaches the threshold, else starts a new
 * cluster. Rarity comes from the whole corpus up front (what a plain implementation over a pile does; it gives the
 * baseline knowledge the incremental clusterer does not have). Words are lower-cased, a stop list removed, no stemming.
 */
import type { ClusterInput } from '../../src/core/cluster/index.js';

const STOP = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in is it its of on or she that the their ' +
    'they this to was were will with would not no we you said says'
  ).split(' '),
);

/** The threshold chosen before looking at the data: a common single-pass setting for TF-IDF cosine. */
export const BASELINE_THRESHOLD = 0.3;

function terms(a: ClusterInput): Map<string, number> {
  const counts = new Map<string, number>();
  const text = [a.title ?? '', ...a.body].join('\n').toLowerCase();
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

export interface BaselineModel {
  vectors: Map<string, Map<string, number>>;
}

/** TF-IDF vectors (L2-normalised) for the whole corpus. */
export function baselineModel(articles: readonly ClusterInput[]): BaselineModel {
  const tfs = articles.map((a) => [a.id, terms(a)] as const);
  const df = new Map<string, number>();
  for (const [, tf] of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = articles.length;
  const vectors = new Map<string, Map<string, number>>();
  for (const [id, tf] of tfs) {
    const v = new Map<string, number>();
    let sq = 0;
    for (const [w, c] of tf) {
      const x = c * Math.log((n + 1) / (df.get(w)! + 1));
      v.set(w, x);
      sq += x * x;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    vectors.set(id, v);
  }
  return { vectors };
}

/** Single pass in the given order; returns clusters as arrays of ids. */
export function baselineCluster(model: BaselineModel, order: readonly string[], threshold: number): string[][] {
  const clusters: { ids: string[]; sum: Map<string, number>; norm: number }[] = [];
  for (const id of order) {
    const v = model.vectors.get(id)!;
    let best = -1;
    let bestSim = -1;
    clusters.forEach((c, i) => {
      let dot = 0;
      for (const [w, x] of v) {
        const y = c.sum.get(w);
        if (y !== undefined) dot += x * y;
      }
      const sim = c.norm ? dot / c.norm : 0;
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    });
    let c = best >= 0 && bestSim >= threshold ? clusters[best]! : undefined;
    if (!c) {
      c = { ids: [], sum: new Map(), norm: 0 };
      clusters.push(c);
    }
    c.ids.push(id);
    for (const [w, x] of v) c.sum.set(w, (c.sum.get(w) ?? 0) + x);
    let sq = 0;
    for (const x of c.sum.values()) sq += x * x;
    c.norm = Math.sqrt(sq);
  }
  return clusters.map((c) => c.ids);
}
