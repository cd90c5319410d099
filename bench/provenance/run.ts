/**
 * @module Provenance benchmark (issue 7): on generated stories with known derivation chains (bench/provenance/
 * chains.ts), direction accuracy, coverage and "unknown" rate of the edges, lineage purity (and B³), original
 * accuracy, and span-level precision/recall of `align()` against the true sentence pairs; on the real human rewrites
 * of ../shared/corpus/reuse/clough-stevenson/, whether the source is found to be the original; and timings: `align()`
 * on pairs of ~1k-word articles, and one 200-article story analysed the way storytrace does it.
 *
 * `node --import tsx bench/provenance/run.ts [--stories N] [--pairs N] [--big N]` prints one JSON line;
 * `provenanceSection()` renders it for bench/README.md.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { align } from '../../src/core/align/align.js';
import { analyze } from '../../src/core/fingerprint/analyze.js';
import { fingerprint } from '../../src/core/fingerprint/fingerprint.js';
import type { Article } from '../../src/core/model.js';
import { CONFIDENT, provenance, REUSE_TYPES } from '../../src/core/provenance/provenance.js';
import type { Provenance, ProvenanceEdge } from '../../src/core/provenance/types.js';
import { type Comparable, relate } from '../../src/core/relate/index.js';
import { MemoryReuseIndex } from '../../src/core/relate/memory-index.js';
import type { Relation, SynonymLookup } from '../../src/core/relate/types.js';
import { provenanceOf } from '../../src/engine/story.js';
import { loadSynonyms } from '../../src/io/wordnet.js';
import { benchArticle } from '../article.js';
import { machine } from '../machine.js';
import { bcubed } from '../stories/bcubed.js';
import {
  bigStory,
  type ChainStory,
  type ChainTruth,
  chainStories,
  isAncestor,
  longPairs,
  truePairs,
} from './chains.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const CLOUGH_DIR = join(HERE, '..', '..', '..', 'shared', 'corpus', 'reuse', 'clough-stevenson');

/** Stated / correct / unknown counts of one group of true (ancestor → descendant) pairs. */
export interface DirectionTally {
  /** True reuse pairs in the group. */
  pairs: number;
  /** Pairs the relations typed as reuse (they have an edge). */
  related: number;
  /** Edges with confidence ≥ 0.6. */
  stated: number;
  correct: number;
}

export interface SpanTally {
  truth: number;
  predicted: number;
  correct: number;
  /** Correct spans whose type is the one the pair was made with (verbatim when the text is unchanged). */
  typed: number;
}

export interface ProvenanceBenchResult {
  date: string;
  machine: string;
  stories: number;
  articles: number;
  /** Ancestor → descendant pairs, all and by chain step ("original→spun (2 steps)") and by time clue. */
  direction: DirectionTally;
  byStep: Record<string, DirectionTally>;
  byTimeClue: Record<string, DirectionTally>;
  /** Clues named in the reasons of stated edges on true pairs, for right and for wrong directions. */
  clues: { right: Record<string, number>; wrong: Record<string, number> };
  /** Pairs of one lineage where neither derives from the other (copies of one intermediate, cousins). */
  siblings: { pairs: number; related: number; stated: number };
  /** Reuse edges between different lineages or with an independent report: false relations. */
  crossEdges: number;
  crossPairs: number;
  lineages: { bcubed: { precision: number; recall: number; f1: number }; purity: number; inversePurity: number };
  originals: { lineages: number; correct: number; wrong: number; unknown: number };
  spans: { all: SpanTally; byKind: Record<string, SpanTally> };
  clough: { available: boolean; byLabel: Record<string, DirectionTally & { types: Record<string, number> }> };
  timing: {
    align: {
      pairs: number;
      wordsPerArticle: number;
      p50Ms: number;
      p99Ms: number;
      meanMs: number;
      /** CPU time of the process per call: steadier than wall time on a shared machine. */
      cpuP50Ms: number;
      cpuP99Ms: number;
    };
    story200: {
      articles: number;
      indexSeconds: number;
      relations: number;
      provenanceSeconds: number;
      provenanceOnlySeconds: number;
      totalSeconds: number;
      /** CPU seconds of the process for the same (index, quotes, provenance). */
      totalCpuSeconds: number;
      relateMeanMs: number;
      allPairsEstimateSeconds: number;
      direction: DirectionTally;
    };
  };
  /** A few concrete failures, for whoever improves provenance. */
  failures: string[];
  peakRssMB: number;
}

