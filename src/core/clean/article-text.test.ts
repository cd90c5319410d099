import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleText } from './article-text.js';

test('articleText(article)', () => {
  const text = articleText({
    body: ['One.', 'Two.', 'Three.'],
    headings: [
      { before: 1, text: 'Middle' },
      { before: 2, text: 'Late' },
    ],
  });
  assert.equal(text, 'One.\nMiddle\nTwo.\nLate\nThree.');
});
