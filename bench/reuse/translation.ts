/**
 * @module Translation recall on a small labelled set of human translations (`bench/translation/pairs.jsonl`): invented
 * news events, each an English report with a faithful French and German translation, some with a second, independent
 * English report of the same event, and a few with a French report about the same people in another event (a hard
 * negative). Every article is added to a `MemoryReuseIndex`; then every labelled pair is also related directly with
 * `relate()`, so that candidate generation (the LSH) and typing (`classify`) can be told apart.
 *
 * `node --import tsx bench/reuse/translation.ts` prints one line of JSON (a `TranslationBenchResult`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../../src/core/clean/common/language.js';
import { analyze } from '../../src/core/fingerprint/analyze.js';
import { fingerprint } from '../../src/core/fingerprint/fingerprint.js';
import { type Comparable, type Relation, type RelationType, relate } from '../../src/core/relate/index.js';
import { MemoryReuseIndex } from '../../src/core/relate/memory-index.js';
import type { SynonymLookup } from '../../src/core/relate/types.js';
import { loadSynonyms } from '../../src/io/wordnet.js';
import { throughPipeline } from '../pipeline.js';

export const PAIRS_FILE = fileURLToPath(new URL('../translation/pairs.jsonl', import.meta.url));

/** original: the report the others translate; translation: a faithful translation of it; report: an independent
 * report of the same event in the original's language; other-event: the same people in another event. */
export type Role = 'original' | 'translation' | 'report' | 'other-event';

export interface TranslationRecord {
  id: string;
  event: string;
  kind: string;
  lang: string;
  role: Role;
  title: string;
  body: string[];
}

/**
 * What a pair of the set is: `translated` (original and translation, or two translations of one original, always in
 * two languages); `report-same-language` and `report-cross-language` (an independent report of the same event against
 * the original, or against a translation of it); `other-event` (a hard negative against an article of the event whose
 * people it shares); `unrelated` (articles of two events).
 */
export const PAIR_LABELS = [
  'translated',
  'report-same-language',
  'report-cross-language',
  'other-event',
  'unrelated',
] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];

export interface LabelledPair {
  a: TranslationRecord;
  b: TranslationRecord;
  label: PairLabel;
}

export function loadTranslationSet(path = PAIRS_FILE): TranslationRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as TranslationRecord);
}

function labelOf(x: TranslationRecord, y: TranslationRecord): PairLabel {
  if (x.event !== y.event) return 'unrelated';
  const roles = new Set([x.role, y.role]);
  if (roles.has('other-event')) return 'other-event';
  if (roles.has('report')) return x.lang === y.lang ? 'report-same-language' : 'report-cross-language';
  return 'translated';
}

/** Every unordered pair of the set, labelled. */
export function labelledPairs(records: readonly TranslationRecord[]): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (let i = 0; i < records.length; i++)
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i] as TranslationRecord;
      const b = records[j] as TranslationRecord;
      out.push({ a, b, label: labelOf(a, b) });
    }
  return out;
}

const key = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);

export interface LabelFigures {
  pairs: number;
  /** Pairs the LSH makes candidates (either way). */
  candidates: number;
  /** Pairs `add()` returned a relation for (any type). */
  found: number;
  /** Types of the relations `add()` returned ("none" for pairs it returned none for). */
  indexTypes: Partial<Record<RelationType | 'none', number>>;
  /** Types `relate()` gives the pair directly. */
  directTypes: Partial<Record<RelationType, number>>;
}

export interface TranslationBenchResult {
  articles: number;
  events: number;
  /** Articles whose language the detector gives otherwise than the record (the record's is used). */
  languageMismatches: string[];
  byLabel: Record<PairLabel, LabelFigures>;
  /** Translated pairs by language pair ("en-fr", "de-en", "de-fr"). */
  translatedByLanguages: Record<
    string,
    { pairs: number; candidates: number; indexTranslated: number; directTranslated: number }
  >;
  index: {
    /** Translated pairs found at all (any type), and typed `translated`, over all translated pairs. */
    foundRecall: number;
    translatedRecall: number;
    /** Of the pairs typed `translated`, the share that are translations. */
    translatedPrecision: number | null;
    falseTranslated: number;
  };
  direct: { translatedRecall: number; translatedPrecision: number | null; falseTranslated: number };
  /** Translated pairs the LSH makes candidates. */
  candidateRecall: number;
  /** The whole pipeline (`ingest` → `clean` → `index` → stories, whose pairs are all compared): see `pipelineRoute`. */
  pipeline?: PipelineFigures;
  seconds: number;
}

