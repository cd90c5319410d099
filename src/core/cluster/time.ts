/** @module Days on a common scale, for story activity windows and time decay. */

const DAY_MS = 86_400_000;

/** Days since the epoch (fractional) of an ISO 8601 date or timestamp, or null when absent or unreadable. */
export function toDay(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isFinite(ms) ? ms / DAY_MS : null;
}

/** Days from `day` to the nearest point of [first, last]; 0 inside, and 0 when either side has no date. */
export function gapDays(day: number | null, first: number | null, last: number | null): number {
  if (day === null || first === null || last === null) return 0;
  if (day < first) return first - day;
  if (day > last) return day - last;
  return 0;
}

/** 1 within `grace` days, then an exponential fall with time constant `scale` days. */
export function decay(gap: number, grace: number, scale: number): number {
  return gap <= grace ? 1 : Math.exp(-(gap - grace) / scale);
}

/** The month (year × 12 + month − 1) of a day since the epoch. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Whether one of `months` falls within the months of [first, last]; false when the range has no date. */
export function namesMonthOf(months: readonly number[], first: number | null, last: number | null): boolean {
  if (months.length === 0 || first === null || last === null) return false;
  const from = monthOfDay(first);
  const to = monthOfDay(last);
  return months.some((m) => m >= from && m <= to);
}
