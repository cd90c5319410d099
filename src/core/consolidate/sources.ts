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

function framing(article: Article, ctx: SourceContext): FramingTerm[] {
  const usedBy = (a: Article) => {
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
  };
  const own = usedBy(article);
  const others = new Set(ctx.articles.filter((a) => a.id !== article.id).flatMap((a) => [...usedBy(a).keys()]));
  return [...own]
    .filter(([term]) => !others.has(term))
    .map(([term, at]) => ({ term, passage: { article: article.id, anchor: at.anchor, text: at.text } }));
}

function foreground(article: Article, ctx: SourceContext): Foreground {
  const n = ctx.articles.length;
  const df = new Map<string, number>();
  for (const a of ctx.articles) {
    const terms = new Set(contentTerms([a.title ?? '', ...a.body].join(' ')).map((t) => t.term));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const core = (term: string) => n > 1 && (df.get(term) ?? 0) >= Math.ceil(n / 2);
  const lead = ctx.sentences.get(article.id)?.[0] ?? null;
  const emphasis: string[] = [];
  for (const t of contentTerms(`${article.title ?? ''} ${lead?.text ?? ''}`)) {
    if (!core(t.term) && !emphasis.includes(t.word) && !/^\d/.test(t.word)) emphasis.push(t.word);
  }
  const leadFact = lead ? (ctx.facts.find((f) => f.passages.some((p) => p.anchor === lead.anchor)) ?? null) : null;
  const widest = Math.max(0, ...ctx.facts.map((f) => f.articles.length));
  return {
    title: article.title,
    lead: lead?.text ?? null,
    emphasis: emphasis.slice(0, 8),
    leadFact: leadFact?.id ?? null,
    leadIsCore: leadFact !== null && leadFact.articles.length === widest && widest > 1,
  };
}

export function sourceReports(ctx: SourceContext): SourceReport[] {
  return ctx.articles.map((article) => {
    const reference = ctx.reference(article.id);
    const adds = ctx.facts
      .filter((f) => f.articles.length === 1 && f.articles[0] === article.id)
      .map((f) => ({ fact: f.id, text: f.text, anchor: f.passages[0]?.anchor ?? articleAnchor(article.id) }));
    const omits = reference
      ? ctx.facts
          .filter((f) => f.articles.includes(reference) && !f.articles.includes(article.id))
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
      framing: framing(article, ctx),
      foreground: foreground(article, ctx),
    };
  });
}
