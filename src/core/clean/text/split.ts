/**
 * @module Judging lines by their neighbours: repeated lines and captions printed twice, lists of other stories'
 * headlines and teasers, reader appeals that run to the end of the page, and where one article ends and the next
 * begins when a capture holds several.
 */
import { findDateline } from '../common/dateline.js';
import { contentWords, overlap } from '../common/vocabulary.js';
import type { Kind, Unit } from './classify.js';
import { appealScore } from './classify.js';
import { BULLET } from './lines.js';

/** Below this share of content words in common, two passages are about different things. */
const TOPIC_BREAK = 0.12;
/** Teasers of other stories share less than this with the article around them. */
const TEASER_OVERLAP = 0.35;
const NEAR_DUPLICATE_CHARS = 60;
const MIN_TOPIC_WORDS = 20;

/**
 * Captions printed twice in a row become captions; a caption or paragraph seen before becomes a duplicate; so does a
 * paragraph that repeats an earlier one with a signature added or a tail cut ("... technology. - REUTERS").
 */
export function markDuplicates(units: Unit[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'prose') continue;
    if (units[i - 1]?.key === u.key || units[i + 1]?.key === u.key) u.kind = 'caption';
  }
  // "Image caption," / "Photo:" alone on a line: the next line is the caption.
  for (let i = 0; i < units.length - 1; i++) {
    if (!CAPTION_LABEL.test(units[i]!.text)) continue;
    units[i]!.kind = 'navigation';
    const next = units[i + 1]!;
    if (next.kind === 'prose' || next.kind === 'short') next.kind = 'caption';
  }
  const seen = new Set<string>();
  const long: { key: string; core: string }[] = [];
  for (const u of units) {
    if (u.kind !== 'prose' && u.kind !== 'caption') continue;
    if (seen.has(u.key)) {
      u.duplicateOf = u.kind;
      u.kind = 'duplicate';
      continue;
    }
    if (u.kind === 'prose' && u.key.length >= NEAR_DUPLICATE_CHARS) {
      const core = coreOf(u.key);
      if (long.some((k) => (core && k.key.includes(core)) || u.key.includes(k.core || k.key))) {
        u.duplicateOf = u.kind;
        u.kind = 'duplicate';
        continue;
      }
      long.push({ key: u.key, core });
    }
    seen.add(u.key);
  }
}

function vocabularyOf(u: Unit): Set<string> {
  u.vocabulary ??= contentWords(u.text);
  return u.vocabulary;
}

const CAPTION_LABEL = /^(?:image|photo|picture|video|media)\s*(?:caption|source|credit)?\s*[,:]?$/i;

/**
 * The middle of a paragraph's key, without its first and last three words: a repeat may add a dateline in front
 * ("LONDON/PARIS: ...") or a signature behind ("... - REUTERS") and is still the same paragraph.
 */
function coreOf(key: string): string {
  const words = key.split(' ');
  if (words.length < 14) return '';
  const core = words.slice(3, -3).join(' ');
  return core.length >= NEAR_DUPLICATE_CHARS ? core : '';
}

/**
 * Lists of other stories: bulleted headlines, runs of three or more headlines, and runs of headline + one-sentence
 * teaser pairs whose teasers share little vocabulary with the rest of the page.
 */
export function markLists(units: Unit[]): void {
  for (const u of units) if (u.kind === 'short' && BULLET.test(u.text)) u.kind = 'related';

  // "Related Topics" / "More on this story" and the short lines under it.
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind !== 'related' || u.words > 6 || /:\s*\S/.test(u.text)) continue;
    for (let k = i + 1; units[k]?.kind === 'short' && units[k]!.gap <= 1; k++) {
      if (leadsToArticle(units[k + 1]?.kind)) break;
      units[k]!.kind = 'related';
    }
  }

  for (let i = 0; i < units.length; ) {
    let j = i;
    while (units[j]?.kind === 'short' && units[j]!.titleLike && units[j + 1]?.kind === 'prose') j += 2;
    const pairs = (j - i) / 2;
    if (pairs >= 3 && teasersAreForeign(units, i, j)) {
      for (let k = i; k < j; k++) units[k]!.kind = k % 2 === i % 2 ? 'related' : 'teaser';
      i = j;
    } else i++;
  }

  for (let i = 0; i < units.length; ) {
    let j = i;
    while (units[j]?.kind === 'short' && units[j]!.titleLike && (j === i || units[j]!.gap <= 1)) j++;
    if (j - i >= 3 && !leadsToArticle(units[j]?.kind)) for (let k = i; k < j; k++) units[k]!.kind = 'related';
    i = Math.max(j, i + 1);
  }
}

