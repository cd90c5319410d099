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
// Closing quotes may stand apart from the stop ("… anymore. \"") where text was rebuilt from tokens.
export const TERMINAL = /[.!?\u2026\u3002\uFF01\uFF1F](?:\s?["'\u201D\u2019\u00BB\u203A)\]])*$/u;

/** Words that cannot end an English sentence: a line ending with one was cut mid-sentence. */
const DANGLING = new Set(
  'the a an of to in on at by for from with and or but nor that which who whose whom as than into onto over under about its their his her our your my'.split(
    ' ',
  ),
);

/** A list item's mark: dashes, bullets, and the squares, circles and stars text-mode browsers draw for nested lists. */
export const BULLET = /^[-\u2013\u2014\u2022\u2023*\u00B7\u25A0-\u25FF\u2605\u2606]\s/u;

/** True when `prev` stops mid-sentence and `next` carries on: the pair is one line broken in two. */
/** `last` is the previous physical line: when lines were joined already, `prev` is longer than any wrapped line. */
function continues(prev: string, last: string, next: string, gap: number, width: number): boolean {
  if (TERMINAL.test(prev) || BULLET.test(next)) return false;
  // A list item wrapped at the capture's width goes on; otherwise it ends at its line.
  if (BULLET.test(prev)) return gap === 0 && wrapped(last, next, width);
  const lowerStart = /^\p{Ll}/u.test(next);
  if (gap === 0 && lowerStart) return true;
  // One blank line inside a sentence happens when a capture turned a <br> into a paragraph break.
  if (gap === 1 && lowerStart && prev.length >= 60) return true;
  if (gap > 0) return false;
  const lastWord = /(\p{L}+)[,;]?$/u.exec(prev)?.[1]?.toLowerCase() ?? '';
  if (/[,;]$/.test(prev) && prev.length >= 40) return true;
  if (DANGLING.has(lastWord) && prev.length >= 30) return true;
  return wrapped(last, next, width);
}

/**
 * A capture wrapped at a fixed width breaks sentences anywhere, even before a capitalised word; but only where the
 * next word would not have fitted on the line, which a menu item or a heading above a paragraph rarely matches.
 */
function wrapped(last: string, next: string, width: number): boolean {
  const firstWord = /^\S+/.exec(next)?.[0].length ?? 0;
  return (
    width > 0 &&
    last.length <= width + 2 &&
    last.length + 1 + firstWord > width - 2 &&
    /^[\p{L}\p{N}"'\u201C\u2018(]/u.test(next)
  );
}

/**
 * The width a capture was wrapped at (0 when it was not): most lines of some length end near one width, and hardly any
 * goes beyond it. Short lines (menus, headings, the last line of each paragraph) say nothing either way.
 */
function wrapWidth(lengths: number[]): number {
  const long = lengths.filter((n) => n >= 30).sort((a, b) => a - b);
  if (long.length < 3) return 0;
  const width = long[Math.floor(long.length * 0.9)] ?? 0;
  if (width > 100 || width < 50) return 0;
  const near = long.filter((n) => n >= width * 0.75).length;
  return near >= long.length * 0.5 && near >= 3 ? width : 0;
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
  const width = wrapWidth(raw.map((l) => l.text.length));
  const out: RawLine[] = [];
  let last = '';
  for (const line of raw) {
    const prev = out.at(-1);
    const joins = prev !== undefined && continues(prev.text, last, line.text, line.gap, width);
    last = line.text;
    if (prev && joins) {
      prev.text =
        prev.text.endsWith('-') && /^\p{Ll}/u.test(line.text) && width > 0
          ? prev.text.slice(0, -1) + line.text
          : `${prev.text} ${line.text}`;
      continue;
    }
    out.push({ ...line });
  }
  return out;
}