export interface PipelineFigures {
  /** Translated pairs stored as `translated`, over all translated pairs. */
  translatedRecall: number;
  /** Of the stored `translated` relations, the share that are translations. */
  translatedPrecision: number | null;
  falseTranslated: number;
  /** Translated pairs whose two articles were put in one story. */
  sameStory: number;
  /** Hard negatives (same people, another event) put in the story of the event they are not about. */
  otherEventJoined: number;
  stories: number;
  seconds: number;
}

/**
 * The set through the whole pipeline, as `storytrace ingest pairs.jsonl` runs it on a fresh SQLite file: a translation
 * the LSH does not put forward is still found when its story forms, since every pair of a story of up to 40 articles is
 * compared (`completeStoryPairs`).
 */
export async function pipelineRoute(records: readonly TranslationRecord[]): Promise<PipelineFigures> {
  const lines = records.map((r) =>
    JSON.stringify({ id: r.id, title: r.title, text: r.body.join('\n\n'), language: r.lang }),
  );
  const out = await throughPipeline(lines, ['translated']);
  const storyOf = new Map<string, number>();
  out.stories.forEach((articles, s) => {
    for (const a of articles) storyOf.set(a, s);
  });
  const stored = new Set(out.relations.map((r) => key(r.a, r.b)));
  let translated = 0;
  let found = 0;
  let sameStory = 0;
  let otherEventJoined = 0;
  const truePairs = new Set<string>();
  for (const { a, b, label } of labelledPairs(records)) {
    const k = key(a.id, b.id);
    const together = storyOf.get(a.id) !== undefined && storyOf.get(a.id) === storyOf.get(b.id);
    if (label === 'translated') {
      translated++;
      truePairs.add(k);
      if (stored.has(k)) found++;
      if (together) sameStory++;
    } else if (label === 'other-event' && together) otherEventJoined++;
  }
  const falseTranslated = [...stored].filter((k) => !truePairs.has(k)).length;
  return {
    translatedRecall: round(found / translated),
    translatedPrecision: stored.size ? round(found / stored.size) : null,
    falseTranslated,
    sameStory,
    otherEventJoined,
    stories: out.stories.length,
    seconds: round(out.seconds),
  };
}

