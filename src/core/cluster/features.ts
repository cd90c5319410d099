/**
 * @module What the clusterer compares: an article's features as raw weights (before rarity is applied, since rarity
 * keeps changing as articles arrive). Kinds are told apart by a prefix: `t:` key terms (stemmed), `e:` names,
 * `n:`/`y:`/`d:`/`m:` numbers, years and dates mentioned, `q:` quoted word triples. A feature weighs its sublinear
 * count (1 + ln count), title words counting extra; each kind is an evidence channel the clusterer compares on its
 * own and weighs by `FeatureWeights`.
 */
import { extractEntities } from './entities.js';
import { findNumbersAndDates, findQuoteShingles } from './mentions.js';
import { type Passage, passage, STOPWORDS, stem } from './text.js';
import type { ClusterInput } from './types.js';

/** Weight of each channel in the combined similarity (0 leaves the channel out), and the title words' extra count. */
export interface FeatureWeights {
  term: number;
  /** Extra count each title word adds to its term (headlines name the event). */
  title: number;
  entity: number;
  number: number;
  date: number;
  quote: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  term: 1,
  title: 2,
  entity: 1.5,
  number: 0.5,
  date: 1,
  quote: 0.5,
};

/** Raw feature weights: parallel arrays, keys sorted so equal articles give equal features. */
export interface Features {
  keys: string[];
  weights: Float64Array;
  /** The evidence channel of each feature (see `CHANNELS`). */
  channels: Uint8Array;
  /**
   * Months the text names with their year ("in June 2005", "on 9 September 2013"), as year × 12 + month − 1, the
   * publication date aside: a report that names when a story happened is about that story, however long after.
   */
  months: number[];
}

/** Evidence channels, compared separately: a channel counts only when both sides have something in it. */
export const CHANNELS = ['term', 'entity', 'number', 'date', 'quote'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_COUNT = CHANNELS.length;

export function channelOf(key: string): number {
  switch (key.charCodeAt(0)) {
    case 116: // t
      return 0;
    case 101: // e
      return 1;
    case 110: // n
      return 2;
    case 113: // q
      return 4;
    default: // y d m
      return 3;
  }
}

const JOINERS = /[-'’.&]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
// Stems repeat across articles; caching them halves the cost of terms. Cleared when large, so memory stays bounded.
const stemCache = new Map<string, string>();

function termKey(word: string, prefix: string): string {
  const cacheKey = prefix === 't:' ? word : `${prefix}${word}`;
  let k = stemCache.get(cacheKey);
  if (k === undefined) {
    if (stemCache.size > 200_000) stemCache.clear();
    k = `${prefix}${stem(word)}`;
    stemCache.set(cacheKey, k);
  }
  return k;
}

/**
 * Words of one language never match another's, so terms carry their language: `t:stem` in English (or unknown),
 * `t:fr:stem` in French. The clusterer compares an article's terms only with the story's terms in its language.
 */
export function termPrefix(language: string | null): string {
  return !language || language === 'en' ? 't:' : `t:${language}:`;
}

/** The language of a term key (`''` for English or unknown), or null for a key of another channel. */
export function termLanguage(key: string): string | null {
  if (key.charCodeAt(0) !== 116) return null;
  const colon = key.indexOf(':', 2);
  return colon < 0 ? '' : key.slice(2, colon);
}

function addTerm(part: string, counts: Map<string, number>, by: number, prefix: string): void {
  if (part.length < 2 || STOPWORDS.has(part)) return;
  const c = part.charCodeAt(0);
  if (c >= 48 && c <= 57) return;
  const k = termKey(part, prefix);
  counts.set(k, (counts.get(k) ?? 0) + by);
}

function addTerms(p: Passage, counts: Map<string, number>, by: number, prefix: string): void {
  for (const t of p.tokens) {
    if (JOINERS.test(t.lower)) for (const part of t.lower.split(JOINERS)) addTerm(part, counts, by, prefix);
    else addTerm(t.lower, counts, by, prefix);
  }
}

function kindWeight(key: string, w: FeatureWeights): number {
  switch (key.charCodeAt(0)) {
    case 116: // t
      return w.term;
    case 101: // e
      return w.entity;
    case 110: // n
      return w.number;
    case 113: // q
      return w.quote;
    default: // y d m
      return w.date;
  }
}

/**
 * The publication date as the date channel writes a mentioned one: a page's date line ("Tue March 3, 2009") is
 * evidence of when its event happened whether the clean stage kept it in the body or read it into `published`.
 */
function publicationDateKeys(published: string | null): string[] {
  const m = published ? ISO_DATE.exec(published) : null;
  if (!m) return [];
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return [`y:${year}`, `m:${year}-${month}`, `d:${month}-${day}`];
}

export function articleFeatures(article: ClusterInput, w: FeatureWeights = DEFAULT_FEATURE_WEIGHTS): Features {
  const counts = new Map<string, number>();
  const titleText = article.title?.trim() || null;
  const title = titleText ? passage(titleText) : null;
  const body = article.body.map(passage);
  if (w.term > 0) {
    const prefix = termPrefix(article.language);
    for (const p of body) addTerms(p, counts, 1, prefix);
    if (title) addTerms(title, counts, 1 + w.title, prefix);
  }
  if (w.entity > 0) {
    for (const [name, n] of extractEntities(title, body).names) counts.set(`e:${name}`, n);
  }
  const months: number[] = [];
  if (w.number > 0 || w.date > 0) {
    const parts = title ? [title, ...body] : body;
    for (const p of parts)
      for (const k of findNumbersAndDates(p)) {
        counts.set(k, (counts.get(k) ?? 0) + 1);
        const month = monthOfKey(k);
        if (month !== null && !months.includes(month)) months.push(month);
      }
    for (const k of publicationDateKeys(article.published)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (w.quote > 0) {
    for (const p of body) for (const k of findQuoteShingles(p)) counts.set(k, 1);
  }
  const keys = [...counts.keys()].filter((k) => kindWeight(k, w) > 0).sort();
  const weights = new Float64Array(keys.length);
  const channels = new Uint8Array(keys.length);
  keys.forEach((k, i) => {
    weights[i] = 1 + Math.log(counts.get(k)!);
    channels[i] = channelOf(k);
  });
  return { keys, weights, channels, months };
}

/** `m:2005-6` → 2005 × 12 + 5; null for other keys. */
function monthOfKey(k: string): number | null {
  if (!k.startsWith('m:')) return null;
  const dash = k.indexOf('-', 2);
  const year = Number(k.slice(2, dash));
  const month = Number(k.slice(dash + 1));
  return Number.isInteger(year) && month >= 1 && month <= 12 ? year * 12 + month - 1 : null;
}
