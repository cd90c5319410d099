/**
 * @module Where the text is. A page saved as text holds its article inside menus, link lists, teasers of other
 * stories, comments and notices; some of those read as prose line by line. The article is the run of lines where
 * prose outweighs everything else: each article's body is narrowed to its highest-scoring run (a maximum-sum
 * subarray, as in body-text extraction), and a would-be article that outweighs little is set aside.
 */
import type { Kind, Unit } from './classify.js';
import type { Segment } from './split.js';

/** Lines that a page prints around articles, never inside one: each costs at least this many characters of prose. */
const FURNITURE_COST = 50;
/** What an article prints inside itself (headings, captions, credits): a small cost, so they never end a run. */
const INSIDE_COST = 8;
/** A further article must weigh at least this share of the heaviest one, else it is another story's teaser. */
const MIN_SHARE = 0.2;
/** ... unless it is at least this share, or prints this many paragraphs in a row as articles do (lists alternate). */
const SURE_SHARE = 0.5;
const MIN_STREAK = 4;

const INSIDE: ReadonlySet<Kind> = new Set(['short', 'caption', 'duplicate', 'byline', 'date', 'agency']);

function weight(u: Unit): number {
  if (u.kind === 'prose') return u.text.length;
  // A rule or a bullet alone on its line separates parts of an article as often as it separates page regions.
  if (INSIDE.has(u.kind) || !/[\p{L}\p{N}]/u.test(u.text)) return -INSIDE_COST;
  return -Math.max(FURNITURE_COST, u.text.length);
}

/** The highest-scoring run of units in [from, to): its first and last index and its score. */
function bestRun(units: Unit[], from: number, to: number): { first: number; last: number; score: number } {
  let best = { first: -1, last: -1, score: 0 };
  let start = from;
  let sum = 0;
  for (let i = from; i < to; i++) {
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    sum += weight(units[i]!);
    if (sum > best.score) best = { first: start, last: i, score: sum };
  }
  return best;
}

/** Most prose paragraphs in a row, headings and captions between them allowed. */
function streak(units: Unit[], first: number, last: number): number {
  let best = 0;
  let run = 0;
  for (let i = first; i <= last; i++) {
    const kind = units[i]!.kind;
    if (kind === 'prose') best = Math.max(best, ++run);
    else if (!INSIDE.has(kind)) run = 0;
  }
  return best;
}

function setAside(units: Unit[], from: number, to: number): void {
  for (let k = from; k < to; k++) if (units[k]!.kind === 'prose') units[k]!.kind = 'stray';
}

/**
 * Narrows each segment's body to its main run and drops segments that weigh too little next to the heaviest,
 * folding their lines into a neighbour so that what was set aside is still reported.
 */
export function focus(units: Unit[], segments: Segment[]): Segment[] {
  const runs = segments.map((s) => bestRun(units, s.firstBody, s.lastBody + 1));
  const heaviest = Math.max(0, ...runs.map((r) => r.score));
  const out: Segment[] = [];
  segments.forEach((s, n) => {
    const run = runs[n]!;
    const weak =
      run.score < heaviest * MIN_SHARE ||
      (run.score < heaviest * SURE_SHARE && streak(units, run.first, run.last) < MIN_STREAK);
    if (run.first < 0 || weak) {
      setAside(units, s.start, s.end);
      const prev = out.at(-1);
      if (prev) prev.end = s.end;
      else if (segments[n + 1]) segments[n + 1]!.start = s.start;
      return;
    }
    setAside(units, s.firstBody, run.first);
    setAside(units, run.last + 1, s.lastBody + 1);
    let first = run.first;
    let last = run.last;
    while (units[first]!.kind !== 'prose') first++;
    while (units[last]!.kind !== 'prose') last--;
    out.push({ ...s, firstBody: first, lastBody: last });
  });
  return out;
}
