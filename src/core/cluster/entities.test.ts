import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities, joinAliases } from './entities.js';
import { passage } from './text.js';

const names = (title: string | null, ...body: string[]) =>
  Object.fromEntries(extractEntities(title ? passage(title) : null, body.map(passage)).names);

test('extractEntities', async (t) => {
  await t.test('should find runs of capitalised words, with connectors inside names', () => {
    const got = names(null, 'Talks opened at the Bank of Valdoria in Port Aldrin today, officials said.');
    assert.deepEqual(Object.keys(got).sort(), ['bank of valdoria', 'port aldrin']);
  });
  await t.test('should drop honorifics and offices in front of a name', () => {
    const got = names(null, 'On Monday, Valdorian Prime Minister Mira Kessler met Mr. Osric Venn.');
    assert.ok('mira kessler' in got, JSON.stringify(got));
    assert.ok('osric venn' in got, JSON.stringify(got));
  });
  await t.test('should not take a sentence opener the article also writes in lower case', () => {
    const got = names(null, 'Officials met. The officials said Ardent Corp. was fine. Fine words.');
    assert.ok(!('officials' in got) && !('fine' in got), JSON.stringify(got));
  });
  await t.test('should split names at punctuation', () => {
    const got = names(null, 'Somehow, Reid managed it. Tara Reid said so, and Reid left.');
    assert.ok(!Object.keys(got).some((k) => k.includes('somehow')), JSON.stringify(got));
  });
  await t.test('should join a surname or a family name to the full name the article uses', () => {
    const got = names(
      null,
      'Kim Jong Un met Vladimir Putin in Vostochny.',
      'Putin said the talks went well, and Kim agreed with Putin.',
    );
    assert.equal(got['vladimir putin'], 3);
    assert.equal(got['kim jong un'], 2);
    assert.ok(!('putin' in got) && !('kim' in got));
  });
  await t.test('should spell hyphenated and spaced names alike', () => {
    assert.ok('kim jong un' in names(null, 'The envoy met Kim Jong-un on Friday.'));
  });
  await t.test('should trust a title-case headline only for names the body also uses', () => {
    const got = names('Quake Hits Island Off Lormont Coast', 'A strong quake shook the island near Lormont on Sunday.');
    assert.deepEqual(Object.keys(got), ['lormont']);
  });
});

test('joinAliases should pick the most mentioned full name when a short form fits several', () => {
  const got = joinAliases(
    new Map([
      ['kim', 3],
      ['kim jong un', 2],
      ['kim young ho', 1],
    ]),
  );
  assert.deepEqual(Object.fromEntries(got), { 'kim jong un': 5, 'kim young ho': 1 });
});
