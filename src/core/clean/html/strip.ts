/**
 * @module Markup that can never be article text, cut from the page before it is parsed: scripts (all but JSON-LD,
 * which holds the metadata), styles, inline SVG icons, templates, comments, and what Readability and our block
 * reader drop in any case (`<noscript>`, form controls, frames, objects, `<nav>`, `<aside>`). They are often most of a page's bytes and nodes, and every node costs time in the DOM and in
 * Readability. One forward scan: each cut searches only forward for its end, so the work stays linear in the page.
 */

const OPEN = /<(script|style|noscript|svg|template|select|textarea|iframe|object|nav|aside)(?=[\s/>])([^>]*)>|<!--/gi;
const CLOSE = new Map<string, RegExp>();
const JSON_LD = /\btype\s*=\s*["']?application\/ld\+json/i;

/** The page without its inert markup; what is left parses to the same text. */
export function stripInert(html: string): string {
  const parts: string[] = [];
  let kept = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(html); m; m = OPEN.exec(html)) {
    const tag = m[1]?.toLowerCase();
    if (tag === 'script' && JSON_LD.test(m[2] ?? '')) continue;
    let end: number;
    if (tag === 'svg' && m[2]?.endsWith('/')) {
      // SVG is foreign content, where `<svg/>` closes itself.
      end = OPEN.lastIndex;
    } else if (tag === undefined) {
      const close = html.indexOf('-->', m.index + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
      const close = CLOSE.get(tag) ?? new RegExp(`</${tag}\\s*>`, 'gi');
      CLOSE.set(tag, close);
      close.lastIndex = OPEN.lastIndex;
      const c = close.exec(html);
      // An element left open runs to the end of the page, as a browser reads it.
      end = c ? c.index + c[0].length : html.length;
    }
    parts.push(html.slice(kept, m.index));
    kept = end;
    OPEN.lastIndex = end;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}
