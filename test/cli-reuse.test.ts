import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, SEEDS, tempDir } from './helpers.js';

test('storytrace CLI: reuse, stories, provenance', async (t) => {
  const db = join(tempDir(t), 'cli.db');
  const run = (...args: string[]) => cli(['--db', db, ...args]);
  const ingested = run('ingest', SEEDS, '--json', '-q');
  assert.equal(ingested.code, 0, ingested.stderr);
  const summary = JSON.parse(ingested.stdout) as { index: { indexed: number }; stories: { clustered: number } };
  assert.equal(summary.index.indexed, 6);
  assert.equal(summary.stories.clustered, 6);
  const articles = JSON.parse(run('articles', '--json').stdout) as { id: string }[];

  await t.test('should print every relation as { a, b, type, score } and filter by type and score', () => {
    const pairs = JSON.parse(run('pairs', '--json').stdout) as { a: string; b: string; type: string; score: number }[];
    assert.ok(pairs.length >= 3);
    for (const p of pairs) {
      assert.ok(p.a < p.b && typeof p.score === 'number');
      assert.notEqual(p.type, 'independent', 'independent pairs only with --all');
    }
    const spun = JSON.parse(run('pairs', '--type', 'spun', '--json').stdout) as { type: string }[];
    assert.ok(spun.length >= 1 && spun.every((p) => p.type === 'spun'));
    const strong = JSON.parse(run('pairs', '--min-score', '0.5', '--json').stdout) as { score: number }[];
    assert.ok(strong.every((p) => p.score >= 0.5));
    const bad = run('pairs', '--type', 'copied');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown relation type "copied"/);
  });

  await t.test('should list the articles similar to one as [{ id, type, score }]', () => {
    const pairs = JSON.parse(run('pairs', '--type', 'rewrite', '--json').stdout) as { a: string; b: string }[];
    const first = pairs[0] as { a: string; b: string };
    const similar = JSON.parse(run('similar', first.a, '--json').stdout) as {
      id: string;
      type: string;
      score: number;
    }[];
    assert.ok(similar.some((s) => s.id === first.b && s.type === 'rewrite'));
    assert.match(run('similar', first.a).stdout, /rewrite/);
    assert.equal(run('similar', 'nope').code, 2);
  });

  await t.test('should cover every article with the stories, as [{ id, title, articles }]', () => {
    const stories = JSON.parse(run('stories', '--json').stdout) as {
      id: string;
      title: string | null;
      articles: string[];
    }[];
    assert.deepEqual(stories.flatMap((s) => s.articles).sort(), articles.map((a) => a.id).sort());
    assert.match(run('stories').stdout, /STORY\s+ARTICLES/);
  });

  await t.test('should trace provenance as { lineages, edges, commonSources } and as Graphviz', () => {
    const stories = JSON.parse(run('stories', '--json').stdout) as { id: string; articles: string[] }[];
    const biggest = stories.sort((x, y) => y.articles.length - x.articles.length)[0] as { id: string };
    const p = JSON.parse(run('provenance', biggest.id, '--json').stdout) as {
      lineages: { name: string; articles: string[]; original: string | null }[];
      edges: { from: string; to: string; type: string; confidence: number }[];
      commonSources: { name: string; articles: string[] }[];
    };
    assert.ok(p.lineages.some((l) => l.name === 'Reuters' && l.articles.length === 3));
    assert.ok(p.edges.length >= 3 && p.edges.every((e) => e.confidence >= 0 && e.confidence <= 1));
    assert.ok(Array.isArray(p.commonSources));
    assert.match(run('provenance', biggest.id, '--dot').stdout, /^digraph provenance \{/);
    assert.match(run('provenance', biggest.id).stdout, /lineage Reuters/);
  });

  await t.test('should align two articles side by side and as JSON', () => {
    const [pair] = JSON.parse(run('pairs', '--type', 'spun', '--json').stdout) as { a: string; b: string }[];
    const al = JSON.parse(run('align', pair?.a ?? '', pair?.b ?? '', '--json').stdout) as {
      spans: { type: string; a: { text: string }; b: { text: string } }[];
    };
    assert.ok(al.spans.some((s) => s.type === 'spun'));
    const text = run('align', pair?.a ?? '', pair?.b ?? '').stdout;
    assert.match(text, /aligned sentences/);
    assert.ok(!text.includes('\u001b['), 'no colour codes when piped');
  });

  await t.test('should keep a JSON Lines id as externalId in articles --json', (t) => {
    const file = join(tempDir(t), 'x.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'rec-42', title: 'Harbour reopens', text: 'The harbour reopened on Monday after repairs to the pier were finished.' })}\n`,
    );
    assert.equal(run('ingest', file, '-q').code, 0);
    const all = JSON.parse(run('articles', '--json').stdout) as { externalId?: string; title: string }[];
    assert.equal(all.find((a) => a.title === 'Harbour reopens')?.externalId, 'rec-42');
  });
});