export function runTranslationBench(
  records: readonly TranslationRecord[] = loadTranslationSet(),
  synonyms: SynonymLookup | null = loadSynonyms(),
): TranslationBenchResult {
  const started = performance.now();
  const languageMismatches: string[] = [];
  for (const r of records) {
    const detected = detectLanguage(r.body.join('\n'));
    if (detected !== r.lang) languageMismatches.push(`${r.id}: ${detected ?? 'none'}`);
  }
  // Through the index, in the order of the file.
  const index = new MemoryReuseIndex(synonyms);
  const relations = new Map<string, Relation>();
  for (const r of records) {
    for (const rel of index.add({ id: r.id, body: r.body, language: r.lang })) relations.set(key(rel.a, rel.b), rel);
  }
  // LSH candidates once every article is filed.
  const lsh = new MemoryReuseIndex(null);
  for (const r of records) lsh.insert({ id: r.id, body: r.body, language: r.lang });
  const candidates = new Set<string>();
  for (const r of records) {
    for (const other of lsh.candidates({ id: r.id, body: r.body, language: r.lang }))
      if (other !== r.id) candidates.add(key(r.id, other));
  }
  // Directly.
  const comparable = new Map<string, Comparable>();
  for (const r of records) {
    const analysis = analyze(r.body);
    comparable.set(r.id, { id: r.id, language: r.lang, analysis, contentHash: fingerprint(r.body).contentHash });
  }
  const empty = (): LabelFigures => ({ pairs: 0, candidates: 0, found: 0, indexTypes: {}, directTypes: {} });
  const byLabel = Object.fromEntries(PAIR_LABELS.map((l) => [l, empty()])) as Record<PairLabel, LabelFigures>;
  const byLanguages: TranslationBenchResult['translatedByLanguages'] = {};
  let indexTranslated = 0;
  let directTranslated = 0;
  for (const { a, b, label } of labelledPairs(records)) {
    const f = byLabel[label];
    const k = key(a.id, b.id);
    const rel = relations.get(k);
    const isCandidate = candidates.has(k);
    const direct = relate(comparable.get(a.id) as Comparable, comparable.get(b.id) as Comparable, synonyms);
    f.pairs++;
    if (isCandidate) f.candidates++;
    if (rel) f.found++;
    const it = rel?.type ?? 'none';
    f.indexTypes[it] = (f.indexTypes[it] ?? 0) + 1;
    f.directTypes[direct.type] = (f.directTypes[direct.type] ?? 0) + 1;
    if (it === 'translated') indexTranslated++;
    if (direct.type === 'translated') directTranslated++;
    if (label === 'translated') {
      const langs = [a.lang, b.lang].sort().join('-');
      const l = byLanguages[langs] ?? { pairs: 0, candidates: 0, indexTranslated: 0, directTranslated: 0 };
      byLanguages[langs] = l;
      l.pairs++;
      if (isCandidate) l.candidates++;
      if (it === 'translated') l.indexTranslated++;
      if (direct.type === 'translated') l.directTranslated++;
    }
  }
  const t = byLabel.translated;
  const trueIndex = t.indexTypes.translated ?? 0;
  const trueDirect = t.directTypes.translated ?? 0;
  const share = (n: number, d: number) => (d ? round(n / d) : null);
  return {
    articles: records.length,
    events: new Set(records.map((r) => r.event)).size,
    languageMismatches,
    byLabel,
    translatedByLanguages: byLanguages,
    index: {
      foundRecall: round(t.found / t.pairs),
      translatedRecall: round(trueIndex / t.pairs),
      translatedPrecision: share(trueIndex, indexTranslated),
      falseTranslated: indexTranslated - trueIndex,
    },
    direct: {
      translatedRecall: round(trueDirect / t.pairs),
      translatedPrecision: share(trueDirect, directTranslated),
      falseTranslated: directTranslated - trueDirect,
    },
    candidateRecall: round(t.candidates / t.pairs),
    seconds: round((performance.now() - started) / 1000),
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);

function types(t: Partial<Record<string, number>>): string {
  return (
    Object.entries(t)
      .filter(([, n]) => n)
      .sort((x, y) => (y[1] as number) - (x[1] as number))
      .map(([type, n]) => `${type} ${n}`)
      .join(', ') || '—'
  );
}

/** The "Translations" subsection of the reuse benchmark. */
export function translationSection(r: TranslationBenchResult): string {
  const t = r.byLabel.translated;
  const lines = [
    '### Translations (human translations, labelled set)',
    '',
    `\`bench/reuse/translation.ts\` over \`bench/translation/pairs.jsonl\`: ${r.events} invented news events written for the`,
    `benchmark (${r.articles} articles), each an English report with a faithful French and German translation (numbers,`,
    'dates and quotation marks written the local way; some place names translated), some with a second, independent',
    'English report of the same event and a few with a French report on the same people in another event. Every',
    'article is added to a `MemoryReuseIndex` (language from the record); each pair is also related directly with',
    '`relate()`, which separates candidate generation from typing.',
    '',
    `Translated pairs (en–fr, en–de, fr–de of one event): **${t.pairs}**. LSH candidates ${pct(r.candidateRecall)};`,
    `found by the index ${pct(r.index.foundRecall)}; typed \`translated\` by the index **${pct(r.index.translatedRecall)}**,`,
    `by \`relate()\` **${pct(r.direct.translatedRecall)}**. Precision of \`translated\`: index ${pct(r.index.translatedPrecision)}`,
    `(${r.index.falseTranslated} false), \`relate()\` ${pct(r.direct.translatedPrecision)} (${r.direct.falseTranslated} false).`,
    ...(r.pipeline
      ? [
          '',
          `**Through the whole pipeline** (\`pipelineRoute\`: the set as JSON Lines, ingested, cleaned, indexed and clustered`,
          'into a fresh SQLite file; every pair of a story of up to 40 articles is compared once the story forms):',
          `translated pairs stored as \`translated\` **${pct(r.pipeline.translatedRecall)}** (precision`,
          `${pct(r.pipeline.translatedPrecision)}, ${r.pipeline.falseTranslated} false); ${r.pipeline.sameStory} of ${t.pairs} translated pairs in one story;`,
          `${r.pipeline.stories} stories for ${r.events} events and their other-event reports; hard negatives put in the story of the`,
          `event they are not about: ${r.pipeline.otherEventJoined} pairs.`,
        ]
      : []),
    '',
    '| languages | pairs | LSH candidates | index: translated | relate(): translated |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const [langs, l] of Object.entries(r.translatedByLanguages).sort())
    lines.push(`| ${langs} | ${l.pairs} | ${l.candidates} | ${l.indexTranslated} | ${l.directTranslated} |`);
  lines.push(
    '',
    '| pairs | count | LSH candidates | types through the index | types by `relate()` |',
    '|---|---:|---:|---|---|',
  );
  for (const label of PAIR_LABELS) {
    const f = r.byLabel[label];
    lines.push(`| ${label} | ${f.pairs} | ${f.candidates} | ${types(f.indexTypes)} | ${types(f.directTypes)} |`);
  }
  lines.push('');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = runTranslationBench();
  r.pipeline = await pipelineRoute(loadTranslationSet());
  if (process.argv.includes('--markdown')) process.stderr.write(`${translationSection(r)}\n`);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
