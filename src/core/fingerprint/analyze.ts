/**
 * @module One pass over an article's paragraphs that every view and every comparison reads: canonical words with
 * their classes, sentence boundaries and whether each word sits inside a quotation.
 *
 * The pass is the hot loop of indexing, so it runs over char codes and typed arrays: a hand-written scanner instead
 * of a regex, and a bounded cache from a word's chars to its hashes and class instead of a string, a stem and three
 * hashes per word. The word strings are only built when a comparison asks for them (`words`): most articles are
 * fingerprinted and never verified against anything. The output is exactly that of normalising each paragraph
 * (`normalizeText`), tokenising it with `TOKEN` and hashing every word's string.
 */
import { normalizeText } from '../clean/common/normalize.js';
import { hashString } from './hash.js';
import { anchorKey, canonicalNumber, isAlwaysAnchor, isCommonNoun, isFunctionWord, stem } from './words.js';

export const FUNCTION = 1;
export const ANCHOR = 2;
export const QUOTED = 4;
export const NUMBER = 8;

/** Seeds of the stem hashes the terms and anchors views are made of. */
export const TERM_SEED = 0x7e;
export const ANCHOR_SEED = 0xa1;

export interface Analysis {
  /** Lower-cased words, number words as digits. Built on first use. */
  readonly words: string[];
  /** `words[i]`, without building the others when they are not built yet. */
  wordAt(i: number): string;
  /** One hash per word: `hashString(word)`. */
  hashes: Uint32Array;
  /** FUNCTION | ANCHOR | QUOTED | NUMBER bits per word. */
  flags: Uint8Array;
  /** Index of the first word of each sentence, then `words.length`. */
  sentences: Uint32Array;
  /** `hashString(stem(word), TERM_SEED)` per word; 0 for function words. */
  termStems: Uint32Array;
  /** `hashString(stem(word), ANCHOR_SEED)` per word; 0 for words that are not anchors. */
  anchorStems: Uint32Array;
  /** Whether every word is ASCII (after the typographic chars `normalizeText` maps): none carries a diacritic. */
  readonly asciiOnly: boolean;
}

