/**
 * @module The plain-text cleaner: a page saved as text (a "capture") in, the articles it holds out. Page furniture,
 * other stories' headlines and teasers, reader appeals, repeated captions and footers are set aside with a reason;
 * a capture holding two articles gives two.
 */
import type { ArticleDraft, RemovalReason, RemovedBlock, TimePrecision } from '../../model.js';
import { findCredits } from '../common/credits.js';
import { findDateline } from '../common/dateline.js';
import { containerDate, findDates } from '../common/dates.js';
import { detectLanguage } from '../common/language.js';
import { lineKey } from '../common/normalize.js';
import { classifyLine, type Kind, type Unit } from './classify.js';
import { focus } from './focus.js';
import { splitLines } from './lines.js';
import { isPhotoCreditLine, markAppeals, markDuplicates, markLists, type Segment, segment } from './split.js';

/** What the container told about the capture, used where the text itself is silent. */
export interface TextHints {
  title?: string | null;
  published?: string | null;
  language?: string | null;
  /** The container holds one article per record: split only on structural evidence (see `segment`). */
  oneArticle?: boolean;
}

/** The articles in a plain-text capture, in order. Pure and deterministic. */
export function cleanText(text: string, hints: TextHints = {}): ArticleDraft[] {
  const units = splitLines(text).map((line, i) => classifyLine(line, i));
  markDuplicates(units);
  markLists(units);
  markAppeals(units);
  const segments = segment(units, hints.oneArticle ? { oneArticle: true } : {});
  return focus(units, segments).map((s, n) => buildArticle(units, s, n, hints));
}

const REASON: Partial<Record<Kind, RemovalReason>> = {
  caption: 'caption',
  duplicate: 'duplicate',
  navigation: 'navigation',
  related: 'related',
  teaser: 'teaser',
  advertisement: 'advertisement',
  appeal: 'appeal',
  footer: 'footer',
  stray: 'other',
  byline: 'byline',
  date: 'metadata',
  agency: 'metadata',
};

function buildArticle(units: Unit[], s: Segment, n: number, hints: TextHints): ArticleDraft {
  const titleAt = chooseTitle(units, s, n === 0 ? hints.title : null);
  const title = titleAt >= 0 ? units[titleAt]! : null;
  const body: string[] = [];
  const headings: { before: number; text: string }[] = [];
  const captions: string[] = [];
  const captionKeys = new Set<string>();
  const removed: RemovedBlock[] = [];
  const photoCredits: string[] = [];
  const creditText: string[] = [];
  const metaDates: Unit[] = [];
  const captionUnits: Unit[] = [];
  const authors: string[] = [];
  const drop = (u: Unit, reason: RemovalReason) => removed.push({ text: u.text, reason });

  for (let i = s.start; i < s.end; i++) {
    const u = units[i]!;
    if (i === titleAt) continue;
    const inBody = i >= s.firstBody && i <= s.lastBody;
    switch (u.kind) {
      case 'prose':
        body.push(u.text);
        creditText.push(u.text);
        continue;
      case 'short':
        if (title && u.key === title.key && i < s.firstBody) drop(u, 'duplicate');
        else if (inBody && isHeading(u)) {
          headings.push({ before: body.length, text: u.text });
          drop(u, 'heading');
        } else if (inBody) {
          body.push(u.text);
          creditText.push(u.text);
        } else drop(u, i < s.firstBody && (titleAt < 0 || i < titleAt) ? 'navigation' : 'other');
        continue;
      case 'caption':
        if (!captionKeys.has(u.key)) {
          captionKeys.add(u.key);
          captions.push(u.text);
          captionUnits.push(u);
        }
        for (const c of u.photoCredits) if (!photoCredits.includes(c)) photoCredits.push(c);
        drop(u, 'caption');
        continue;
      case 'agency':
        // An agency line next to a caption credits the photo ("TT" under a picture), not the text.
        if (isPhotoCreditLine(units, i)) {
          for (const c of u.agencies) if (!photoCredits.includes(c)) photoCredits.push(c);
          drop(u, 'caption');
        } else {
          creditText.push(u.text);
          drop(u, 'metadata');
        }
        continue;
      case 'byline':
        authors.push(...authorsOf(u.text).filter((a) => !authors.includes(a)));
        creditText.push(u.text);
        metaDates.push(u);
        drop(u, 'byline');
        continue;
      case 'date':
        metaDates.push(u);
        drop(u, 'metadata');
        continue;
      case 'footer':
        creditText.push(u.text);
        drop(u, 'footer');
        continue;
      default:
        drop(u, REASON[u.kind] ?? 'other');
    }
  }

  const published = publishedOf(metaDates, n === 0 ? hints.published : null, captionUnits);
  let dateline: string | null = null;
  for (const p of body) {
    const d = findDateline(p);
    if (d) {
      dateline = d.place;
      break;
    }
  }
  return {
    title: title?.text ?? (n === 0 ? (hints.title ?? null) : null),
    authors,
    dateline,
    published: published?.iso ?? null,
    publishedPrecision: published?.precision ?? null,
    credits: findCredits(creditText.join('\n')),
    photoCredits,
    language: detectLanguage(body.join('\n')) ?? hints.language ?? null,
    body,
    headings,
    captions,
    removed,
  };
}

