import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../fingerprint/analyze.js';
import { fingerprint } from '../fingerprint/fingerprint.js';
import { relate } from '../relate/index.js';
import { agencyOfOutlet, type ProvenanceArticle } from './clues.js';
import { CONFIDENT, provenance } from './provenance.js';
import { shapeOf } from './structure.js';

const BASE = [
  'The ferry Aldrin Star left Port Aldrin at six on Tuesday morning with four hundred passengers on board.',
  'Harbour master Ilse Varga said the crossing to Merrow Island was calm until the engine failed.',
  'A coastguard cutter reached the ship within forty minutes and towed it back to the harbour.',
  'Nobody was hurt, the operator Valdoria Lines said in a statement released on Tuesday evening.',
  'The company said the engine had passed its last inspection in March and would be examined again.',
  'Passengers praised the crew for keeping everyone calm during the long wait for rescue.',
  'The island depends on the ferry for food, fuel and medicine, local officials pointed out.',
  'Repairs are expected to take two weeks, during which a smaller boat will run the route.',
  'The transport ministry has asked for a full report on the incident by the end of the month.',
  'Ticket holders for the coming days will be refunded or moved to the replacement service.',
  'Fishermen on the island said the harbour had been busier than usual since the spring storms.',
  'The mayor of Merrow Island called for a second ferry to be kept in reserve for emergencies.',
];

/** Sentences an editor adds: each a change of its own, well above chance. */
const ADDED = [
  'Local radio reported that several cars on the lower deck had been damaged by shifting cargo.',
  'An insurance expert estimated the cost of the breakdown at more than two hundred thousand crowns.',
  'Union representatives said the crew had warned about the ageing engines for several years.',
  'A similar breakdown stranded the same vessel for six hours in the winter of the previous year.',
];

type Text = string[];

const add = (t: Text, s: string, at = t.length): Text => [...t.slice(0, at), s, ...t.slice(at)];
/** An editor's word edit, in the sentence that has the words. */
const swap = (t: Text, from: string, to: string): Text => t.map((s) => s.replace(from, to));
const drop = (t: Text, words: string): Text => t.filter((s) => !s.includes(words));

function article(id: string, body: Text, over: Partial<ProvenanceArticle> = {}): ProvenanceArticle {
  return {
    id,
    body,
    published: null,
    publishedPrecision: null,
    credits: [],
    outlet: null,
    title: null,
    language: 'en',
    ...over,
  };
}

/** The wire's own copy: its outlet is the agency, it credits it, and it is dated. */
const wire = (body: Text) =>
  article('a', body, {
    outlet: 'reuters.com',
    credits: ['Reuters'],
    published: '2031-05-06T08:00:00Z',
    publishedPrecision: 'minute',
  });

function trace(articles: readonly ProvenanceArticle[]) {
  const sides = articles.map((a) => ({
    id: a.id,
    language: a.language,
    analysis: analyze(a.body),
    contentHash: fingerprint(a.body).contentHash,
  }));
  const relations = sides.flatMap((x, i) => sides.slice(i + 1).map((y) => relate(x, y, null)));
  return provenance({ storyId: 's', articles, relations });
}

function edge(p: ReturnType<typeof trace>, x: string, y: string) {
  const e = p.edges.find((e) => (e.from === x && e.to === y) || (e.from === y && e.to === x));
  assert.ok(e, `${x} ~ ${y}: no edge`);
  return e;
}

function stated(p: ReturnType<typeof trace>, from: string, to: string): void {
  const e = edge(p, from, to);
  assert.equal(`${e.from} → ${e.to}`, `${from} → ${to}`, e.reasons.join('; '));
  assert.ok(e.confidence >= CONFIDENT, `${from} → ${to}: ${e.confidence} (${e.reasons.join('; ')})`);
}

function unknown(p: ReturnType<typeof trace>, x: string, y: string): string[] {
  const e = edge(p, x, y);
  assert.ok(e.confidence < 0.5, `${x} ~ ${y}: ${e.from} → ${e.to} ${e.confidence} (${e.reasons.join('; ')})`);
  return e.reasons;
}

