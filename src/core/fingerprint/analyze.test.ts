import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeText } from '../clean/common/normalize.js';
import { ANCHOR, ANCHOR_SEED, analyze, FUNCTION, NUMBER, QUOTED, TERM_SEED } from './analyze.js';
import { fingerprint, fingerprintOf } from './fingerprint.js';
import { hashString } from './hash.js';
import { anchorKey, canonicalNumber, isAlwaysAnchor, isCommonNoun, isFunctionWord, stem } from './words.js';

/** The analysis as first written: normalise, tokenise by regex, one string per word. The scanner must match it. */
function reference(paragraphs: readonly string[]) {
  const TOKEN = /([\p{L}\p{N}]+(?:['.\-&][\p{L}\p{N}]+)*)|(")|([.!?]+)/gu;
  const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'prof', 'no']);
  const words: string[] = [];
  const flags: number[] = [];
  const starts: number[] = [];
  const initialCaps: number[] = [];
  const names = new Set<string>();
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
      const upper = /^\p{Lu}/u.test(word);
      if (/[0-9]/.test(lower)) f |= NUMBER | ANCHOR;
      else if (isAlwaysAnchor(lower)) f |= ANCHOR;
      else if (upper && !(f & FUNCTION) && !isCommonNoun(lower)) {
        if (sentenceStart) initialCaps.push(words.length);
        else {
          f |= ANCHOR;
          names.add(lower);
        }
      }
      capital.push(upper);
      words.push(lower);
      flags.push(f);
      lastWord = lower;
      sentenceStart = false;
    }
  }
  for (const i of initialCaps) {
    if (names.has(words[i] as string) || (capital[i + 1] && !((flags[i + 1] as number) & FUNCTION)))
      flags[i] = (flags[i] as number) | ANCHOR;
  }
  if (starts[0] !== 0 && words.length > 0) starts.unshift(0);
  starts.push(words.length);
  return {
    words,
    hashes: words.map((w) => hashString(w)),
    flags,
    sentences: starts,
    termStems: words.map((w, i) => ((flags[i] as number) & FUNCTION ? 0 : hashString(stem(w), TERM_SEED))),
    anchorStems: words.map((w, i) =>
      (flags[i] as number) & ANCHOR ? hashString(anchorKey(w, stem(w)), ANCHOR_SEED) : 0,
    ),
  };
}

function same(paragraphs: readonly string[]): void {
  const a = analyze(paragraphs);
  const got = {
    words: a.words,
    hashes: [...a.hashes],
    flags: [...a.flags],
    sentences: [...a.sentences],
    termStems: [...a.termStems],
    anchorStems: [...a.anchorStems],
  };
  assert.deepEqual(got, reference(paragraphs), JSON.stringify(paragraphs));
}

test('the scanner reads exactly what normalising and the regex tokeniser read', () => {
  same([
    'Café “Zürich” — it’s the U.S. plan: 3.5% of ½ the ﬁrst 10km… `quoted` ´acute´ rock`n`roll O’Neil’s',
    'ΣΊΣΥΦΟΣ İstanbul straße 𝐀𝐁𝐂 dog. Dr. Who? Mr. Smith! A.B. test... end',
    '\u00a0Non\u2011breaking\u2013dash A\u2033B x\u2032y ‹a› «b» \ufeffzero\u200bwidth',
    "Ties axes buses crisis glass cats dog’s John's ABC'S parties churches wishes boxes Supercalifragilisticexpialidocious",
    'One Two twenty Thousand million three-day 2nd 1st. No. 5 is here. Gen. Lee and Sen. Smith met.',
    '',
    '.',
    '"',
  ]);
});

test('the scanner matches the tokeniser on random text, whatever the word cache holds', () => {
  const pieces = [
    'a',
    'B',
    'Mr',
    'No',
    'U',
    'S',
    'two',
    'Two',
    'ties',
    'Boxes',
    "'s",
    '’s',
    '’',
    '“',
    '”',
    '"',
    "'",
    '`',
    '.',
    '..',
    '!',
    '?',
    ' ',
    '\n',
    '-',
    '–',
    '&',
    '3',
    '3.5',
    'é',
    'Ünd',
    'İ',
    'Σ',
    '½',
    'ﬁ',
    '\u00a0',
    '″',
    '«',
    'the',
    'The',
    "it's",
    'Port',
    'Aldrin',
    'aldrin',
    'constructor',
    'été',
    'e\u0301',
    ',',
    'AT&T',
    'e.g.',
    'x'.repeat(40),
  ];
  let seed = 7;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let t = 0; t < 2000; t++) {
    const paragraphs = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      let s = '';
      for (let i = Math.floor(rnd() * 30); i > 0; i--)
        s += pieces[Math.floor(rnd() * pieces.length)] + (rnd() < 0.5 ? ' ' : '');
      return s;
    });
    same(paragraphs);
  }
});

test('the word cache gives the same words after it fills up and starts over', () => {
  const text = ['The Harbour Board of Port Aldrin voted. Its chair, Ms. Varga, said two ferries would run.'];
  same(text);
  // More distinct words than the cache holds.
  const many = Array.from({ length: 700 }, (_, p) =>
    Array.from({ length: 100 }, (_, i) => `w${(p * 100 + i).toString(36)}`).join(' '),
  );
  analyze(many);
  same(text);
});

test('fingerprint() (analysis for signatures only) equals fingerprintOf(analyze())', () => {
  const text = [
    'Officials in Port Aldrin said two ferries ran on Tuesday. "We are safe," Ms. Varga said after the meeting.',
    'Varga left at 9. The harbour board of the region voted on the plan after a long debate about its costs.',
  ];
  assert.deepEqual(fingerprint(text), fingerprintOf(analyze(text)));
});

test('an analysis says whether its words are all ASCII, typographic quotes and dashes aside', () => {
  assert.equal(analyze(['\u201cWe agreed\u201d \u2014 the minister said.']).asciiOnly, true);
  assert.equal(analyze(['Plain words.', 'The [R\u00e9publique de Cor\u00e9e] said so.']).asciiOnly, false);
});

test('wordAt gives each word as words does, before and after the words are built', () => {
  const text = [
    'Officials in Port Aldrin said two ferries ran on Tuesday.',
    '',
    '\u201cWe are safe,\u201d Ms. Varga said in Z\u00fcrich \u2014 after the R\u00e9publique vote.',
    'Three more ferries, the board said.',
  ];
  const lazy = analyze(text);
  const n = lazy.hashes.length;
  const one = Array.from({ length: n }, (_, i) => lazy.wordAt(i));
  assert.deepEqual(one, analyze(text).words);
  const built = lazy.words;
  assert.deepEqual(
    Array.from({ length: n }, (_, i) => lazy.wordAt(i)),
    built,
  );
});
