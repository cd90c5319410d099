/**
 * @module Direct quotations with their speakers, and the same quotation found across articles in any wording.
 * A quotation is read from its paragraph (it may run over several sentences, or be split by "he said,"); its
 * speaker comes from the reporting verb next to it, else from the sentence before, and "he", "she" or "the agency"
 * stand for the last speaker named a sentence or two earlier.
 */
import type { Article } from '../model.js';
import { attributionAfter, attributionBefore, type Speaker } from './attribution.js';
import { isOrganisation, type NameBook, nameKey, nameRuns, splitTitle } from './names.js';
import type { Sentence } from './segment.js';
import { contentTerms, dice, longestCommonRun, type SynonymLookup, words } from './text.js';

export interface QuoteMention {
  article: string;
  /** Index of the sentence in which the quotation opens. */
  sentence: number;
  anchor: string;
  text: string;
  speaker: string | null;
  role: string | null;
}

export interface QuoteVariant {
  article: string;
  text: string;
  anchor: string;
}

export interface Quote {
  speaker: string | null;
  role: string | null;
  /** The fullest wording. */
  text: string;
  articles: string[];
  variants: QuoteVariant[];
  /** True when the articles do not all carry the same words. */
  wordingDiffers: boolean;
}

interface Span {
  open: number;
  /** Index of the closing mark, or the paragraph's length when the quotation runs on into the next paragraph. */
  close: number;
  inner: string;
}

