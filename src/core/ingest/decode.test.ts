import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { charsetOf, decodeHtml, decodeText, looksBinary } from './decode.js';

const text = (d: ReturnType<typeof decodeText>) => (d.ok ? d.text : `ERROR ${d.reason}`);

test('decodeHtml(bytes, transportCharset?)', async (t) => {
  await t.test('should follow <meta charset> for a legacy charset', () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body>Qu\u00e9bec, \u00e9t\u00e9</body></html>';
    const d = decodeHtml(iconv.encode(html, 'latin1'));
    assert.equal(text(d), html);
  });
  await t.test('should follow http-equiv Content-Type', () => {
    const html =
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>\u041c\u043e\u0441\u043a\u0432\u0430</p>';
    assert.equal(text(decodeHtml(iconv.encode(html, 'win1251'))), html);
  });
  await t.test('should let the transport charset outrank the meta prescan', () => {
    const html = '<meta charset="utf-8"><p>\u00fcber</p>';
    assert.equal(text(decodeHtml(iconv.encode(html, 'latin1'), 'iso-8859-1')), html);
  });
  await t.test('should honour a UTF-8 BOM and drop it', () => {
    const d = decodeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>\u00e9</p>')]));
    assert.equal(text(d), '<p>\u00e9</p>');
  });
  await t.test('should read undeclared UTF-8 as UTF-8, not windows-1252', () => {
    assert.equal(
      text(decodeHtml(Buffer.from('<p>Kim Jong\u2011un \u2014 \u201cquote\u201d</p>'))),
      '<p>Kim Jong\u2011un \u2014 \u201cquote\u201d</p>',
    );
  });
});

test('decodeText(bytes, declared?)', async (t) => {
  await t.test('should decode UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Seoul \u00e9', 'utf16le')]);
    assert.equal(text(decodeText(bytes)), 'Seoul \u00e9');
  });
  await t.test('should guess a legacy charset when the bytes are not UTF-8', () => {
    const s = 'Le pr\u00e9sident a d\u00e9clar\u00e9 que la r\u00e9union \u00e9tait termin\u00e9e. '.repeat(5);
    assert.equal(text(decodeText(iconv.encode(s, 'latin1'))), s);
  });
});

test('looksBinary(bytes)', async (t) => {
  await t.test('should flag NUL bytes and control noise but not text', () => {
    assert.equal(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), true);
    assert.equal(looksBinary(Buffer.from('plain text\r\nwith lines\tand tabs')), false);
    assert.equal(looksBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')])), false);
  });
});

test('charsetOf(contentType)', () => {
  assert.equal(charsetOf('text/html; charset="Shift_JIS"'), 'shift_jis');
  assert.equal(charsetOf('text/html'), null);
  assert.equal(charsetOf(null), null);
});
