/** @module The consolidate stage: one attributed report per story, and its HTML and terminal renderings. */
export { escapeHtml } from './escape.js';
export { renderIndexHtml, renderStoryHtml, type StoryIndexEntry } from './html.js';
export type { Quote, QuoteVariant } from './quotes.js';
export { type ConsolidateInput, consolidate, storyQuotes } from './report.js';
export { renderStoryText } from './terminal.js';
export type * from './types.js';
