/**
 * @module From a capture to lines: each non-blank line once, with the number of blank lines before it, and lines
 * that a line break cut in the middle of a sentence glued back together.
 */

export interface RawLine {
  /** The line's original text, trimmed (non-breaking spaces included). */
  text: string;
  /** Blank lines between this line and the previous non-blank one: a paragraph break when the capture uses them. */
  gap: number;
}

/** Sentence punctuation, possibly followed by closing quotes or brackets. */
export const TERMINAL = /[.!?\u2026\u3002\uFF01\uFF1F]["'\u201D\u2019\u00BB\u203A)\]]*$/u;

/** Words that cannot end an English sentence: a line ending with one was cut mid-sentence. */
const DANGLING = new Set(
  'the a an of to in on at by for from with and or but nor that which who whose whom as than into onto over under about its their his her our your my'.split(
    ' ',
  ),
);

const BULLET = /^[-\u2013\u2014\u2022*\u00B7\u25AA\u25BA]\s/u;

/** True when `prev` stops mid-sentence and `next` carries on: the pair is one line broken in two. */
function continues(prev: string, next: string, gap: number, hardWrapped: boolean): boolean {
  if (TERMINAL.test(prev) || BULLET.test(next) || BULLET.test(prev)) return false;
  const lowerStart = /^\p{Ll}/u.test(next);
  if (gap === 0 && lowerStart) return true;
  // One blank line inside a sentence happens when a capture turned a <br> into a paragraph break.
  if (gap === 1 && lowerStart && prev.length >= 60) return true;
  if (gap > 0) return false;
  const last = /(\p{L}+)[,;]?$/u.exec(prev)?.[1]?.toLowerCase() ?? '';
  if (/[,;]$/.test(prev) && prev.length >= 40) return true;
  if (DANGLING.has(last) && prev.length >= 30) return true;
  // A capture wrapped at a fixed width breaks sentences anywhere, even before a capitalised word.
  return hardWrapped && prev.length >= 55 && /^[\p{L}\p{N}"'\u201C\u2018(]/u.test(next);
}

/** True when the capture was wrapped at a fixed width (most lines of similar length, none much longer). */
function isHardWrapped(lengths: number[]): boolean {
  if (lengths.length < 8) return false;
  const max = Math.max(...lengths);
  if (max > 100 || max < 50) return false;
  const near = lengths.filter((n) => n >= max * 0.75).length;
  return near >= lengths.length * 0.5;
}

/** Splits a capture into non-blank lines and rejoins the ones broken mid-sentence. */
export function splitLines(text: string): RawLine[] {
  const raw: RawLine[] = [];
  let gap = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = line.trim();
    if (!t) {
      gap++;
      continue;
    }
    raw.push({ text: t, gap: raw.length ? gap : 0 });
    gap = 0;
  }
  const hardWrapped = isHardWrapped(raw.map((l) => l.text.length));
  const out: RawLine[] = [];
  for (const line of raw) {
    const prev = out.at(-1);
    if (prev && continues(prev.text, line.text, line.gap, hardWrapped)) {
      prev.text =
        prev.text.endsWith('-') && /^\p{Ll}/u.test(line.text) && hardWrapped
          ? prev.text.slice(0, -1) + line.text
          : `${prev.text} ${line.text}`;
      continue;
    }
    out.push({ ...line });
  }
  return out;
}