const tally = (): DirectionTally => ({ pairs: 0, related: 0, stated: 0, correct: 0 });
const spanTally = (): SpanTally => ({ truth: 0, predicted: 0, correct: 0, typed: 0 });

function comparableOf(a: Article): Comparable {
  return { id: a.id, language: a.language, analysis: analyze(a.body), contentHash: fingerprint(a.body).contentHash };
}

export function allPairs(articles: readonly Article[], synonyms: SynonymLookup): Relation[] {
  const sides = articles.map(comparableOf);
  return sides.flatMap((x, i) => sides.slice(i + 1).map((y) => relate(x, y, synonyms)));
}

/** What storytrace does for a story: quotes found (for common sources), then `provenance()`. */
export function trace(id: string, articles: Article[], relations: Relation[], synonyms: SynonymLookup): Provenance {
  return provenanceOf(
    {
      story: { id, title: null, articles: articles.map((a) => a.id), firstSeen: null, lastSeen: null },
      articles,
      relations,
    },
    synonyms,
  );
}

const lineageOf = (t: ChainTruth, id: string) => t.lineages.findIndex((l) => l.articles.includes(id));

export function depth(t: ChainTruth, from: string, to: string): number {
  let n = 0;
  for (let p: string | undefined = to; p !== undefined && p !== from; p = t.parent[p]) n++;
  return n;
}

/** Whether the dates give a clue as provenance reads them: "clear" beyond their precision, "weak" within it. */
export function timeClue(a: Article, b: Article): string {
  if (!a.published || !b.published) return 'no date';
  const slack = a.publishedPrecision === 'day' || b.publishedPrecision === 'day' ? 36 : 1;
  const hours = Math.abs(Date.parse(b.published) - Date.parse(a.published)) / 3_600_000;
  return hours > slack ? 'clear' : hours >= 1 ? 'within precision' : 'same time';
}

/** The kinds of clue an edge's reasons name (clues.ts and provenance.ts word them), the rival root's included. */
function cluesOf(e: ProvenanceEdge): string[] {
  const kinds: [RegExp, string][] = [
    [/published .* earlier/, 'time'],
    [/is dated/, 'date (day precision)'],
    [/own copy/, 'own copy'],
    [/ credits /, 'credit'],
    [/does not credit/, 'no credit'],
    [/grammar slips/, 'slips'],
    [/is an excerpt/, 'excerpt'],
    [/untranslated/, 'foreign words'],
    [/reaches .* through/, 'lineage path'],
    [/for the original would go against/, 'lineage rooting'],
  ];
  return kinds.filter(([re]) => e.reasons.some((r) => re.test(r))).map(([, k]) => k);
}

function edgeKey(x: string, y: string): string {
  return x < y ? `${x} ${y}` : `${y} ${x}`;
}

interface Scored {
  clues: { right: Record<string, number>; wrong: Record<string, number> };
  direction: DirectionTally;
  byStep: Record<string, DirectionTally>;
  byTimeClue: Record<string, DirectionTally>;
  siblings: { pairs: number; related: number; stated: number };
  crossEdges: number;
  crossPairs: number;
  failures: string[];
}

