/**
 * @module Where provenance goes wrong, for whoever improves it: on the generated chains of one seed (another seed
 * than the benchmark's is a held-out check), every wrong stated direction and original with its reasons, and the
 * figures of run.ts's direction table. Relations are cached under the OS temp dir (they come from relate/, which
 * this does not exercise).
 *
 * `node --import tsx bench/provenance/diagnose.ts [--seed S] [--stories N] [--big N] [--quiet]
 *   [--no-outlets] [--no-times] [--siblings] [--unknown] [--explain ID-SUFFIX] [--clough] [--seeds]`
 *
 * --big N: the timing story of run.ts instead, related as run.ts relates it (the in-memory index). --no-outlets,
 * --no-times: the same stories without the agency's own copy, or without any date (robustness). --siblings: print
 * directions given to pairs where neither derives from the other. --unknown: count the true pairs left unknown by
 * step and last reason. --explain: print the tree of the lineage holding that article, with each node's root score
 * and the clues against the true original. --clough: each Clough & Stevenson pair with its edge. --seeds: the seed
 * story of test/provenance-seeds.test.ts with its relations, shared shingles and edges.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../../src/core/fingerprint/analyze.js';
import { fingerprint } from '../../src/core/fingerprint/fingerprint.js';
import type { Article } from '../../src/core/model.js';
import { traitsOf } from '../../src/core/provenance/clues.js';
import { CONFIDENT, provenance, REUSE_TYPES, traceLineage } from '../../src/core/provenance/provenance.js';
import type { Provenance } from '../../src/core/provenance/types.js';
import { intersectSorted } from '../../src/core/relate/compare.js';
import { relate } from '../../src/core/relate/index.js';
import { MemoryReuseIndex } from '../../src/core/relate/memory-index.js';
import type { Relation } from '../../src/core/relate/types.js';
import { cleanDocuments, ingest, openStore } from '../../src/index.js';
import { loadSynonyms } from '../../src/io/wordnet.js';
import { bigStory, type ChainStory, chainStories, isAncestor } from './chains.js';
import { allPairs, depth, runClough, timeClue } from './run.js';

const args = process.argv.slice(2);
const flag = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const has = (name: string) => args.includes(`--${name}`);
const quiet = has('quiet');
const dir = join(tmpdir(), 'storytrace-provenance');

interface Tally {
  pairs: number;
  stated: number;
  correct: number;
  wrongBy: Record<string, number>;
  unknownBy: Record<string, number>;
  originals: { right: number; wrong: number; unknown: number };
  siblings: { pairs: number; stated: number };
}

function relationsOf(stories: readonly ChainStory[], key: string, big: boolean): Relation[][] {
  mkdirSync(dir, { recursive: true });
  const cache = join(dir, `relations-${key}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Relation[][];
  const synonyms = loadSynonyms();
  const relations = stories.map((s) => {
    if (!big) return allPairs(s.articles, synonyms);
    const index = new MemoryReuseIndex(synonyms);
    const order = [...s.articles].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? ''));
    return order.flatMap((a) => index.add(a));
  });
  writeFileSync(cache, JSON.stringify(relations));
  return relations;
}

/** Ids without their story prefix, with their role: "3a4a534(intermediate)". */
function namer(story: ChainStory): { short: (id: string) => string; named: (text: string) => string } {
  const short = (id: string) => `${id.slice(id.indexOf('-') + 1)}(${story.truth.role[id]})`;
  return { short, named: (text) => text.replace(/(s\d{3}|big\d+)-[0-9a-f]+/g, short) };
}

/** A reason with ids, figures and agencies taken out. */
const kindOf = (r: string) =>
  r
    .replace(/(s\d{3}|big\d+)-[0-9a-f]+/g, 'X')
    .replace(/\d+(\.\d+)?( ?(%|h|min|days?))?/g, 'N')
    .replace(/(AFP|AP|Reuters|dpa|EFE|Kyodo)/g, 'AG')
    .replace(/ \(.*\)$/, '');

