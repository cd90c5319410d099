import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCapitalised, stem, tokenize } from './text.js';

test('tokenize', async (t) => {
  await t.test('should drop possessive and contraction endings, keeping the word', () => {
    assert.deepEqual(
      tokenize("Reid's rep said I'm fine and didn't care").map((x) => x.text),
      ['Reid', 'rep', 'said', 'I', 'fine', 'and', 'didn', 'care'],
    );
  });
  await t.test('should keep hyphenated words and decimals whole, with their offsets', () => {
    const tokens = tokenize('Kim Jong-un saw a 6.1 quake');
    assert.deepEqual(
      tokens.map((x) => x.text),
      ['Kim', 'Jong-un', 'saw', 'a', '6.1', 'quake'],
    );
    assert.equal(tokens[1]?.start, 4);
  });
  await t.test('should read letters, marks and digits of any script, beyond the BMP too, and nothing else', () => {
    const text = 'Ça va, 𝐀𝐁c de\u0301ja\u0300 vu\u2014😀x\ud800y 中文 ١٢ AT&T’s - -x e.g. ok.';
    assert.deepEqual(
      tokenize(text).map((x) => [x.text, x.start, x.end]),
      [
        ['Ça', 0, 2],
        ['va', 3, 5],
        ['𝐀𝐁c', 7, 12],
        ['de\u0301ja\u0300', 13, 19],
        ['vu', 20, 22],
        ['x', 25, 26],
        ['y', 27, 28],
        ['中文', 29, 31],
        ['١٢', 32, 34],
        ['AT&T', 35, 41],
        ['x', 45, 46],
        ['e.g', 47, 50],
        ['ok', 52, 54],
      ],
    );
  });
});

test('stem', async (t) => {
  await t.test('should meet plural and singular, and common verb endings', () => {
    assert.equal(stem('quakes'), stem('quake'));
    assert.equal(stem('checked'), stem('checks'));
    assert.equal(stem('parties'), 'party');
  });
  await t.test('should leave short words, numbers and -ss/-us/-is words alone', () => {
    for (const w of ['bus', 'gas', 'class', 'virus', 'crisis', '2008s']) assert.equal(stem(w), w);
  });
});

test('isCapitalised should see capitals beyond ASCII', () => {
  assert.ok(isCapitalised('Érik'));
  assert.ok(!isCapitalised('érik'));
  assert.ok(!isCapitalised('9am'));
});
