import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitLines } from './lines.js';

const texts = (s: string) => splitLines(s).map((l) => l.text);

test('splitLines(text)', async (t) => {
  await t.test('should count blank lines and trim', () => {
    assert.deepEqual(splitLines('  One.\n\n\nTwo.\r\nThree.'), [
      { text: 'One.', gap: 0 },
      { text: 'Two.', gap: 2 },
      { text: 'Three.', gap: 0 },
    ]);
  });
  await t.test('should rejoin a line broken mid-sentence before a lower-case word', () => {
    assert.deepEqual(texts('Lavrov will go to Pyongyang subsequent\nmonth.\nNext line.'), [
      'Lavrov will go to Pyongyang subsequent month.',
      'Next line.',
    ]);
  });
  await t.test('should rejoin after a comma or a word that cannot end a sentence', () => {
    assert.deepEqual(texts('The minister said on Thursday that the\nGovernment would act.'), [
      'The minister said on Thursday that the Government would act.',
    ]);
  });
  await t.test('should keep apart a headline and the line under it, and list items', () => {
    assert.deepEqual(texts('Kim Invites Putin to North Korea\nKim Jong Un invited Putin.'), [
      'Kim Invites Putin to North Korea',
      'Kim Jong Un invited Putin.',
    ]);
    assert.deepEqual(texts('- first item of\n- second item'), ['- first item of', '- second item']);
  });
  await t.test('should rejoin a capture wrapped at a fixed width', () => {
    const para =
      'WASHINGTON (AP) - The Senate voted Thursday to pass a stopgap spending\n' +
      'bill, sending it to the president with hours to spare before a shutdown\n' +
      'was set to begin at midnight after weeks of talks between both parties.\n';
    const lines = texts(`${para}\n${para}\n${para}`);
    assert.equal(lines.length, 3);
    assert.match(lines[0] ?? '', /spending bill, sending it/);
  });
});
