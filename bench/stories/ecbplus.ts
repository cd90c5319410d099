/**
 * @module Loads the ECB+ development set of labelled stories (`../shared/corpus/stories/ecbplus-dev/`) into the shape
 * the clusterer reads. The corpus gives plain text whose first line is often a headline; articles carry no dates.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClusterInput } from '../../src/core/cluster/index.js';

export const ECBPLUS_DIR = fileURLToPath(new URL('../../../shared/corpus/stories/ecbplus-dev/', import.meta.url));

export interface LabelledCorpus {
  articles: ClusterInput[];
  /** The true stories, as arrays of article ids. */
  stories: string[][];
}

export function ecbplusAvailable(dir = ECBPLUS_DIR): boolean {
  return existsSync(join(dir, 'docs.jsonl')) && existsSync(join(dir, 'truth.json'));
}

/** A first paragraph is read as a headline when it is short and does not end like a sentence. */
function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words >= 2 && words <= 25 && !/[.!?]["”’']?\s*$/.test(line);
}

export function toClusterInput(id: string, text: string): ClusterInput {
  const paragraphs = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const first = paragraphs[0] ?? '';
  const title = paragraphs.length > 1 && isHeadline(first) ? first : null;
  return { id, title, body: title ? paragraphs.slice(1) : paragraphs, published: null, language: 'en' };
}

export function loadEcbplus(dir = ECBPLUS_DIR): LabelledCorpus {
  const articles = readFileSync(join(dir, 'docs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const d = JSON.parse(l) as { id: string; text: string };
      return toClusterInput(d.id, d.text);
    });
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { stories: string[][] };
  return { articles, stories: truth.stories };
}
