/** @module Story clustering: pure, deterministic, incremental. */
export { createClusterer } from './clusterer.js';
export { type EntityCounts, extractEntities, joinAliases } from './entities.js';
export {
  articleFeatures,
  CHANNELS,
  DEFAULT_FEATURE_WEIGHTS,
  type Features,
  type FeatureWeights,
} from './features.js';
export { applyAssignment } from './membership.js';
export { type ClusterOptions, DEFAULT_CLUSTER_OPTIONS } from './options.js';
export type {
  Assignment,
  Clusterer,
  ClustererState,
  ClusterInput,
  MergeRecord,
  ReuseLink,
  ReuseType,
  StorySummary,
} from './types.js';
