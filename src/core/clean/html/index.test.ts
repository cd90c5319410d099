import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cleanHtmlFragment, cleanHtmlPage } from './index.js';

const examplePage = readFileSync(
  fileURLToPath(new URL('../../../../examples/pages/valdoria-daily-ferry-collision.html', import.meta.url)),
  'utf8',
);

test('cleanHtmlPage(html)', async (t) => {
  await t.test('should extract the article body and leave navigation, related links and footer out', () => {
    const r = cleanHtmlPage(examplePage);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    const body = r.article.body.join('\n');
    assert.match(r.article.body[0] ?? '', /^PORT ALDRIN, Valdoria, March 3 \(MNA\) - A passenger ferry/);
    assert.match(body, /told reporters/);
    const nav = /<nav[\s\S]*?<\/nav>/i.exec(examplePage)?.[0] ?? '';
    const navText = [...nav.matchAll(/>([^<>]{4,})</g)].map((m) => m[1]!.trim()).filter(Boolean);
    assert.ok(navText.length > 0);
    for (const item of navText) assert.ok(!r.article.body.includes(item), `nav item "${item}" is not a paragraph`);
    assert.ok(
      r.article.body.every((p) => !/©|All rights reserved/i.test(p)),
      'footer left out',
    );
  });
  await t.test('should read metadata from JSON-LD and OpenGraph', () => {
    const r = cleanHtmlPage(examplePage);
    assert.ok(r.ok);
    assert.equal(r.article.title, 'Fog blamed as Tarnby ferry hits cargo ship off Port Aldrin; 37 hurt');
    assert.match(r.article.published ?? '', /^2031-03-03/);
    assert.equal(r.article.language, 'en');
    assert.equal(r.article.outlet, 'Valdoria Daily');
    assert.match(r.article.url ?? '', /^https:\/\//);
  });
  await t.test('should prefer structured data over meta tags, and take <time> when nothing else dates the page', () => {
    const html = `<html lang="de-DE"><head><meta property="og:title" content="OG title"><script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"LD headline","author":[{"@type":"Person","name":"Eva Beispiel"}]}]}
      </script></head><body><article><time datetime="2031-03-04T08:15:00Z">4 March</time>
      <p>${'Ein Absatz mit genug Text, um als Artikel zu gelten. '.repeat(6)}</p><p>${'Noch ein Absatz. '.repeat(10)}</p></article></body></html>`;
    const r = cleanHtmlPage(html);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal(r.article.title, 'LD headline');
    assert.deepEqual(r.article.authors, ['Eva Beispiel']);
    assert.equal(r.article.published, '2031-03-04T08:15:00Z');
    assert.equal(r.article.language, 'de');
  });
  await t.test('should find no article in a home page of links, an error page or a login wall', () => {
    const links = Array.from(
      { length: 40 },
      (_, i) => `<li><a href="/s/${i}">Headline number ${i} about something else entirely</a></li>`,
    ).join('');
    const pages = [
      `<html><body><nav>Menu</nav><main><ul>${links}</ul></main></body></html>`,
      '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The page does not exist.</p></body></html>',
      '<html><body><form><p>Log in to continue reading.</p><input name="user"></form></body></html>',
    ];
    for (const html of pages) {
      const r = cleanHtmlPage(html);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.reason, /^no article found/);
    }
  });
  await t.test('should survive pathological markup: deep nesting and huge pages, bounded and reported', () => {
    const deep = `<html><body>${'<div>'.repeat(20000)}<p>${'Text. '.repeat(100)}</p>${'</div>'.repeat(20000)}</body></html>`;
    const started = Date.now();
    const r = cleanHtmlPage(deep);
    assert.ok(Date.now() - started < 20_000);
    assert.ok(r.ok || /no article|could not extract/.test(r.reason));
    const huge = `<html><body>${'<span>x</span>'.repeat(800_000)}</body></html>`;
    const h = cleanHtmlPage(huge);
    assert.equal(h.ok, false);
    assert.match(h.ok ? '' : h.reason, /too large|no article/);
  });
});

