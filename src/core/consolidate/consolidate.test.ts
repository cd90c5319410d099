import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../model.js';
import { escapeHtml } from './escape.js';
import { renderIndexHtml, renderStoryHtml } from './html.js';
import { NameBook } from './names.js';
import { findQuotes, groupQuotes } from './quotes.js';
import { consolidate } from './report.js';
import { segment } from './segment.js';
import { renderStoryText } from './terminal.js';
import { mentionedDates, referenceDay } from './when.js';

function article(id: string, body: string[], over: Partial<Article> = {}): Article {
  return {
    id,
    documentId: id,
    index: 0,
    title: null,
    authors: [],
    dateline: null,
    published: '2031-03-05',
    publishedPrecision: 'day',
    credits: [],
    photoCredits: [],
    language: 'en',
    url: null,
    outlet: `Outlet ${id}`,
    body,
    normalized: body,
    headings: [],
    captions: [],
    removed: [],
    cleanerVersion: 1,
    ...over,
  };
}

function quotesOf(a: Article) {
  const sentences = segment(a);
  return findQuotes(a, sentences, new NameBook(sentences.map((s) => ({ article: a.id, text: s.text }))));
}

test('should take the speaker from "X said" and strip the title', () => {
  const a = article('a', [
    'Harbour master Ilse Varga said the crossing was calm.',
    '"The engine failed without warning," Valdorian Transport Minister Oskar Brenn said.',
  ]);
  const [q] = quotesOf(a);
  assert.equal(q?.speaker, 'Oskar Brenn');
  assert.match(q?.role ?? '', /Minister/);
});

test('should take the speaker from "said X, <appositive>" and from "according to X"', () => {
  const a = article('a', [
    '"The island depends on the ferry for everything," said Mara Holt, a local councillor.',
    'The ferry will be back in service "within two weeks at the latest", according to Valdoria Lines.',
  ]);
  const speakers = quotesOf(a).map((q) => q.speaker);
  assert.deepEqual(speakers, ['Mara Holt', 'Valdoria Lines']);
});

test('should join a quotation split by "he said," and resolve "he" to the last person named', () => {
  const a = article('a', [
    'Captain Piet Oman spoke to reporters at the quay.',
    'He said the crew had trained for this.',
    '"We did what we practise every month," he said, "and nobody panicked at all."',
  ]);
  const [q] = quotesOf(a);
  assert.equal(q?.speaker, 'Piet Oman');
  assert.match(q?.text ?? '', /every month.*nobody panicked/);
});

test('should resolve "the agency" to the organisation quoted just before and a surname to the full name', () => {
  const a = article('a', [
    '"Repairs have begun on the damaged hull," the state news agency VNA reported.',
    '"Passengers will be refunded in full," the agency said.',
    'Prime Minister Lena Sorvik visited the port.',
    '"This must never happen again," Sorvik said.',
  ]);
  assert.deepEqual(
    quotesOf(a).map((q) => q.speaker),
    ['VNA', 'VNA', 'Lena Sorvik'],
  );
});

test('should group one quotation carried in different wordings and keep different sayings apart', () => {
  const a = article('a', ['"We will rebuild the harbour before the winter storms arrive," Mayor Ana Ruiz said.']);
  const b = article('b', ['“We shall rebuild the harbour before winter storms come,” Ruiz told reporters.']);
  const c = article('c', ['"Ticket prices will not rise this year," Mayor Ana Ruiz said.']);
  const mentions = [a, b, c].flatMap((x) => {
    const sentences = segment(x);
    const names = new NameBook([a, b, c].flatMap((y) => y.body.map((text) => ({ article: y.id, text }))));
    return findQuotes(x, sentences, names);
  });
  const quotes = groupQuotes(mentions, ['a', 'b', 'c']);
  assert.equal(quotes.length, 2);
  assert.deepEqual(quotes[0]?.articles, ['a', 'b']);
  assert.equal(quotes[0]?.wordingDiffers, true);
  assert.equal(quotes[0]?.speaker, 'Ana Ruiz');
});