function scoreStory(story: ChainStory, articles: readonly Article[], p: Provenance, t: Tally): void {
  const truth = story.truth;
  const { short, named } = namer(story);
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const e of p.edges) {
    const src = isAncestor(truth, e.from, e.to) ? e.from : isAncestor(truth, e.to, e.from) ? e.to : null;
    if (!src) {
      t.siblings.pairs++;
      if (e.confidence < CONFIDENT) continue;
      t.siblings.stated++;
      if (has('siblings'))
        console.log(`  sibling ${short(e.from)} → ${short(e.to)} ${e.confidence}: ${named(e.reasons.join('; '))}`);
      continue;
    }
    const dst = src === e.from ? e.to : e.from;
    const step = `${truth.role[src]}→${truth.role[dst]}${depth(truth, src, dst) > 1 ? '+' : ''}`;
    t.pairs++;
    if (e.confidence < CONFIDENT) {
      const k = `${step}: ${kindOf(e.reasons[e.reasons.length - 1] ?? '')}`;
      t.unknownBy[k] = (t.unknownBy[k] ?? 0) + 1;
      continue;
    }
    t.stated++;
    if (e.from === src) {
      t.correct++;
      continue;
    }
    t.wrongBy[step] = (t.wrongBy[step] ?? 0) + 1;
    if (!quiet) {
      const clue = timeClue(byId.get(src) as Article, byId.get(dst) as Article);
      console.log(
        `${story.id} ${step} [time ${clue}] stated ${short(e.from)} → ${short(e.to)} ${e.type} ${e.confidence}:`,
      );
      console.log(`    ${named(e.reasons.join('; '))}`);
    }
  }
  for (const l of truth.lineages) {
    const found = p.lineages.find((x) => x.articles.includes(l.original))?.original;
    if (!found) t.originals.unknown++;
    else if (found === l.original) t.originals.right++;
    else {
      t.originals.wrong++;
      if (!quiet) console.log(`${story.id} original of ${l.name}: ${short(found)}`);
    }
  }
}

/** The tree of the lineage that holds `target`, each node with its root score and its true source. */
function explain(story: ChainStory, articles: readonly Article[], relations: readonly Relation[], p: Provenance): void {
  const suffix = args[args.indexOf('--explain') + 1] ?? '-';
  const target = articles.find((a) => a.id.endsWith(suffix));
  const lineage = target && p.lineages.find((l) => l.articles.includes(target.id));
  if (!lineage) return;
  const { short, named } = namer(story);
  const inside = new Set(lineage.articles);
  const members = articles.filter((a) => inside.has(a.id));
  const rels = relations.filter((r) => inside.has(r.a) && inside.has(r.b) && REUSE_TYPES.includes(r.type));
  const { tree, rooting } = traceLineage(members, rels, lineage.name).traced;
  tree.members.forEach((m, node) => {
    const names = m.length ? m.map(short).join(' = ') : 'unseen';
    const sources = m.map((id) => (story.truth.parent[id] ? short(story.truth.parent[id]) : '-')).join('/');
    const score = rooting.rootScore(node).toFixed(2);
    console.log(
      `node ${node} ${names} [${tree.sets[node]?.length}] — ${tree.neighbours[node]}; root ${score}; source ${sources}`,
    );
    if (m.some((id) => story.truth.role[id] === 'original'))
      for (const c of rooting.contradicted(node))
        console.log(`    against: ${c.weight.toFixed(2)} ${named(c.reasons.join(', '))}`);
  });
}

