import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeedDocuments } from './feed.js';
import type { InputMeta } from './text.js';

const meta: InputMeta = { source: 'feed.xml', url: null, outlet: null, fetchedAt: null, charset: null };
const enc = (s: string) => new TextEncoder().encode(s);

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Daily Example</title><link>https://daily.example/</link><language>en</language>
<item><title>First &amp; best</title><link>https://daily.example/1</link><guid>g-1</guid>
<pubDate>Wed, 13 Sep 2023 10:00:00 GMT</pubDate><dc:creator>Jo Writer</dc:creator>
<description>Short</description><content:encoded><![CDATA[<p>Full body one.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://daily.example/2</link><description>&lt;p&gt;Only a description.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://daily.example/3</link></item>
</channel></rss>`;

test('parseFeedDocuments(bytes, meta)', async (t) => {
  await t.test('should make one HTML document per RSS item, with link, date, author and outlet', () => {
    const { drafts, problems } = parseFeedDocuments(enc(RSS), meta);
    assert.equal(drafts.length, 2);
    const [first, second] = drafts;
    assert.equal(first?.content, '<p>Full body one.</p>', 'content:encoded wins over description');
    assert.equal(first?.title, 'First & best');
    assert.equal(first?.url, 'https://daily.example/1');
    assert.equal(first?.publishedAt, '2023-09-13T10:00:00.000Z');
    assert.equal(first?.author, 'Jo Writer');
    assert.equal(first?.outlet, 'Daily Example');
    assert.equal(first?.language, 'en');
    assert.equal(first?.format, 'rss');
    assert.equal(first?.source, 'feed.xml#item1');
    assert.equal(second?.content, '<p>Only a description.</p>');
    assert.deepEqual(
      problems.map((p) => [p.place, p.reason]),
      [['item 3', 'item has no content']],
    );
  });

  await t.test('should read Atom entries with escaped HTML and text content', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
      <link href="https://atom.example/"/>
      <entry><id>urn:1</id><title>E1</title><link rel="alternate" href="https://atom.example/e1"/>
        <published>2023-09-13T08:00:00Z</published><updated>2023-09-14T08:00:00Z</updated>
        <author><name>Al Author</name></author><content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry>
      <entry><id>urn:2</id><title>E2</title><link href="https://atom.example/e2"/><updated>2023-09-15T08:00:00Z</updated>
        <content type="text">Plain 1 &lt; 2</content></entry></feed>`;
    const { drafts, problems } = parseFeedDocuments(enc(atom), meta);
    assert.equal(problems.length, 0);
    assert.equal(drafts.length, 2);
    assert.equal(drafts[0]?.content, '<p>Body &amp; more</p>');
    assert.equal(drafts[0]?.publishedAt, '2023-09-13T08:00:00.000Z');
    assert.equal(drafts[0]?.author, 'Al Author');
    assert.equal(drafts[0]?.externalId, 'urn:1');
    assert.equal(drafts[1]?.content, '<p>Plain 1 &lt; 2</p>', 'text content is escaped into HTML');
    assert.equal(drafts[1]?.publishedAt, '2023-09-15T08:00:00.000Z', 'updated stands in for a missing published');
    assert.equal(drafts[1]?.format, 'atom');
  });

  await t.test('should read RDF (RSS 1.0) and JSON Feed', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>
      <item rdf:about="https://rdf.example/1"><title>R1</title><link>https://rdf.example/1</link><description>Text of R1</description><dc:date>2023-09-13T09:00:00Z</dc:date></item>
      </rdf:RDF>`;
    const r = parseFeedDocuments(enc(rdf), meta);
    assert.equal(r.drafts.length, 1);
    assert.equal(r.drafts[0]?.format, 'rdf');
    assert.equal(r.drafts[0]?.content, 'Text of R1');
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JF',
      items: [
        { id: '1', url: 'https://jf.example/1', content_text: 'Hello <world>', date_published: '2023-09-13T09:00:00Z' },
      ],
    });
    const j = parseFeedDocuments(enc(json), meta);
    assert.equal(j.drafts[0]?.format, 'json-feed');
    assert.equal(j.drafts[0]?.content, '<p>Hello &lt;world&gt;</p>');
  });

  await t.test('should honour the encoding the XML prolog declares', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Gazette</title>
      <item><title>\u00c9t\u00e9</title><link>https://g.example/1</link><description>Caf\u00e9 cr\u00e8me</description></item></channel></rss>`;
    const { drafts } = parseFeedDocuments(Buffer.from(xml, 'latin1'), meta);
    assert.equal(drafts[0]?.title, '\u00c9t\u00e9');
    assert.equal(drafts[0]?.content, 'Caf\u00e9 cr\u00e8me');
  });

  await t.test('should report text that is not a feed as one fatal problem', () => {
    for (const junk of ['just words, no markup', '<html><body>page</body></html>']) {
      const { drafts, problems } = parseFeedDocuments(enc(junk), meta);
      assert.equal(drafts.length, 0);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]?.fatal, true);
      assert.equal(problems[0]?.rule, 'ingest:not-a-feed');
    }
  });
});
