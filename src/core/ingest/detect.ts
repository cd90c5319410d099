/**
 * @module Format sniffing: decide what an input is from its name, its declared content type and its first bytes,
 * before any parser runs (detect before parse).
 */

export type DetectedFormat = 'gzip' | 'text' | 'html' | 'jsonl' | 'feed' | 'warc';

const BY_EXTENSION: Record<string, DetectedFormat> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  rss: 'feed',
  atom: 'feed',
  rdf: 'feed',
  xml: 'feed',
  warc: 'warc',
  gz: 'gzip',
  gzip: 'gzip',
};

const BY_MEDIA_TYPE: Record<string, DetectedFormat> = {
  'text/plain': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': 'feed',
  'text/xml': 'feed',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/warc': 'warc',
  'application/gzip': 'gzip',
  'application/x-gzip': 'gzip',
};

/** The extension that decides the format, ignoring query strings and fragments of URLs. */
export function extensionOf(name: string): string {
  const path = name.replace(/[?#].*$/, '');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The name without its last extension: `a.warc.gz` → `a.warc`, so a gzip's inner format can be found. */
export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') ? name.slice(0, dot) : name;
}

function sniff(head: string): DetectedFormat {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('WARC/')) return 'warc';
  if (s.startsWith('{')) return 'jsonl';
  const lower = s.slice(0, 2048).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'html';
  if (lower.startsWith('<?xml') || lower.startsWith('<rss') || lower.startsWith('<feed') || lower.startsWith('<rdf')) {
    return /<(rss|feed|rdf:rdf)[\s>]/.test(lower) ? 'feed' : /<html[\s>]/.test(lower) ? 'html' : 'feed';
  }
  if (lower.startsWith('<') && /<(head|body|div|p|article|meta|title)[\s>]/.test(lower)) return 'html';
  return 'text';
}

/**
 * Gzip magic wins over everything; then a known extension; then the declared media type; then the content.
 * A `.json` file is JSON Lines when it sniffs as one object per line.
 */
export function detectFormat(name: string, head: Uint8Array, mediaType?: string | null): DetectedFormat {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  const byExt = BY_EXTENSION[extensionOf(name)];
  if (byExt && byExt !== 'gzip') return byExt;
  const media = mediaType?.split(';')[0]?.trim().toLowerCase();
  const headText = new TextDecoder('utf-8').decode(head.subarray(0, 4096));
  const byMedia = media ? BY_MEDIA_TYPE[media] : undefined;
  // Servers label many things text/plain or application/octet-stream; trust the bytes for those.
  if (byMedia && byMedia !== 'text') return byMedia;
  return sniff(headText);
}