/**
 * The headline: the line the container names if it is there, else the last headline-like line before the body
 * (sites print their name, section and breadcrumbs above the headline, and bylines and captions below it).
 */
function chooseTitle(units: Unit[], s: Segment, hint: string | null | undefined): number {
  if (hint) {
    const key = lineKey(hint);
    for (let i = s.start; i < s.firstBody; i++) if (units[i]!.key === key) return i;
  }
  for (let i = s.firstBody - 1; i >= s.start; i--) {
    const u = units[i]!;
    if (u.kind === 'short' && u.titleLike) return i;
  }
  return -1;
}

/** A section heading: short, no closing period, starts like a headline ("Old friends", "'Blood alliance'"). */
function isHeading(u: Unit): boolean {
  if (u.words > 14 || u.text.length > 120) return false;
  if (u.terminal && !/\?["'\u201D\u2019]*$/.test(u.text)) return false;
  return /^[\p{Lu}\p{N}"'\u201C\u2018\u00AB]/u.test(u.text) && !/[,;]$/.test(u.text);
}

/** Names from a byline: "By Lena Vass | Monday, March 3" → Lena Vass; "Reporting by A and B; Editing by C" → A, B. */
export function authorsOf(line: string): string[] {
  const parts = /\bby\b/i.test(line) && /;/.test(line) ? line.split(';') : [line];
  const out: string[] = [];
  for (const part of parts) {
    if (/^\s*(?:editing|edited|compiled)\b/i.test(part)) continue;
    let names = part.replace(/^.*?\b(?:by|par|von|por|di|door|av|от)\s+/iu, '');
    names = names.split(/\s*\|\s*|\s{2,}|\s+[-\u2013\u2014]\s+/)[0] ?? '';
    const date = findDates(names)[0];
    if (date) names = names.slice(0, date.index);
    for (const name of names.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\boch\b)\s*/)) {
      const t = name.trim().replace(/[.,;:]+$/, '');
      if (t && t.split(/\s+/).length <= 5) out.push(t);
    }
  }
  return out;
}

interface Published {
  iso: string;
  precision: TimePrecision;
}

/** A date stated as such (date line, byline) beats the container's; a photo's date is the last resort. */
function publishedOf(meta: Unit[], hint: string | null | undefined, captions: Unit[]): Published | null {
  for (const u of meta) if (u.dates[0]) return u.dates[0];
  const container = containerDate(hint);
  if (container.published && container.precision) return { iso: container.published, precision: container.precision };
  for (const u of captions) if (u.dates[0]) return u.dates[0];
  return null;
}

/** Kinds a brief keeps: what is written, not what frames it. */
const BRIEF_KINDS: ReadonlySet<Kind> = new Set(['prose', 'short', 'agency']);

/**
 * A record that a feed or a JSON Lines file gives as one article but that holds too little for the capture reader
 * (a headline and a cut-off lead, or a headline alone): its written lines, the first as the title when the container
 * gave none. A headline alone is its own body, so that a headline item still joins its story.
 */
export function cleanBrief(text: string, hints: Pick<TextHints, 'title'> = {}): ArticleDraft | null {
  const all = splitLines(text).map((line, i) => classifyLine(line, i));
  const stated = all.find((u) => u.kind === 'date' && u.dates[0])?.dates[0] ?? null;
  const units = all.filter((u) => BRIEF_KINDS.has(u.kind));
  const first = units[0];
  if (!first) return null;
  const title = hints.title?.trim() || (first.titleLike || units.length === 1 ? first.text : null);
  const lines = units.map((u) => u.text).filter((t) => t !== title);
  const body = lines.length ? lines : title ? [title] : [];
  if (body.length === 0) return null;
  // A date line is the brief's date; else the container's, and the language, as the clean stage completes any article.
  return {
    title,
    authors: [],
    dateline: null,
    published: stated?.iso ?? null,
    publishedPrecision: stated?.precision ?? null,
    credits: [],
    photoCredits: [],
    language: null,
    body,
    headings: [],
    captions: [],
    removed: [],
  };
}
