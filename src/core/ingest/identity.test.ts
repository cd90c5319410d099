import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentId } from './identity.js';

const base = { url: null, outlet: null, title: null, content: 'Putin  accepted\nthe invitation.' };

test('documentId(draft)', async (t) => {
  await t.test('should not change with white space or Unicode composition', () => {
    assert.equal(documentId(base), documentId({ ...base, content: ' Putin accepted the\r\n invitation. ' }));
    assert.equal(documentId({ ...base, content: 'caf\u00e9' }), documentId({ ...base, content: 'cafe\u0301' }));
  });
  await t.test('should change with the text, and with the URL or outlet that carries it', () => {
    const ids = new Set([
      documentId(base),
      documentId({ ...base, content: 'Putin declined the invitation.' }),
      documentId({ ...base, url: 'https://a.example/x' }),
      documentId({ ...base, outlet: 'Outlet B' }),
      documentId({ ...base, title: 'A title' }),
    ]);
    assert.equal(ids.size, 5);
  });
  await t.test('should be 16 hex digits', () => {
    assert.match(documentId(base), /^[0-9a-f]{16}$/);
  });
});
