/**
 * @module The extraction pages as a text-mode browser prints them (`w3m -dump`: menus, link lists and footers
 * included), so that the plain-text cleaner can be scored on the same human-marked bodies as the HTML one. Dumps are
 * cached beside the other benchmark data: w3m's output for one input never changes, and w3m may be missing later.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The w3m command line; its version is recorded with the results since a different w3m lays text out differently. */
export const W3M_ARGS = ['-dump', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', '-cols', '80'];

/** `w3m/<version>` as `w3m -version` states it, or null when w3m cannot be run. */
export function w3mVersion(): string | null {
  const r = spawnSync('w3m', ['-version'], { encoding: 'utf8' });
  return r.status === 0 ? (/w3m\/[^\s,]+/.exec(r.stdout)?.[0] ?? 'w3m') : null;
}

/**
 * Each page's dump, from the cache in `cacheDir` or made by w3m (and cached). Null when a dump is missing and w3m
 * cannot make it, so that the caller skips the case instead of scoring empty text.
 */
export function w3mDumps(pages: { id: string; html: string }[], cacheDir: string): Map<string, string> | null {
  mkdirSync(cacheDir, { recursive: true });
  const out = new Map<string, string>();
  let available: boolean | null = null;
  for (const p of pages) {
    const path = join(cacheDir, `${p.id}.txt`);
    if (existsSync(path)) {
      out.set(p.id, readFileSync(path, 'utf8'));
      continue;
    }
    available ??= w3mVersion() !== null;
    if (!available) return null;
    const r = spawnSync('w3m', W3M_ARGS, { input: p.html, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
    if (r.status !== 0) return null;
    writeFileSync(path, r.stdout);
    out.set(p.id, r.stdout);
  }
  return out;
}
