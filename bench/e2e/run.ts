/**
 * @module End-to-end benchmark (issue 8): the real `storytrace run` command on N generated articles (the reuse
 * corpus of bench/reuse/generate.ts as JSON Lines: originals, copies, edits, rewrites, spun copies, partial reuses
 * and unrelated articles), into a new database, in a child process: articles per second of wall time, the child's
 * peak RSS (`/usr/bin/time -v`), and the share of time per stage from the stage `seconds` of `run --json`.
 *
 * `node --import tsx bench/e2e/run.ts [--n 10000] [--tsx|--dist]` prints one JSON line; `e2eSection()` renders it.
 * The CLI runs from dist/ when dist is newer than every source file (a stale build would measure old code), else
 * from the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from '../machine.js';
import { DATA_DIR, ReuseCorpus, writeJsonl } from '../reuse/generate.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const STAGES = ['ingest', 'clean', 'index', 'stories', 'reports'] as const;
type Stage = (typeof STAGES)[number];

export interface E2eResult {
  date: string;
  machine: string;
  articles: number;
  documents: number;
  inputMB: number;
  /** How the CLI was started: "dist" (built) or "tsx" (sources). */
  cli: 'dist' | 'tsx';
  wallSeconds: number;
  articlesPerSecond: number;
  peakRssMB: number | null;
  /** User + system CPU seconds of the child (from /usr/bin/time): steadier than wall time on a shared machine. */
  cpuSeconds: number | null;
  stages: Record<Stage | 'other', { seconds: number; share: number }>;
  relations: number;
  stories: number;
  storyRelations: number;
  reportFiles: number;
  exitCode: number | null;
  /**
   * A second `run` on the same store and report folder with 1% new articles (another seed of the generator): what a
   * stream's next batch costs, the report pages of unchanged stories kept.
   */
  update?: { articles: number; wallSeconds: number; written: number; unchanged: number; deleted: number };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** dist/ when it is at least as new as every file of src/, else the sources through tsx. */
function cliCommand(prefer: 'dist' | 'tsx' | undefined): { cli: 'dist' | 'tsx'; args: string[] } {
  const built = join(ROOT, 'dist', 'cli', 'bin.js');
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSource(join(ROOT, 'src'));
  if (prefer === 'dist' || (prefer === undefined && fresh)) return { cli: 'dist', args: [built] };
  return { cli: 'tsx', args: ['--import', 'tsx', join(ROOT, 'src', 'cli', 'bin.ts')] };
}

export async function corpusFile(n: number, seed = 1): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `e2e-${n}-${seed}.jsonl`);
  if (!existsSync(path)) {
    process.stderr.write(`bench: writing ${path}\n`);
    // Written aside and renamed once complete: an interrupted run must not leave a half file to be reused.
    const tmp = `${path}.${process.pid}.tmp`;
    await writeJsonl(tmp, new ReuseCorpus({ n, seed }).docs());
    renameSync(tmp, path);
  }
  return path;
}

interface RunJson {
  summary: { seconds: number; ingested: number };
  clean: { seconds: number; articles: number };
  index: { seconds: number; relations: Record<string, number> };
  stories: { seconds: number; stories: number; storyRelations: number };
  reports: {
    seconds: number;
    stories: number;
    files: string[];
    written?: number;
    unchanged?: number;
    deleted?: number;
  };
  documents: unknown[];
  articles: unknown[];
}

