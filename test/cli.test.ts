import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { jsonl, PAGE_LATIN1, RSS, write } from './fixtures.js';
import { cli, cliAsync, ROOT, SEEDS, tempDir } from './helpers.js';

const COMMANDS = [
  'run',
  'ingest',
  'clean',
  'ls',
  'show',
  'articles',
  'stats',
  'index',
  'similar',
  'pairs',
  'stories',
  'story',
  'recluster',
  'provenance',
  'align',
];

test('storytrace CLI', async (t) => {
  await t.test('should show help for the program and every command', () => {
    const root = cli(['--help']);
    assert.equal(root.code, 0);
    for (const c of COMMANDS) assert.match(root.stdout, new RegExp(`\\b${c}\\b`));
    for (const c of COMMANDS) {
      const r = cli([c, '--help']);
      assert.equal(r.code, 0, c);
      assert.match(r.stdout, /Usage: storytrace/);
    }
  });

  await t.test('should ingest the seeds, then list and show them as JSON', (t) => {
    const db = join(tempDir(t), 'st.db');
    const ing = cli(['--db', db, 'ingest', SEEDS, '--json']);
    assert.equal(ing.code, 0, ing.stderr);
    const summary = JSON.parse(ing.stdout);
    assert.equal(summary.ingested, 5);
    assert.equal(summary.failed, 0);
    const docs = JSON.parse(cli(['--db', db, 'ls', '--json']).stdout);
    assert.equal(docs.length, 5);
    for (const d of docs) {
      assert.match(d.id, /^[0-9a-f]{16}$/);
      assert.match(d.source, /seeds\/00\d_[0-9a-f]+\.txt$/);
    }
    const shown = JSON.parse(cli(['--db', db, 'show', docs[0].id, '--json']).stdout);
    assert.equal(shown.id, docs[0].id);
    assert.equal(shown.source, docs[0].source);
    assert.ok(shown.content.length > 1000);
    assert.ok(Array.isArray(shown.articles));
    const byPrefix = JSON.parse(cli(['--db', db, 'show', docs[1].id.slice(0, 6), '--json']).stdout);
    assert.equal(byPrefix.id, docs[1].id);
    const stats = JSON.parse(cli(['--db', db, 'stats', '--json']).stdout);
    assert.equal(stats.documents, 5);
    assert.deepEqual(stats.byFormat, { text: 5 });
    const text = cli(['--db', db, 'ls']);
    assert.equal(text.stdout.trim().split('\n').length, 6, 'a header and one line per document');
  });

  await t.test('should say so when re-ingesting changes nothing', (t) => {
    const db = join(tempDir(t), 'st.db');
    cli(['--db', db, 'ingest', SEEDS]);
    const again = cli(['--db', db, 'ingest', SEEDS]);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /nothing new: all 5 documents were already present/);
  });

  await t.test('should fail with one line per bad input, exit 1, and keep the good ones', (t) => {
    const dir = tempDir(t);
    const db = join(dir, 'st.db');
    const bad = write(join(dir, 'bad.jsonl'), jsonl([{ text: 'fine one' }, '{oops', { text: 'fine two' }]));
    const empty = write(join(dir, 'empty.html'), '');
    const r = cli(['--db', db, 'ingest', bad, empty, join(dir, 'nope.rss')]);
    assert.equal(r.code, 1);
    const lines = r.stderr.trim().split('\n');
    // Problems, then one line each for ingest, clean, index and stories.
    assert.match(lines.at(-3) ?? '', /^storytrace: cleaned 2 documents/);
    assert.match(lines.at(-2) ?? '', /^storytrace: indexed /);
    assert.match(lines.at(-1) ?? '', /^storytrace: clustered /);
    assert.deepEqual(
      lines.slice(0, -4).map((l) => l.replace(dir, 'DIR')),
      [
        'storytrace: DIR/nope.rss: no such file or folder',
        "storytrace: DIR/bad.jsonl:2: malformed JSON (Expected property name or '}' in JSON at position 1)",
        'storytrace: DIR/empty.html: empty file',
      ],
    );
    assert.match(lines.at(-4) ?? '', /2 ingested, 0 already present, 3 failed/);
    assert.ok(!r.stderr.includes('\u001b['), 'no terminal escapes when piped');
    assert.equal(JSON.parse(cli(['--db', db, 'ls', '--json']).stdout).length, 2);
  });

  await t.test('should exit 2 with one line for an unknown id or command', (t) => {
    const db = join(tempDir(t), 'st.db');
    const r = cli(['--db', db, 'show', 'deadbeef']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'storytrace: no document matches "deadbeef"');
    assert.equal(cli(['--db', db, 'frobnicate']).code, 2);
  });

  await t.test('should read stdin given as -', (t) => {
    const db = join(tempDir(t), 'st.db');
    const r = cli(['--db', db, 'ingest', '-', '--json'], { input: RSS });
    assert.equal(JSON.parse(r.stdout).ingested, 2);
    const docs = JSON.parse(cli(['--db', db, 'ls', '--json']).stdout);
    assert.deepEqual(
      docs.map((d: { source: string; format: string }) => [d.source, d.format]),
      [
        ['<stdin>#item1', 'rss'],
        ['<stdin>#item2', 'rss'],
      ],
    );
  });

  await t.test(
    'should fetch http(s) URLs with their charset and media type, and time out on a silent server',
    async (t) => {
      const server = createServer((req, res) => {
        if (req.url === '/story') {
          res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
          res.end(iconv.encode(PAGE_LATIN1.replace('<meta charset="iso-8859-1">', ''), 'latin1'));
        } else if (req.url === '/feed') {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(RSS);
        } else if (req.url === '/silent') {
          // never answers: the client's timeout must end it
        } else {
          res.writeHead(404).end('gone');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      t.after(() => {
        server.closeAllConnections();
        server.close();
      });
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const db = join(tempDir(t), 'st.db');
      const r = await cliAsync([
        '--db',
        db,
        'ingest',
        `${base}/story`,
        `${base}/feed`,
        `${base}/missing`,
        `${base}/silent`,
        '--timeout',
        '1',
        '--json',
      ]);
      assert.equal(r.code, 1);
      const summary = JSON.parse(r.stdout);
      assert.equal(summary.ingested, 3);
      assert.deepEqual(
        summary.problems.map((p: { source: string; reason: string }) => [p.source.replace(base, ''), p.reason]),
        [
          ['/missing', 'HTTP 404 Not Found'],
          ['/silent', 'timed out after 1 s'],
        ],
      );
      const docs = JSON.parse((await cliAsync(['--db', db, 'ls', '--json'])).stdout);
      const page = docs.find((d: { source: string }) => d.source === `${base}/story`);
      assert.equal(page.url, `${base}/story`);
      assert.equal(page.outlet, '127.0.0.1');
      assert.ok(page.fetchedAt);
      const shown = JSON.parse((await cliAsync(['--db', db, 'show', page.id, '--json'])).stdout);
      assert.match(shown.content, /Le pr\u00e9fet a d\u00e9clar\u00e9/, 'decoded with the charset of the HTTP header');
    },
  );

  await t.test('should run the main job on the demo corpus when given no input', (t) => {
    const db = join(tempDir(t), 'st.db');
    const r = cli(['--db', db, 'run', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.summary.failed, 0);
    assert.ok(out.documents.length >= 10);
    const formats = new Set(out.documents.map((d: { format: string }) => d.format));
    for (const f of ['text', 'html', 'jsonl', 'rss', 'atom', 'warc']) assert.ok(formats.has(f), `demo corpus has ${f}`);
  });

  await t.test('should rewrite only the story pages whose story changed when run again', (t) => {
    const dir = tempDir(t);
    const db = join(dir, 'st.db');
    const out = join(dir, 'out');
    const first = JSON.parse(cli(['--db', db, 'run', SEEDS, '--out', out, '--json']).stdout);
    assert.equal(first.reports.written, first.reports.stories);
    const again = JSON.parse(cli(['--db', db, 'run', SEEDS, '--out', out, '--json']).stdout);
    assert.deepEqual([again.reports.written, again.reports.unchanged], [0, first.reports.stories]);
    // One more report of the seed event: its story's page is written again, the glued article's is not.
    const extra = write(
      join(dir, 'extra.jsonl'),
      jsonl([
        {
          url: 'https://outlet.example/putin-kim',
          title: 'Putin accepts Kim Jong Un invitation to visit North Korea',
          text: "Russian President Vladimir Putin has accepted an invitation from North Korean leader Kim Jong Un to visit Pyongyang, the Korean Central News Agency said on Thursday, after the two leaders held a rare summit at the Vostochny cosmodrome in Russia's Far East.\n\nKim invited Putin to visit North Korea at a convenient time, and Putin accepted the invitation with pleasure, KCNA said.",
          published: '2023-09-14',
        },
      ]),
    );
    const third = JSON.parse(cli(['--db', db, 'run', extra, '--out', out, '--json']).stdout);
    assert.equal(third.reports.written, 1, JSON.stringify(third.reports));
    assert.equal(third.reports.unchanged, third.reports.stories - 1);
    const forced = JSON.parse(cli(['--db', db, 'run', extra, '--out', out, '--rewrite', '--json']).stdout);
    assert.equal(forced.reports.written, forced.reports.stories);
  });

  await t.test('should draw a progress bar with rate and ETA on a terminal', (t) => {
    if (spawnSync('script', ['--version']).status !== 0) return t.skip('util-linux script is not installed');
    const dir = tempDir(t);
    const input = write(
      join(dir, 'many.jsonl'),
      jsonl(Array.from({ length: 3000 }, (_, i) => ({ text: `Record ${i} ${'words '.repeat(200)}` }))),
    );
    const command = [
      process.execPath,
      '--import',
      'tsx',
      join(ROOT, 'src/cli/bin.ts'),
      '--db',
      join(dir, 'st.db'),
      'ingest',
      input,
    ];
    // script(1) gives the CLI a pseudo-terminal, as a person at a terminal would.
    const r = spawnSync('script', ['-qec', command.map((a) => `'${a}'`).join(' '), '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /ingest .*\d+% \| [\d.]+\/[\d.]+ MB \| [\d,]+ new, \d+ present, \d+ failed \| [\d.]+ MB\/s \| ETA/,
    );
    assert.match(r.stdout, /3,000 ingested, 0 already present, 0 failed/);
  });

  await t.test('should clean while ingesting and show each document with its articles as JSON', (t) => {
    const db = join(tempDir(t), 'st.db');
    const ing = cli(['--db', db, 'ingest', SEEDS, '--json']);
    assert.equal(ing.code, 0, ing.stderr);
    const summary = JSON.parse(ing.stdout);
    assert.equal(summary.clean.documents, 5);
    const docs = JSON.parse(cli(['--db', db, 'ls', '--json']).stdout) as { id: string }[];
    let total = 0;
    for (const d of docs) {
      const shown = JSON.parse(cli(['--db', db, 'show', d.id, '--json']).stdout);
      assert.ok(shown.articles.length >= 1, `${d.id} has an article`);
      for (const a of shown.articles) {
        total++;
        assert.equal(typeof a.id, 'string');
        assert.ok(a.title === null || typeof a.title === 'string');
        assert.ok(a.published === null || /^\d{4}-\d{2}-\d{2}/.test(a.published));
        assert.ok(Array.isArray(a.credits));
        assert.equal(a.language, 'en');
        assert.ok(Array.isArray(a.body) && a.body.length > 3 && a.body.every((p: unknown) => typeof p === 'string'));
      }
    }
    const articles = JSON.parse(cli(['--db', db, 'articles', '--json']).stdout) as { id: string; documentId: string }[];
    assert.equal(articles.length, total);
    assert.equal(total, 6, 'one seed capture holds two articles');
    assert.match(cli(['--db', db, 'stats']).stdout, /^articles +6 \(0 documents with no article\)$/m);
    const again = cli(['--db', db, 'clean', '--json']);
    assert.equal(JSON.parse(again.stdout).documents, 0, 'nothing left to clean at this version');
    const all = cli(['--db', db, 'clean', '--all', '--json']);
    assert.equal(JSON.parse(all.stdout).documents, 5, '--all re-cleans everything');
  });

  await t.test('should store a document with no article with its reason, and show it', (t) => {
    const dir = tempDir(t);
    const db = join(dir, 'st.db');
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/n/${i}">Another headline number ${i} of the day</a></li>`,
    ).join('');
    const home = write(join(dir, 'home.html'), `<html><body><ul>${links}</ul></body></html>`);
    cli(['--db', db, 'ingest', home]);
    const [doc] = JSON.parse(cli(['--db', db, 'ls', '--json']).stdout) as { id: string }[];
    const shown = JSON.parse(cli(['--db', db, 'show', doc!.id, '--json']).stdout);
    assert.deepEqual(shown.articles, []);
    assert.match(shown.noArticleReason, /^no article found/);
  });
});
