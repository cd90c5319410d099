/**
 * @module An extractive summary: the claims most sources carry, from the most lineages, without saying one thing
 * twice, in the order the story tells them; and a title for the story.
 */
import type { Article } from '../model.js';
import { contentTerms, dice } from './text.js';
import type { Fact, SummaryLine } from './types.js';

const MIN_LINES = 3;
const MAX_LINES = 5;
const MIN_TERMS = 4;

function score(f: Fact): number {
  // Coverage first; an independent confirmation weighs half another source; a quotation reads worse in a summary.
  return f.articles.length + 0.5 * f.lineages.length - (f.quoted ? 2 : 0);
}

/** Up to five attributed sentences, at least three when the story has them. */
export function summarize(facts: readonly Fact[], position: (f: Fact) => number): SummaryLine[] {
  // Whole statements only: a clause cut from its sentence ("stoking concerns…") does not stand alone.
  const ranked = [...facts]
    .filter((f) => contentTerms(f.text).length >= MIN_TERMS && /^[\p{Lu}\p{N}"“«„‘']/u.test(f.text))
    .sort((a, b) => score(b) - score(a) || position(a) - position(b));
  const chosen: Fact[] = [];
  for (const f of ranked) {
    if (chosen.length >= MAX_LINES) break;
    if (chosen.length >= MIN_LINES && f.articles.length < 2) break;
    const terms = contentTerms(f.text);
    if (chosen.some((c) => dice(contentTerms(c.text), terms) >= 0.5)) continue;
    chosen.push(f);
  }
  return chosen
    .sort((a, b) => position(a) - position(b))
    .map((f) => ({ text: f.text, articles: [...f.articles], fact: f.id }));
}

function shorten(sentence: string, maxWords = 14): string {
  const clause = sentence.split(/[,;:—–]\s/)[0] ?? sentence;
  const ws = clause.replace(/[.!?]+$/, '').split(/\s+/);
  return ws.length <= maxWords ? ws.join(' ') : `${ws.slice(0, maxWords).join(' ')}…`;
}

/** The article title closest to the story's most carried claims, else the top claim shortened. */
export function storyTitle(
  articles: readonly Article[],
  facts: readonly Fact[],
  preference: (article: string) => number = () => 0,
): string {
  const top = facts.slice(0, 3).flatMap((f) => contentTerms(f.text));
  let best: string | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const a of articles) {
    if (!a.title) continue;
    // A spun or translated copy's title is its original's, degraded.
    const s = dice(contentTerms(a.title), top) - 0.2 * preference(a.id);
    if (s > bestScore) [best, bestScore] = [a.title, s];
  }
  if (best) return best;
  const lead = facts[0]?.text ?? articles[0]?.body[0] ?? 'Untitled story';
  return shorten(lead);
}