/** A headline followed by one of these is an article's headline, not an entry in a list. */
function leadsToArticle(next: Kind | undefined): boolean {
  return next === 'prose' || next === 'byline' || next === 'date' || next === 'caption';
}

function teasersAreForeign(units: Unit[], from: number, to: number): boolean {
  const rest = new Set<string>();
  units.forEach((u, k) => {
    if (u.kind === 'prose' && (k < from || k >= to)) for (const w of vocabularyOf(u)) rest.add(w);
  });
  if (rest.size === 0) return false;
  let sum = 0;
  let n = 0;
  for (let k = from + 1; k < to; k += 2) {
    sum += overlap(vocabularyOf(units[k]!), rest);
    n++;
  }
  return sum / n < TEASER_OVERLAP;
}

const PAGE_FURNITURE: ReadonlySet<Kind> = new Set(['navigation', 'related', 'footer', 'advertisement']);

/**
 * An appeal is a block: lines next to an appeal line that lean the same way, short lines wedged in it ("payment
 * methods") and paragraphs between two appeal lines belong to it.
 */
export function markAppeals(units: Unit[]): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      if (u.kind !== 'prose' && u.kind !== 'short') continue;
      const prev = units[i - 1]?.kind;
      const next = units[i + 1]?.kind;
      const besideAppeal = prev === 'appeal' || next === 'appeal';
      if (!besideAppeal) continue;
      const wedged = prev === 'appeal' && (next === 'appeal' || next === undefined || PAGE_FURNITURE.has(next));
      if (appealScore(u.text) >= 1 || (u.kind === 'short' && u.words <= 6) || wedged) {
        u.kind = 'appeal';
        changed = true;
      }
    }
  }
}

/** One article's share of the units: [start, end), with its body running from firstBody to lastBody. */
export interface Segment {
  start: number;
  end: number;
  firstBody: number;
  lastBody: number;
}

/** What lies between two articles when a page ends one and starts another. */
const ARTICLE_END: ReadonlySet<Kind> = new Set(['appeal', 'footer', 'teaser', 'agency', 'date', 'byline']);
const WEAK_END: ReadonlySet<Kind> = new Set(['related', 'navigation', 'caption', 'duplicate', 'advertisement']);
/** What may sit between a headline and its body. */
const HEADER: ReadonlySet<Kind> = new Set(['caption', 'agency', 'date', 'byline', 'duplicate']);

/** An agency line under or between captions credits a photo; it does not sign off an article. */
export function isPhotoCreditLine(units: Unit[], k: number): boolean {
  const isCaption = (u: Unit | undefined) => u?.kind === 'caption' || u?.duplicateOf === 'caption';
  return units[k]?.kind === 'agency' && (isCaption(units[k - 1]) || isCaption(units[k + 1]));
}

/** Splits the units into articles. Units before the first body and after the last stay with the nearest article. */
/**
 * Where articles start. `oneArticle`: the container says the text is one article (a JSON Lines record, a feed item),
 * so a headline starts another only on structural evidence (a byline or date under it, a dateline, a sign-off
 * before it), not on a change of vocabulary, which a section of one long article also shows.
 */