/** An article page whose main content holds the given extra markup between real paragraphs. */
function pageWith(extra: string): string {
  const prose = (n: number) =>
    `<p>Paragraph ${n} of the report tells how the harbour authority inspected the ferry, what the crew said about the fog that morning, and which repairs the shipyard will make before the vessel sails again.</p>`;
  return `<html lang="en"><head><title>Ferry inspected</title></head><body><header><a href="/">Home</a></header><article><h1>Ferry inspected</h1>${prose(1)}${prose(2)}${extra}${prose(3)}${prose(4)}</article><footer>Footer</footer></body></html>`;
}

test('cleanHtmlPage: furniture inside the main content', async (t) => {
  await t.test('should drop stamps, adverts, bylines and a "you may also like" list, with their reasons', () => {
    const r = cleanHtmlPage(
      pageWith(
        '<p>By Lena Vass - 11/18/19 11:04 PM EST</p><p>Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM</p><p>Advert</p><p>This slideshow requires JavaScript.</p><p>You may also like...</p><p>Who will make the Hall in 2020?</p><p>Band takes over fan vote</p>',
      ),
    );
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal(r.article.body.length, 4);
    assert.deepEqual(
      r.article.removed.map((x) => x.reason),
      ['byline', 'metadata', 'advertisement', 'navigation', 'related', 'related', 'related'],
    );
    assert.deepEqual(r.article.authors, ['Lena Vass']);
  });
  await t.test('should keep a paragraph the page repeats further on, and drop one printed twice in a row', () => {
    const q = '<p>What inspired you to start cooking for other people every weekend?</p>';
    const r = cleanHtmlPage(pageWith(`${q}<p>An answer of some length that differs.</p>${q}${q}`));
    assert.ok(r.ok);
    const asked = r.article.body.filter((p) => p.startsWith('What inspired'));
    assert.equal(asked.length, 2);
    assert.deepEqual(
      r.article.removed.map((x) => x.reason),
      ['duplicate'],
    );
  });
  await t.test('should keep an embedded post as text even in a wrapper named like page chrome', () => {
    const r = cleanHtmlPage(
      pageWith(
        '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The whole point of this campaign is to raise awareness. <a href="https://t.co/x">pic.twitter.com/x</a></p>— Governor (@governor) <a href="https://twitter.com/governor/status/1">November 18, 2019</a></blockquote></div>',
      ),
    );
    assert.ok(r.ok);
    assert.match(r.article.body.join('\n'), /The whole point of this campaign is to raise awareness/);
  });
});

test('cleanHtmlFragment(html)', async (t) => {
  await t.test(
    'should read a feed item body as paragraphs, with headings and captions apart; short repeats stay',
    () => {
      const r = cleanHtmlFragment(
        '<p>First &amp; only <b>bold</b> paragraph.</p><h2>Section</h2><figure><img src="x.jpg"><figcaption>A caption</figcaption></figure><p>The second paragraph, long enough to be a real one.</p><p>Read more: another story</p><p>The second paragraph, long enough to be a real one.</p><p>1</p><p>1</p>',
      );
      assert.ok(r.ok);
      assert.deepEqual(r.article.body, [
        'First & only bold paragraph.',
        'The second paragraph, long enough to be a real one.',
        '1',
        '1',
      ]);
      assert.deepEqual(r.article.headings, [{ before: 1, text: 'Section' }]);
      assert.deepEqual(r.article.captions, ['A caption']);
      assert.deepEqual(
        r.article.removed.map((x) => x.reason),
        ['related', 'duplicate'],
      );
    },
  );
});

test('table rows', async (t) => {
  await t.test('should read a table row as one line of cells', () => {
    const r = cleanHtmlFragment(
      '<table><tr><th>Pos</th><th>Player</th></tr><tr><td>DL</td><td>A. Name</td></tr></table>',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.article.body, ['Pos Player', 'DL A. Name']);
  });
});