function scoreEdges(story: ChainStory, p: Provenance, into: Scored): void {
  const t = story.truth;
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const edges = new Map<string, ProvenanceEdge>(p.edges.map((e) => [edgeKey(e.from, e.to), e]));
  const ids = story.articles.map((a) => a.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const x = ids[i]!;
      const y = ids[j]!;
      const e = edges.get(edgeKey(x, y));
      const [src, dst] = isAncestor(t, x, y) ? [x, y] : isAncestor(t, y, x) ? [y, x] : [null, null];
      if (src && dst) {
        const steps = depth(t, src, dst);
        const key = `${t.role[src]}→${t.role[dst]}${steps > 1 ? ` (${steps} steps)` : ''}`;
        const clue = timeClue(byId.get(src)!, byId.get(dst)!);
        into.byStep[key] ??= tally();
        into.byTimeClue[clue] ??= tally();
        for (const g of [into.direction, into.byStep[key], into.byTimeClue[clue]]) {
          g.pairs++;
          if (!e) continue;
          g.related++;
          if (e.confidence < CONFIDENT) continue;
          g.stated++;
          if (e.from === src) g.correct++;
        }
        if (e && e.confidence >= CONFIDENT) {
          const tallyOf = e.from === src ? into.clues.right : into.clues.wrong;
          for (const c of cluesOf(e)) tallyOf[c] = (tallyOf[c] ?? 0) + 1;
        }
        if (e && e.confidence >= CONFIDENT && e.from !== src && into.failures.length < 12)
          into.failures.push(
            `${key}, time ${clue}: ${e.from} → ${e.to} (${e.type}, ${e.confidence}): ${e.reasons.join('; ')}`,
          );
      } else if (lineageOf(t, x) >= 0 && lineageOf(t, x) === lineageOf(t, y)) {
        into.siblings.pairs++;
        if (e) into.siblings.related++;
        if (e && e.confidence >= CONFIDENT) into.siblings.stated++;
      } else {
        into.crossPairs++;
        if (e) {
          into.crossEdges++;
          if (into.failures.length < 16)
            into.failures.push(`false reuse: ${t.role[x]} ${x} ~ ${t.role[y]} ${y} typed ${e.type}`);
        }
      }
    }
  }
}

function purity(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[]): number {
  const n = truth.reduce((k, c) => k + c.length, 0);
  let sum = 0;
  for (const c of predicted) {
    const inside = new Set(c);
    sum += Math.max(0, ...truth.map((t) => t.filter((id) => inside.has(id)).length));
  }
  return n ? sum / n : 0;
}

/** Predicted and true clusters over every article, independent reports (and unplaced articles) as singletons. */
function clusters(story: ChainStory, p: Provenance): { predicted: string[][]; truth: string[][] } {
  const t = story.truth;
  const truth = [...t.lineages.map((l) => l.articles), ...t.independent.map((id) => [id])];
  const placed = new Set(p.lineages.flatMap((l) => l.articles));
  const predicted = [
    ...p.lineages.map((l) => l.articles),
    ...story.articles.filter((a) => !placed.has(a.id)).map((a) => [a.id]),
  ];
  return { predicted, truth };
}

function spanKind(t: ChainTruth, x: string, y: string): string {
  if (isAncestor(t, x, y)) return `${t.role[y]}${depth(t, x, y) > 1 ? ' (2+ steps)' : ''}`;
  if (isAncestor(t, y, x)) return `${t.role[x]}${depth(t, y, x) > 1 ? ' (2+ steps)' : ''}`;
  const l = lineageOf(t, x);
  return l >= 0 && l === lineageOf(t, y) ? 'siblings' : 'unrelated';
}

function scoreSpans(
  story: ChainStory,
  synonyms: SynonymLookup,
  all: SpanTally,
  byKind: Record<string, SpanTally>,
  failures: string[],
  typeFailures: string[],
): void {
  const t = story.truth;
  const arts = story.articles;
  for (let i = 0; i < arts.length; i++) {
    for (let j = i + 1; j < arts.length; j++) {
      const a = arts[i]!;
      const b = arts[j]!;
      const truth = new Set(truePairs(t, a.id, b.id).map(([x, y]) => `${x} ${y}`));
      const spans = align(a, b, synonyms).spans;
      const kind = spanKind(t, a.id, b.id);
      byKind[kind] ??= spanTally();
      let correct = 0;
      let typed = 0;
      for (const s of spans) {
        if (truth.has(`${s.a.index} ${s.b.index}`)) {
          correct++;
          const expected =
            s.a.text === s.b.text
              ? 'verbatim'
              : kind.startsWith('spun')
                ? 'spun'
                : kind === 'siblings'
                  ? s.type
                  : 'edited';
          if (s.type === expected) typed++;
          else if (typeFailures.length < 6)
            typeFailures.push(`align ${kind}: typed ${s.type}, made ${expected}: "${s.a.text}" ~ "${s.b.text}"`);
        } else if (failures.length < 24 && kind !== 'unrelated' && kind !== 'partial')
          failures.push(`align ${kind}: false span (${s.type}, ${s.score}) "${s.a.text}" ~ "${s.b.text}"`);
      }
      for (const g of [all, byKind[kind]]) {
        g.truth += truth.size;
        g.predicted += spans.length;
        g.correct += correct;
        g.typed += typed;
      }
    }
  }
}

