/**
 * @module From extracted article HTML to what an Article holds: paragraphs, section headings and captions, read in
 * document order. Inline markup is flattened; block elements end a paragraph.
 */
import type { DomElement } from './dom.js';

export interface Blocks {
  paragraphs: string[];
  headings: { before: number; text: string }[];
  captions: string[];
}

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'LI',
  'UL',
  'OL',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'DL',
  'DD',
  'DT',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'CENTER',
]);
const HEADING = /^H[1-6]$/;
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'NAV',
]);
const ELEMENT = 1;
const TEXT = 3;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export function blocksOf(root: DomElement): Blocks {
  const out: Blocks = { paragraphs: [], headings: [], captions: [] };
  let buffer = '';
  const flush = () => {
    const p = clean(buffer);
    buffer = '';
    if (p) out.paragraphs.push(p);
  };
  const walk = (el: DomElement) => {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === TEXT) {
        buffer += node.textContent ?? '';
        continue;
      }
      if (node.nodeType !== ELEMENT) continue;
      const child = node as unknown as DomElement;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'TD' || tag === 'TH') {
        // A table row reads as one line of cells.
        buffer += ' ';
        walk(child);
        buffer += ' ';
        continue;
      }
      if (tag === 'BR') {
        buffer += ' ';
        continue;
      }
      if (tag === 'FIGCAPTION' || tag === 'CAPTION') {
        const c = clean(child.textContent ?? '');
        if (c && !out.captions.includes(c)) out.captions.push(c);
        continue;
      }
      if (HEADING.test(tag)) {
        flush();
        const h = clean(child.textContent ?? '');
        if (h) out.headings.push({ before: out.paragraphs.length, text: h });
        continue;
      }
      if (BLOCK.has(tag) || tag === 'FIGURE') {
        flush();
        walk(child);
        flush();
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out;
}
