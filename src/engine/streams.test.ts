import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, peek, readAll, SizeLimitError } from './streams.js';

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('lines(stream, maxBytes)', async (t) => {
  await t.test('should split across chunk boundaries, strip CR and keep a last line without newline', async () => {
    const got = await collect(lines(chunks('a\r\nbb', 'b\n', '\nc\u00e9', 'd'), 100));
    assert.deepEqual(
      got.map((l) => [l.number, l.text]),
      [
        [1, 'a'],
        [2, 'bbb'],
        [3, ''],
        [4, 'c\u00e9d'],
      ],
    );
  });
  await t.test('should not split a multi-byte character cut by a chunk boundary', async () => {
    const bytes = Buffer.from('\u00e9t\u00e9\n');
    async function* split(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, 1);
      yield bytes.subarray(1);
    }
    assert.equal((await collect(lines(split(), 100)))[0]?.text, '\u00e9t\u00e9');
  });
  await t.test('should give an over-long line as null and go on', async () => {
    const got = await collect(lines(chunks('short\n', 'x'.repeat(50), 'y'.repeat(50), '\nafter\n'), 60));
    assert.deepEqual(
      got.map((l) => [l.text, l.bytes]),
      [
        ['short', 5],
        [null, 100],
        ['after', 5],
      ],
    );
  });
});

test('peek(stream, n) and readAll(stream, max)', async (t) => {
  await t.test('should give back every byte after peeking', async () => {
    const { head, rest } = await peek(chunks('ab', 'cd', 'ef'), 3);
    assert.equal(head.toString(), 'abcd');
    assert.equal((await readAll(rest, 100)).toString(), 'abcdef');
  });
  await t.test('should refuse a stream over the limit', async () => {
    await assert.rejects(readAll(chunks('abc', 'def'), 5), SizeLimitError);
  });
});
