/**
 * @module What a story tells about one of its articles that the article's own text does not. A translation is the
 * same text in another language, so when it names no agency it carries the credit of the text it translates
 * ("AFP" for an English machine translation of an AFP dispatch whose "(AFP)" was lost). A rewrite or a spun copy is
 * a new text by another hand and inherits nothing: its credit stays what it states.
 */
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
