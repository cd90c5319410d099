/** How the text of one article derives from another's, from the strongest reuse to none at all. */
export const RELATION_TYPES = [
  'duplicate',
  'light-edit',
  'rewrite',
  'partial',
  'spun',
  'translated',
  'shared-quotes-only',
  'independent',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** What the comparison measured; every figure is a share in [0, 1] unless said otherwise. */
export interface Evidence {
  /** Jaccard similarity of the word 3-shingle sets. */
  jaccard: number;
  /**
   * Word change, 1 − LCS/longer over the two word sequences: the share of words an editor added, cut or replaced.
   * Measured only for pairs that share much text (Jaccard ≥ 0.3), else null (older stored relations lack it). Above
   * 0.15 (the most a light edit changes) it may be a lower bound, from the two texts' word bags.
   */
  change?: number | null;
  /** Whether one text is the other with words only added before or after it (measured with `change`, else false). */
  framed?: boolean;
  /** Share of a's shingles found in b, and of b's in a. */
  containment: [number, number];
  /** Share of each side's words in sentences the other side carries almost verbatim. */
  verbatim: [number, number];
  /** Share of each side's words in sentences the other side shares only in part (edited, not copied). */
  mixed: [number, number];
  /** Jaccard of the content-term sets. */
  terms: number;
  /**
   * Jaccard of the name-and-number sets; across languages, the share of the language-neutral anchors (names without
   * diacritics, numbers as digit groups, months and weekdays in any of several languages) of the side with fewer that
   * the other has too.
   */
  anchors: number;
  /** Across languages only: how many language-neutral anchors the two share. */
  sharedAnchors?: number;
  /** Across languages only: the share of the shared anchors that come in the same order in both (first occurrences). */
  anchorOrder?: number;
  /** Shingles shared only inside quotations (a count). */
  quotedShingles: number;
  /** Share of the shorter side's sentences aligned to a sentence of the other in meaning (synonyms and names). */
  aligned: number;
  /** Word pairs the alignment matched as synonyms, a few examples. */
  synonyms: [string, string][];
  /** How many synonym substitutions the alignment used. */
  substitutions: number;
  /** Synonym substitutions among the aligned content words: a spinner's signature. */
  synonymShare: number;
  /** Of the aligned content words that differ, the share a synonym explains: near 1 for a spinner's swaps in place. */
  explained: number;
  /** Of the content words that differ in aligned sentences, the share replaced one for one in place (not added or cut). */
  inPlace: number;
  /** Grammar slips a spinner leaves ("a uncommon"), counted on each side; [0, 0] unless sentences were aligned by meaning. */
  slips: [number, number];
  /** Whether the two sides are in different languages (both known). */
  crossLanguage: boolean;
  /**
   * Whether either side holds passages in another language than its own (a trace of translation); read only for
   * pairs aligned by meaning (false for the others).
   */
  foreign: boolean;
}

export interface Relation {
  /** Article ids, `a < b`. */
  a: string;
  b: string;
  type: RelationType;
  /** Strength of the relation in [0, 1]: how much text (or meaning) the two share. */
  score: number;
  evidence: Evidence;
}

/** Answers "can b stand for a?" for two lower-case words. */
export type SynonymLookup = (a: string, b: string) => boolean;
