/**
 * @module Numbers, dates and quotations an article mentions: the details independent reports of one event share
 * (a magnitude, a death toll, a price, the day, the words someone said) and reports of a similar event do not.
 */
import { CALENDAR } from './entities.js';
import { type Passage, STOPWORDS, type Token } from './text.js';

// Patterns used once per token, made once (a regular expression literal is a new object each time it is evaluated).
const DIGITS = /^\d+$/;
const LEADING_DIGIT = /^\d/;
const ONE_OR_TWO_DIGITS = /^\d{1,2}$/;
const TWO_DIGITS = /^\d{2}$/;
const THREE_DIGITS = /^\d{3}$/;
const FOUR_DIGITS = /^\d{4}$/;
const DAY = /^\d{1,2}(?:st|nd|rd|th)?$/i;
const ORDINAL = /^(\d{1,3})(?:st|nd|rd|th)$/i;
const CLOCK_GAP = /^: ?$/;
const SLASH_GAP = /^ ?\/ ?$/;
const COMMAS = /,/g;
const FINAL_STOP = /\.$/;
const QUANTITY = /^\d+(?:\.\d+)?$/;

const MONTH_INDEX: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may', 'may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap(([full, short], i) => [
    [full!, i + 1],
    [short!, i + 1],
    ...(short === 'sep' ? [['sept', i + 1] as [string, number]] : []),
  ]),
);

const SCALE: ReadonlyMap<string, string> = new Map([
  ['thousand', 'e3'],
  ['million', 'e6'],
  ['millions', 'e6'],
  ['m', 'e6'],
  ['mn', 'e6'],
  ['billion', 'e9'],
  ['billions', 'e9'],
  ['bn', 'e9'],
  ['b', 'e9'],
  ['trillion', 'e12'],
]);

const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 2)]),
);

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  'third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i) => [w, i + 3]),
);

/** A two- or four-digit year of a numeric date ("09", "2013"), as a full year. */
function fullYear(t: string): number | null {
  if (FOUR_DIGITS.test(t)) {
    const y = Number(t);
    return y >= 1900 && y <= 2100 ? y : null;
  }
  return TWO_DIGITS.test(t) ? 2000 + Number(t) - (Number(t) > 50 ? 100 : 0) : null;
}

export interface Mentions {
  /** `n:<value>` numbers (with their scale), `y:<year>` years, `d:<month>-<day>` and `m:<year>-<month>` dates. */
  keys: string[];
}

/** A month name; "may" only as "May", since the verb is far commoner. */
const isMonth = (t: Token | undefined) =>
  t !== undefined && MONTH_INDEX.has(t.lower) && CALENDAR.has(t.lower) && (t.lower !== 'may' || t.text === 'May');

function dayOf(t: Token | undefined): number | null {
  if (!t || !DAY.test(t.text)) return null;
  const d = Number.parseInt(t.text, 10);
  return d >= 1 && d <= 31 ? d : null;
}

function yearOf(t: Token | undefined): number | null {
  if (!t || !FOUR_DIGITS.test(t.text)) return null;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100 ? y : null;
}

