import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSynonyms } from '../../io/wordnet.js';
import { analyze } from '../fingerprint/analyze.js';
import { fingerprint } from '../fingerprint/fingerprint.js';
import { sortUint32 } from '../fingerprint/sets.js';
import { classify, surelyIndependent } from './classify.js';
import type { Overlap } from './compare.js';
import { DocStore } from './doc-store.js';
import { type Comparable, compare, relate, relateUnlessIndependent } from './index.js';
import { MemoryReuseIndex } from './memory-index.js';
import type { Evidence } from './types.js';

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const VOCABULARY = (
  'ferry harbour island engine crew passengers storm coast minister report council budget school teachers strike ' +
  'hospital doctors patients river flood bridge repairs village market farmers harvest prices police officers ' +
  'court judge trial witness company shares profits workers factory plant energy power grid wind solar weather ' +
  'rain summer winter quickly slowly large small new old rare common first last early late big strong weak calm ' +
  'left departed reached attained praised lauded asked requested expected anticipated repaired fixed'
).split(' ');
const NAMES = 'Aldrin Varga Merrow Valdoria Tessin Korba Lund Ostrava Mirel Daska'.split(' ');
const GLUE = 'the a of to in and on for with said that was is by at from'.split(' ');

function sentence(r: () => number): string {
  const words: string[] = [];
  const n = 8 + Math.floor(r() * 12);
  for (let i = 0; i < n; i++) {
    const x = r();
    const w =
      x < 0.35
        ? (GLUE[Math.floor(r() * GLUE.length)] as string)
        : x < 0.45
          ? (NAMES[Math.floor(r() * NAMES.length)] as string)
          : x < 0.5
            ? String(Math.floor(r() * 500))
            : (VOCABULARY[Math.floor(r() * VOCABULARY.length)] as string);
    words.push(w);
  }
  if (r() < 0.15) words.splice(2, 0, `"${words.splice(2, 3).join(' ')}"`);
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** Texts that share more or less with each other: copies, edits, swaps, shared sentences and unrelated ones. */
function texts(seed: number, count: number): string[][] {
  const r = rng(seed);
  const out: string[][] = [];
  for (let i = 0; i < count; i++) {
    const recent = Math.min(out.length, 8);
    const base = recent && r() < 0.7 ? (out[out.length - 1 - Math.floor(r() * recent)] as string[]) : null;
    const fresh = () => Array.from({ length: 3 + Math.floor(r() * 8) }, () => sentence(r));
    if (!base) {
      out.push(fresh());
      continue;
    }
    const kind = r();
    if (kind < 0.2) out.push([...base]);
    else if (kind < 0.45) {
      // Words swapped or dropped here and there.
      out.push(
        base.map((s) =>
          s
            .split(' ')
            .filter(() => r() > 0.08)
            .map((w) => (r() < 0.15 ? (VOCABULARY[Math.floor(r() * VOCABULARY.length)] as string) : w))
            .join(' '),
        ),
      );
    } else if (kind < 0.55) out.push(rewrite(base, r));
    else if (kind < 0.75) out.push([...base.slice(0, 2), ...fresh()]);
    else out.push(fresh());
  }
  return out;
}

/** Half the words other than names and numbers replaced: little word overlap, the names kept. */
function rewrite(body: string[], r: () => number): string[] {
  return body.map((s) =>
    s
      .split(' ')
      .map((w) => (/^[A-Z0-9]/.test(w) || r() < 0.5 ? w : (VOCABULARY[Math.floor(r() * VOCABULARY.length)] as string)))
      .join(' '),
  );
}

function side(id: string, body: string[], language: string | null = 'en'): Comparable {
  return { id, language, analysis: analyze(body), contentHash: fingerprint(body).contentHash };
}

test('surelyIndependent rules out only pairs that classify calls independent', () => {
  const r = rng(7);
  const pick = (values: number[]) => values[Math.floor(r() * values.length)] as number;
  const share = () => pick([0, 0.02, 0.05, 0.09, 0.1, 0.11, 0.119, 0.12, 0.15, 0.2, 0.3, 0.5, 0.7, 0.95, 1, r()]);
  let ruledOut = 0;
  for (let i = 0; i < 50_000; i++) {
    const o: Overlap = {
      jaccard: share(),
      containment: [share(), share()],
      verbatim: [share(), share()],
      mixed: [share(), share()],
      terms: share(),
      anchors: share(),
      quotedShingles: pick([0, 1, 2, 3, 4, 30]),
      crossLanguage: r() < 0.2,
    };
    const same = r() < 0.05;
    if (!surelyIndependent(o, same)) continue;
    ruledOut++;
    // Whatever the measures that need the words, as long as meaning alignment only runs when `compare` runs it.
    const meaning = o.jaccard < 0.5 && (o.anchors >= 0.2 || o.terms >= 0.3);
    const e: Evidence = {
      ...o,
      aligned: meaning ? share() : 0,
      synonyms: [],
      substitutions: meaning ? pick([0, 3, 10]) : 0,
      synonymShare: meaning ? share() : 0,
      explained: meaning ? share() : 0,
      inPlace: meaning ? share() : 0,
      slips: [pick([0, 1, 3]), pick([0, 1, 3])],
      foreign: r() < 0.5,
    };
    assert.equal(classify(e, same).type, 'independent', JSON.stringify({ e, same }));
  }
  assert.ok(ruledOut > 1000, `only ${ruledOut} ruled out`);
});

test('relateUnlessIndependent gives what relate gives, or null for an independent pair', () => {
  const bodies = texts(11, 120);
  const sides = bodies.map((b, i) => side(`t${String(i).padStart(3, '0')}`, b, i % 17 === 0 ? 'fr' : 'en'));
  let skipped = 0;
  let related = 0;
  for (let i = 0; i < sides.length; i++) {
    for (let j = Math.max(0, i - 25); j < i; j++) {
      const x = sides[i] as Comparable;
      const y = sides[j] as Comparable;
      const full = relate(x, y, null);
      const fast = relateUnlessIndependent(x, y, null);
      if (fast === null) {
        assert.equal(full.type, 'independent');
        skipped++;
      } else {
        assert.deepEqual(fast, full);
        if (full.type !== 'independent') related++;
      }
    }
  }
  assert.ok(skipped > 100 && related > 100, `${skipped} skipped, ${related} related`);
});

test('compare reads WordNet senses to the same evidence as the plain synonym lookup', () => {
  const wordnet = loadSynonyms();
  const plain = (a: string, b: string) => wordnet(a, b);
  const swaps: Record<string, string> = {
    left: 'departed',
    reached: 'attained',
    praised: 'lauded',
    asked: 'requested',
    expected: 'anticipated',
    repaired: 'fixed',
    large: 'big',
    calm: 'placid',
    quickly: 'rapidly',
    strong: 'potent',
    rare: 'uncommon',
  };
  const bodies = texts(23, 60);
  let aligned = 0;
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i] as string[];
    const spun = body.map((s) => s.replace(/\b[a-z]+\b/g, (w) => swaps[w] ?? w));
    const pairs: [string[], string[]][] = [
      [body, spun],
      [body, rewrite(spun, rng(i))],
      [body, bodies[(i + 1) % bodies.length] as string[]],
    ];
    for (const [x, y] of pairs) {
      // Fresh analyses for each lookup: what compare derives from an analysis is kept on it.
      const withSenses = compare(side('a', x), side('b', y), wordnet);
      const withoutSenses = compare(side('a', x), side('b', y), plain);
      assert.deepEqual(withSenses, withoutSenses);
      if (withSenses.aligned > 0) aligned++;
    }
  }
  assert.ok(aligned > 20, `only ${aligned} pairs aligned`);
});

