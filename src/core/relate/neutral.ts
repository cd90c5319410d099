/**
 * @module Language-neutral anchors: what a translation keeps of its source whatever the two languages — names,
 * numbers and dates — written so that the same anchor reads the same in English, French or German. Numbers become
 * their digit groups ("3,500", "3 500" and "3.500" are 3 then 500; "1.2" and "1,2" are 1 then 2), scale and small
 * number words their value ("milliard", "Milliarden" and "billion" are 10^9, "trois" and "drei" 3), month and weekday
 * names one token per month and day ("March", "mars", "März"; "Sonntag", "Sonntagmorgen"), and names lose their
 * diacritics ("Lebœuf" and "Leboeuf"). Only cross-language comparisons read them (no dictionary ships in npm, so
 * names, numbers and dates are all two languages can be matched on).
 */
import { ANCHOR, type Analysis, NUMBER } from '../fingerprint/analyze.js';
import { hashString } from '../fingerprint/hash.js';
import { CALENDAR_TOKENS, fold, stem } from '../fingerprint/words.js';

/** Small number words beyond English ones (`canonicalNumber` has those, and scale words in every language). */
const NUMBER_WORDS: Record<string, string> = {
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  sept: '7',
  huit: '8',
  neuf: '9',
  dix: '10',
  onze: '11',
  douze: '12',
  vingt: '20',
  zwei: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  zehn: '10',
  zwölf: '12',
  zwanzig: '20',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  diez: '10',
};

const TOKENS = new Map<string, string>(CALENDAR_TOKENS);
for (const [w, v] of Object.entries(NUMBER_WORDS)) TOKENS.set(w, `#${v}`);

const HASHES = new Map<string, number>();
for (const t of new Set(TOKENS.values())) HASHES.set(t, hashString(t));

/** The language-neutral anchors of a text, as hashes in text order (repeats kept). Reads the analysis's words. */
export function neutralAnchors(a: Analysis): Uint32Array {
  const words = a.words;
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const f = a.flags[i] as number;
    if (f & NUMBER) {
      // Digit groups: what every way of writing the number shares.
      let group = '';
      for (let k = 0; k <= w.length; k++) {
        const c = k < w.length ? w.charCodeAt(k) : 0;
        if (c >= 48 && c <= 57) group += w[k];
        else if (group) {
          out.push(hashString(`#${group}`));
          group = '';
        }
      }
      continue;
    }
    const token = TOKENS.get(w);
    // "may" is a month only next to a number ("May 16", "16 May"); elsewhere it is the verb.
    if (token !== undefined && (w !== 'may' || nextToNumber(a, i))) {
      out.push(HASHES.get(token) as number);
      continue;
    }
    if (f & ANCHOR) out.push(hashString(fold(stem(w))));
  }
  return Uint32Array.from(out);
}

function nextToNumber(a: Analysis, i: number): boolean {
  return (((a.flags[i - 1] ?? 0) | (a.flags[i + 1] ?? 0)) & NUMBER) !== 0;
}

export interface NeutralOverlap {
  /** Distinct anchors both texts have. */
  shared: number;
  /** Shared over the distinct anchors of the side that has fewer (a German text counts its nouns as names). */
  containment: number;
  /**
   * Of the shared anchors, the share that come in the same order in both texts (longest common subsequence of their
   * first occurrences): a translation follows its source sentence by sentence, an independent report does not.
   */
  order: number;
}

/** How much two texts share in language-neutral anchors, and how much in the same order. */
export function neutralOverlap(x: Uint32Array, y: Uint32Array): NeutralOverlap {
  const sx = new Set(x);
  const sy = new Set(y);
  const fx = firstOccurrences(x, sy);
  const fy = firstOccurrences(y, sx);
  const shared = fx.length;
  const smaller = Math.min(sx.size, sy.size);
  return {
    shared,
    containment: smaller ? shared / smaller : 0,
    order: shared ? lcs(fx, fy) / shared : 0,
  };
}

function firstOccurrences(xs: Uint32Array, keep: Set<number>): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const v of xs) {
    if (!keep.has(v) || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

function lcs(a: readonly number[], b: readonly number[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
