/**
 * @module The consolidated story report: plain JSON-ready data (no Maps, no class instances), documented in
 * docs/report-schema.md. `storytrace report --json` prints it as is.
 */
import type { TimePrecision } from '../model.js';
import type { RelationType } from '../relate/types.js';
import type { Quote } from './quotes.js';
import type { DatePrecision } from './when.js';

export type { Quote };

/** A sentence of one article, with the HTML anchor its body is rendered under. */
export interface Passage {
  article: string;
  anchor: string;
  text: string;
}

export interface Conflict {
  kind: 'number' | 'date' | 'name';
  values: { article: string; value: string }[];
}

export interface Fact {
  /** `f1`, `f2`, … in report order. */
  id: string;
  /** A representative sentence. */
  text: string;
  articles: string[];
  lineages: string[];
  confirmed: 'single-lineage' | 'independent';
  conflicts: Conflict[];
  /** Every sentence (or clause) that states the claim. */
  passages: Passage[];
  /** True when the claim is carried inside a quotation. */
  quoted: boolean;
}

export interface SummaryLine {
  text: string;
  articles: string[];
  fact: string;
}

export interface TimelineArticle {
  article: string;
  outlet: string | null;
  /** ISO 8601 as the clean stage found it, or null. */
  published: string | null;
  precision: TimePrecision | null;
  title: string | null;
  credits: string[];
  authors: string[];
  lineage: string;
  /** The article whose text this one reuses, how, and how sure we are; null for an original or own report. */
  source: { article: string; type: RelationType | null; confidence: number } | null;
}

export interface TimelineEvent {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  precision: DatePrecision;
  text: string;
  /** The words that gave the date in each article, e.g. "on Wednesday". */
  phrases: string[];
  articles: string[];
  fact: string | null;
  passages: Passage[];
}

export interface FramingTerm {
  term: string;
  passage: Passage;
}

export interface Foreground {
  title: string | null;
  lead: string | null;
  /** Title and lead words that are not part of the story's common core: what this source puts first. */
  emphasis: string[];
  /** The fact the lead states, and whether it is the story's most widely carried one. */
  leadFact: string | null;
  leadIsCore: boolean;
}

export interface SourceReport {
  article: string;
  outlet: string | null;
  lineage: string;
  /** The article `omits` is measured against, or null when it has none. */
  comparedWith: string | null;
  /** Claims no other article of the story carries. */
  adds: { fact: string; text: string; anchor: string }[];
  /** Claims of its lineage's source (or reuse source) that it leaves out, anchored in that source. */
  omits: { fact: string; text: string; anchor: string }[];
  framing: FramingTerm[];
  foreground: Foreground;
}

export interface Report {
  id: string;
  title: string;
  summary: SummaryLine[];
  timeline: TimelineArticle[];
  events: TimelineEvent[];
  facts: Fact[];
  quotes: Quote[];
  sources: SourceReport[];
  lineages: { name: string; articles: string[]; original: string | null }[];
  commonSources: { name: string; articles: string[] }[];
}
