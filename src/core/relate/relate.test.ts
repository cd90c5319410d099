import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../fingerprint/analyze.js';
import { fingerprint } from '../fingerprint/fingerprint.js';
import { type Comparable, relate } from './index.js';
import { MemoryReuseIndex } from './memory-index.js';
import type { SynonymLookup } from './types.js';

const facts = [
  'The ferry Aldrin Star left Port Aldrin at 6 a.m. on Tuesday with 412 passengers on board.',
  'Harbour master Ilse Varga said the crossing to Merrow Island was calm until the engine failed.',
  'A coastguard cutter reached the ship within 40 minutes and towed it back to the harbour.',
  'Nobody was hurt, the operator Valdoria Lines said in a statement released on Tuesday evening.',
  'The company said the engine had passed its last inspection in March and would be examined again.',
  'Passengers praised the crew for keeping everyone calm during the long wait for rescue.',
  'The island depends on the ferry for food, fuel and medicine, local officials pointed out.',
  'Repairs are expected to take two weeks, during which a smaller boat will run the route.',
  'The transport ministry has asked for a full report on the incident by the end of the month.',
  'Ticket holders for the coming days will be refunded or moved to the replacement service.',
];
const unrelated = [
  'Apple growers in the northern valley expect a record harvest after a warm and wet summer.',
  'Prices at the market fell by a third as traders struggled to find buyers for the surplus.',
  'The cooperative plans to open a new juice plant next spring to absorb the extra fruit.',
  'Farmers complained that the cost of seasonal labour had risen sharply over two years.',
  'A regional fair in October will showcase forty varieties, including several rare heirlooms.',
  'Economists warned that export demand could weaken if the currency keeps strengthening.',
  'Schools in the valley will close for a week so that families can help with the picking.',
  'Storage warehouses are already full, and growers are renting refrigerated trucks.',
];

function side(id: string, body: string[], language = 'en'): Comparable {
  return { id, language, analysis: analyze(body), contentHash: fingerprint(body).contentHash };
}

const SWAPS: Record<string, string> = {
  left: 'departed',
  calm: 'placid',
  failed: 'broke',
  reached: 'attained',
  ship: 'vessel',
  hurt: 'injured',
  statement: 'assertion',
  praised: 'lauded',
  crew: 'team',
  wait: 'delay',
  expected: 'anticipated',
  smaller: 'littler',
  route: 'path',
  asked: 'requested',
  full: 'complete',
  refunded: 'repaid',
  passengers: 'travellers',
  crossing: 'passage',
  engine: 'motor',
  harbour: 'port',
  towed: 'hauled',
  company: 'firm',
  inspection: 'review',
  examined: 'scrutinised',
  island: 'isle',
  food: 'nourishment',
  repairs: 'fixes',
  report: 'account',
  incident: 'episode',
  officials: 'functionaries',
  days: 'years',
  keeping: 'maintaining',
};
const synonyms: SynonymLookup = (a, b) => SWAPS[a] === b || SWAPS[b] === a;
const spin = (s: string) => s.replace(/\b[a-z]+\b/g, (w) => SWAPS[w] ?? w);

test('relation types from a known derivation', async (t) => {
  const original = side('a', facts);
  const cases: [string, string[], string][] = [
    ['duplicate', facts.map((s) => s.replace(/"/g, '\u201c')), 'typography only'],
    [
      'light-edit',
      facts.map((s, i) => (i % 3 === 0 ? s.replace(' the ', ' a ').replace(/ (\w+)\.$/, ' today.') : s)),
      'a few words in four sentences',
    ],
    ['partial', [...facts.slice(0, 4), ...unrelated], 'four sentences inside another text'],
    ['spun', facts.map(spin), 'dictionary swaps in place'],
    ['independent', unrelated, 'another story'],
  ];
  for (const [type, body, why] of cases) {
    await t.test(`should say ${type} for ${why}`, () => {
      assert.equal(relate(original, side('b', body), synonyms).type, type);
    });
  }
  await t.test('should say shared-quotes-only when the only common words are a quotation', () => {
    const quote = '"We will not leave the islanders without a ferry for a single day," the minister told parliament.';
    const x = side('x', [...unrelated.slice(0, 4), quote]);
    const y = side('y', [...facts.slice(5, 9), quote.replace('the minister told parliament', 'she said')]);
    assert.equal(relate(x, y, synonyms).type, 'shared-quotes-only');
  });
  await t.test('should say translated for a text in another language that keeps the names and numbers', () => {
    const french = [
      'Le ferry Aldrin Star a quitté Port Aldrin mardi à 6 heures avec 412 passagers à bord.',
      'La capitaine du port Ilse Varga a déclaré que la traversée vers Merrow Island était calme.',
      "Un garde-côte a atteint le navire en 40 minutes et l'a remorqué jusqu'au port.",
      "Personne n'a été blessé, a indiqué l'opérateur Valdoria Lines mardi soir.",
      'Le moteur avait passé sa dernière inspection en mars, selon la compagnie.',
    ];
    assert.equal(relate(side('en', facts.slice(0, 5)), side('fr', french, 'fr'), synonyms).type, 'translated');
    assert.equal(relate(side('en', unrelated), side('fr', french, 'fr'), synonyms).type, 'independent');
  });
  await t.test('should order the pair and keep the evidence', () => {
    const r = relate(side('z', facts), side('b', facts.slice(0, 6)), synonyms);
    assert.deepEqual([r.a, r.b], ['b', 'z']);
    assert.ok(r.evidence.containment[0] > 0.95, 'all of the shorter text is in the longer');
  });
});

test('the memory index finds a copy among unrelated texts and reports it once', () => {
  const index = new MemoryReuseIndex(synonyms);
  index.add({ id: 'u1', body: unrelated, language: 'en' });
  index.add({ id: 'o', body: facts, language: 'en' });
  const found = index.add({ id: 'c', body: facts.slice(0, 9), language: 'en' });
  assert.deepEqual(
    found.filter((r) => r.type !== 'independent').map((r) => [r.a, r.b]),
    [['c', 'o']],
  );
  assert.equal(index.similar({ id: 'q', body: unrelated.slice(0, 7), language: 'en' })[0]?.b, 'u1');
});
