import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClusterInput, createClusterer } from './index.js';

// Invented events: a treaty signed in Port Aldrin (two independent reports) and a quake on Lormont island.
const treaty1: ClusterInput = {
  id: 'treaty-1',
  title: 'Valdoria and Ostmark sign fishing treaty in Port Aldrin',
  body: [
    'Valdorian President Mira Kessler and Ostmark Chancellor Osric Venn signed a fishing treaty in Port Aldrin on Tuesday, ending a dispute over the Grey Banks that had lasted 14 years.',
    'The treaty sets a quota of 42,000 tonnes of cod a year, Kessler told reporters after the ceremony.',
    '"This is a good day for the fishermen of both nations," Venn said.',
  ],
  published: '2031-03-04',
  language: 'en',
};
const treaty2: ClusterInput = {
  id: 'treaty-2',
  title: 'Kessler, Venn end Grey Banks fishing dispute',
  body: [
    'The leaders of Valdoria and Ostmark, Mira Kessler and Osric Venn, put their names to a fishing treaty in Port Aldrin, closing a 14-year quarrel over the Grey Banks.',
    'Under the deal, boats from both countries may land 42,000 tonnes of cod each year.',
    'Venn called it "a good day for the fishermen of both nations".',
  ],
  published: '2031-03-05',
  language: 'en',
};
const quake: ClusterInput = {
  id: 'quake-1',
  title: 'Strong earthquake shakes Lormont island',
  body: [
    'A magnitude 6.1 earthquake struck Lormont island early on Sunday, destroying mud-brick homes in three villages and injuring at least 50 people, the Lormont civil protection agency said.',
    'Rescue teams from Saint Aubin reached the worst-hit village of Carrel by helicopter.',
  ],
  published: '2031-03-02',
  language: 'en',
};
const treatyLater: ClusterInput = { ...treaty2, id: 'treaty-later', published: '2031-09-20' };
const undated = (a: ClusterInput, id: string): ClusterInput => ({ ...a, id, published: null });