/** Quoted spans of a paragraph: straight and curly double quotes, « », „ “, and ‘ ’ where it cannot be an apostrophe. */
export function quoteSpans(p: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  let closers = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (open < 0) {
      const prev = p[i - 1] ?? ' ';
      if (c === '"') closers = '"';
      else if (c === '“') closers = '”';
      else if (c === '„') closers = '“”';
      else if (c === '«') closers = '»';
      else if (c === '‘' && /[\s([—–-]/.test(prev)) closers = '’';
      else continue;
      open = i;
    } else if (closers.includes(c) && !(c === '’' && /\p{L}/u.test(p[i + 1] ?? ''))) {
      out.push({ open, close: i, inner: p.slice(open + 1, i) });
      open = -1;
    }
  }
  if (open >= 0) out.push({ open, close: p.length, inner: p.slice(open + 1) });
  return out;
}

const MIN_WORDS = 3;
// "…," he said, "…": the gap between the halves of one quotation.
const SPLIT_GAP = /^\s*,?\s*[^.!?"“”«»]{1,60},\s*$/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

interface Found {
  sentence: Sentence;
  text: string;
  speaker: Speaker | null;
  /** Nothing but the quotation and its attribution: a quotation that may continue the previous speaker's. */
  standalone: boolean;
}

/** The paragraph with every quotation blanked out, so that words inside quotes never attribute anything. */
function maskQuotes(p: string, spans: readonly Span[]): string {
  let out = p;
  for (const s of spans)
    out = out.slice(0, s.open + 1) + '_'.repeat(Math.max(0, s.close - s.open - 1)) + out.slice(s.close);
  return out;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let found: Sentence | undefined;
  for (const s of sentences) if (s.start <= offset) found = s;
  return found;
}

function quotesOfParagraph(p: string, sentences: readonly Sentence[]): Found[] {
  const spans = quoteSpans(p);
  const masked = maskQuotes(p, spans);
  const out: Found[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    let text = span.inner.trim();
    let close = span.close;
    let speaker: Speaker | null = null;
    const next = spans[i + 1];
    if (next && /[,]\s*$/.test(text) && SPLIT_GAP.test(p.slice(close + 1, next.open))) {
      const gap = p.slice(close + 1, next.open);
      speaker = attributionAfter(gap);
      if (speaker) {
        text = `${text} ${next.inner.trim()}`;
        close = next.close;
        i++;
      }
    }
    text = text.replace(/[,;:]$/, '').trim();
    const first = sentenceAt(sentences, span.open);
    if (!first || wordCount(text) < MIN_WORDS) continue;
    const last = sentenceAt(sentences, Math.max(span.open, close - 1)) ?? first;
    const lastEnd = last.start + last.text.length;
    const nextOpen = spans[i + 1]?.open ?? p.length;
    const after = masked.slice(Math.min(close + 1, p.length), Math.min(lastEnd, nextOpen));
    const before = masked.slice(first.start, span.open);
    if (!speaker) speaker = attributionAfter(after) ?? attributionBefore(before);
    const standalone = wordCount(before.replace(/"_*"?/g, '')) === 0 && wordCount(after) <= 6;
    out.push({ sentence: first, text, speaker, standalone });
  }
  return out;
}

/** How far back (in sentences) a pronoun or an unattributed quotation looks for its speaker. */
const REACH = 2;

interface Named {
  name: string;
  role: string | null;
  sentence: number;
}

/** Every quotation of one article with its speaker, names as the story's `names` would write them. */
export function findQuotes(article: Article, sentences: readonly Sentence[], names: NameBook): QuoteMention[] {
  const out: QuoteMention[] = [];
  let person: Named | null = null;
  let organisation: Named | null = null;
  let previousQuote: Named | null = null;

  const resolve = (s: Speaker | null, at: number): Named | null => {
    if (!s) return null;
    if (s.kind === 'name') {
      const named = { name: names.canonical(s.name, article.id), role: s.role, sentence: at };
      if (s.organisation) organisation = named;
      else person = named;
      return named;
    }
    if (s.kind === 'description') return { name: s.text, role: null, sentence: at };
    const last: Named | null = s.refers === 'person' ? person : (organisation ?? person);
    if (last && at - last.sentence <= REACH) {
      last.sentence = at;
      return last;
    }
    // No speaker yet: the last person named in the sentence before, or earlier in this one.
    const before = [sentences[at - 1]?.text ?? '', sentences[at]?.text ?? ''].join(' ');
    const named = nameRuns(before)
      .map((run) => splitTitle(run).name)
      .filter((name) => !isOrganisation(name) && name.includes(' '))
      .pop();
    if (!named || s.refers !== 'person') return null;
    person = { name: names.canonical(named, article.id), role: null, sentence: at };
    return person;
  };

  article.body.forEach((paragraph, p) => {
    const own = sentences.filter((s) => s.paragraph === p);
    const found = quotesOfParagraph(paragraph, own);
    const masked = maskQuotes(paragraph, quoteSpans(paragraph));
    for (const s of own) {
      const here = found.filter((f) => f.sentence.index === s.index);
      // Reported speech (or a quoted phrase too short to keep) still tells who "he" is in the next sentence.
      if (here.length === 0) resolve(attributionBefore(masked.slice(s.start, s.start + s.text.length)), s.index);
      for (const f of here) {
        let named = resolve(f.speaker, f.sentence.index);
        // An unattributed quotation goes on with the last speaker: the next sentence, or the one after when the
        // quotation stands alone.
        const gap = previousQuote ? f.sentence.index - previousQuote.sentence : Number.POSITIVE_INFINITY;
        if (!named && gap <= (f.standalone ? REACH : 1)) named = previousQuote;
        if (named) previousQuote = { ...named, sentence: f.sentence.index };
        out.push({
          article: article.id,
          sentence: f.sentence.index,
          anchor: f.sentence.anchor,
          text: f.text,
          speaker: named?.name ?? null,
          role: named?.role ?? null,
        });
      }
    }
  });
  return out;
}

/** A mention's words, tokenised once: grouping compares every mention with many others. */
interface Prepared {
  mention: QuoteMention;
  speakerKey: string | null;
  terms: ReturnType<typeof contentTerms>;
  words: string[];
}

function prepare(m: QuoteMention): Prepared {
  return {
    mention: m,
    speakerKey: m.speaker === null ? null : nameKey(m.speaker),
    terms: contentTerms(m.text),
    words: words(m.text),
  };
}

/** Same words said again: loose enough for a spun or translated wording, strict enough to keep two sayings apart. */
function sameQuote(a: Prepared, b: Prepared, synonyms: SynonymLookup | undefined): boolean {
  if (a.mention.article === b.mention.article && a.mention.sentence === b.mention.sentence) return false;
  const speakers = a.speakerKey === null || b.speakerKey === null || a.speakerKey === b.speakerKey;
  const d = dice(a.terms, b.terms, synonyms);
  const run = longestCommonRun(a.words, b.words);
  if (speakers) return d >= 0.5 || run >= 5 || (run >= 3 && run === Math.min(a.words.length, b.words.length));
  return d >= 0.8 || run >= 8;
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  return best;
}

/** Quotations grouped across articles; `order` ranks articles (story order) for stable output. */
export function groupQuotes(
  mentions: readonly QuoteMention[],
  order: readonly string[],
  synonyms?: SynonymLookup,
): Quote[] {
  const parent = mentions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const prepared = mentions.map(prepare);
  // Only mentions that share a content word can be one quotation (a spun wording keeps some, a translation its
  // names): an inverted index finds those pairs without comparing every mention with every other.
  const keys = (p: Prepared) => new Set(p.terms.map((t) => t.term));
  const byWord = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const w of keys(p)) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });
  for (let i = 0; i < prepared.length; i++) {
    const candidates = new Set<number>();
    for (const w of keys(prepared[i] as Prepared)) {
      for (const j of byWord.get(w) ?? []) if (j > i) candidates.add(j);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      if (find(i) !== find(j) && sameQuote(prepared[i] as Prepared, prepared[j] as Prepared, synonyms)) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, QuoteMention[]>();
  mentions.forEach((m, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(m);
    groups.set(root, list);
  });
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  const quotes = [...groups.values()].map((members): Quote => {
    const speaker = mostCommon(members.flatMap((m) => (m.speaker ? [m.speaker] : []))) ?? null;
    const role = mostCommon(members.flatMap((m) => (m.speaker === speaker && m.role ? [m.role] : []))) ?? null;
    const fullest = members.reduce((a, b) => (wordCount(b.text) > wordCount(a.text) ? b : a));
    const articles = [...new Set(members.map((m) => m.article))].sort((a, b) => rank(a) - rank(b));
    const wordings = new Set(members.map((m) => words(m.text).join(' ')));
    return {
      speaker,
      role,
      text: fullest.text,
      articles,
      variants: members.map((m) => ({ article: m.article, text: m.text, anchor: m.anchor })),
      wordingDiffers: wordings.size > 1,
    };
  });
  return quotes.sort(
    (a, b) =>
      b.articles.length - a.articles.length ||
      rank(a.articles[0] ?? '') - rank(b.articles[0] ?? '') ||
      (a.variants[0]?.anchor ?? '').localeCompare(b.variants[0]?.anchor ?? ''),
  );
}
