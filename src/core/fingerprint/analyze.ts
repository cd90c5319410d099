/**
 * @module One pass over an article's paragraphs that every view and every comparison reads: canonical words with
 * their classes, sentence boundaries and whether each word sits inside a quotation.
 */
import { normalizeText } from '../clean/common/normalize.js';
import { hashString } from './hash.js';
import { canonicalNumber, isFunctionWord } from './words.js';

export const FUNCTION = 1;
export const ANCHOR = 2;
export const QUOTED = 4;
export const NUMBER = 8;

export interface Analysis {
  /** Lower-cased words, number words as digits. */
  words: string[];
  /** One hash per word. */
  hashes: Uint32Array;
  /** FUNCTION | ANCHOR | QUOTED | NUMBER bits per word. */
  flags: Uint8Array;
  /** Index of the first word of each sentence, then `words.length`. */
  sentences: Uint32Array;
}

const TOKEN = /([\p{L}\p{N}]+(?:['.\-&][\p{L}\p{N}]+)*)|(")|([.!?]+)/gu;
const UPPER = /^\p{Lu}/u;
// A period after these does not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'prof', 'no']);

function isUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Analyses paragraphs of original text (normalised here) in document order. */
export function analyze(paragraphs: readonly string[]): Analysis {
  const words: string[] = [];
  const flagList: number[] = [];
  const starts: number[] = [];
  // Sentence-initial capitals say nothing about names; decided once the whole text shows how the word is written.
  const initialCaps: number[] = [];
  const namesMidSentence = new Set<string>();
  const capital: boolean[] = [];
  for (const raw of paragraphs) {
    const text = normalizeText(raw);
    let quoted = false;
    let sentenceStart = true;
    let lastWord = '';
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      if (m[2]) {
        quoted = !quoted;
        continue;
      }
      if (m[3]) {
        if (m[3] !== '.' || !(ABBREVIATIONS.has(lastWord) || lastWord.includes('.'))) sentenceStart = true;
        continue;
      }
      const word = m[1] as string;
      const lower = canonicalNumber(word.toLowerCase());
      if (sentenceStart) starts.push(words.length);
      let f = quoted ? QUOTED : 0;
      if (isFunctionWord(lower)) f |= FUNCTION;
      const upper = isUpper(word);
      if (hasDigit(lower)) f |= NUMBER | ANCHOR;
      else if (upper && !(f & FUNCTION)) {
        if (sentenceStart) initialCaps.push(words.length);
        else {
          f |= ANCHOR;
          namesMidSentence.add(lower);
        }
      }
      capital.push(upper);
      words.push(lower);
      flagList.push(f);
      lastWord = lower;
      sentenceStart = false;
    }
  }
  // A capital that opens a sentence is a name when the text writes the word capitalised elsewhere too, or when a
  // capitalised word follows it ("Port Aldrin").
  for (const i of initialCaps) {
    if (namesMidSentence.has(words[i] as string) || (capital[i + 1] && !((flagList[i + 1] as number) & FUNCTION)))
      flagList[i] = (flagList[i] as number) | ANCHOR;
  }
  const n = words.length;
  const hashes = new Uint32Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = hashString(words[i] as string);
    flags[i] = flagList[i] as number;
  }
  if (starts[0] !== 0 && n > 0) starts.unshift(0);
  starts.push(n);
  return { words, hashes, flags, sentences: Uint32Array.from(starts) };
}