test('createClusterer', async (t) => {
  await t.test('should start a story with an id derived from its first article', () => {
    const c = createClusterer();
    assert.deepEqual(c.add(treaty1, []), { story: 's-treaty-1', kind: 'created', merged: [] });
  });

  await t.test('should put an independent report of the same event into the same story', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    c.add(quake, []);
    assert.deepEqual(c.add(treaty2, []), { story: 's-treaty-1', kind: 'joined', merged: [] });
    assert.deepEqual(c.stories(), [
      { id: 's-treaty-1', articles: ['treaty-1', 'treaty-2'] },
      { id: 's-quake-1', articles: ['quake-1'] },
    ]);
    assert.equal(c.storyOf('treaty-2'), 's-treaty-1');
  });

  await t.test('should keep an unrelated event apart', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    assert.equal(c.add(quake, []).kind, 'created');
  });

  await t.test('should follow a reuse link whatever the words say, and ignore independent ones', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    c.add(quake, []);
    const spun = { ...treaty2, id: 'spun' };
    assert.equal(c.add(spun, [{ other: 'quake-1', type: 'spun', score: 0.9 }]).story, 's-quake-1');
    const other = { ...quake, id: 'quake-2' };
    assert.equal(c.add(other, [{ other: 'treaty-1', type: 'independent', score: 0.1 }]).story, 's-quake-1');
  });

  await t.test('should merge two stories an article is reused from, into the older one', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    c.add(quake, []);
    const bridge = { ...quake, id: 'bridge' };
    const links = [
      { other: 'quake-1', type: 'duplicate' as const, score: 1 },
      { other: 'treaty-1', type: 'partial' as const, score: 0.5 },
    ];
    assert.deepEqual(c.add(bridge, links), { story: 's-treaty-1', kind: 'merged', merged: ['s-quake-1'] });
    assert.deepEqual(c.stories(), [{ id: 's-treaty-1', articles: ['treaty-1', 'quake-1', 'bridge'] }]);
    assert.deepEqual(c.merges(), [{ into: 's-treaty-1', from: 's-quake-1', article: 'bridge' }]);
  });

  await t.test('should start a new story for the same names months later', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    assert.equal(c.add(treatyLater, []).kind, 'created');
  });

  await t.test('should take a report months later that names the month the story happened in', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    const recalled: ClusterInput = {
      ...treatyLater,
      id: 'treaty-recalled',
      body: [...treatyLater.body, 'The treaty was signed in March 2031 after a 14-year quarrel.'],
    };
    assert.equal(c.add(recalled, []).story, 's-treaty-1');
  });

  await t.test('should take a follow-up weeks later that says the same things, within the activity window', () => {
    const c = createClusterer({ windowDays: 60 });
    c.add(treaty1, []);
    c.add(quake, []);
    assert.equal(c.add({ ...treaty2, id: 'treaty-weeks', published: '2031-04-10' }, []).story, 's-treaty-1');
  });

  await t.test('should ignore time when the articles carry no dates', () => {
    const c = createClusterer();
    c.add(undated(treaty1, 'u1'), []);
    assert.equal(c.add(undated(treatyLater, 'u2'), []).story, 's-u1');
  });

  await t.test('should freeze stories idle beyond the window and forget them, keeping memory to the window', () => {
    const c = createClusterer({ windowArticles: 2 });
    c.add(undated(treaty1, 'a'), []);
    for (let i = 0; i < 600; i++)
      c.add(undated({ ...quake, body: [`Filler number ${i} about zebra${i} and yak${i}.`] }, `f${i}`), []);
    assert.ok(c.stories().length < 10, `held ${c.stories().length}`);
    assert.equal(c.storyOf('a'), null);
    assert.ok(c.snapshot().stories.length < 10);
    assert.equal(c.add(undated(treaty2, 'b'), []).kind, 'created');
  });

  await t.test('should halve document frequencies every half-life, forgetting rare features', () => {
    const c = createClusterer({ dfHalfLife: 4 });
    for (let i = 0; i < 4; i++)
      c.add(undated({ ...quake, body: [`Lormont quake report ${i} about zebra${i}.`] }, `q${i}`));
    const df = new Map(c.snapshot().df);
    assert.equal(c.snapshot().docs, 2);
    assert.equal(df.get('t:quake'), 2);
    assert.equal(df.has('t:zebra0'), false);
  });

  await t.test('should keep frozen stories listed when asked to retain them, and stop comparing them', () => {
    const c = createClusterer({ windowArticles: 2, retainFrozen: true });
    c.add(undated(treaty1, 'a'), []);
    for (let i = 0; i < 600; i++)
      c.add(undated({ ...quake, body: [`Filler number ${i} about zebra${i} and yak${i}.`] }, `f${i}`), []);
    assert.ok(c.activeCount() < 10, `active ${c.activeCount()}`);
    assert.equal(c.stories()[0]?.id, 's-a');
    assert.equal(c.add(undated(treaty2, 'b'), []).kind, 'created');
  });

  await t.test('should return the story it already gave when an article is added twice', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    assert.deepEqual(c.add(treaty1, []), { story: 's-treaty-1', kind: 'joined', merged: [] });
    assert.deepEqual(c.stories()[0]?.articles, ['treaty-1']);
  });

  await t.test('should snapshot to plain JSON and restore to the same behaviour', () => {
    const a = createClusterer();
    a.add(treaty1, []);
    a.add(quake, []);
    const state = JSON.parse(JSON.stringify(a.snapshot()));
    const b = createClusterer({}, state);
    const c = createClusterer();
    c.restore(state);
    const next = { ...treaty2, id: 'next' };
    const want = a.add(next, []);
    assert.deepEqual(b.add(next, []), want);
    assert.deepEqual(c.add(next, []), want);
    assert.deepEqual(b.snapshot(), a.snapshot());
  });

  await t.test('should give the same stories for the same arrivals', () => {
    const run = () => {
      const c = createClusterer();
      for (const x of [quake, treaty1, treaty2, treatyLater]) c.add(x, []);
      return c.snapshot();
    };
    assert.deepEqual(run(), run());
  });
});