test('provenance of one lineage', async (t) => {
  await t.test('should place an intermediate between the original and its copy', () => {
    // b holds everything c keeps of a, and c keeps b's changes: a → b → c, though only a is dated.
    const b = add(swap(BASE, 'inspection', 'safety check'), ADDED[0] as string, 3);
    const c = add(swap(b, 'full report', 'detailed account'), ADDED[1] as string);
    const p = trace([wire(BASE), article('b', b), article('c', c)]);
    stated(p, 'a', 'b');
    stated(p, 'b', 'c');
    stated(p, 'a', 'c');
    assert.equal(p.lineages[0]?.original, 'a');
  });

  await t.test('should take two copies that share a change for copies of one intermediate', () => {
    // m (not in the story) added a sentence and an edit; b and c each changed it further.
    const m = add(swap(BASE, 'forty minutes', 'the hour'), ADDED[0] as string, 5);
    const b = add(swap(swap(m, 'two weeks', 'a fortnight'), 'statement', 'press release'), ADDED[2] as string);
    const c = drop(swap(m, 'local officials', 'island councillors'), 'Fishermen');
    const p = trace([wire(BASE), article('b', b), article('c', c)]);
    stated(p, 'a', 'b');
    stated(p, 'a', 'c');
    const why = unknown(p, 'b', 'c');
    assert.ok(
      why.some((r) => /both derive from a text not in the story/.test(r)),
      why.join('; '),
    );
  });

  await t.test('should give two copies of one source no direction, whatever their dates', () => {
    const b = add(BASE, ADDED[0] as string, 2);
    const c = add(swap(BASE, 'two weeks', 'a fortnight'), ADDED[1] as string);
    const p = trace([
      wire(BASE),
      article('b', b, { published: '2031-05-06T15:00:00Z', publishedPrecision: 'minute' }),
      article('c', c, { published: '2031-05-06T09:00:00Z', publishedPrecision: 'minute' }),
    ]);
    stated(p, 'a', 'b');
    stated(p, 'a', 'c');
    const why = unknown(p, 'b', 'c');
    assert.ok(
      why.some((r) => /both derive from a,/.test(r)),
      why.join('; '),
    );
  });

  await t.test('should say unknown, and name no original, when nothing tells the direction', () => {
    const p = trace([article('a', BASE), article('b', add(swap(BASE, 'calm', 'quiet'), ADDED[3] as string))]);
    unknown(p, 'a', 'b');
    assert.equal(p.lineages[0]?.original, null);
  });

  await t.test("should never take the spinner's copy for the source", () => {
    const spun = swap(swap(BASE, 'A coastguard cutter', 'A old cutter'), 'praised', 'lauded');
    const p = trace([article('a', BASE), article('b', spun)]);
    stated(p, 'a', 'b');
  });

  await t.test("should name the original the agency's own copy, reached by every other member", () => {
    const b = add(BASE, ADDED[0] as string, 4);
    const c = add(b, ADDED[1] as string);
    const p = trace([article('c', c), article('b', b), wire(BASE)]);
    assert.deepEqual(p.lineages[0], { name: 'Reuters', articles: ['a', 'b', 'c'], original: 'a' });
  });
});

test('the shape of three texts', async (t) => {
  await t.test('should find the text that lacks nothing the other two share in the middle', () => {
    assert.deepEqual(
      shapeOf([
        [0, 40],
        [1, 0],
        [2, 35],
      ]),
      { middle: 1, star: false },
    );
  });

  await t.test('should see a star when each pair shares changes the third lacks', () => {
    assert.deepEqual(
      shapeOf([
        [0, 12],
        [1, 30],
        [2, 25],
      ]),
      { middle: null, star: true },
    );
  });

  await t.test('should tell nothing when the changes are at the level of chance', () => {
    assert.deepEqual(
      shapeOf([
        [0, 2],
        [1, 3],
        [2, 1],
      ]),
      { middle: null, star: false },
    );
  });
});

test('agencyOfOutlet', async (t) => {
  await t.test('should read an agency from its name or its web address', () => {
    assert.equal(agencyOfOutlet('Agence France-Presse'), 'AFP');
    assert.equal(agencyOfOutlet('reuters.com'), 'Reuters');
    assert.equal(agencyOfOutlet('www.afp.com'), 'AFP');
    assert.equal(agencyOfOutlet('apnews.com'), 'AP');
    assert.equal(agencyOfOutlet('kyodonews.net'), 'Kyodo');
  });

  await t.test('should not take an ordinary outlet for an agency', () => {
    assert.equal(agencyOfOutlet('example.com'), null);
    assert.equal(agencyOfOutlet('map.com'), null);
    assert.equal(agencyOfOutlet('The Daily Courier'), null);
  });
});
