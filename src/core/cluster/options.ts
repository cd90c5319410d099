/** @module The clusterer's settings, with defaults measured on ECB+ (see bench/README.md). */
import { DEFAULT_FEATURE_WEIGHTS, type FeatureWeights } from './features.js';

export interface ClusterOptions {
  weights: FeatureWeights;
  /** Similarity (channel cosines averaged, after time decay) an article needs with a story to join it. */
  joinThreshold: number;
  /** A second story the article matches at least this well is merged into the first … */
  mergeThreshold: number;
  /** … when the two stories are also at least this alike. */
  storyMergeThreshold: number;
  /** No decay for this many days between an article and a story's dates. */
  graceDays: number;
  /** Then similarity falls by e every this many days. */
  decayDays: number;
  /** A dated story with no article within this many days of the newest date seen is frozen. */
  windowDays: number;
  /** Any story that gained no article during this many arrivals is frozen (bounds memory on undated streams). */
  windowArticles: number;
  /** Features in more than this share of the articles seen do not nominate candidate stories (they still score). */
  commonShare: number;
  /** Stories scored exactly per article, best first by their rare-feature overlap. */
  maxCandidates: number;
  /** A story keeps at most this many features, the heaviest (its centroid stays small however large it grows). */
  maxStoryFeatures: number;
  /** After each article, merge its story with a neighbouring one when the two stories are this alike. */
  agglomerate: boolean;
  /** Neighbours the article itself matches less than this are not considered for that merge. */
  neighbourFloor: number;
  /** Document frequencies to start from (e.g. from an earlier stream), so early articles get sensible rarity. */
  seed: { docs: number; df: Record<string, number> } | null;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  weights: DEFAULT_FEATURE_WEIGHTS,
  joinThreshold: 0.2,
  mergeThreshold: 0.4,
  storyMergeThreshold: 0.4,
  graceDays: 2,
  decayDays: 7,
  windowDays: 30,
  windowArticles: 200_000,
  commonShare: 0.2,
  maxCandidates: 10,
  maxStoryFeatures: 4000,
  agglomerate: true,
  neighbourFloor: 0.1,
  seed: null,
};
