/** @module The extraction benchmark's pages and their human-marked bodies, decoded as ingest decodes them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../src/core/ingest/decode.js';

export interface BenchPage {
  id: string;
  html: string;
  /** The human-marked article body. */
  truth: string;
}

/** Pages in id order, only those the ground truth marks. */
export function loadPages(dir: string): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const out: BenchPage[] = [];
  for (const f of readdirSync(join(dir, 'html'))
    .filter((name) => name.endsWith('.html.gz'))
    .sort()) {
    const id = f.replace('.html.gz', '');
    const body = truth[id]?.articleBody;
    if (body === undefined) continue;
    const decoded = decodeHtml(gunzipSync(readFileSync(join(dir, 'html', f))));
    out.push({ id, html: decoded.ok ? decoded.text : '', truth: body });
  }
  return out;
}
