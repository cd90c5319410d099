import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { cli, SEEDS, tempDir } from './helpers.js';

interface Truth {
  documents: Record<string, { articles: { id: string; credit: string[] }[] }>;
}
const truth = JSON.parse(readFileSync(join(SEEDS, '..', 'seeds.truth.json'), 'utf8')) as Truth;

interface ShownArticle {
  id: string;
  credits: string[];
  statedCredits: string[];
  inheritedCredits: { name: string; from: string; reason: string }[];
}

test('credits a story gives its articles, as `show --json` prints them', async (t) => {
  const db = join(tempDir(t), 'seeds.db');
  assert.equal(cli(['--db', db, 'ingest', SEEDS, '--json']).code, 0);
  assert.equal(cli(['--db', db, 'stories', '--json']).code, 0);
  const docs = JSON.parse(cli(['--db', db, 'ls', '--json']).stdout) as { id: string; source: string }[];
  const shown = new Map<string, ShownArticle>();
  for (const d of docs) {
    const r = cli(['--db', db, 'show', d.id, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const articles = (JSON.parse(r.stdout) as { articles: ShownArticle[] }).articles;
    articles.forEach((a, i) => {
      shown.set(`${basename(d.source).slice(0, 3)}-${'abcdef'[i]}`, a);
    });
  }
  const idOf = (key: string) => shown.get(key)?.id;

  await t.test('should give every seed article the credits the truth names', () => {
    for (const doc of Object.values(truth.documents))
      for (const want of doc.articles)
        assert.deepEqual([...(shown.get(want.id)?.credits ?? [])].sort(), [...want.credit].sort(), want.id);
  });

  await t.test('should take the translation credit from the text it translates, saying so', () => {
    const translation = shown.get('004-a');
    assert.deepEqual(translation?.statedCredits, []);
    assert.deepEqual(
      translation?.inheritedCredits.map((c) => [c.name, c.from]),
      [['AFP', idOf('003-a')]],
    );
    assert.match(translation?.inheritedCredits[0]?.reason ?? '', /translates/);
  });

  await t.test('should let a rewrite or a spun copy inherit nothing', () => {
    for (const key of ['001-a', '002-a']) assert.deepEqual(shown.get(key)?.inheritedCredits, [], key);
  });
});
