/**
 * @module B-cubed precision, recall and F1 over articles (Bagga & Baldwin 1998): for each article, the share of its
 * predicted cluster that truly belongs with it (precision) and the share of its true cluster that was put with it
 * (recall), averaged over articles. Articles missing from the prediction count as singletons.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

function membership(clusters: readonly (readonly string[])[]): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const id of c) m.set(id, i);
  });
  return m;
}

export function bcubed(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[]): BCubed {
  const p = membership(predicted);
  const t = membership(truth);
  // Intersection sizes of (predicted cluster, true cluster) pairs; an article absent from the prediction is alone.
  const cell = new Map<string, number>();
  const pSize = new Map<string, number>();
  const tSize = new Map<number, number>();
  const key = (id: string) => {
    const c = p.get(id);
    return c === undefined ? `solo:${id}` : String(c);
  };
  for (const [id, ti] of t) {
    const pk = key(id);
    cell.set(`${pk}|${ti}`, (cell.get(`${pk}|${ti}`) ?? 0) + 1);
    pSize.set(pk, (pSize.get(pk) ?? 0) + 1);
    tSize.set(ti, (tSize.get(ti) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [id, ti] of t) {
    const pk = key(id);
    const both = cell.get(`${pk}|${ti}`) ?? 0;
    precision += both / (pSize.get(pk) ?? 1);
    recall += both / (tSize.get(ti) ?? 1);
  }
  const n = t.size || 1;
  precision /= n;
  recall /= n;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