function chains(): void {
  const seed = flag('seed', 1);
  const big = flag('big', 0);
  const stories = big ? [bigStory(big)] : chainStories(flag('stories', 40), { seed });
  const relations = relationsOf(stories, big ? `big-${big}` : `${seed}-${stories.length}`, big > 0);
  const t: Tally = {
    pairs: 0,
    stated: 0,
    correct: 0,
    wrongBy: {},
    unknownBy: {},
    originals: { right: 0, wrong: 0, unknown: 0 },
    siblings: { pairs: 0, stated: 0 },
  };
  const t0 = performance.now();
  stories.forEach((story, k) => {
    // Robustness: without outlets the agency's own copy is not known; without dates only text and credits are left.
    const articles = story.articles.map((a) => ({
      ...a,
      outlet: has('no-outlets') ? null : a.outlet,
      published: has('no-times') ? null : a.published,
    }));
    const p = provenance({ storyId: story.id, articles, relations: relations[k] ?? [] });
    scoreStory(story, articles, p, t);
    if (has('explain')) explain(story, articles, relations[k] ?? [], p);
  });
  const { pairs, stated, correct, wrongBy, originals, siblings } = t;
  const summary = {
    seed: big ? `big ${big}` : seed,
    accuracy: +(correct / stated).toFixed(3),
    coverage: +(stated / pairs).toFixed(3),
    wrong: stated - correct,
    wrongBy,
    originals,
    siblings: `${siblings.stated} of ${siblings.pairs} stated`,
    ms: Math.round(performance.now() - t0),
  };
  console.log(JSON.stringify(summary));
  if (has('unknown'))
    for (const [k, v] of Object.entries(t.unknownBy).sort((x, y) => y[1] - x[1])) console.log(`unknown ${v}  ${k}`);
}

function clough(): void {
  const c = runClough(loadSynonyms(), [], (line) => console.log(line));
  const sum = { stated: 0, correct: 0, related: 0 };
  for (const g of Object.values(c.byLabel)) {
    sum.stated += g.stated;
    sum.correct += g.correct;
    sum.related += g.related;
  }
  console.log(JSON.stringify({ clough: `${sum.correct} of ${sum.stated} stated right, ${sum.related} related` }));
}

/** The seed story of ../shared/corpus (test/provenance-seeds.test.ts): its articles, relations and edges. */
async function seeds(): Promise<void> {
  const store = await openStore({ db: join(dir, `seeds-${process.pid}.db`) });
  await ingest(store, [join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'seeds')]);
  await cleanDocuments(store);
  const names = new Map<string, string>();
  const articles: Article[] = [];
  for (const d of await store.listDocuments()) {
    for (const [i, a] of ((await store.getCleanResult(d.id))?.articles ?? []).entries()) {
      const id = `${basename(d.source).slice(0, 3)}-${'abcdef'[i]}`;
      names.set(a.id, id);
      if (id !== '001-b') articles.push(a);
    }
  }
  store.close();
  const name = (text: string) => text.replace(/[0-9a-f]{16,}-\d+/g, (id) => names.get(id) ?? id);
  for (const a of articles) console.log(name(a.id), a.outlet, a.published, a.publishedPrecision, a.credits, a.language);
  const synonyms = loadSynonyms();
  const sides = articles.map((a) => ({
    id: a.id,
    language: a.language,
    analysis: analyze(a.body),
    contentHash: fingerprint(a.body).contentHash,
  }));
  const relations = sides.flatMap((x, i) => sides.slice(i + 1).map((y) => relate(x, y, synonyms)));
  for (const r of relations) console.log(name(`${r.a} ~ ${r.b}`), r.type, r.score, r.evidence.containment);
  const traits = articles.map(traitsOf);
  for (const x of traits)
    console.log(
      `${name(x.article.id)} shares shingles`,
      traits.map((y) => `${name(y.article.id)}:${intersectSorted(x.shingles, y.shingles)}`).join(' '),
    );
  const p = provenance({ storyId: 's', articles, relations });
  for (const l of p.lineages) console.log(name(JSON.stringify(l)));
  for (const e of p.edges) console.log(name(`${e.from} → ${e.to} ${e.type} ${e.confidence}: ${e.reasons.join('; ')}`));
}

if (has('seeds')) await seeds();
else if (has('clough')) clough();
else chains();