function readClough(dir: string): { file: string; task: string; label: string; text: string }[] {
  const rows = readFileSync(join(dir, 'file_information.csv'), 'utf8').trim().split('\n').slice(1);
  return rows.map((line) => {
    const [file, task, label] = line.trim().split(',') as [string, string, string];
    return { file, task, label, text: readFileSync(join(dir, file), 'utf8') };
  });
}

function plainArticle(id: string, text: string): Article {
  const body = text
    .replace(/\r/g, '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return benchArticle(id, body, { cleanerVersion: 1 });
}

export function runClough(
  synonyms: SynonymLookup,
  failures: string[],
  log?: (line: string) => void,
): ProvenanceBenchResult['clough'] {
  if (!existsSync(join(CLOUGH_DIR, 'file_information.csv'))) return { available: false, byLabel: {} };
  const byLabel: ProvenanceBenchResult['clough']['byLabel'] = {};
  const sources = new Map<string, Article>();
  for (const task of 'abcde') {
    // The source's id sorts after every answer's ("orig" > "g…"), so an edge without a clue points the wrong way
    // and can only be right when stated with evidence.
    sources.set(task, plainArticle(`orig_task${task}`, readFileSync(join(CLOUGH_DIR, `orig_task${task}.txt`), 'utf8')));
  }
  for (const row of readClough(CLOUGH_DIR)) {
    const src = sources.get(row.task);
    // The csv lists the sources themselves too (label "orig").
    if (!src || row.label === 'orig') continue;
    const answer = plainArticle(row.file.replace(/\.txt$/, ''), row.text);
    const relation = relate(comparableOf(src), comparableOf(answer), synonyms);
    const p = trace(`cs-${row.file}`, [src, answer], [relation], synonyms);
    const g = byLabel[row.label] ?? { ...tally(), types: {} };
    byLabel[row.label] = g;
    g.types[relation.type] = (g.types[relation.type] ?? 0) + 1;
    g.pairs++;
    const e = p.edges[0];
    log?.(
      `clough ${row.label} ${row.file} ${relation.type} containment ${relation.evidence.containment.join('/')}: ${
        e
          ? `${e.from === src.id ? 'source' : 'answer'} stated as source, ${e.confidence}: ${e.reasons.join('; ')}`
          : 'no edge'
      }`,
    );
    if (!e || !REUSE_TYPES.includes(e.type)) continue;
    g.related++;
    if (e.confidence < CONFIDENT) continue;
    g.stated++;
    if (e.from === src.id) g.correct++;
    else if (failures.length < 30)
      failures.push(`clough ${row.label} ${row.file}: answer stated as source (${e.type}, ${e.reasons.join('; ')})`);
  }
  return { available: true, byLabel };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function timeAlign(pairs: number, synonyms: SynonymLookup): ProvenanceBenchResult['timing']['align'] {
  const list = longPairs(pairs);
  // Warm-up: the first calls pay for JIT and WordNet's memo.
  for (const p of list.slice(0, 4)) align(p.a, p.b, synonyms);
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let words = 0;
  for (const p of list) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    align(p.a, p.b, synonyms);
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpuMs.push((c.user + c.system) / 1000);
    words += p.a.body.join(' ').split(/\s+/).length + p.b.body.join(' ').split(/\s+/).length;
  }
  ms.sort((x, y) => x - y);
  cpuMs.sort((x, y) => x - y);
  return {
    cpuP50Ms: quantile(cpuMs, 0.5),
    cpuP99Ms: quantile(cpuMs, 0.99),
    pairs: list.length,
    wordsPerArticle: Math.round(words / (2 * list.length)),
    p50Ms: quantile(ms, 0.5),
    p99Ms: quantile(ms, 0.99),
    meanMs: ms.reduce((s, x) => s + x, 0) / ms.length,
  };
}

/**
 * A story too large for every pair (the engine compares all pairs only up to FULL_PAIRS_UP_TO articles): relations
 * from the in-memory reuse index, articles added in publication order, then quotes and provenance.
 */
function timeBigStory(n: number, synonyms: SynonymLookup): ProvenanceBenchResult['timing']['story200'] {
  const story = bigStory(n);
  const order = [...story.articles].sort((x, y) => (x.published ?? '').localeCompare(y.published ?? ''));
  // Warm-up on a small story so the timed run is not the JIT's first sight of this code.
  const warm = chainStories(1, { seed: 99 })[0]!;
  const wi = new MemoryReuseIndex(synonyms);
  trace(
    'warm',
    warm.articles,
    warm.articles.flatMap((a) => wi.add(a)),
    synonyms,
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const index = new MemoryReuseIndex(synonyms);
  const relations = order.flatMap((a) => index.add(a));
  const t1 = performance.now();
  const p = trace(story.id, story.articles, relations, synonyms);
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  provenance({ storyId: story.id, articles: story.articles, relations });
  const t3 = performance.now();
  // What all 19,900 pairs would cost: relate() on a sample of pairs, times the number of pairs.
  const sides = story.articles.slice(0, 40).map(comparableOf);
  const r0 = performance.now();
  let k = 0;
  for (let i = 0; i < sides.length && k < 200; i++)
    for (let j = i + 1; j < sides.length && k < 200; j++, k++) relate(sides[i]!, sides[j]!, synonyms);
  const relateMeanMs = (performance.now() - r0) / k;
  const scored = emptyScored();
  scoreEdges(story, p, scored);
  return {
    articles: story.articles.length,
    indexSeconds: (t1 - t0) / 1000,
    relations: relations.length,
    provenanceSeconds: (t2 - t1) / 1000,
    provenanceOnlySeconds: (t3 - t2) / 1000,
    totalSeconds: (t2 - t0) / 1000,
    totalCpuSeconds: (cpu.user + cpu.system) / 1e6,
    relateMeanMs,
    allPairsEstimateSeconds: (relateMeanMs * (n * (n - 1))) / 2 / 1000,
    direction: scored.direction,
  };
}

/** Tallies before any edge is scored. */
function emptyScored(): Scored {
  return {
    clues: { right: {}, wrong: {} },
    direction: tally(),
    byStep: {},
    byTimeClue: {},
    siblings: { pairs: 0, related: 0, stated: 0 },
    crossEdges: 0,
    crossPairs: 0,
    failures: [],
  };
}

export function runProvenanceBench(
  options: { stories?: number; pairs?: number; big?: number } = {},
): ProvenanceBenchResult {
  const synonyms = loadSynonyms();
  const stories = chainStories(options.stories ?? 40);
  const scored = emptyScored();
  const predicted: string[][] = [];
  const truth: string[][] = [];
  const originals = { lineages: 0, correct: 0, wrong: 0, unknown: 0 };
  const spans = { all: spanTally(), byKind: {} as Record<string, SpanTally> };
  const spanFailures: string[] = [];
  const typeFailures: string[] = [];
  for (const story of stories) {
    const relations = allPairs(story.articles, synonyms);
    const p = trace(story.id, story.articles, relations, synonyms);
    scoreEdges(story, p, scored);
    const c = clusters(story, p);
    predicted.push(...c.predicted);
    truth.push(...c.truth);
    for (const l of story.truth.lineages) {
      originals.lineages++;
      const found = p.lineages.find((x) => x.articles.includes(l.original));
      if (!found?.original) originals.unknown++;
      else if (found.original === l.original) originals.correct++;
      else {
        originals.wrong++;
        if (scored.failures.length < 20)
          scored.failures.push(
            `original of ${story.id} ${l.name}: ${found.original} (${story.truth.role[found.original]})`,
          );
      }
    }
    scoreSpans(story, synonyms, spans.all, spans.byKind, spanFailures, typeFailures);
  }
  const failures = [...scored.failures, ...spanFailures.slice(0, 8), ...typeFailures];
  const clough = runClough(synonyms, failures);
  const timing = {
    align: timeAlign(options.pairs ?? 100, synonyms),
    story200: timeBigStory(options.big ?? 200, synonyms),
  };
  return {
    date: new Date().toISOString(),
    machine: machine(),
    stories: stories.length,
    articles: stories.reduce((n, s) => n + s.articles.length, 0),
    direction: scored.direction,
    clues: scored.clues,
    byStep: scored.byStep,
    byTimeClue: scored.byTimeClue,
    siblings: scored.siblings,
    crossEdges: scored.crossEdges,
    crossPairs: scored.crossPairs,
    lineages: {
      bcubed: bcubed(predicted, truth),
      purity: purity(predicted, truth),
      inversePurity: purity(truth, predicted),
    },
    originals,
    spans,
    clough,
    timing,
    failures,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const ratio = (a: number, b: number) => (b ? f3(a / b) : '–');

function directionRow(name: string, t: DirectionTally): string {
  return `| ${name} | ${t.pairs} | ${ratio(t.related, t.pairs)} | ${ratio(t.correct, t.stated)} | ${ratio(t.stated, t.pairs)} | ${ratio(t.related - t.stated, t.related)} |`;
}

const clueList = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

export function provenanceSection(r: ProvenanceBenchResult): string {
  const s = r.timing.story200;
  const a = r.timing.align;
  const spanRow = (name: string, t: SpanTally) =>
    `| ${name} | ${t.truth} | ${t.predicted} | ${ratio(t.correct, t.predicted)} | ${ratio(t.correct, t.truth)} | ${ratio(t.typed, t.correct)} |`;
  const lines = [
    '## Provenance: directions, lineages, originals, alignment',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine}. \`bench/provenance/run.ts\` on ${r.stories} generated stories`,
    `(${r.articles} articles; \`bench/provenance/chains.ts\`): wire original → republication (light edit) → spun copy`,
    'of the republication; original → partial reuse; original → intermediate edit → two copies of it (in every fourth',
    'story the intermediate is not in the story: its copies share changes no article holds); half the stories a',
    "second wire's report with one copy; two independent reports of the same event (same names, own text).",
    "Copies are published 10 min – 20 h after their source, but 40% of them have no date, their source's time, or",
    'the day only; originals credit their agency, copies sometimes. Every pair of a story is related (`relate()`,',
    'WordNet synonyms) and traced as `storytrace` does (`provenanceOf`: quotes, then `provenance()`).',
    '',
    `Direction: over true reuse pairs (ancestor → descendant, one or more steps). **accuracy** = right / stated`,
    `(confidence ≥ ${CONFIDENT}); **coverage** = stated / true pairs; **unknown** = edges left below ${CONFIDENT} / edges.`,
    '',
    '| pairs | n | relation found | accuracy | coverage | unknown |',
    '|---|---:|---:|---:|---:|---:|',
    directionRow('**all**', r.direction),
    ...Object.entries(r.byStep)
      .sort((x, y) => y[1].pairs - x[1].pairs)
      .map(([k, t]) => directionRow(k, t)),
    ...Object.entries(r.byTimeClue).map(([k, t]) => directionRow(`time clue: ${k}`, t)),
    '',
    `Clues behind the stated directions (an edge can name several): right ${clueList(r.clues.right)}; wrong`,
    `${clueList(r.clues.wrong)}.`,
    '',
    `Pairs of one lineage where neither derives from the other (copies of one intermediate, cousins): ${r.siblings.pairs},`,
    `${r.siblings.related} related, **${r.siblings.stated} given a direction** (there is none to give). Pairs across`,
    `lineages or with an independent report: ${r.crossPairs}, of which ${r.crossEdges} typed as reuse.`,
    '',
    `Lineages (every article; independent reports as singletons): B³ precision ${f3(r.lineages.bcubed.precision)},`,
    `recall ${f3(r.lineages.bcubed.recall)}, F1 **${f3(r.lineages.bcubed.f1)}**; purity ${f3(r.lineages.purity)},`,
    `inverse purity ${f3(r.lineages.inversePurity)}. Originals: ${r.originals.correct} of ${r.originals.lineages} lineages`,
    `right, ${r.originals.wrong} wrong, ${r.originals.unknown} unknown (null).`,
    '',
    "`align()` against the true sentence pairs (a copy's sentence and the source sentence it derives from, through",
    'any number of steps), every pair of articles in the stories:',
    '',
    '| pair | true pairs | spans | precision | recall | type right |',
    '|---|---:|---:|---:|---:|---:|',
    spanRow('**all**', r.spans.all),
    spanRow(
      'all but unrelated',
      (() => {
        const u = r.spans.byKind.unrelated ?? spanTally();
        const a = r.spans.all;
        return { truth: a.truth, predicted: a.predicted - u.predicted, correct: a.correct, typed: a.typed };
      })(),
    ),
    ...Object.entries(r.spans.byKind)
      .sort((x, y) => y[1].truth - x[1].truth)
      .map(([k, t]) => spanRow(k, t)),
    '',
    '"unrelated": the independent reports and the other wire against each other and the first lineage (same names,',
    'own text from the same sentence templates: their template-alike sentences are the false spans). Type right: the',
    'span is typed as made (verbatim when the sentence is unchanged, spun in spun copies, edited otherwise).',
    '',
  ];
  if (r.clough.available) {
    lines.push(
      '### Real human rewrites (Clough & Stevenson)',
      '',
      'Each reused answer of `../shared/corpus/reuse/clough-stevenson/` with its Wikipedia source, traced as a story of',
      'two (no dates, no credits: containment and degradation are the only clues). Right = the source is stated as the',
      'source.',
      '',
      '| label | n | relation found | accuracy | coverage | unknown | relation types |',
      '|---|---:|---:|---:|---:|---:|---|',
    );
    for (const [label, t] of Object.entries(r.clough.byLabel)) {
      const types = Object.entries(t.types)
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      lines.push(`${directionRow(label, t).slice(0, -1)}| ${types} |`);
    }
    lines.push('');
  }
  lines.push(
    '### Time',
    '',
    `\`align()\` on ${a.pairs} pairs of ~${a.wordsPerArticle}-word articles (light edits, spun copies, partial reuses,`,
    `unrelated): p50 **${a.p50Ms.toFixed(1)} ms**, p99 **${a.p99Ms.toFixed(1)} ms** (mean ${a.meanMs.toFixed(1)}; CPU time`,
    `p50 ${a.cpuP50Ms.toFixed(1)} ms, p99 ${a.cpuP99Ms.toFixed(1)} ms).`,
    '',
    `A ${s.articles}-article story (12 wires of one event copied, a fifth independent reports): relations from the`,
    `in-memory reuse index (\`MemoryReuseIndex\`, the articles added in publication order; ${s.relations} relations)`,
    `${s.indexSeconds.toFixed(2)} s, quotes and provenance ${s.provenanceSeconds.toFixed(2)} s (\`provenance()\` alone`,
    `${s.provenanceOnlySeconds.toFixed(3)} s): **${s.totalSeconds.toFixed(2)} s** end to end, one core (${s.totalCpuSeconds.toFixed(2)} s CPU); index and`,
    `\`provenance()\` without the quotes (no common sources) ${(s.indexSeconds + s.provenanceOnlySeconds).toFixed(2)} s. Comparing all`,
    `${((s.articles * (s.articles - 1)) / 2).toLocaleString('en-US')} pairs instead would take ~${s.allPairsEstimateSeconds.toFixed(0)} s`,
    `(\`relate()\` ${s.relateMeanMs.toFixed(1)} ms a pair). Direction on this story: accuracy`,
    `${ratio(s.direction.correct, s.direction.stated)}, coverage ${ratio(s.direction.stated, s.direction.pairs)} of`,
    `${s.direction.pairs} true pairs (${s.direction.related} related by the index).`,
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const opts: { stories?: number; pairs?: number; big?: number } = {};
  const stories = flag('stories');
  const pairs = flag('pairs');
  const big = flag('big');
  if (stories !== undefined) opts.stories = stories;
  if (pairs !== undefined) opts.pairs = pairs;
  if (big !== undefined) opts.big = big;
  process.stdout.write(`${JSON.stringify(runProvenanceBench(opts))}\n`);
}