test('createClusterer merges', async (t) => {
  await t.test('should not merge two dated stories months apart, even through an undated article like both', () => {
    const c = createClusterer();
    c.add(treaty1, []);
    assert.equal(c.add(treatyLater, []).kind, 'created');
    assert.equal(c.add(undated(treaty2, 'undated'), []).kind, 'joined');
    assert.deepEqual(c.merges(), []);
    assert.equal(c.stories().length, 2);
  });
});

test('stories told in several languages', async (t) => {
  const treatyFr: ClusterInput = {
    id: 'treaty-fr',
    title: 'La Valdorie et l’Ostmark signent un traité de pêche à Port Aldrin',
    body: [
      'La présidente valdorienne Mira Kessler et le chancelier de l’Ostmark Osric Venn ont signé mardi à Port Aldrin un traité de pêche qui met fin à un différend de 14 ans sur les Grey Banks.',
      'Le traité fixe un quota de 42 000 tonnes de cabillaud par an, a indiqué Kessler.',
    ],
    published: '2031-03-04',
    language: 'fr',
  };
  const followUpFr: ClusterInput = {
    id: 'treaty-fr-2',
    title: 'Traité de pêche : soulagement chez les pêcheurs des Grey Banks',
    body: [
      'Au lendemain de la signature du traité de pêche à Port Aldrin, les pêcheurs des Grey Banks se disent soulagés.',
      'Le quota de cabillaud fixé par le traité leur laisse de quoi travailler, estime leur syndicat, qui salue la fin du différend.',
    ],
    published: '2031-03-05',
    language: 'fr',
  };
  await t.test('should judge a French report by the story’s French words, and its names and figures', () => {
    const c = createClusterer();
    c.add(treaty1);
    c.add(treaty2);
    // English reports outnumber the French one: the story's words are mostly English.
    for (let i = 0; i < 20; i++)
      c.add({ ...treaty2, id: `treaty-copy-${i}` }, [{ other: 'treaty-2', type: 'duplicate', score: 1 }]);
    // A translation joins through its reuse link, as the engine gives it.
    c.add(treatyFr, [{ other: 'treaty-1', type: 'translated', score: 0.8 }]);
    c.add(quake);
    const r = c.add(followUpFr);
    assert.equal(r.story, c.storyOf('treaty-1'));
    assert.notEqual(c.storyOf('quake-1'), c.storyOf('treaty-1'));
  });
});

test('createClusterer postings', async (t) => {
  await t.test('should nominate with up-to-date weights through a feature common once and rare again', () => {
    // Invented words, so that only "zephyrine" is shared.
    let next = 0;
    const words = (n: number) =>
      Array.from({ length: n }, () => {
        let w = 'zq';
        for (let i = next++, k = 0; k < 4; k++, i = Math.floor(i / 26)) w += String.fromCharCode(97 + (i % 26));
        return w;
      }).join(' ');
    const article = (id: string, body: string): ClusterInput => ({
      id,
      title: null,
      body: [body],
      published: null,
      language: 'en',
    });
    const a = createClusterer({ windowArticles: 600 });
    // Held by 260 stories, then by the 20 of them that keep gaining reports (with more or less of it): the others
    // freeze. Rarer again than the common share of articles, it nominates candidates once more.
    for (let i = 0; i < 260; i++) a.add(article(`p${i}`, `The zephyrine report ${words(10)} and zephyrine.`));
    for (let i = 0; i < 3000; i++) {
      a.add(article(`f${i}`, `Filler ${words(8)}.`));
      if (i % 300 === 0)
        for (let k = 0; k < 20; k++)
          a.add(article(`r${i}-${k}`, `The ${'zephyrine '.repeat(1 + ((k * 7) % 5))}report ${words(1 + (k % 4))}.`), [
            { other: `p${k}`, type: 'duplicate', score: 1 },
          ]);
    }
    // A clusterer restored from a snapshot builds its postings afresh: both must judge alike.
    const b = createClusterer({ windowArticles: 600 }, JSON.parse(JSON.stringify(a.snapshot())));
    for (let i = 0; i < 20; i++) {
      const z = article(`z${i}`, `Zephyrine zephyrine ${words(2)}.`);
      assert.deepEqual(a.add(z), b.add(z));
    }
  });
});

