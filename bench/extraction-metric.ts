/**
 * @module The Article Extraction Benchmark's metric: tokens are `\w+` runs, shingles are 4-token n-grams with
 * counts; per page tp/fp/fn are multiset overlaps normalised to sum 1 (so long pages weigh no more than short
 * ones); precision and recall are means over pages; F1 = 2PR/(P+R).
 */

// Python's Unicode \w: letters, digits and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp: 0, fp: 0, fn: 0 };
}

/** Precision and recall per page (an empty prediction for an empty truth is perfect), averaged. */
export function aggregate(scores: PageScore[]): { precision: number; recall: number; f1: number } {
  const prec = (s: PageScore) => (s.tp + s.fp === 0 ? (s.fn === 0 ? 1 : 0) : s.tp / (s.tp + s.fp));
  const rec = (s: PageScore) => (s.tp + s.fn === 0 ? (s.fp === 0 ? 1 : 0) : s.tp / (s.tp + s.fn));
  const precision = scores.reduce((a, s) => a + prec(s), 0) / scores.length;
  const recall = scores.reduce((a, s) => a + rec(s), 0) / scores.length;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
