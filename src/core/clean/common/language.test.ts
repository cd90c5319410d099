import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.js';

test('detectLanguage(text)', async (t) => {
  await t.test('should name the language of a paragraph', () => {
    assert.equal(
      detectLanguage('The government announced on Thursday that the minimum wage will rise next year.'),
      'en',
    );
    assert.equal(
      detectLanguage("Le gouvernement a annoncé jeudi une hausse du salaire minimum à partir de l'année prochaine."),
      'fr',
    );
  });
  await t.test('should give null for text too short to tell', () => {
    assert.equal(detectLanguage('Reuters'), null);
    assert.equal(detectLanguage(''), null);
  });
});
