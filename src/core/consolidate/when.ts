/**
 * @module Dates an article mentions, resolved against the article's own date: "on Wednesday" is the Wednesday
 * before it (or after it, in a sentence about what will happen), "next month" the month after, "in October" the
 * nearest October on the side the tense points to.
 */
import { findDates, MONTHS, WEEKDAY_NUMBERS } from '../clean/common/dates.js';

export type DatePrecision = 'day' | 'month' | 'year';

export interface MentionedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  iso: string;
  precision: DatePrecision;
  /** The words that gave it. */
  phrase: string;
}

const MONTH_NAMES = Object.keys(MONTHS).filter((m) => m.length >= 3 && /^[a-z]+$/.test(m) && MONTHS[m] !== undefined);
const FULL_MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);
// Words that put a sentence in the future, where a bare weekday or month is the next one.
const FUTURE =
  /\b(?:will|shall|is due|are due|due to|is set to|are set to|plans? to|is to|are to|next|upcoming|would travel|is expected to|are expected to)\b/i;

const pad = (n: number) => String(n).padStart(2, '0');
const dayIso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthIso = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/** The reference day of an ISO date or timestamp, or null. */
export function referenceDay(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const RELATIVE =
  /\b(?:(today|yesterday|tomorrow)|(?:(next|following|coming|subsequent|last|previous|this)\s+(month|year|week)))\b/gi;
const WEEKDAY = /\b(?:on\s+|last\s+|next\s+|this\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const MONTH_YEAR = new RegExp(
  `\\b(${MONTH_NAMES.map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|')})\\b(?:\\s+(\\d{4}))?`,
  'g',
);
const YEAR = /\b(?:in|since|by|until|of|from)\s+((?:19|20)\d{2})\b(?!\s*[-–]\d)/g;

/** Every date a sentence mentions, resolved against `reference` where it is relative; unresolvable ones are left out. */
export function mentionedDates(sentence: string, reference: Date | null): MentionedDate[] {
  const out: MentionedDate[] = [];
  const taken: [number, number][] = [];
  const free = (i: number, n: number) => taken.every(([a, b]) => i + n <= a || i >= b);
  const add = (i: number, n: number, d: MentionedDate) => {
    if (!free(i, n)) return;
    taken.push([i, i + n]);
    out.push(d);
  };
  for (const d of findDates(sentence)) {
    add(d.index, d.length, {
      iso: d.iso.slice(0, 10),
      precision: 'day',
      phrase: sentence.slice(d.index, d.index + d.length),
    });
  }
  const future = FUTURE.test(sentence);
  for (const m of sentence.matchAll(MONTH_YEAR)) {
    const name = m[1]?.toLowerCase() ?? '';
    if (!FULL_MONTHS.has(name)) continue;
    const month = MONTHS[name] as number;
    if (m[2]) {
      add(m.index, m[0].length, { iso: `${m[2]}-${pad(month)}`, precision: 'month', phrase: m[0] });
    } else if (reference) {
      const y = reference.getUTCFullYear();
      const now = reference.getUTCMonth() + 1;
      const year = future && month < now ? y + 1 : !future && month > now ? y - 1 : y;
      add(m.index, m[0].length, { iso: monthIso(year, month), precision: 'month', phrase: m[0] });
    }
  }
  for (const m of sentence.matchAll(YEAR)) {
    const at = m.index + m[0].length - (m[1]?.length ?? 0);
    add(at, m[1]?.length ?? 0, { iso: m[1] ?? '', precision: 'year', phrase: m[0] });
  }
  if (!reference) return out;
  for (const m of sentence.matchAll(WEEKDAY)) {
    const target = WEEKDAY_NUMBERS[m[1]?.toLowerCase() ?? ''] ?? 0;
    const forward = /^next/i.test(m[0]) || (future && !/^last/i.test(m[0]));
    const now = reference.getUTCDay();
    const ahead = (target - now + 7) % 7;
    const shift = forward ? (/^next/i.test(m[0]) ? ahead || 7 : ahead) : -((now - target + 7) % 7);
    const d = new Date(reference.getTime() + shift * 86_400_000);
    add(m.index, m[0].length, { iso: dayIso(d), precision: 'day', phrase: m[0] });
  }
  for (const m of sentence.matchAll(RELATIVE)) {
    const word = m[1]?.toLowerCase();
    const y = reference.getUTCFullYear();
    const mo = reference.getUTCMonth() + 1;
    if (word) {
      const shift = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      add(m.index, m[0].length, {
        iso: dayIso(new Date(reference.getTime() + shift * 86_400_000)),
        precision: 'day',
        phrase: m[0],
      });
      continue;
    }
    const which = m[2]?.toLowerCase() ?? '';
    const step = which === 'last' || which === 'previous' ? -1 : which === 'this' ? 0 : 1;
    const unit = m[3]?.toLowerCase();
    if (unit === 'month') add(m.index, m[0].length, { iso: monthIso(y, mo + step), precision: 'month', phrase: m[0] });
    else if (unit === 'year') add(m.index, m[0].length, { iso: String(y + step), precision: 'year', phrase: m[0] });
  }
  return out;
}
