/**
 * @module Differences inside one claim: sources that state it with other numbers, other dates or another person
 * in the same role. Each conflict lists every article's value so a reader sees who says what.
 */
import { canonicalNumber } from '../fingerprint/words.js';
import { nameRuns, splitTitle } from './names.js';
import type { Conflict } from './types.js';
import type { MentionedDate } from './when.js';

export interface ConflictInput {
  article: string;
  text: string;
  dates: MentionedDate[];
}

const NUMBER =
  /(?<![\p{L}\p{N}])(\d+(?:[.,]\d+)*)(?![\p{N}])|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b/giu;

function numbersOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const raw = (m[1] ?? canonicalNumber((m[2] ?? '').toLowerCase())).replace(/,(?=\d{3}\b)/g, '');
    // Years are dates; they conflict as dates.
    if (/^(?:1[89]|20)\d{2}$/.test(raw)) continue;
    out.add(raw);
  }
  return out;
}

function rolesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const run of nameRuns(text)) {
    const { name, role } = splitTitle(run);
    if (role) out.set(role.toLowerCase(), name);
  }
  return out;
}

function differing(kind: Conflict['kind'], perArticle: Map<string, Set<string>>): Conflict | null {
  const withValues = [...perArticle].filter(([, v]) => v.size > 0);
  if (withValues.length < 2) return null;
  const keys = new Set(withValues.map(([, v]) => [...v].sort().join(', ')));
  if (keys.size < 2) return null;
  return { kind, values: withValues.map(([article, v]) => ({ article, value: [...v].sort().join(', ') })) };
}

/** Conflicts among the statements of one claim, at most one of each kind. */
export function findConflicts(statements: readonly ConflictInput[]): Conflict[] {
  const numbers = new Map<string, Set<string>>();
  const dates = new Map<string, Set<string>>();
  const roles = new Map<string, Map<string, string>>();
  for (const s of statements) {
    const n = numbers.get(s.article) ?? new Set();
    for (const x of numbersOf(s.text)) n.add(x);
    numbers.set(s.article, n);
    const d = dates.get(s.article) ?? new Set();
    for (const x of s.dates) d.add(x.iso);
    dates.set(s.article, d);
    const r = roles.get(s.article) ?? new Map();
    for (const [role, name] of rolesOf(s.text)) r.set(role, name);
    roles.set(s.article, r);
  }
  const out: Conflict[] = [];
  // Numbers and dates conflict only when every article that states some gives a different set; one source giving
  // more detail (an extra figure) is an addition, not a conflict.
  const disjoint = (m: Map<string, Set<string>>) => {
    const sets = [...m.values()].filter((v) => v.size > 0);
    return sets.some((a, i) => sets.some((b, j) => j > i && [...a].every((x) => !b.has(x))));
  };
  if (disjoint(numbers)) {
    const c = differing('number', numbers);
    if (c) out.push(c);
  }
  if (disjoint(dates)) {
    const c = differing('date', dates);
    if (c) out.push(c);
  }
  const byRole = new Map<string, Map<string, Set<string>>>();
  for (const [article, r] of roles) {
    for (const [role, name] of r) {
      const m = byRole.get(role) ?? new Map<string, Set<string>>();
      m.set(article, new Set([name]));
      byRole.set(role, m);
    }
  }
  for (const m of byRole.values()) {
    const c = differing('name', m);
    if (c) {
      out.push(c);
      break;
    }
  }
  return out;
}
