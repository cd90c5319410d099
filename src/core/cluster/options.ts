/** @module The clusterer's settings, with defaults measured on ECB+ (see bench/README.md). */
import { DEFAULT_FEATURE_WEIGHTS, type FeatureWeights } from './features.js';

export interface ClusterOptions {
  weights: FeatureWeights;
  /** Similarity (channel cosines averaged, after time decay) an article needs with a story to join it … */
  joinThreshold: number;
  /**
   * … plus this much divided by the story's article count: one article is thin evidence of an event, so joining a
   * singleton takes more than joining a story of ten (two reports of one kind of event otherwise start a mixed story).
   */
  smallStoryMargin: number;
  /** A second story the article matches at least this well is merged into the first … */
  mergeThreshold: number;
  /** … when the two stories are also at least this alike. */
  storyMergeThreshold: number;
  /** No decay for this many days between an article and a story's dates. */
  graceDays: number;
  /** Then similarity falls by e every this many days. */
  decayDays: number;
  /**
   * An article at least this alike to a story (before time decay) is its follow-up for `followUpDays` after the
   * story's last date, decayed to no less than `followUpFade`: a trial weeks after the crime names the same people
   * and says the same things, while the same leaders meeting again months later on another subject does not. In a
   * stream read in time order a story idle beyond `windowDays` is frozen first (and then only a reuse link reaches
   * it): raise both to follow stories for longer, at the cost of more active stories.
   */
  followUpSimilarity: number;
  followUpDays: number;
  followUpFade: number;
  /**
   * A dated story with no article within this many days of the newest date seen is frozen. With the defaults no
   * article can join a story idle more than 13.3 days (2 + 7 · ln(1 / 0.2): decay takes any similarity under the
   * join threshold), so 14 days freezes only what nothing could reach any more but a reuse link.
   */
  windowDays: number;
  /** Any story that gained no article during this many arrivals is frozen (bounds memory on undated streams). */
  windowArticles: number;
  /**
   * Document frequencies halve every this many arrivals, and a feature whose count falls under one is forgotten: rarity
   * follows the recent stream, and the table holds the vocabulary of the last few half-lives, not of the history.
   */
  dfHalfLife: number;
  /**
   * Keep frozen stories (their ids and articles) in memory, listed by `stories()` and revived by a reuse link to one
   * of their articles. Off by default: memory then follows the active window, and frozen stories live in the store.
   */
  retainFrozen: boolean;
  /** Features in more than this share of the articles seen do not nominate candidate stories (they still score). */
  commonShare: number;
  /** At most this many of an article's features (the rarest) nominate candidate stories … */
  nominators: number;
  /** … each only if it is in no more than this share of the active stories (or 50), they are scored all the same. */
  crowdedShare: number;
  /** Stories scored exactly per article, best first by their rare-feature overlap. */
  maxCandidates: number;
  /** A story keeps at most this many features, the heaviest (its centroid stays small however large it grows). */
  maxStoryFeatures: number;
  /** After each article, merge its story with a neighbouring one when the two stories are this alike. */
  agglomerate: boolean;
  /** Neighbours the article itself matches less than this are not considered for that merge. */
  neighbourFloor: number;
  /**
   * A story of this many articles (0: never) is checked for a split, and again each time it has grown by half: its
   * members grouped in two by average link, and the groups split apart when they are less alike than
   * `storyMergeThreshold` (two stories that would not be merged) and each holds `splitGroup` articles (a branch of
   * the grouping with fewer is a few outliers, set aside while the two groups are found). One early wrong join (two
   * events of one kind at one place, or with one person) otherwise becomes a story of both events.
   */
  splitFrom: number;
  splitGroup: number;
  /** Stories keep their members' features for the check up to this many articles (memory), and are not split beyond. */
  splitUpTo: number;
  /** Document frequencies to start from (e.g. from an earlier stream), so early articles get sensible rarity. */
  seed: { docs: number; df: Record<string, number> } | null;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  weights: DEFAULT_FEATURE_WEIGHTS,
  joinThreshold: 0.2,
  smallStoryMargin: 0.02,
  mergeThreshold: 0.4,
  storyMergeThreshold: 0.4,
  graceDays: 2,
  decayDays: 7,
  followUpSimilarity: 0.25,
  followUpDays: 60,
  followUpFade: 0.8,
  windowDays: 14,
  windowArticles: 200_000,
  dfHalfLife: 100_000,
  retainFrozen: false,
  commonShare: 0.2,
  nominators: 20,
  crowdedShare: 0.01,
  maxCandidates: 10,
  maxStoryFeatures: 4000,
  agglomerate: true,
  neighbourFloor: 0.1,
  splitFrom: 6,
  splitGroup: 4,
  splitUpTo: 64,
  seed: null,
};
