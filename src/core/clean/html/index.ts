/**
 * @module HTML pages and fragments to articles. Pages go through Mozilla Readability over a linkedom DOM (main
 * content), then our own block reading and cleanup; metadata comes from structured data before Readability mutates
 * the DOM. Feed items and JSONL `html` fields are already article bodies: read directly, no extraction.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleDraft, RemovalReason, RemovedBlock } from '../../model.js';
import { classifyLine, type Kind } from '../text/classify.js';
import { authorsOf } from '../text/index.js';
import { type Blocks, blocksOf } from './blocks.js';
import type { DomDocument, DomElement } from './dom.js';
import { type PageMetadata, pageMetadata } from './metadata.js';
import { stripInert } from './strip.js';

/** Markup still beyond twice this once scripts and styles are cut is refused. */
const LARGE_MARKUP = 4 * 1024 * 1024;
const MIN_ARTICLE_CHARS = 200;
/** Readability's tree walks grow quadratic with depth; real pages stay far below this. */
const MAX_DEPTH = 400;

/** Depth of the element tree, walked without recursion so that hostile nesting cannot overflow the stack. */
function treeDepth(root: DomElement): number {
  let max = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if (max > MAX_DEPTH) return max;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return max;
}

/** Embedded posts (a tweet, an Instagram or TikTok post) are quotations in the article, in every site's markup. */
const EMBEDDED_POST = /\b(?:twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed)\b/;
/** Class and id words that make Readability drop an element as page chrome before scoring it. */
const CHROME_WORDS = /social|share|embed|extra|related|sidebar|sponsor|comment/i;

/**
 * Keeps embedded posts inside the text through Readability: their links become plain text (a post is mostly links
 * — its date, its pictures — and link-dense blocks are dropped as menus), and chrome-sounding names come off their
 * wrappers (the unlikely-candidate pass drops any "social-media-embed" block).
 */
function keepEmbeddedPosts(document: DomDocument): void {
  for (const quote of Array.from(document.getElementsByTagName('blockquote'))) {
    if (!EMBEDDED_POST.test(quote.getAttribute('class') ?? '')) continue;
    for (const link of Array.from(quote.getElementsByTagName('a'))) link.replaceWith(...Array.from(link.childNodes));
    for (let el = quote.parentElement, up = 0; el && up < 3; el = el.parentElement, up++) {
      if (el.getElementsByTagName('p').length > quote.getElementsByTagName('p').length + 1) break;
      for (const name of ['class', 'id']) if (CHROME_WORDS.test(el.getAttribute(name) ?? '')) el.removeAttribute(name);
    }
  }
}

export type HtmlOutcome = { ok: true; article: ArticleDraft; metadata: PageMetadata } | { ok: false; reason: string };

const BOILERPLATE =
  /^(read (more|also|next)|see also|related( (articles|stories|posts))?|advertisement|sponsored|share (this|on)|follow us|sign up|subscribe|click here|watch:|listen:|photo:|image:|video:)\b/i;

