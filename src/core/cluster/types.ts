/** @module The plain data the story clusterer reads and returns. */

/** One cleaned article, as the clusterer needs it. */
export interface ClusterInput {
  id: string;
  title: string | null;
  body: string[];
  /** ISO 8601 (a day or a timestamp); null when unknown, and then time plays no part for this article. */
  published: string | null;
  /** ISO 639-1. */
  language: string | null;
}

export type ReuseType =
  | 'duplicate'
  | 'light-edit'
  | 'rewrite'
  | 'partial'
  | 'spun'
  | 'translated'
  | 'shared-quotes-only'
  | 'independent';

/** A relation found by the reuse index between the new article and one added before it. */
export interface ReuseLink {
  /** The id of an article already added. */
  other: string;
  type: ReuseType;
  score: number;
}

/** What happened to an article: joined a story, started one, or joined one after merging the stories it bridged. */
export interface Assignment {
  story: string;
  kind: 'joined' | 'created' | 'merged';
  /** The stories folded into `story` by this article (empty unless `kind` is `merged`). */
  merged: string[];
  /** Stories split off an existing one after this article: their ids, the story they left and their articles. */
  split?: { story: string; from: string; articles: string[] }[];
}

export interface StorySummary {
  id: string;
  articles: string[];
}

export interface MergeRecord {
  into: string;
  from: string;
  /** The article whose arrival caused the merge. */
  article: string;
}

/** Everything the clusterer knows, as plain JSON. */
export interface ClustererState {
  version: 1;
  docs: number;
  arrivals: number;
  created: number;
  /** Newest article date seen, in days since the epoch. */
  clock: number | null;
  df: [string, number][];
  stories: {
    id: string;
    created: number;
    title: string | null;
    articles: string[];
    first: number | null;
    last: number | null;
    touched: number;
    /** Null for a frozen story. */
    weights: [string, number][] | null;
    /**
     * A story small enough to be checked for a split: its members' features as they joined (places in `memberKeys`,
     * and weights), and its size when last checked.
     */
    members?: { id: string; day: number | null; f: number[]; w: number[] }[];
    checked?: number;
  }[];
  merges: MergeRecord[];
  /** The features of stories' members (`f` holds their places here, `w` their weights). */
  memberKeys?: string[];
}

export interface Clusterer {
  add(article: ClusterInput, links?: readonly ReuseLink[]): Assignment;
  /**
   * The stories held, in order of creation: the active ones, and frozen ones only with `retainFrozen` (by default a
   * frozen story is forgotten, its articles with it; the store keeps it).
   */
  stories(): StorySummary[];
  /** The story of an article of a held story; null for an unknown article or one whose story was forgotten. */
  storyOf(articleId: string): string | null;
  /** Merges into stories still held. */
  merges(): readonly MergeRecord[];
  /** Active (not frozen) stories. */
  activeCount(): number;
  snapshot(): ClustererState;
  restore(state: ClustererState): void;
}