test('the memory index relates an article as relate does each of its candidates', () => {
  const bodies = texts(31, 150);
  const index = new MemoryReuseIndex(null);
  const kept: Comparable[] = [];
  let related = 0;
  for (let i = 0; i < bodies.length; i++) {
    const article = { id: `m${String(i).padStart(3, '0')}`, body: bodies[i] as string[], language: 'en' };
    const byId = new Map(kept.map((c) => [c.id, c]));
    const expected = index
      .candidates(article)
      .map((id) => relate(side(article.id, article.body), byId.get(id) as Comparable, null))
      .filter((r) => r.type !== 'independent');
    const found = index.add(article).filter((r) => r.type !== 'independent');
    assert.deepEqual(found, expected);
    related += found.length;
    kept.push(side(article.id, article.body));
  }
  assert.ok(related > 100, `only ${related} related`);
});

test('the document store gives back what it was given', () => {
  const store = new DocStore();
  const docs = [
    { id: 'a1', language: 'en', body: ['Plain ASCII text.', 'Another paragraph.'], contentHash: '0123456789abcdef' },
    { id: 'é2', language: 'fr', body: ['Café crème à la française.', ''], contentHash: 'ffffffff00000000' },
    { id: 'w3', language: null, body: ['Wide: \u4e2d\u6587 and a lone \ud800 surrogate 😀.'], contentHash: 'not hex' },
    { id: '', language: 'en', body: [], contentHash: '0000000000000000' },
  ];
  for (let round = 0; round < 3; round++) for (const d of docs) store.add(d);
  assert.equal(store.size, 12);
  for (let h = 0; h < store.size; h++) {
    const d = docs[h % docs.length] as (typeof docs)[number];
    assert.deepEqual(store.get(h), d);
    assert.equal(store.id(h), d.id);
    assert.equal(store.language(h), d.language);
    assert.equal(store.contentHash(h), d.contentHash);
  }
  assert.throws(() => store.get(12), RangeError);
});

test('sortUint32 sorts as the built-in sort does', () => {
  const r = rng(3);
  for (let t = 0; t < 2000; t++) {
    const n = Math.floor(r() * 600);
    const a = Uint32Array.from({ length: n }, () =>
      t % 3 === 0 ? Math.floor(r() * 50) : t % 3 === 1 ? (Math.floor(r() * 2 ** 32) & 0xff00ff00) >>> 0 : r() * 2 ** 32,
    );
    assert.deepEqual(sortUint32(a.slice()), a.slice().sort());
  }
});
