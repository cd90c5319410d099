/**
 * @module Dates written in text: "14 September 2023", "Friday, June 14, 2024", "Fri Sep 15 2023", "2023-09-14",
 * "14. September 2023, 13:15", "le 3 mars 2031", "14 de septiembre de 2023", "3 марта 2031". Only dates with a
 * day, a month and a year count: "in September 1948" tells nothing about when an article was published.
 */
import { isoDate } from '../../ingest/fields.js';
import type { TimePrecision } from '../../model.js';

/** Month names and common abbreviations in en, fr, de, es, it, pt, nl, sv and ru (nominative and genitive). */
export const MONTHS: Readonly<Record<string, number>> = buildMonths([
  ['january jan janvier janv januar jän jänner enero ene gennaio gen janeiro januari январь января янв', 1],
  [
    'february feb février fevrier févr fevr februar febrero febbraio fevereiro fev februari februari февраль февраля фев',
    2,
  ],
  ['march mar mars märz maerz mrz marzo março marco maart mars март марта', 3],
  ['april apr avril abril aprile abr апрель апреля апр', 4],
  ['may mai mayo maggio maio mei maj май мая', 5],
  ['june jun juin juni junio giugno junho июнь июня июн', 6],
  ['july jul juillet juil juli julio luglio lug julho июль июля июл', 7],
  ['august aug août aout august agosto ago augustus augusti август августа авг', 8],
  ['september sep sept septembre septiembre setiembre settembre set setembro september сентябрь сентября сен', 9],
  ['october oct octobre oktober octubre ottobre ott outubro out okt oktober октябрь октября окт', 10],
  ['november nov novembre noviembre novembro november ноябрь ноября ноя', 11],
  ['december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro december дек декабрь декабря', 12],
]);

/** Weekday names and abbreviations in the same languages, lower-case. */
export const WEEKDAYS: ReadonlySet<string> = new Set(
  (
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag ' +
    'sonnabend sonntag lunes martes miércoles miercoles jueves viernes sábado sabado domingo lunedì lunedi ' +
    'martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica segunda terça terca ' +
    'quarta quinta sexta maandag dinsdag woensdag donderdag vrijdag zaterdag zondag måndag tisdag onsdag torsdag ' +
    'fredag lördag söndag понедельник вторник среда четверг пятница суббота воскресенье'
  ).split(' '),
);

/** English weekday names by their number in `Date#getUTCDay()` (Sunday 0). */
export const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

function buildMonths(rows: [string, number][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [names, n] of rows) for (const name of names.split(' ')) out[name] = n;
  return out;
}

