/**
 * @module Scores a system's relations against the generator's labels, per relation type.
 *
 * A system pair is matched to a label by its unordered id pair. Per type T:
 * - precision: of the pairs the system typed T, the share labelled T. A pair labelled with another type is a type
 *   error and a pair with no label a false positive; both count against T. Pairs the generator lists as ambiguous
 *   (related, but no single right type) are left out.
 * - recall: of the pairs labelled T, the share the system typed T.
 * - detection recall: of the pairs labelled T, the share the system reported with any type but `independent`,
 *   which is what an untyped system (the baseline) can be compared on.
 * `independent` is "no relation": such pairs are neither positives nor false positives.
 */

import { RELATION_TYPES, type RelationType } from '../../src/core/relate/types.js';
import type { LabelledPair, LabelType } from './generate.js';

export { RELATION_TYPES, type RelationType };
export const LABEL_TYPES: readonly LabelType[] = ['duplicate', 'light-edit', 'rewrite', 'partial', 'spun'];

export interface SystemPair {
  a: string;
  b: string;
  type: RelationType;
  score: number;
}

export interface TypeFigures {
  /** Pairs labelled with this type. */
  labelled: number;
  /** Pairs the system gave this type (ambiguous ones left out). */
  typed: number;
  /** Pairs labelled and typed with this type. */
  correct: number;
  /** Typed this way but labelled with another type. */
  typeErrors: number;
  /** Typed this way, no label. */
  falsePositives: number;
  /** Labelled pairs of this type the system found with any non-independent type. */
  detected: number;
  /** null when there is nothing to divide by. */
  precision: number | null;
  recall: number | null;
  detectionRecall: number | null;
}

/** Row: the label ('unlabelled' for none, 'ambiguous'); column: the system's type ('missed' when not reported). */
export type Confusion = Record<string, Record<string, number>>;

export interface Evaluation {
  labelledPairs: number;
  /** Distinct pairs the system reported with a non-independent type. */
  systemPairs: number;
  perType: Record<Exclude<RelationType, 'independent'>, TypeFigures>;
  /** Over all types: found pairs that carry any label / found pairs (ambiguous left out), and labels found. */
  detection: {
    truePositives: number;
    falsePositives: number;
    ambiguous: number;
    precision: number | null;
    recall: number | null;
  };
  /** Pairs whose system type equals their label / labelled pairs, over all types. */
  typedAccuracy: number | null;
  confusion: Confusion;
}

const ratio = (x: number, y: number) => (y === 0 ? null : x / y);
const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export interface EvaluateOptions {
  ambiguous?: readonly { a: string; b: string }[];
}

export function evaluate(
  labels: readonly LabelledPair[],
  found: readonly SystemPair[],
  opts: EvaluateOptions = {},
): Evaluation {
  const label = new Map<string, LabelType>();
  for (const l of labels) label.set(key(l.a, l.b), l.type);
  const ambiguous = new Set((opts.ambiguous ?? []).map((p) => key(p.a, p.b)));
  // One type per pair: when a system reports a pair twice, the higher score wins.
  const best = new Map<string, SystemPair>();
  for (const p of found) {
    if (p.a === p.b) continue;
    const k = key(p.a, p.b);
    const prev = best.get(k);
    if (!prev || p.score > prev.score) best.set(k, p);
  }

  const typed = RELATION_TYPES.filter((t) => t !== 'independent') as Exclude<RelationType, 'independent'>[];
  const perType = Object.fromEntries(
    typed.map((t) => [
      t,
      {
        labelled: 0,
        typed: 0,
        correct: 0,
        typeErrors: 0,
        falsePositives: 0,
        detected: 0,
        precision: null,
        recall: null,
        detectionRecall: null,
      } satisfies TypeFigures,
    ]),
  ) as Record<Exclude<RelationType, 'independent'>, TypeFigures>;
  const confusion: Confusion = {};
  const bump = (row: string, col: string) => {
    const r = confusion[row] ?? {};
    confusion[row] = r;
    r[col] = (r[col] ?? 0) + 1;
  };

  let systemPairs = 0;
  let truePositives = 0;
  let falsePositives = 0;
  let ambiguousFound = 0;
  for (const [k, p] of best) {
    const l = label.get(k);
    if (p.type !== 'independent') systemPairs++;
    if (l) continue; // labelled pairs are counted from the label side below
    if (ambiguous.has(k)) {
      bump('ambiguous', p.type);
      if (p.type !== 'independent') ambiguousFound++;
      continue;
    }
    bump('unlabelled', p.type);
    if (p.type === 'independent') continue;
    falsePositives++;
    perType[p.type].typed++;
    perType[p.type].falsePositives++;
  }
  let correctAll = 0;
  for (const [k, l] of label) {
    const p = best.get(k);
    perType[l].labelled++;
    if (!p || p.type === 'independent') {
      bump(l, p ? 'independent' : 'missed');
      continue;
    }
    bump(l, p.type);
    truePositives++;
    perType[l].detected++;
    perType[p.type].typed++;
    if (p.type === l) {
      perType[l].correct++;
      correctAll++;
    } else perType[p.type].typeErrors++;
  }
  for (const f of Object.values(perType)) {
    f.precision = ratio(f.correct, f.typed);
    f.recall = ratio(f.correct, f.labelled);
    f.detectionRecall = ratio(f.detected, f.labelled);
  }
  return {
    labelledPairs: label.size,
    systemPairs,
    perType,
    detection: {
      truePositives,
      falsePositives,
      ambiguous: ambiguousFound,
      precision: ratio(truePositives, truePositives + falsePositives),
      recall: ratio(truePositives, label.size),
    },
    typedAccuracy: ratio(correctAll, label.size),
    confusion,
  };
}

/** The confusion matrix as Markdown: labels down, system types across. */
export function confusionTable(c: Confusion): string {
  const rows = [...LABEL_TYPES, 'ambiguous', 'unlabelled'].filter((r) => c[r]);
  const cols = [...RELATION_TYPES, 'missed'].filter((col) => rows.some((r) => c[r]?.[col]));
  const lines = [`| label \\ system | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---:').join('|')}|`];
  for (const r of rows) lines.push(`| ${r} | ${cols.map((col) => c[r]?.[col] ?? 0).join(' | ')} |`);
  return lines.join('\n');
}
