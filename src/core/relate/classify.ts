/**
 * @module From measures to a relation type. The order of the tests is the order of strength: a pair that is a
 * duplicate is also a light edit by every measure below it, so the first test that holds names it.
 */
import { DUPLICATE_JACCARD, LIGHT_CHANGE, needsMeaning, type Overlap } from './compare.js';
import type { Evidence, RelationType } from './types.js';

export interface Typed {
  type: RelationType;
  score: number;
}

/**
 * Across languages: the least share of the language-neutral anchors of the side with fewer that the other must have,
 * the least share of those in the same order, and the fewest shared anchors (a few shared names prove nothing). On
 * the labelled set (bench/reuse/translation.ts) translations measure containment 0.57–0.96 and order 0.74–1; independent
 * reports of the same event in another language share as much (0.70–0.90) in another order (0.45–0.71); reports on
 * the same people in another event share at most 0.48.
 */
export const TRANSLATED = { anchors: 0.5, order: 0.72, shared: 6 } as const;

function isTranslation(e: {
  anchors: number;
  anchorOrder?: number | undefined;
  sharedAnchors?: number | undefined;
}): boolean {
  return (
    e.anchors >= TRANSLATED.anchors &&
    (e.anchorOrder ?? 1) >= TRANSLATED.order &&
    (e.sharedAnchors ?? TRANSLATED.shared) >= TRANSLATED.shared
  );
}

export function classify(e: Evidence, sameContent: boolean): Typed {
  const [ca, cb] = e.containment;
  const [va, vb] = e.verbatim;
  const [ma, mb] = e.mixed;
  // Across languages only names, numbers and dates can match: most of them, in the same order, is a translation. An
  // independent report of the same event names the same people and numbers too, but in an order of its own.
  if (e.crossLanguage && e.jaccard < 0.5) {
    if (isTranslation(e)) return { type: 'translated', score: e.anchors };
    if (e.quotedShingles >= 3) return { type: 'shared-quotes-only', score: Math.min(1, e.quotedShingles / 30) };
    return { type: 'independent', score: e.anchors };
  }
  // The same words (case, punctuation and spacing aside) are the same text, and so is the same text with a line added
  // before or after it (furniture a page kept); one word changed inside it is an edit.
  const change = e.change ?? null;
  if (sameContent || change === 0) return { type: 'duplicate', score: 1 };
  if (e.jaccard >= DUPLICATE_JACCARD && (change === null || e.framed === true))
    return { type: 'duplicate', score: e.jaccard };
  // A light edit touches words here and there; whole passages cut or added on one side make it a rewrite. Word change
  // tells it where shingles cannot: five edits spread one per sentence break many more shingles than five words.
  const uncovered = Math.max(1 - e.verbatim[0] - e.mixed[0], 1 - e.verbatim[1] - e.mixed[1]);
  if (e.jaccard >= 0.7 || (e.jaccard >= 0.5 && uncovered <= 0.12) || (change !== null && change <= LIGHT_CHANGE))
    return { type: 'light-edit', score: e.jaccard };
  // A partial reuse carries some sentences whole and the rest of at least one side not at all; a rewrite touches
  // most sentences of both sides a little.
  const copied = Math.max(va, vb);
  const edited = Math.max(ma, mb);
  const covered = Math.min(va + ma, vb + mb);
  if (copied >= 0.15 && covered < 0.6) {
    return { type: 'partial', score: Math.max(ca, cb) };
  }
  // Meaning kept, words not: a spinner swaps words for dictionary synonyms in place (a human rewrite seldom does),
  // a translation rebuilds the sentence.
  // A spinner swaps a large share of content words for dictionary synonyms (a human rewrite, a few), one for one in
  // place where an editor adds and cuts; the grammar slips it leaves ("a uncommon") tell when its thesaurus is not ours.
  const slips = Math.max(e.slips[0], e.slips[1]);
  if (
    e.aligned >= 0.3 &&
    e.substitutions >= 3 &&
    e.jaccard >= 0.03 &&
    ((e.synonymShare >= 0.18 && e.inPlace >= 0.6) ||
      (slips > 0 && (e.jaccard < 0.12 || (e.inPlace >= 0.58 && e.jaccard >= 0.3))))
  )
    return { type: 'spun', score: e.aligned };
  if (e.jaccard >= 0.12 && (e.terms >= 0.3 || copied + edited >= 0.5)) return { type: 'rewrite', score: e.jaccard };
  // Within one language, sentences that say the same in other words are a translation only when the text carries
  // traces of its source language; otherwise they are two reports of the same facts.
  if (e.foreign && e.aligned >= 0.15) return { type: 'translated', score: e.aligned };
  if (copied >= 0.1 && copied >= edited) return { type: 'partial', score: Math.max(ca, cb) };
  if (e.jaccard >= 0.12) return { type: 'rewrite', score: e.jaccard };
  // Sharing a quotation means something only between reports of one event (which share names too): stock phrases
  // in quotes ("we are deeply saddened") recur across unrelated stories.
  if (e.quotedShingles >= 3 && e.anchors >= 0.1) {
    return { type: 'shared-quotes-only', score: Math.min(1, e.quotedShingles / 30) };
  }
  return { type: 'independent', score: Math.max(e.terms, e.anchors) };
}

/**
 * Whether `classify` is sure to answer `independent` for a pair whatever the measures that need the words (meaning
 * alignment, foreign runs, grammar slips): little word overlap, no sentence carried over, too few shared names and terms
 * for meaning alignment to run, and no quotation shared between reports of one event. Follows the tests of `classify`
 * above: each type it can name needs one of these to fail.
 */
export function surelyIndependent(o: Overlap, sameContent: boolean): boolean {
  if (o.crossLanguage && o.jaccard < 0.5)
    return (
      !isTranslation({ anchors: o.anchors, anchorOrder: o.neutral?.order, sharedAnchors: o.neutral?.shared }) &&
      o.quotedShingles < 3
    );
  return (
    !sameContent &&
    // duplicate, light-edit and both rewrite tests need more; spun needs meaning alignment (below).
    o.jaccard < 0.12 &&
    // Both partial tests.
    Math.max(o.verbatim[0], o.verbatim[1]) < 0.1 &&
    // No meaning alignment: nothing aligned, so neither spun nor translated.
    !needsMeaning(o) &&
    // shared-quotes-only.
    (o.quotedShingles < 3 || o.anchors < 0.1)
  );
}