function linkDensity(root: DomElement): number {
  const total = (root.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 1;
  let linked = 0;
  for (const a of Array.from(root.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

/**
 * Page furniture that Readability leaves inside the main content, told by the same line reader as plain-text
 * captures: a byline or date line ("Updated at 1:23 p.m."), a copyright footer, a "See more:" or "You may also like"
 * line, a row of short links. Captions and appeals are not judged here: inside the main content of a page they are
 * as often the article's own.
 */
const FURNITURE: Partial<Record<Kind, RemovalReason>> = {
  byline: 'byline',
  date: 'metadata',
  advertisement: 'advertisement',
  footer: 'footer',
  related: 'related',
  navigation: 'navigation',
};

function furnitureOf(paragraph: string): RemovalReason | null {
  // What a text-mode browser prints for an image or a form field ("[alt]") is real text in HTML.
  if (paragraph.startsWith('[') || !/\p{L}/u.test(paragraph)) return null;
  return FURNITURE[classifyLine({ text: paragraph, gap: 0 }, 0).kind] ?? null;
}

/** A line that reads as a headline in a list: a few words, no sentence end. */
function isHeadline(p: string): boolean {
  const words = p.split(/\s+/).length;
  return words <= 16 && !/[.!:;,]["'\u201D\u2019)]*$/.test(p);
}

/**
 * Drops what no article body holds: UI lines, and a paragraph printed twice in a row (a lazy-loaded block rendered
 * again). A repeat further away stays: inside the main content it is the page's own (a question asked in each of
 * several interviews, a recipe line in each day's plan), and the extraction benchmark's human readers keep it too.
 */
function tidy(blocks: Blocks, title: string | null): { blocks: Blocks; removed: RemovedBlock[] } {
  const removed: RemovedBlock[] = [];
  const kept: string[] = [];
  const indexMap: number[] = [];
  // After a "You may also like" line, the headlines that follow are its list, up to the next sentence.
  let inList = false;
  blocks.paragraphs.forEach((p, i) => {
    indexMap[i] = kept.length;
    const before = removed.length;
    if (inList && isHeadline(p)) removed.push({ text: p, reason: 'related' });
    else if (BOILERPLATE.test(p) && p.length < 200) removed.push({ text: p, reason: 'related' });
    // Short repeats are table cells and list items, not a page printing a block twice.
    else if (p.length >= 40 && kept.at(-1) === p) removed.push({ text: p, reason: 'duplicate' });
    else if (blocks.captions.includes(p)) removed.push({ text: p, reason: 'caption' });
    else {
      const furniture = furnitureOf(p);
      if (furniture) removed.push({ text: p, reason: furniture });
      else kept.push(p);
    }
    inList = removed.length > before && removed.at(-1)?.reason === 'related';
  });
  indexMap[blocks.paragraphs.length] = kept.length;
  const headings = blocks.headings
    .map((h) => ({ before: indexMap[h.before] ?? kept.length, text: h.text }))
    .filter((h, i) => !(i === 0 && h.before === 0 && title && h.text === title) && h.before < kept.length);
  return { blocks: { paragraphs: kept, headings, captions: blocks.captions }, removed };
}

function draft(meta: PageMetadata, blocks: Blocks, removed: RemovedBlock[], byline: string | null): ArticleDraft {
  const bylineInText = removed.find((r) => r.reason === 'byline')?.text;
  const authors = meta.authors.length
    ? meta.authors
    : byline
      ? [byline.replace(/^by\s+/i, '').trim()]
      : bylineInText
        ? authorsOf(bylineInText)
        : [];
  return {
    title: meta.title,
    authors,
    dateline: null,
    published: meta.published,
    publishedPrecision: null,
    credits: [],
    photoCredits: [],
    language: meta.language,
    url: meta.url,
    outlet: meta.siteName,
    body: blocks.paragraphs,
    headings: blocks.headings,
    captions: blocks.captions,
    removed,
  };
}

/** A whole page: find its main content, or say why there is none (a home page, an error page, a wall). */
export function cleanHtmlPage(html: string): HtmlOutcome {
  const markup = stripInert(html);
  if (markup.length > 2 * LARGE_MARKUP) {
    return { ok: false, reason: `page too large to extract (${(markup.length / 1048576).toFixed(1)} MB of markup)` };
  }
  try {
    const { document } = parseHTML(markup) as unknown as { document: DomDocument };
    const depth = treeDepth(document.documentElement);
    if (depth > MAX_DEPTH)
      return { ok: false, reason: `could not extract: markup nested too deeply (over ${MAX_DEPTH} levels)` };
    const meta = pageMetadata(document);
    keepEmbeddedPosts(document);
    // The serializer hands back Readability's own element: no serialising to HTML and parsing it again.
    const result = new Readability<DomElement>(document as never, {
      charThreshold: 250,
      keepClasses: false,
      serializer: (node) => node as unknown as DomElement,
    }).parse();
    const body = result?.content;
    if (!result || !body) return { ok: false, reason: 'no article found: no main content' };
    const density = linkDensity(body);
    if (density > 0.5)
      return {
        ok: false,
        reason: `no article found: mostly links (${Math.round(density * 100)}% of the text), a listing or home page`,
      };
    const title = meta.title ?? result.title ?? null;
    const { blocks, removed } = tidy(blocksOf(body), title);
    const chars = blocks.paragraphs.reduce((n, p) => n + p.length, 0);
    if (chars < MIN_ARTICLE_CHARS)
      return { ok: false, reason: `no article found: too little text (${chars} characters)` };
    return {
      ok: true,
      article: draft(
        {
          ...meta,
          title,
          siteName: meta.siteName ?? result.siteName ?? null,
          language: meta.language ?? result.lang?.slice(0, 2) ?? null,
          published: meta.published ?? result.publishedTime ?? null,
        },
        blocks,
        removed,
        result.byline ?? null,
      ),
      metadata: meta,
    };
  } catch (e) {
    const err = e as Error;
    const why = err instanceof RangeError ? 'markup nested too deeply' : err.message;
    return { ok: false, reason: `could not extract: ${why}` };
  }
}

/** An HTML fragment that is already an article body (a feed item's content, a JSONL `html` field). */
export function cleanHtmlFragment(html: string): HtmlOutcome {
  try {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
      document: DomDocument;
    };
    const meta = pageMetadata(document);
    const { blocks, removed } = tidy(blocksOf(document.body ?? document.documentElement), null);
    if (blocks.paragraphs.length === 0) return { ok: false, reason: 'no article found: the item has no text' };
    return { ok: true, article: draft({ ...meta, title: null }, blocks, removed, null), metadata: meta };
  } catch (e) {
    return { ok: false, reason: `could not read the fragment: ${(e as Error).message}` };
  }
}
