/**
 * @module What a story tells about one of its articles that the article's own text does not. A translation is the
 * same text in another language, so when it names no agency it carries the credit of the text it translates
 * ("AFP" for an English machine translation of an AFP dispatch whose "(AFP)" was lost). A rewrite or a spun copy is
 * a new text by another hand and inherits nothing: its credit stays what it states.
 */
import { WEEKDAY_NUMBERS } from '../clean/common/dates.js';
import type { Article } from '../model.js';
import type { Provenance } from './types.js';

export interface InheritedCredit {
  /** The agency, canonical as the clean stage writes it. */
  name: string;
  /** The article whose stated credit this is. */
  from: string;
  reason: string;
}

/** Below this an edge's direction is a guess, and a guess must not move a credit. */
const SURE = 0.5;

/**
 * Credits each article inherits through the translation edges of its story's provenance: only articles that state
 * none, only from a source whose credits (stated, or inherited in turn) are one agreed set.
 */
export function inheritedCredits(articles: readonly Article[], p: Provenance): Map<string, InheritedCredit[]> {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sourcesOf = new Map<string, string[]>();
  for (const e of p.edges) {
    if (e.type !== 'translated' || e.confidence < SURE) continue;
    sourcesOf.set(e.to, [...(sourcesOf.get(e.to) ?? []), e.from]);
  }
  const out = new Map<string, InheritedCredit[]>();
  const resolving = new Set<string>();
  const creditsOf = (id: string): InheritedCredit[] => {
    const done = out.get(id);
    if (done) return done;
    const a = byId.get(id);
    if (!a) return [];
    if (a.credits.length > 0) return a.credits.map((name) => ({ name, from: id, reason: 'stated' }));
    // A cycle of translation edges means the directions are not known after all.
    if (resolving.has(id)) return [];
    resolving.add(id);
    const found = (sourcesOf.get(id) ?? []).map((s) =>
      creditsOf(s).map((c) => ({
        name: c.name,
        from: c.from,
        reason: c.from === s ? `translates ${s}, which credits ${c.name}` : `translates ${s}, which ${c.reason}`,
      })),
    );
    resolving.delete(id);
    const agreed = agreedCredits(found);
    out.set(id, agreed);
    return agreed;
  };
  for (const a of articles) if (a.credits.length === 0) creditsOf(a.id);
  for (const [id, credits] of out) if (credits.length === 0) out.delete(id);
  return out;
}

/** The one set of agency names every non-empty source gives, or none when they differ. */
function agreedCredits(found: InheritedCredit[][]): InheritedCredit[] {
  const given = found.filter((f) => f.length > 0);
  const first = given[0];
  if (!first) return [];
  const key = (f: InheritedCredit[]) =>
    f
      .map((c) => c.name)
      .sort()
      .join('\n');
  return given.every((f) => key(f) === key(first)) ? first : [];
}

/** A publication day an article does not state but its text and its story's dates give. */
export interface InferredDate {
  /** `YYYY-MM-DD`. */
  published: string;
  /** The dated articles of the story it was resolved against. */
  from: string[];
  reason: string;
}

/**
 * Wire style names the day of what it reports right after the verb, with no "on", when that day is today: "state
 * media said Thursday", "KCNA reported Thursday". "said on Thursday" is as often yesterday's news and is not used.
 */
const REPORTED_DAY =
  /\b(?:said|says|reported|announced|confirmed|told reporters|stated|added|warned|declared|wrote|posted)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
const DAY_MS = 86_400_000;
/** How far from the story's dated reports a day may be. */
const SLACK_DAYS = 2;

/**
 * Days for undated articles whose text names the reporting day ("said Thursday"), resolved to the one such weekday
 * within a few days of the dates the story's other reports carry. Nothing when the text names no such day, names
 * several, or no single day of that weekday lies near the story's dates.
 */
export function inferredDates(articles: readonly Article[]): Map<string, InferredDate> {
  const dated = articles.flatMap((a) => {
    const ms = a.published ? Date.parse(`${a.published.slice(0, 10)}T00:00:00Z`) : Number.NaN;
    return Number.isFinite(ms) ? [{ id: a.id, ms }] : [];
  });
  const out = new Map<string, InferredDate>();
  if (dated.length === 0) return out;
  const first = Math.min(...dated.map((d) => d.ms)) - SLACK_DAYS * DAY_MS;
  const last = Math.max(...dated.map((d) => d.ms)) + SLACK_DAYS * DAY_MS;
  for (const a of articles) {
    if (a.published) continue;
    const named = new Set([...a.body.join('\n').matchAll(REPORTED_DAY)].map((m) => m[1]!.toLowerCase()));
    if (named.size !== 1) continue;
    const weekday = WEEKDAY_NUMBERS[[...named][0]!]!;
    const days: number[] = [];
    for (let ms = first; ms <= last; ms += DAY_MS) if (new Date(ms).getUTCDay() === weekday) days.push(ms);
    if (days.length !== 1) continue;
    const day = new Date(days[0]!).toISOString().slice(0, 10);
    const span = [...new Set(dated.map((d) => new Date(d.ms).toISOString().slice(0, 10)))].sort();
    out.set(a.id, {
      published: day,
      from: dated.map((d) => d.id),
      reason: `its text names the reporting day (${[...named][0]}); the story's reports are dated ${span[0]}${span.length > 1 ? ` to ${span.at(-1)}` : ''}`,
    });
  }
  return out;
}