export function segment(units: Unit[], options: { oneArticle?: boolean } = {}): Segment[] {
  const out: Segment[] = [];
  let cur: Segment = { start: 0, end: units.length, firstBody: -1, lastBody: -1 };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.kind === 'prose') {
      if (cur.firstBody < 0) cur.firstBody = i;
      cur.lastBody = i;
      continue;
    }
    if (cur.firstBody >= 0 && u.kind === 'short' && u.titleLike && startsArticle(units, i, cur, options.oneArticle)) {
      cur.end = i;
      out.push(cur);
      cur = { start: i, end: units.length, firstBody: -1, lastBody: -1 };
    }
  }
  if (cur.firstBody >= 0) out.push(cur);
  else if (out.length) out[out.length - 1]!.end = units.length;
  for (const s of out) trimSignedTail(units, s);
  return out;
}

/** What signs off an article: a credit line, a "Reporting by ...; Editing by ..." line, a copyright. */
const SIGN_OFF: ReadonlySet<Kind> = new Set(['agency', 'footer']);
const TAIL_WORDS = 25;

/**
 * After an article's sign-off, a sentence or two more is the outlet's boilerplate ("Our Standards: ..."), not body:
 * the body ends before the sign-off when little prose follows it.
 */
function trimSignedTail(units: Unit[], s: Segment): void {
  let signOff = -1;
  for (let k = s.lastBody; k > s.firstBody; k--) {
    const u = units[k]!;
    if ((SIGN_OFF.has(u.kind) && !isPhotoCreditLine(units, k)) || (u.kind === 'byline' && /;/.test(u.text))) {
      signOff = k;
      break;
    }
  }
  if (signOff < 0) return;
  const tail = units.slice(signOff + 1, s.lastBody + 1).filter((u) => u.kind === 'prose');
  if (tail.length > 2 || tail.some((u) => u.words > TAIL_WORDS)) return;
  for (const u of tail) u.kind = 'footer';
  let k = signOff - 1;
  while (k > s.firstBody && units[k]!.kind !== 'prose') k--;
  s.lastBody = k;
}

/** Is the headline-like line at `i` the start of a new article rather than a section heading of the current one? */
function startsArticle(units: Unit[], i: number, cur: Segment, structuralOnly = false): boolean {
  const title = units[i]!;
  let strong = 0;
  let medium = 0;
  let j = i + 1;
  for (; j < units.length; j++) {
    const v = units[j]!;
    const repeat = v.kind === 'short' && v.key === title.key;
    if (!HEADER.has(v.kind) && !repeat) break;
    if (repeat || v.kind === 'byline' || v.kind === 'date') strong++;
    else medium = 1;
  }
  const first = units[j];
  if (first?.kind !== 'prose') return false;
  const body: Unit[] = [];
  for (let k = j; k < units.length && body.length < 3; k++) {
    const v = units[k]!;
    if (v.kind === 'prose') body.push(v);
    else if (v.kind === 'appeal' || v.kind === 'teaser' || v.kind === 'footer') break;
  }
  if (body.length < 2) return false;
  if (findDateline(first.text)) strong++;
  let furniture = 0;
  for (let k = cur.lastBody + 1; k < i; k++) {
    const kind = units[k]!.kind;
    if (ARTICLE_END.has(kind) && !isPhotoCreditLine(units, k)) strong++;
    else if (WEAK_END.has(kind)) furniture = 1;
  }
  medium += furniture;
  if (title.gap >= 2) medium++;
  if (structuralOnly) return strong >= 1;
  const before = new Set<string>();
  for (let k = cur.firstBody; k <= cur.lastBody; k++) {
    if (units[k]!.kind === 'prose') for (const w of vocabularyOf(units[k]!)) before.add(w);
  }
  const after = new Set(body.flatMap((b) => [...vocabularyOf(b)]));
  // Vocabulary says little about a few sentences; only judge a topic break between passages of some length.
  if (before.size >= MIN_TOPIC_WORDS && after.size >= MIN_TOPIC_WORDS / 2) {
    const shared = overlap(after, before);
    if (shared < TOPIC_BREAK / 2) strong++;
    else if (shared < TOPIC_BREAK) medium++;
  }
  return strong >= 1 || medium >= 2;
}