/** One date found in a text. */
export interface DateMatch {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS][offset]` when a time follows the date. */
  iso: string;
  precision: TimePrecision;
  /** Offset and length of the matched text, time included. */
  index: number;
  length: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest names first so that "september" wins over "sep".
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const ISO = new RegExp(
  `${L}(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?)?${R}`,
  'gu',
);
const DAY_MONTH_YEAR = new RegExp(
  `${L}(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?(${MONTH_ALT})\\.?,?\\s+(?:de\\s+)?(\\d{4})${R}`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(`${L}(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${R}`, 'giu');
const NUMERIC = /(?<![\p{L}\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{L}\p{N}])/gu;
/** A time right after a date: ", 1:15 p.m.", " at 13:15", " um 13.15 Uhr", " 10:00:00". */
const TIME =
  /^\s*(?:,|at|um|à|a las|alle|kl\.?|-|\u2013)?\s*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?/iu;

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function withTime(
  text: string,
  end: number,
  y: number,
  m: number,
  d: number,
): { iso: string; precision: TimePrecision; end: number } {
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const t = TIME.exec(text.slice(end, end + 24));
  if (!t?.[1] || !t[2]) return { iso: day, precision: 'day', end };
  let h = Number(t[1]);
  const min = Number(t[2]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && h < 12) h += 12;
  if (ampm === 'a' && h === 12) h = 0;
  if (h > 23 || min > 59) return { iso: day, precision: 'day', end };
  const sec = t[3] ? `:${t[3]}` : '';
  return { iso: `${day}T${pad(h)}:${pad(min)}${sec}`, precision: t[3] ? 'second' : 'minute', end: end + t[0].length };
}

/** Every full date (day, month, year) in the text, in order of appearance, overlapping matches removed. */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(ISO)) {
    const [, y, mo, d, h, mi, s, tz] = m;
    if (!validDay(Number(y), Number(mo), Number(d))) continue;
    let iso = `${y}-${mo}-${d}`;
    let precision: TimePrecision = 'day';
    if (h && mi) {
      iso += `T${h}:${mi}${s ? `:${s}` : ''}${tz ?? ''}`;
      precision = s ? 'second' : 'minute';
    }
    found.push({ iso, precision, index: m.index, length: m[0].length });
  }
  const add = (index: number, matched: string, y: number, mo: number, d: number) => {
    if (!validDay(y, mo, d)) return;
    const t = withTime(text, index + matched.length, y, mo, d);
    found.push({ iso: t.iso, precision: t.precision, index, length: t.end - index });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    add(m.index, m[0], Number(m[3]), MONTHS[m[2]!.toLowerCase()] ?? 0, Number(m[1]));
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    add(m.index, m[0], Number(m[3]), MONTHS[m[1]!.toLowerCase()] ?? 0, Number(m[2]));
  }
  for (const m of text.matchAll(NUMERIC)) add(m.index, m[0], Number(m[3]), Number(m[2]), Number(m[1]));
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.length;
  }
  return out;
}

/** Words that may sit beside a date on a line that only states when something was published. */
const DATE_LINE_WORDS = new Set(
  (
    'published updated posted last modified originally first created on at am pm a.m. p.m. a.m p.m gmt utc bst cet cest est edt pst pdt msk kst jst ' +
    'ist et ct mt pt cst cdt mst mdt aest aedt hkt sgt sast eat wat cat hrs h uk ' +
    'uhr le la el il am om den publié publicado pubblicato gepubliceerd publicerad veröffentlicht aktualisiert ' +
    'mis à jour'
  ).split(' '),
);

/** True for a line that is a date and nothing more: "Fri Sep 15 2023", "Updated: 14 September 2023, 13:15 GMT". */
export function isDateLine(line: string): boolean {
  const dates = findDates(line);
  const slashed = line.match(SLASH_DATE) ?? [];
  if (dates.length === 0 && slashed.length === 0) return false;
  let rest = line;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
  for (const d of slashed) rest = rest.replace(d, ' ');
  const words = rest
    .toLowerCase()
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && !WEEKDAYS.has(w) && !DATE_LINE_WORDS.has(w) && !/^[+-]?\d{1,4}(?:am|pm|h)?$/.test(w));
  return words.length === 0;
}

/**
 * "05/02/2013", "12/16/08": a date, but which number is the month only the outlet's country tells; read as a date line,
 * never as a date.
 */
const SLASH_DATE = /(?<![\p{L}\p{N}/])\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})(?![\p{L}\p{N}/])/gu;

/**
 * Text split into tokens and joined with spaces, as NLP corpora give it ("10: 20 a. m.", "05 / 02 / 2013",
 * "2013 - 09 - 26"), with the spaces inside times and numeric dates taken out, so that dates and stamps read as written.
 */
export function untokenizeDates(text: string): string {
  if (!/\d ?[:/-] \d|\b[ap]\. m\./i.test(text)) return text;
  return text
    .replace(/(\d) ?: (\d{2})(?!\d)/g, '$1:$2')
    .replace(/\b([ap])\. (m)\./gi, '$1.$2.')
    .replace(/(?<![\p{L}\p{N}])(\d{1,4}) ([/-]) (\d{1,2}) \2 (\d{2,4})(?![\p{L}\p{N}])/gu, '$1$2$3$2$4');
}

const STAMP_START =
  /^[|•·\s-]*(?:published|updated|posted|last updated|originally published|first published|(?:story )?created|modified|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato)\b/i;
const STAMP_WORDS = new Set(
  'a.m p.m ago just now today yesterday minute minutes min mins hour hours hr hrs day days week weeks month months'.split(
    ' ',
  ),
);

/**
 * True for a publication stamp with no full date in it: "Updated at 1:23 p.m.", "Published 1 day ago",
 * "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM". It starts with a stamp word and holds only times, day and
 * month names, numbers, time zones and "ago".
 */
export function isStampLine(line: string): boolean {
  if (!STAMP_START.test(line) || line.length > 90) return false;
  const words = line
    .toLowerCase()
    .split(/[^\p{L}\p{N}.:]+/u)
    .map((w) => w.replace(/^[.:]+|[.:]+$/g, ''))
    .filter(
      (w) =>
        w &&
        !WEEKDAYS.has(w) &&
        !(w in MONTHS) &&
        !DATE_LINE_WORDS.has(w) &&
        !STAMP_WORDS.has(w) &&
        !/^[\d:./]+$/.test(w),
    );
  return words.length === 0 && /\d|\bago\b|today|yesterday|just now/i.test(line);
}

/**
 * A date as a container states it (feed, JSONL, meta tag) turned into an article's: normalised by `isoDate`, with
 * the precision it really carries. Feeds and headers print seconds always, so `:00` seconds mean a minute.
 */
export function containerDate(value: string | null | undefined): {
  published: string | null;
  precision: TimePrecision | null;
} {
  const iso = isoDate(value);
  if (!iso) return { published: null, precision: null };
  if (iso.length === 10) return { published: iso, precision: 'day' };
  const d = new Date(iso);
  return { published: iso, precision: d.getUTCSeconds() || d.getUTCMilliseconds() ? 'second' : 'minute' };
}