/** The tokeniser the scanner reproduces, and still runs on paragraphs with chars the scanner does not map. */
const TOKEN = /([\p{L}\p{N}]+(?:['.\-&][\p{L}\p{N}]+)*)|(")|([.!?]+)/gu;
const UPPER = /^\p{Lu}/u;
// A period after these does not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'prof', 'no']);
const ABBREVIATION_CODES = [...ABBREVIATIONS].map((w) => Array.from(w, (c) => c.charCodeAt(0)));

const BACKTICK = 0x60;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Scanner classes of ASCII chars (after `MAPPED`), 0 for none; letters and digits are told by `LOWER`.
/** ' . - & (and the backtick, a single quote to `normalizeText`): join two runs of letters and digits. */
const C_JOIN = 2;
const C_QUOTE = 3;
/** . ! ? */
const C_STOP = 4;
const ASCII_CLASS = new Uint8Array(128);
for (const c of "'-&`.") ASCII_CLASS[c.charCodeAt(0)] = C_JOIN;
ASCII_CLASS[34] = C_QUOTE;
for (const c of '!?') ASCII_CLASS[c.charCodeAt(0)] = C_STOP;
/** An ASCII letter or digit lower-cased; 0 for every other char. */
const LOWER = new Uint8Array(128);
for (let c = 48; c <= 57; c++) LOWER[c] = c;
for (let c = 97; c <= 122; c++) LOWER[c] = LOWER[c - 32] = c;

/**
 * Non-ASCII chars that `normalizeText` turns into one ASCII char whatever surrounds them (typographic quotes, dashes,
 * spaces), with that char; 0 for all others. A paragraph of ASCII and these is scanned as it is, unnormalised.
 */
const MAPPED = new Uint8Array(65536);
{
  const candidates =
    '\u2018\u2019\u201A\u201B\u2032\u2035\u00B4\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A' +
    '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D\u00A0\u202F\u205F\u3000\uFEFF' +
    '\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B';
  for (const ch of candidates) {
    const out = normalizeText(`a${ch}a`);
    const mid = out.charCodeAt(1);
    // Chars that NFKC expands (″ → ′′, ´ → space + accent) stay on the normalising path.
    if (out.length === 3 && out[0] === 'a' && out[2] === 'a' && mid < 128) MAPPED[ch.charCodeAt(0)] = mid;
  }
}

/**
 * What every word gets, by its lower-cased chars: most words of an article were seen in earlier articles, and one
 * lookup costs less than canonicalising, stemming and hashing again. Open addressing straight into 64-byte rows (the
 * chars packed four to an int inside), so that a lookup reads one cache line. Bounded (emptied when half full):
 * memory stays flat whatever the corpus.
 */
const ROW_BITS = 17;
const ROW_MASK = (1 << ROW_BITS) - 1;
const MAX_WORDS = 1 << (ROW_BITS - 1);
const ROW = 16;
// Row layout.
const R_KEY = 0;
/** Length (0: empty row) | W_FUNCTION | W_DIGIT. */
const R_INFO = 1;
const R_HASH = 2;
const R_TERM = 3;
const R_ANCHOR = 4;
const R_CHARS = 8;
/** Longer words (rare) are computed each time. */
const MAX_CACHED_LENGTH = 4 * (ROW - R_CHARS);
const W_FUNCTION = 0x100;
const W_DIGIT = 0x200;
/** An anchor whatever its case (`isAlwaysAnchor`). */
const W_ALWAYS = 0x400;
/** A common noun, not a name, though capitalised (`isCommonNoun`). */
const W_NOUN = 0x800;
const rows = new Uint32Array((1 << ROW_BITS) * ROW);
let nWords = 0;

/** The row of the word whose chars are the `len` bytes at int `at` of `pInts`, under `key`; made on a miss. */
function wordRow(key: number, len: number, at: number): number {
  const ints = pInts;
  const n = (len + 3) >>> 2;
  let r = (key & ROW_MASK) * ROW;
  for (;;) {
    const info = rows[r + R_INFO] as number;
    if (info === 0) break;
    if (rows[r + R_KEY] === key && (info & 0xff) === len) {
      let q = 0;
      while (q < n && rows[r + R_CHARS + q] === ints[at + q]) q++;
      if (q === n) return r;
    }
    r = (r + ROW) & (ROW_MASK * ROW);
  }
  if (nWords === MAX_WORDS) {
    rows.fill(0);
    nWords = 0;
    r = (key & ROW_MASK) * ROW;
  }
  nWords++;
  rows.fill(0, r + R_CHARS, r + ROW);
  for (let q = 0; q < n; q++) rows[r + R_CHARS + q] = ints[at + q] as number;
  // A miss runs the string code, so that the cache holds exactly what it computes.
  const lower = canonicalNumber(String.fromCharCode.apply(null, pChars.subarray(4 * at, 4 * at + len) as never));
  const fn = isFunctionWord(lower);
  const st = stem(lower);
  rows[r + R_KEY] = key;
  rows[r + R_INFO] =
    len |
    (fn ? W_FUNCTION : 0) |
    (hasDigit(lower) ? W_DIGIT : 0) |
    (isAlwaysAnchor(lower) ? W_ALWAYS : 0) |
    (isCommonNoun(lower) ? W_NOUN : 0);
  rows[r + R_HASH] = hashString(lower);
  rows[r + R_TERM] = fn ? 0 : hashString(st, TERM_SEED);
  rows[r + R_ANCHOR] = hashString(anchorKey(lower, st), ANCHOR_SEED);
  return r;
}

// Per-article output, written here and copied out (or viewed, for signatures only): grown as needed, reused across
// calls.
let cap = 0;
let sHashes = new Uint32Array(0);
let sFlags = new Uint8Array(0);
/** CAPITAL | MID_NAME per word. */
let sCapital = new Uint8Array(0);
let sTerm = new Uint32Array(0);
let sAnchor = new Uint32Array(0);
let sStart = new Uint32Array(0);
let sEnd = new Uint32Array(0);
let sStarts = new Uint32Array(64);
let sInitialCaps = new Uint32Array(64);
const CAPITAL = 1;
/** Capitalised mid-sentence: a name wherever else it appears. */
const MID_NAME = 2;

// The paragraph being read: its words' chars, lower-cased, each word from a 4-byte boundary and zero-padded to the
// next (so that words compare as ints), with each word's length and first int. A paragraph the scanner gives up on
// is read again normalised, over the same places.
let pChars = new Uint8Array(1024);
let pInts = new Uint32Array(pChars.buffer);
let pLength = new Uint32Array(256);
let pAt = new Uint32Array(256);
const P_UPPER = 1;
const P_QUOTED = 2;
const P_SENTENCE_START = 4;
/** A char beyond ASCII: the word is read from the string. */
const P_SLOW = 8;

function growOutput(n: number): void {
  const next = Math.max(n, cap * 2, 1024);
  const u32 = (a: Uint32Array) => {
    const b = new Uint32Array(next);
    b.set(a);
    return b;
  };
  const u8 = (a: Uint8Array) => {
    const b = new Uint8Array(next);
    b.set(a);
    return b;
  };
  sHashes = u32(sHashes);
  sFlags = u8(sFlags);
  sCapital = u8(sCapital);
  sTerm = u32(sTerm);
  sAnchor = u32(sAnchor);
  sStart = u32(sStart);
  sEnd = u32(sEnd);
  cap = next;
}

/** Room for a paragraph of `chars` chars after `n` words. */
function room(n: number, chars: number): void {
  // Words are separated by at least one char; each takes at most 3 bytes of padding.
  const words = (chars >>> 1) + 1;
  if (n + words > cap) growOutput(n + words);
  if (words > pLength.length) {
    pLength = new Uint32Array(Math.max(words, pLength.length * 2));
    pAt = new Uint32Array(pLength.length);
  }
  const bytes = chars + 3 * words + 4;
  if (bytes > pChars.length) {
    // A multiple of 4 bytes, for the int view.
    pChars = new Uint8Array((Math.max(bytes, pChars.length * 2) + 3) & ~3);
    pInts = new Uint32Array(pChars.buffer);
  }
}

function enlarge(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The state of one `analyze` call while it reads. */
class Reader {
  n = 0;
  nStarts = 0;
  nInitialCaps = 0;
  /** Offset of the current paragraph: paragraphs count as joined by one separator. */
  base = 0;
  readonly bases: number[] = [];
  readonly texts: string[] = [];
  // The paragraph being read.
  quoted = false;
  sentenceStart = true;
  /** Words read in this paragraph. */
  read = 0;
  /** Bytes of `pChars` used. */
  used = 0;
  lastHasDot = false;
  lastSlow = false;
  /** Paragraphs read by the tokeniser (they hold a char beyond ASCII that `MAPPED` does not map). */
  tokenized = 0;

  paragraph(raw: string): void {
    this.bases.push(this.base);
    this.texts.push(raw);
    room(this.n, raw.length);
    const { nStarts, nInitialCaps } = this;
    if (!this.scan(raw)) {
      // A char the scanner does not map: undo the paragraph, and let the tokeniser read it normalised.
      this.nStarts = nStarts;
      this.nInitialCaps = nInitialCaps;
      const text = normalizeText(raw);
      this.texts[this.texts.length - 1] = text;
      room(this.n, text.length);
      this.tokenized++;
      this.tokenize(text);
    }
    this.n += this.read;
    this.base += (this.texts[this.texts.length - 1] as string).length + 1;
  }

  begin(): void {
    this.quoted = false;
    this.sentenceStart = true;
    this.read = 0;
    this.used = 0;
  }

  /**
   * `TOKEN` over a paragraph of ASCII and `MAPPED` chars, each word lower-cased into `pChars` as it is read. False
   * (part-way through) at any other char.
   */
  scan(text: string): boolean {
    this.begin();
    const n = text.length;
    const buf = pChars;
    const lower = LOWER;
    const cls = ASCII_CLASS;
    const map = MAPPED;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c >= 128) {
        c = map[c] as number;
        if (c === 0) return false;
      }
      let l = lower[c] as number;
      if (l !== 0) {
        const start = i;
        const from = this.used;
        let at = from;
        let dot = false;
        // The cache's key: FNV-1a over the lower-cased chars (free here, next to the branches).
        let key = FNV_OFFSET;
        for (;;) {
          buf[at++] = l;
          key = Math.imul(key ^ l, FNV_PRIME);
          if (++i >= n) break;
          c = text.charCodeAt(i);
          if (c >= 128) {
            c = map[c] as number;
            if (c === 0) return false;
          }
          l = lower[c] as number;
          if (l !== 0) continue;
          // A joiner continues the word only when a letter or digit follows it ("U.S", "3.5", "it's").
          if (cls[c] === C_JOIN && i + 1 < n) {
            let d = text.charCodeAt(i + 1);
            if (d >= 128) {
              d = map[d] as number;
              if (d === 0) return false;
            }
            if (lower[d] !== 0) {
              if (c === 46) dot = true;
              else if (c === BACKTICK) c = 39;
              buf[at++] = c;
              key = Math.imul(key ^ c, FNV_PRIME);
              i++;
              l = lower[d] as number;
              continue;
            }
          }
          break;
        }
        const first = text.charCodeAt(start);
        this.word(start, i, at - from, key, dot, first >= 65 && first <= 90 ? P_UPPER : 0);
        continue;
      }
      const k = cls[c] as number;
      if (k === C_QUOTE) {
        this.quoted = !this.quoted;
        i++;
      } else if (k === C_STOP || c === 46) {
        const start = i;
        i++;
        while (i < n) {
          let d = text.charCodeAt(i);
          if (d >= 128) {
            d = map[d] as number;
            if (d === 0) return false;
          }
          if (d !== 46 && cls[d] !== C_STOP) break;
          i++;
        }
        this.stop(text, start, i);
      } else i++;
    }
    return true;
  }

  /** `TOKEN` itself, over a normalised paragraph. */
  tokenize(text: string): void {
    this.begin();
    const buf = pChars;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      if (m[2]) this.quoted = !this.quoted;
      else if (m[3]) this.stop(text, m.index, m.index + m[3].length);
      else {
        const start = m.index;
        const end = start + (m[1] as string).length;
        const from = this.used;
        let dot = false;
        let slow = 0;
        let key = FNV_OFFSET;
        for (let k = start; k < end; k++) {
          let c = text.charCodeAt(k);
          if (c >= 128) slow = P_SLOW;
          else if (c >= 65 && c <= 90) c |= 0x20;
          else if (c === 46) dot = true;
          buf[from + k - start] = c;
          key = Math.imul(key ^ c, FNV_PRIME);
        }
        const first = text.charCodeAt(start);
        this.word(start, end, end - start, key, dot, slow | (first >= 65 && first <= 90 ? P_UPPER : 0));
      }
    }
  }

  /** A word whose chars were just written at `used` in `pChars`, `key` their FNV-1a state. */
  word(start: number, end: number, len: number, key: number, dot: boolean, bits: number): void {
    const w = this.read++;
    const i = this.n + w;
    let at = this.used + len;
    // Zero the last int's unused bytes, so that words compare as ints. (Byte stores: reading the int back here
    // would stall on the bytes just written.)
    while (at & 3) pChars[at++] = 0;
    pLength[w] = len;
    pAt[w] = this.used >>> 2;
    this.used = at;
    sStart[i] = this.base + start;
    sEnd[i] = this.base + end;
    sHashes[i] = key;
    this.lastHasDot = dot;
    this.lastSlow = (bits & P_SLOW) !== 0;
    this.emit(w, i, bits | (this.quoted ? P_QUOTED : 0) | (this.sentenceStart ? P_SENTENCE_START : 0));
    this.sentenceStart = false;
  }

  /** The punctuation run text[i, j): the end of a sentence unless a lone period follows an abbreviation. */
  stop(text: string, i: number, j: number): void {
    // Only a lone period can follow an abbreviation or an initialism ("U.S.") without ending the sentence.
    if (j - i > 1 || text.charCodeAt(i) !== 46 || this.read === 0) this.sentenceStart = true;
    else if (!this.lastHasDot && !this.lastIsAbbreviation()) this.sentenceStart = true;
  }

  lastIsAbbreviation(): boolean {
    const w = this.read - 1;
    const i = this.n + w;
    if (this.lastSlow) return ABBREVIATIONS.has(this.wordAt(i));
    const len = pLength[w] as number;
    const at = 4 * (pAt[w] as number);
    for (const a of ABBREVIATION_CODES) {
      if (a.length !== len) continue;
      let k = 0;
      while (k < len && a[k] === pChars[at + k]) k++;
      if (k === len) return true;
    }
    return false;
  }

  /** Looks word i (the paragraph's w-th) up in the word cache and writes it out. */
  emit(w: number, i: number, bits: number): void {
    const len = pLength[w] as number;
    if (bits & P_SLOW || len > MAX_CACHED_LENGTH) {
      this.slowWord(this.texts[this.texts.length - 1] as string, i, bits);
      return;
    }
    const r = wordRow(sHashes[i] as number, len, pAt[w] as number);
    const info = rows[r + R_INFO] as number;
    const fn = (info & W_FUNCTION) !== 0;
    const digit = (info & W_DIGIT) !== 0;
    const always = (info & W_ALWAYS) !== 0;
    const noun = (info & W_NOUN) !== 0;
    // Anchor stems for every word that may turn out a name; `analyze` keeps those of the names.
    const anchor = digit || always || (bits & P_UPPER && !fn && !noun) ? (rows[r + R_ANCHOR] as number) : 0;
    this.push(i, bits, rows[r + R_HASH] as number, fn, digit, rows[r + R_TERM] as number, anchor, always, noun);
  }

  /** Word i from the string: beyond ASCII (lower-casing is contextual there) or too long to cache. */
  slowWord(text: string, i: number, bits: number): void {
    const base = this.bases[this.bases.length - 1] as number;
    const word = mappedSlice(text, (sStart[i] as number) - base, (sEnd[i] as number) - base);
    const lower = canonicalNumber(word.toLowerCase());
    const fn = isFunctionWord(lower);
    const digit = hasDigit(lower);
    const upper = isUpper(word);
    const st = stem(lower);
    const term = fn ? 0 : hashString(st, TERM_SEED);
    const always = isAlwaysAnchor(lower);
    const noun = isCommonNoun(lower);
    const anchor = digit || always || (upper && !fn && !noun) ? hashString(anchorKey(lower, st), ANCHOR_SEED) : 0;
    const b = (bits & ~P_UPPER) | (upper ? P_UPPER : 0);
    this.push(i, b, hashString(lower), fn, digit, term, anchor, always, noun);
  }

  push(
    i: number,
    bits: number,
    hash: number,
    fn: boolean,
    digit: boolean,
    term: number,
    anchor: number,
    always: boolean,
    noun: boolean,
  ): void {
    const upper = (bits & P_UPPER) !== 0;
    const sentenceStart = (bits & P_SENTENCE_START) !== 0;
    if (sentenceStart) {
      if (this.nStarts >= sStarts.length) sStarts = enlarge(sStarts);
      sStarts[this.nStarts++] = i;
    }
    let f = bits & P_QUOTED ? QUOTED : 0;
    let capital = upper ? CAPITAL : 0;
    if (fn) f |= FUNCTION;
    if (digit) f |= NUMBER | ANCHOR;
    else if (always) f |= ANCHOR;
    else if (upper && !fn && !noun) {
      if (sentenceStart) {
        if (this.nInitialCaps >= sInitialCaps.length) sInitialCaps = enlarge(sInitialCaps);
        sInitialCaps[this.nInitialCaps++] = i;
      } else {
        f |= ANCHOR;
        capital |= MID_NAME;
      }
    }
    sHashes[i] = hash;
    sFlags[i] = f;
    sCapital[i] = capital;
    sTerm[i] = term;
    sAnchor[i] = anchor;
  }

  /** Word `i` as a string (for the rare checks that need more than its hash). */
  wordAt(i: number): string {
    const start = sStart[i] as number;
    let p = this.bases.length - 1;
    while ((this.bases[p] as number) > start) p--;
    const base = this.bases[p] as number;
    return materialize(this.texts[p] as string, start - base, (sEnd[i] as number) - base);
  }

  /**
   * A capital that opens a sentence is a name when the text writes the word capitalised elsewhere too, or when a
   * capitalised word follows it ("Port Aldrin").
   */
  markInitialNames(): void {
    const n = this.n;
    let names = false;
    for (let k = 0; k < this.nInitialCaps; k++) {
      const i = sInitialCaps[k] as number;
      let name = i + 1 < n && ((sCapital[i + 1] as number) & CAPITAL) !== 0 && !((sFlags[i + 1] as number) & FUNCTION);
      if (!name) {
        if (!names) {
          // Mid-sentence names by hash, with the first of each; texts are compared on a hit.
          nameTable.reset(n);
          for (let j = 0; j < n; j++) if ((sCapital[j] as number) & MID_NAME) nameTable.add(sHashes[j] as number, j);
          names = true;
        }
        name = this.isMidSentenceName(i);
      }
      if (name) sFlags[i] = (sFlags[i] as number) | ANCHOR;
    }
  }

  isMidSentenceName(i: number): boolean {
    const hash = sHashes[i] as number;
    const j = nameTable.get(hash);
    if (j < 0) return false;
    const word = this.wordAt(i);
    if (this.wordAt(j) === word) return true;
    // Two words of one hash: look at every other name.
    for (let k = j + 1; k < this.n; k++) {
      if (sHashes[k] === hash && (sCapital[k] as number) & MID_NAME && this.wordAt(k) === word) return true;
    }
    return false;
  }
}

/** Hash to the first word of that hash, for one article: open addressing, emptied by bumping a stamp. */
class FirstIndex {
  #hashes = new Uint32Array(1024);
  #first = new Int32Array(1024);
  #stamps = new Uint32Array(1024);
  #stamp = 0;

  /** Empties the table, with room for `n` hashes. */
  reset(n: number): void {
    if (2 * n > this.#hashes.length) {
      let size = this.#hashes.length;
      while (2 * n > size) size *= 2;
      this.#hashes = new Uint32Array(size);
      this.#first = new Int32Array(size);
      this.#stamps = new Uint32Array(size);
    }
    // Stamps are uint32: on wrapping, clear them once.
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#stamps.fill(0);
      this.#stamp = 1;
    }
  }

  /** Keeps the first index given for each hash. */
  add(hash: number, i: number): void {
    const mask = this.#hashes.length - 1;
    let slot = hash & mask;
    while (this.#stamps[slot] === this.#stamp) {
      if (this.#hashes[slot] === hash) return;
      slot = (slot + 1) & mask;
    }
    this.#stamps[slot] = this.#stamp;
    this.#hashes[slot] = hash;
    this.#first[slot] = i;
  }

  /** The first index of the hash, or -1. */
  get(hash: number): number {
    const mask = this.#hashes.length - 1;
    let slot = hash & mask;
    while (this.#stamps[slot] === this.#stamp) {
      if (this.#hashes[slot] === hash) return this.#first[slot] as number;
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}

const nameTable = new FirstIndex();

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

/** text[start, end) with `MAPPED` chars as `normalizeText` has them. */
function mappedSlice(text: string, start: number, end: number): string {
  const w = text.slice(start, end);
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === BACKTICK || (c >= 128 && MAPPED[c] !== 0)) return mapChars(w);
  }
  return w;
}

function mapChars(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    out += String.fromCharCode(c === BACKTICK ? 39 : c >= 128 && MAPPED[c] !== 0 ? (MAPPED[c] as number) : c);
  }
  return out;
}

/** The canonical word at text[start, end): lower case, number words as digits. */
function materialize(text: string, start: number, end: number): string {
  return canonicalNumber(mappedSlice(text, start, end).toLowerCase());
}

/** Where an analysis's words are built from, until they are. */
interface Source {
  texts: string[];
  bases: number[];
  starts: Uint32Array;
  ends: Uint32Array;
}

/** An analysis whose words are built from the (normalised) text on first use. */
class TextAnalysis implements Analysis {
  #words: string[] | null = null;
  #source: Source | null;

  constructor(
    readonly hashes: Uint32Array,
    readonly flags: Uint8Array,
    readonly sentences: Uint32Array,
    readonly termStems: Uint32Array,
    readonly anchorStems: Uint32Array,
    readonly asciiOnly: boolean,
    source: Source | null,
  ) {
    this.#source = source;
  }

  wordAt(i: number): string {
    if (this.#words) return this.#words[i] as string;
    const { texts, bases, starts, ends } = this.#sourceOrThrow();
    const start = starts[i] as number;
    // The last paragraph that starts at or before the word.
    let lo = 0;
    let hi = bases.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((bases[mid] as number) <= start) lo = mid;
      else hi = mid - 1;
    }
    const base = bases[lo] as number;
    return materialize(texts[lo] as string, start - base, (ends[i] as number) - base);
  }

  #sourceOrThrow(): Source {
    if (!this.#source) throw new Error('analysis made for signatures only: it has no words');
    return this.#source;
  }

  get words(): string[] {
    if (this.#words) return this.#words;
    const n = this.hashes.length;
    const words = new Array<string>(n);
    for (let i = 0; i < n; i++) words[i] = this.wordAt(i);
    // The words replace what they were built from.
    this.#words = words;
    this.#source = null;
    return words;
  }
}

/** Analyses paragraphs of original text (normalised here) in document order. */
export function analyze(paragraphs: readonly string[]): Analysis {
  return analyzeText(paragraphs, true);
}

/**
 * `analyze`; without `words`, an analysis for signatures only, to be read before the next call: its arrays are views
 * of this module's scratch buffers (no allocation), and it keeps neither the text nor where each word sits in it
 * (`words` throws). `fingerprint` reads it at once and drops it.
 */
export function analyzeText(paragraphs: readonly string[], words: boolean): Analysis {
  const r = new Reader();
  for (const raw of paragraphs) r.paragraph(raw);
  r.markInitialNames();
  const n = r.n;
  let nStarts = r.nStarts;
  const leading = n > 0 && sStarts[0] !== 0 ? 1 : 0;
  const nSentences = nStarts + leading + 1;
  // Anchor stems were computed for every capitalised word; only names keep theirs.
  for (let i = 0; i < n; i++) if (!((sFlags[i] as number) & ANCHOR)) sAnchor[i] = 0;
  if (nStarts + 2 > sStarts.length) sStarts = enlarge(sStarts);
  if (leading) sStarts.copyWithin(1, 0, nStarts);
  nStarts += leading;
  if (leading) sStarts[0] = 0;
  sStarts[nStarts] = n;
  if (!words) {
    return new TextAnalysis(
      sHashes.subarray(0, n),
      sFlags.subarray(0, n),
      sStarts.subarray(0, nSentences),
      sTerm.subarray(0, n),
      sAnchor.subarray(0, n),
      r.tokenized === 0,
      null,
    );
  }
  // One buffer for every array of the analysis: one allocation instead of seven.
  const ints = 5 * n + nSentences;
  const buffer = new ArrayBuffer(4 * ints + n);
  const flags = new Uint8Array(buffer, 4 * ints, n);
  flags.set(sFlags.subarray(0, n));
  return new TextAnalysis(
    part(buffer, 0, n, sHashes),
    flags,
    part(buffer, 5 * n, nSentences, sStarts),
    part(buffer, n, n, sTerm),
    part(buffer, 2 * n, n, sAnchor),
    r.tokenized === 0,
    { texts: r.texts, bases: r.bases, starts: part(buffer, 3 * n, n, sStart), ends: part(buffer, 4 * n, n, sEnd) },
  );
}

/** A copy of from[0, length) at int `at` of the buffer. */
function part(buffer: ArrayBuffer, at: number, length: number, from: Uint32Array): Uint32Array {
  const a = new Uint32Array(buffer, 4 * at, length);
  a.set(from.subarray(0, length));
  return a;
}
