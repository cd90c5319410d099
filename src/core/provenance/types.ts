import type { RelationType } from '../relate/types.js';

/** Articles that carry one source text (a wire's, a press release's), named by the credit they agree on. */
export interface Lineage {
  /** The credit the members give ("Reuters"), or a name made from the original's outlet when they give none. */
  name: string;
  articles: string[];
  /** The member closest to the source text, or null when the evidence cannot tell. */
  original: string | null;
}

/** `to` reuses the text of `from`. */
export interface ProvenanceEdge {
  from: string;
  to: string;
  type: RelationType;
  /** In [0, 1]; below 0.5 the direction is a guess and `from`/`to` are in id order. */
  confidence: number;
  /** Why this direction, one short line each ("b is 3 h later", "b credits Reuters", "b holds 95% of a"). */
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
