/**
 * @module Per source: what it adds that no other article carries, what it leaves out of the text it derives
 * from, which evaluative words only it uses, and what its title and lead put first compared with the story's core.
 */
import type { Article } from '../model.js';
import { evaluative } from './lexicon.js';
import type { Lineages } from './lineage.js';
import { articleAnchor, type Sentence } from './segment.js';
import { contentTerms, words } from './text.js';
import type { Fact, Foreground, FramingTerm, SourceReport } from './types.js';

export interface SourceContext {
  articles: readonly Article[];
  sentences: ReadonlyMap<string, readonly Sentence[]>;
  facts: readonly Fact[];
  lineages: Lineages;
  /** The article each one's omissions are measured against. */
  reference: (article: string) => string | null;
}

/** The evaluative terms an article uses, each with the first passage (title, then body) where it does. */
function evaluativeTerms(a: Article, ctx: SourceContext): Map<string, { anchor: string; text: string }> {
  const found = new Map<string, { anchor: string; text: string }>();
  const texts = [
    ...(a.title ? [{ anchor: `${articleAnchor(a.id)}-title`, text: a.title }] : []),
    ...(ctx.sentences.get(a.id) ?? []).map((s) => ({ anchor: s.anchor, text: s.text })),
  ];
  for (const t of texts) {
    for (const w of words(t.text)) {
      const e = evaluative(w);
      if (e && !found.has(e)) found.set(e, t);
    }
  }
  return found;
}

/** What every article's report needs of the whole story, computed once. */
interface StoryIndex {
  /** Evaluative terms per article, and how many articles use each. */
  framingOf: Map<string, Map<string, { anchor: string; text: string }>>;
  framingUsers: Map<string, number>;
  /** Number of articles whose title or body has each term. */
  df: Map<string, number>;
  /** The first fact (in report order) with a passage at each sentence anchor. */
  factAt: Map<string, Fact>;
  widest: number;
  /** Facts carried by each article, in report order. */
  factsOf: Map<string, Fact[]>;
}

function storyIndex(ctx: SourceContext): StoryIndex {
  const framingOf = new Map<string, Map<string, { anchor: string; text: string }>>();
  const framingUsers = new Map<string, number>();
  const df = new Map<string, number>();
  for (const a of ctx.articles) {
    const used = evaluativeTerms(a, ctx);
    framingOf.set(a.id, used);
    for (const term of used.keys()) framingUsers.set(term, (framingUsers.get(term) ?? 0) + 1);
    const terms = new Set(contentTerms([a.title ?? '', ...a.body].join(' ')).map((t) => t.term));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const factAt = new Map<string, Fact>();
  const factsOf = new Map<string, Fact[]>();
  let widest = 0;
  for (const f of ctx.facts) {
    for (const p of f.passages) if (!factAt.has(p.anchor)) factAt.set(p.anchor, f);
    for (const a of new Set(f.articles)) {
      const list = factsOf.get(a);
      if (list) list.push(f);
      else factsOf.set(a, [f]);
    }
    widest = Math.max(widest, f.articles.length);
  }
  return { framingOf, framingUsers, df, factAt, widest, factsOf };
}

function framing(article: Article, index: StoryIndex): FramingTerm[] {
  // A term only this article uses: no other article's count adds to its own.
  return [...(index.framingOf.get(article.id) ?? [])]
    .filter(([term]) => (index.framingUsers.get(term) ?? 0) <= 1)
    .map(([term, at]) => ({ term, passage: { article: article.id, anchor: at.anchor, text: at.text } }));
}

function foreground(article: Article, ctx: SourceContext, index: StoryIndex): Foreground {
  const n = ctx.articles.length;
  const core = (term: string) => n > 1 && (index.df.get(term) ?? 0) >= Math.ceil(n / 2);
  const lead = ctx.sentences.get(article.id)?.[0] ?? null;
  const emphasis: string[] = [];
  for (const t of contentTerms(`${article.title ?? ''} ${lead?.text ?? ''}`)) {
    if (!core(t.term) && !emphasis.includes(t.word) && !/^\d/.test(t.word)) emphasis.push(t.word);
  }
  const leadFact = lead ? (index.factAt.get(lead.anchor) ?? null) : null;
  const widest = index.widest;
  return {
    title: article.title,
    lead: lead?.text ?? null,
    emphasis: emphasis.slice(0, 8),
    leadFact: leadFact?.id ?? null,
    leadIsCore: leadFact !== null && leadFact.articles.length === widest && widest > 1,
  };
}

export function sourceReports(ctx: SourceContext): SourceReport[] {
  const index = storyIndex(ctx);
  return ctx.articles.map((article) => {
    const reference = ctx.reference(article.id);
    const own = index.factsOf.get(article.id) ?? [];
    const adds = own
      .filter((f) => f.articles.length === 1 && f.articles[0] === article.id)
      .map((f) => ({ fact: f.id, text: f.text, anchor: f.passages[0]?.anchor ?? articleAnchor(article.id) }));
    const carried = new Set(own);
    const omits = reference
      ? (index.factsOf.get(reference) ?? [])
          .filter((f) => !carried.has(f))
          .map((f) => ({
            fact: f.id,
            text: f.text,
            anchor: f.passages.find((p) => p.article === reference)?.anchor ?? articleAnchor(reference),
          }))
      : [];
    return {
      article: article.id,
      outlet: article.outlet,
      lineage: ctx.lineages.lineageOf.get(article.id) ?? article.id,
      comparedWith: reference,
      adds,
      omits,
      framing: framing(article, index),
      foreground: foreground(article, ctx, index),
    };
  });
}
