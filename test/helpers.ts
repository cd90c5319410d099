import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withId } from '../src/core/ingest/identity.js';
import type { Document, DocumentDraft } from '../src/core/model.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SEEDS = join(ROOT, '..', 'shared', 'corpus', 'seeds');
export const EXAMPLES = join(ROOT, 'examples');
const BIN = join(ROOT, 'src', 'cli', 'bin.ts');

/** A fresh temporary folder, removed when the test ends. */
export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (from source, through tsx) as a child process, with stdin and stdout as pipes. */
export function cli(
  args: string[],
  options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronous, for tests that serve HTTP from this process while the CLI runs. */
export function cliAsync(args: string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: options.cwd ?? ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function cliSpawn(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A small valid document for store tests. */
export function doc(n: number, over: Partial<DocumentDraft> = {}): Document {
  return withId({
    source: `fixture.jsonl#L${n}`,
    externalId: `ext-${n}`,
    url: `https://outlet${n % 3}.example/story/${n}`,
    outlet: `Outlet ${n % 3}`,
    title: `Story number ${n}`,
    author: null,
    language: 'en',
    contentType: 'text/plain',
    format: 'jsonl',
    fetchedAt: null,
    publishedAt: `2031-03-0${1 + (n % 9)}`,
    content: `Body of story ${n}. It has a few words and a quote: "yes", said someone ${n}.`,
    bytes: 80,
    ...over,
  });
}