/** Numbers, years and calendar dates, in order of appearance (repeats kept: they are counted as term frequency). */
export function findNumbersAndDates({ text, tokens }: Passage): string[] {
  const out: string[] = [];
  const gap = (i: number) => text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? tokens[i]!.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // Captures space decimals and clock times apart ("$2. 5 million", "14: 08"): rejoin the one, skip the other.
    if (next && DIGITS.test(t.text) && DIGITS.test(next.text)) {
      const g = gap(i);
      if (CLOCK_GAP.test(g)) {
        i++;
        continue;
      }
      // "1,200": thousands separated by a comma the tokenizer splits on.
      if (g === ',' && next.text.length === 3) {
        let value = t.text + next.text;
        let j = i + 1;
        while (tokens[j + 1] && gap(j) === ',' && THREE_DIGITS.test(tokens[j + 1]!.text)) value += tokens[++j]!.text;
        const scale = SCALE.get(tokens[j + 1]?.lower ?? '') ?? '';
        out.push(`n:${Number(value)}${scale}`);
        i = j;
        continue;
      }
      if (g === '. ' && next.text.length <= 2) {
        const scale = SCALE.get(tokens[i + 2]?.lower ?? '') ?? '';
        out.push(`n:${Number(`${t.text}.${next.text}`)}${scale}`);
        i++;
        continue;
      }
    }
    // "11 / 30 / 09", "27/09/2013": a numeric date. Its year always; month and day only when the order is plain.
    if (ONE_OR_TWO_DIGITS.test(t.text) && tokens[i + 2] && SLASH_GAP.test(gap(i)) && SLASH_GAP.test(gap(i + 1))) {
      const a = Number(t.text);
      const b = Number(tokens[i + 1]!.text);
      const y = fullYear(tokens[i + 2]!.text);
      if (y !== null && ONE_OR_TWO_DIGITS.test(tokens[i + 1]!.text) && a >= 1 && b >= 1 && a <= 31 && b <= 31) {
        out.push(`y:${y}`);
        const [month, day] = a > 12 ? [b, a] : b > 12 ? [a, b] : [0, 0];
        if (month >= 1 && month <= 12) out.push(`d:${month}-${day}`, `m:${y}-${month}`);
        i += 2;
        continue;
      }
    }
    if (isMonth(t)) {
      const month = MONTH_INDEX.get(t.lower)!;
      const after = dayOf(tokens[i + 1]);
      const before = dayOf(tokens[i - 1]);
      const day = after ?? before;
      if (day !== null) out.push(`d:${month}-${day}`);
      const year = yearOf(tokens[i + (after !== null ? 2 : 1)]);
      if (year !== null) out.push(`m:${year}-${month}`);
      continue;
    }
    const year = yearOf(t);
    if (year !== null) {
      out.push(`y:${year}`);
      continue;
    }
    const ord = ORDINAL.exec(t.text);
    if (ord) {
      out.push(`n:${Number(ord[1])}th`);
      continue;
    }
    if (ORDINAL_WORDS.has(t.lower)) {
      out.push(`n:${ORDINAL_WORDS.get(t.lower)!}th`);
      continue;
    }
    if (LEADING_DIGIT.test(t.text)) {
      // "6.1", "1,200", "90": a quantity. Days of a date were taken with their month above.
      if (isMonth(tokens[i + 1]) || isMonth(tokens[i - 1])) continue;
      const value = t.text.replace(COMMAS, '').replace(FINAL_STOP, '');
      if (!QUANTITY.test(value)) continue;
      const scale = SCALE.get(tokens[i + 1]?.lower ?? '') ?? '';
      out.push(`n:${Number(value)}${scale}`);
      continue;
    }
    const word = NUMBER_WORDS.get(t.lower);
    if (word && SCALE.has(tokens[i + 1]?.lower ?? '')) out.push(`n:${word}${SCALE.get(tokens[i + 1]!.lower)}`);
  }
  return out;
}

const QUOTE_OPEN = /["“”«»„]/g;

/**
 * Word triples of quoted passages of five words or more. Straight quotes are paired in order within a paragraph;
 * curly and guillemet quotes are treated alike since captures mix them.
 */
export function findQuoteShingles({ text, tokens }: Passage): string[] {
  const marks = [...text.matchAll(QUOTE_OPEN)].map((m) => m.index);
  const out: string[] = [];
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const from = marks[i]!;
    const to = marks[i + 1]!;
    const words = tokens.filter((t) => t.start > from && t.end <= to).map((t) => t.lower);
    if (words.length < 5) continue;
    for (let j = 0; j + 3 <= words.length; j++) {
      const tri = words.slice(j, j + 3);
      if (tri.every((w) => STOPWORDS.has(w))) continue;
      out.push(`q:${tri.join(' ')}`);
    }
  }
  return out;
}
