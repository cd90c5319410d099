import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyLine, canonicalAgency, findCredits, findPhotoCredits } from './credits.js';

test('canonicalAgency(name)', async (t) => {
  await t.test('should map the ways texts name an agency to one canonical name', () => {
    assert.equal(canonicalAgency('Agence France-Presse'), 'AFP');
    assert.equal(canonicalAgency('The Associated Press'), 'AP');
    assert.equal(canonicalAgency('REUTERS'), 'Reuters');
    assert.equal(canonicalAgency('Deutsche Presse-Agentur'), 'dpa');
  });
  await t.test('should not take an ordinary lower-case word for an acronym', () => {
    assert.equal(canonicalAgency('ap'), null);
    assert.equal(canonicalAgency('Aa'), null);
    assert.equal(canonicalAgency('Sky News'), null);
  });
});

test('agencyLine(line)', async (t) => {
  await t.test('should read a line that names an agency and nothing else', () => {
    assert.deepEqual(agencyLine('TT'), ['TT']);
    assert.deepEqual(agencyLine('Reuters'), ['Reuters']);
    assert.deepEqual(agencyLine('- MNA'), ['MNA']);
    assert.deepEqual(agencyLine('(dpa/AFP)'), ['dpa', 'AFP']);
  });
  await t.test('should give nothing for a line that says more, or for an unknown name without a dash', () => {
    assert.deepEqual(agencyLine('Reuters said on Monday'), []);
    assert.deepEqual(agencyLine('MNA'), []);
    assert.deepEqual(agencyLine('Weather'), []);
  });
});

test('findCredits(text)', async (t) => {
  await t.test('should find the agency of a dateline, known or an acronym', () => {
    assert.deepEqual(findCredits('MOSCOW, Sept 14 (Reuters) - Ukraine said ...'), ['Reuters']);
    assert.deepEqual(findCredits('PORT ALDRIN, Valdoria, March 3 (MNA) - A ferry ...'), ['MNA']);
    assert.deepEqual(findCredits('WASHINGTON (AP) \u2014 The Senate voted ...'), ['AP']);
  });
  await t.test('should find signatures, lone lines, copyrights and interviews', () => {
    assert.deepEqual(findCredits('... missile technology. - REUTERS'), ['Reuters']);
    assert.deepEqual(findCredits('The text.\nTT'), ['TT']);
    assert.deepEqual(findCredits('\u00A9 2023 AFP'), ['AFP']);
    assert.deepEqual(findCredits('(c) 2023 The Associated Press. All rights reserved.'), ['AP']);
    assert.deepEqual(findCredits('"It is a change," a researcher told AFP.'), ['AFP']);
  });
  await t.test('should not credit a source the text quotes, nor an outlet in a copyright', () => {
    assert.deepEqual(findCredits('"We will win," KCNA said, citing Kim.'), []);
    assert.deepEqual(findCredits('He told Sky News that he was sure.'), []);
    assert.deepEqual(findCredits('Putin accepted, according to KCNA.'), []);
    assert.deepEqual(findCredits('\u00A9 2031 Tarnby Island Herald. All rights reserved.'), []);
  });
});

test('findPhotoCredits(caption)', async (t) => {
  await t.test('should read the usual caption credit forms', () => {
    assert.deepEqual(findPhotoCredits('Putin speaks. (AP Photo/Alexander Zemlianichenko, Pool)'), [
      'AP Photo/Alexander Zemlianichenko, Pool',
    ]);
    assert.deepEqual(findPhotoCredits('Kim visits the site. (KCNA via YNA/dpa)'), ['KCNA via YNA/dpa']);
    assert.deepEqual(findPhotoCredits('The bow. Photo: Tarnby Island Herald / Jon Alder'), [
      'Tarnby Island Herald / Jon Alder',
    ]);
    assert.deepEqual(findPhotoCredits('Putin and Kim shake hands. Mikhail Metzel / TASS'), ['Mikhail Metzel / TASS']);
  });
  await t.test('should find nothing in an ordinary sentence with brackets or a slash', () => {
    assert.deepEqual(findPhotoCredits('The National Security Council (NSC) said so.'), []);
    assert.deepEqual(findPhotoCredits('Prices rose 2% year/year in October.'), []);
  });
});
