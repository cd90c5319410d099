import type { RelationType } from '../relate/types.js';

/** Articles that carry one source text (a wire's, a press release's), named by the credit they agree on. */
export interface Lineage {
  /** The credit the members give ("Reuters"), or a name made from the original's outlet when they give none. */
  name: string;
  articles: string[];
  /**
   * The member closest to the source text — the one the clues clearly prefer as the root of the lineage's derivation
   * tree — or null when the evidence cannot tell (or points to a text not in the story).
   */
  original: string | null;
}

/** `to` reuses the text of `from`. */
export interface ProvenanceEdge {
  from: string;
  to: string;
  type: RelationType;
  /**
   * In [0, 1]. From 0.6 the direction is stated. Below 0.5 it is unknown — the clues are weak or disagree, or the
   * two are copies of one source (siblings) — and `from`/`to` are in id order; the figure grows with how far the
   * clues lean.
   */
  confidence: number;
  /**
   * Why, one short line each: the pair's own clues ("a was published 3 h earlier", "a credits Reuters", "b shows a
   * spinner's grammar slips"), then what the lineage adds ("a's text reaches c through b", "taking c for the original
   * would go against: a is Reuters's own copy", "both derive from a, neither from the other").
   */
  reasons: string[];
}

/** A primary source (a state news agency, a statement) quoted by reports that do not reuse each other's text. */
export interface CommonSource {
  name: string;
  articles: string[];
  /** The quotations they share, in one article's wording. */
  quotes: string[];
}

export interface Provenance {
  story: string;
  lineages: Lineage[];
  edges: ProvenanceEdge[];
  commonSources: CommonSource[];
  /** Articles in no lineage: their own reporting. */
  independent: string[];
}
