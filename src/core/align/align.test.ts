import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SynonymLookup } from '../relate/types.js';
import { align } from './align.js';
import { wordDiff } from './diff.js';

const SWAPS: Record<string, string> = { rare: 'uncommon', men: 'males', city: 'metropolis', visit: 'tour' };
const synonyms: SynonymLookup = (a, b) => SWAPS[a] === b || SWAPS[b] === a;
const doc = (id: string, body: string[]) => ({ id, body, language: 'en' });

test('word diff keeps, cuts and adds runs of words', () => {
  assert.deepEqual(wordDiff(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']), [
    { op: '=', words: ['a'] },
    { op: '-', words: ['b'] },
    { op: '+', words: ['x'] },
    { op: '=', words: ['c', 'd'] },
    { op: '+', words: ['e'] },
  ]);
});

test('alignment types each sentence pair and tolerates reordering', () => {
  const a = doc('a', [
    'The two men held a rare summit in the port city of Vostok on Tuesday.',
    'Officials said the talks covered trade, fishing rights and a new ferry line.',
    '"We will rebuild the bridge before winter," said Mayor Anna Brecht.',
    'A second round of talks is planned for March in the capital.',
  ]);
  const b = doc('b', [
    'A second round of talks is planned for March in the capital, officials added.',
    '"We will rebuild the bridge before winter," said Mayor Anna Brecht.',
    'The two males held a uncommon summit in the port metropolis of Vostok on Tuesday.',
  ]);
  const al = align(a, b, synonyms);
  const typeOf = (start: string) => al.spans.find((s) => s.a.text.startsWith(start))?.type;
  assert.equal(typeOf('The two men'), 'spun');
  assert.equal(typeOf('"We will'), 'verbatim', 'an identical quoted sentence is a verbatim copy');
  assert.equal(typeOf('A second round'), 'edited');
  assert.equal(typeOf('Officials said'), undefined, 'a sentence the other text lacks is not aligned');
  const spun = al.spans.find((s) => s.type === 'spun');
  assert.deepEqual(spun?.substitutions?.map(([x]) => x).sort(), ['city', 'men', 'rare']);
  assert.ok(al.coverage[1] > 0.95 && al.coverage[0] < 0.8);
});

test('one synonym alone makes an edit, not a spin', () => {
  const al = align(
    doc('a', ['The mayor will visit the flooded district of Lindby on Friday morning.']),
    doc('b', ['The mayor will tour the flooded district of Lindby on Friday.']),
    synonyms,
  );
  assert.equal(al.spans[0]?.type, 'edited');
});

test('two renderings of one quotation are typed as a quotation', () => {
  const al = align(
    doc('a', ['"The harbour will reopen within days, and no one was hurt," the minister said on Monday.']),
    doc('b', ['"The harbour will reopen in a few days, and nobody was hurt," she told reporters.']),
    synonyms,
  );
  assert.equal(al.spans[0]?.type, 'quotation');
});