test('createClusterer splits', async (t) => {
  // Two events told in one story (joined on anything: a threshold of zero), three reports each.
  const inAldrin = (a: ClusterInput, id: string): ClusterInput => ({
    ...a,
    id,
    body: [...a.body, 'Port Aldrin officials were not available for comment.'],
  });
  const arrivals = [
    inAldrin(treaty1, 't1'),
    inAldrin(quake, 'q1'),
    inAldrin(treaty2, 't2'),
    inAldrin(quake, 'q2'),
    inAldrin(treaty1, 't3'),
    inAldrin(quake, 'q3'),
  ];
  // Rarity as in a stream of a thousand articles that held none of these words.
  const mixed = { joinThreshold: 0, smallStoryMargin: 0, splitGroup: 3, seed: { docs: 1000, df: {} } };

  await t.test('should split a story whose members form two unlike groups, and record it', () => {
    const c = createClusterer(mixed);
    const assignments = arrivals.map((a) => c.add(a));
    const last = assignments.at(-1)!;
    assert.deepEqual(last.split, [{ story: 's-q1', from: 's-t1', articles: ['q1', 'q2', 'q3'] }]);
    assert.equal(last.story, 's-q1');
    assert.deepEqual(
      c.stories().map((s) => s.articles),
      [
        ['t1', 't2', 't3'],
        ['q1', 'q2', 'q3'],
      ],
    );
    assert.equal(c.storyOf('q2'), 's-q1');
  });

  await t.test('should set an outlying member aside to find the two groups, then place it with the closer one', () => {
    const ferry: ClusterInput = {
      id: 'ferry',
      title: 'Ferry runs aground off Cape Mollet',
      body: ['The ferry Saint Elmo ran aground off Cape Mollet in fog; all 212 passengers were taken off by lifeboat.'],
      published: null,
      language: 'en',
    };
    const c = createClusterer({ ...mixed, splitFrom: 7 });
    const assignments = [...arrivals, inAldrin(ferry, 'f1')].map((a) => c.add(a));
    assert.equal(assignments.at(-1)!.split?.length, 1);
    const stories = c.stories().map((s) => s.articles.filter((id) => id !== 'f1'));
    assert.deepEqual(stories, [
      ['t1', 't2', 't3'],
      ['q1', 'q2', 'q3'],
    ]);
  });

  await t.test('should keep the mixed story without splits (splitFrom 0)', () => {
    const c = createClusterer({ ...mixed, splitFrom: 0 });
    for (const a of arrivals) assert.equal(c.add(a).split, undefined);
    assert.equal(c.stories().length, 1);
  });

  await t.test('should decide the same after a snapshot is restored', () => {
    const whole = createClusterer(mixed);
    for (const a of arrivals) whole.add(a);
    const first = createClusterer(mixed);
    for (const a of arrivals.slice(0, 5)) first.add(a);
    const resumed = createClusterer(mixed, JSON.parse(JSON.stringify(first.snapshot())));
    resumed.add(arrivals[5]!);
    assert.deepEqual(resumed.stories(), whole.stories());
  });
});
