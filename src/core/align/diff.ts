/**
 * @module Word-level diff (longest common subsequence): what an editor kept, cut and added in one sentence.
 * Sentences are short, so the quadratic table is cheap; longer inputs are cut to a bound.
 */

export interface DiffOp {
  op: '=' | '-' | '+';
  words: string[];
}

const MAX_WORDS = 300;

export function wordDiff(a: readonly string[], b: readonly string[]): DiffOp[] {
  const x = a.slice(0, MAX_WORDS);
  const y = b.slice(0, MAX_WORDS);
  const n = x.length;
  const m = y.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] =
        x[i] === y[j]
          ? (table[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(table[(i + 1) * (m + 1) + j] as number, table[i * (m + 1) + j + 1] as number);
    }
  }
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], w: string) => {
    const last = ops[ops.length - 1];
    if (last?.op === op) last.words.push(w);
    else ops.push({ op, words: [w] });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push('=', x[i] as string);
      i++;
      j++;
    } else if ((table[(i + 1) * (m + 1) + j] as number) >= (table[i * (m + 1) + j + 1] as number))
      push('-', x[i++] as string);
    else push('+', y[j++] as string);
  }
  while (i < n) push('-', x[i++] as string);
  while (j < m) push('+', y[j++] as string);
  return ops;
}