export async function runE2e(options: { n?: number; cli?: 'dist' | 'tsx' } = {}): Promise<E2eResult> {
  const n = options.n ?? 10_000;
  const input = await corpusFile(n);
  const work = mkdtempSync(join(tmpdir(), 'storytrace-e2e-'));
  const { cli, args } = cliCommand(options.cli);
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const runArgs = [...args, 'run', input, '--out', join(work, 'out'), '-q', '--db', join(work, 'e2e.db'), '--json'];
  // `run --json` lists every document and article: tens of MB, to a file rather than through a pipe buffer.
  const outPath = join(work, 'run.json');
  const out = openSync(outPath, 'w');
  const t0 = performance.now();
  const child = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, ...runArgs], {
        cwd: ROOT,
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      })
    : spawnSync(process.execPath, runArgs, { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
  const wallSeconds = (performance.now() - t0) / 1000;
  closeSync(out);
  const stderr = child.stderr ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  let json: RunJson;
  try {
    json = JSON.parse(readFileSync(outPath, 'utf8')) as RunJson;
  } catch {
    throw new Error(`storytrace run failed (exit ${child.status}):\n${stderr.slice(-4000)}`);
  }
  const update = await secondRun(args, work, Math.max(10, Math.round(n / 100)));
  rmSync(work, { recursive: true, force: true });
  const seconds: Record<Stage, number> = {
    ingest: json.summary.seconds,
    clean: json.clean.seconds,
    index: json.index.seconds,
    stories: json.stories.seconds,
    reports: json.reports.seconds,
  };
  // Start-up (module loading, opening the store) and the `--json` listing are what the stages do not count.
  const other = Math.max(0, wallSeconds - STAGES.reduce((s, k) => s + seconds[k], 0));
  const stages = Object.fromEntries(
    [...STAGES.map((k) => [k, seconds[k]] as const), ['other', other] as const].map(([k, s]) => [
      k,
      { seconds: s, share: s / wallSeconds },
    ]),
  ) as E2eResult['stages'];
  const articles = json.articles.length;
  return {
    date: new Date().toISOString(),
    machine: machine(),
    articles,
    documents: json.documents.length,
    inputMB: statSync(input).size / 2 ** 20,
    cli,
    wallSeconds,
    articlesPerSecond: articles / wallSeconds,
    peakRssMB: rss ? Number(rss[1]) / 1024 : null,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
    stages,
    relations: Object.entries(json.index.relations)
      .filter(([type]) => type !== 'independent')
      .reduce((s, [, c]) => s + c, 0),
    stories: json.stories.stories,
    storyRelations: json.stories.storyRelations,
    reportFiles: json.reports.files.length,
    exitCode: child.status,
    ...(update ? { update } : {}),
  };
}

/** `run` again on the first run's store and folder with `extra` new articles; null when it fails. */
async function secondRun(args: string[], work: string, extra: number): Promise<E2eResult['update'] | null> {
  const input = await corpusFile(extra, 2);
  const outPath = join(work, 'run2.json');
  const out = openSync(outPath, 'w');
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    [...args, 'run', input, '--out', join(work, 'out'), '-q', '--db', join(work, 'e2e.db'), '--json'],
    { cwd: ROOT, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const wallSeconds = (performance.now() - t0) / 1000;
  closeSync(out);
  try {
    const json = JSON.parse(readFileSync(outPath, 'utf8')) as RunJson;
    return {
      articles: json.clean.articles,
      wallSeconds,
      written: json.reports.written ?? json.reports.stories,
      unchanged: json.reports.unchanged ?? 0,
      deleted: json.reports.deleted ?? 0,
    };
  } catch {
    process.stderr.write(`bench: the second run failed (exit ${child.status}): ${(child.stderr ?? '').slice(-500)}\n`);
    return null;
  }
}

const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function e2eSection(r: E2eResult): string {
  const rows = ([...STAGES, 'other'] as const).map(
    (k) =>
      `| ${k === 'other' ? 'other (start-up, `--json` listing)' : k} | ${fmt(r.stages[k].seconds, 1)} | ${fmt(100 * r.stages[k].share, 1)}% |`,
  );
  return [
    '## End to end: `storytrace run`',
    '',
    `Measured ${r.date.slice(0, 10)} on ${r.machine}. \`bench/e2e/run.ts\`: the real command,`,
    `\`storytrace run <file> --out <dir> -q --db <new file> --json\` (from ${r.cli === 'dist' ? 'the build in `dist/`' : 'the sources through tsx'}),`,
    `on ${fmt(r.documents)} generated articles (${fmt(r.inputMB, 1)} MB of JSON Lines from \`bench/reuse/generate.ts\`: 40% unrelated,`,
    '20% originals, the rest copies, light edits, rewrites, partial reuses and spun copies of them), in a child process.',
    '',
    `**${fmt(r.articlesPerSecond, 1)} articles/s** (${fmt(r.articles)} articles in ${fmt(r.wallSeconds, 1)} s wall;`,
    `${r.cpuSeconds == null ? '–' : `${fmt(r.cpuSeconds, 1)} s CPU, ${fmt(r.articles / r.cpuSeconds, 1)} articles per CPU second`}), peak RSS`,
    `**${r.peakRssMB === null ? '–' : fmt(r.peakRssMB)} MB**; ${fmt(r.relations)} reuse relations indexed, ${fmt(r.stories)} stories`,
    `(${fmt(r.storyRelations)} relations added by comparing every pair of small stories), ${fmt(r.reportFiles)} report files.`,
    '',
    '| stage | seconds | share of wall time |',
    '|---|---:|---:|',
    ...rows,
    '',
    ...(r.update
      ? [
          `**Next batch**: \`run\` again on the same store and folder with ${fmt(r.update.articles)} new articles (1%, another seed):`,
          `${fmt(r.update.wallSeconds, 1)} s wall; ${fmt(r.update.written)} story pages written, ${fmt(r.update.unchanged)} kept unchanged,`,
          `${fmt(r.update.deleted)} deleted (stories merged away).`,
          '',
        ]
      : []),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--n');
  const opts: { n?: number; cli?: 'dist' | 'tsx' } = {};
  if (i >= 0) opts.n = Number(args[i + 1]);
  if (args.includes('--tsx')) opts.cli = 'tsx';
  if (args.includes('--dist')) opts.cli = 'dist';
  process.stdout.write(`${JSON.stringify(await runE2e(opts))}\n`);
}