test('should resolve relative dates against the article date', () => {
  const ref = referenceDay('2031-03-05'); // a Wednesday
  const iso = (s: string) => mentionedDates(s, ref).map((d) => d.iso);
  assert.deepEqual(iso('The ship left on Monday.'), ['2031-03-03']);
  assert.deepEqual(iso('The inquiry will report on Friday.'), ['2031-03-07']);
  assert.deepEqual(iso('The minister will visit next month.'), ['2031-04']);
  assert.deepEqual(iso('The minister will travel there in January.'), ['2032-01']);
  assert.deepEqual(iso('The line opened last year.'), ['2030']);
  assert.deepEqual(iso('It was founded in September 1948.'), ['1948-09']);
});

test('should escape markup', () => {
  assert.equal(
    escapeHtml('<img src=x onerror="alert(1)">&\''),
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;',
  );
});

const story = [
  article('a', [
    'The ferry Aldrin Star lost engine power on Tuesday with 412 passengers on board.',
    'A coastguard cutter towed the ship back to the harbour within 40 minutes.',
    'The operator said the engine had passed its last inspection in March.',
  ]),
  article('b', [
    'The ferry Aldrin Star lost engine power on Tuesday with 412 passengers aboard.',
    'A coastguard cutter towed the ship back to the harbour within 40 minutes.',
    'Passengers praised the brave crew <script>alert(1)</script> for keeping calm.',
  ]),
  article('c', [
    'The ferry Aldrin Star lost engine power on Tuesday with 380 passengers on board, officials said.',
    'The shocking breakdown <img src=x onerror=alert(1)> left the island without supplies.',
  ]),
];
const relations = [
  {
    a: 'a',
    b: 'b',
    type: 'light-edit' as const,
    score: 0.8,
    evidence: {
      jaccard: 0.7,
      containment: [0.8, 0.8] as [number, number],
      verbatim: [0.6, 0.6] as [number, number],
      mixed: [0, 0] as [number, number],
      terms: 0.7,
      anchors: 0.8,
      quotedShingles: 0,
      aligned: 0.8,
      synonyms: [],
      substitutions: 0,
      synonymShare: 0,
      slips: [0, 0] as [number, number],
      crossLanguage: false,
      foreign: false,
      explained: 0,
      inPlace: 0,
    },
  },
];

test('should attribute a shared claim to every source and mark conflicting numbers', () => {
  const report = consolidate({ storyId: 's', articles: story, relations });
  const ferry = report.facts.find((f) => /engine power/.test(f.text));
  assert.deepEqual(ferry?.articles.slice().sort(), ['a', 'b', 'c']);
  assert.equal(ferry?.confirmed, 'independent');
  assert.deepEqual(
    ferry?.conflicts.map((c) => c.kind),
    ['number'],
  );
});

test('should list what a source adds and what it leaves out of its reuse source', () => {
  const report = consolidate({ storyId: 's', articles: story, relations });
  const b = report.sources.find((s) => s.article === 'b');
  assert.equal(b?.comparedWith, 'a');
  assert.ok(b?.adds.some((x) => /praised/.test(x.text)));
  assert.ok(b?.omits.some((x) => /inspection/.test(x.text)));
  const c = report.sources.find((s) => s.article === 'c');
  assert.deepEqual(
    c?.framing.map((f) => f.term),
    ['shocking'],
  );
});

test('should show markup in article text as text in the HTML page and the terminal', () => {
  const report = consolidate({ storyId: 's', articles: story, relations });
  const html = renderStoryHtml(report, story);
  assert.doesNotMatch(html, /<script|<img/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(html, /^<!doctype html>\n<html lang="en">/);
  assert.match(html, /class="skip" href="#main"/);
  const text = renderStoryText(report, { color: false });
  assert.match(text, /engine power/);
  assert.ok(!text.includes('\u001b'));
});

test('should link every story from the index, escaping titles', () => {
  const html = renderIndexHtml([
    {
      id: 's',
      title: 'Ferry <b>adrift</b>',
      articles: 3,
      outlets: ['A'],
      first: '2031-03-05',
      last: null,
      file: 's.html',
    },
  ]);
  assert.match(html, /<a href="s\.html">Ferry &lt;b&gt;adrift&lt;\/b&gt;<\/a>/);
});
