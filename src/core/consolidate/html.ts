/**
 * @module The story report as one self-contained, accessible HTML page: inline CSS, no scripts, no network. Every
 * article body is on the page with an id per sentence, so facts, quotes and differences link to the passages they
 * come from. All article text is escaped.
 */
import type { Article } from '../model.js';
import { escapeHtml as e } from './escape.js';
import { articleAnchor, segment } from './segment.js';
import type { Report } from './types.js';

const CSS = `
:root{color-scheme:light;--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--panel:#f4f5f7;--line:#d0d4da;--accent:#0b57a4;
--warn:#8a4b00;--ok:#1d6b35}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,a:hover{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.5rem}h1{font-size:1.8rem;line-height:1.25;margin:.2rem 0 1rem}
h2{font-size:1.35rem;border-bottom:2px solid var(--line);padding-bottom:.25rem;margin-top:2.2rem}
h3{font-size:1.08rem;margin:1.2rem 0 .4rem}
nav ul{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:0 0 1rem}
.meta{color:var(--muted);font-size:.92rem}
.badge{display:inline-block;border:1px solid var(--line);border-radius:.8rem;padding:0 .55rem;margin:.1rem .2rem .1rem 0;
font-size:.82rem;background:var(--panel);color:var(--fg);text-decoration:none}
.badge.independent{border-color:var(--ok);color:var(--ok)}.badge.single{border-color:var(--muted)}
.conflict{color:var(--warn);font-weight:600}
ol.facts>li,ul.quotes>li,ul.plain>li{margin-bottom:.8rem}
blockquote{margin:.2rem 0;padding:.2rem .8rem;border-left:4px solid var(--line);background:var(--panel)}
table{border-collapse:collapse;width:100%;font-size:.93rem}th,td{border:1px solid var(--line);padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:var(--panel)}
details{border:1px solid var(--line);border-radius:.3rem;padding:.4rem .8rem;margin:.6rem 0}
summary{cursor:pointer;font-weight:600}
article.body p span:target{background:#fff3b0;outline:2px solid var(--warn)}
.source{border:1px solid var(--line);border-radius:.3rem;padding:.2rem 1rem 1rem;margin:1rem 0}
footer{margin:3rem auto 2rem;color:var(--muted);font-size:.85rem}
`;

function label(article: Article | undefined, id: string): string {
  if (!article) return id;
  return article.outlet ?? article.credits[0] ?? (article.title ? article.title.slice(0, 40) : id);
}

/** Short distinct labels ("Reuters", "Reuters (2)") for badges. */
function labels(articles: readonly Article[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const a of articles) {
    const base = label(a, a.id);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(a.id, n === 1 ? base : `${base} (${n})`);
  }
  return out;
}

function badge(names: Map<string, string>, article: string, anchor?: string): string {
  const text = e(names.get(article) ?? article);
  return `<a class="badge" href="#${e(anchor ?? articleAnchor(article))}">${text}</a>`;
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>\n${body}\n</section>`;
}

function summaryHtml(report: Report, names: Map<string, string>): string {
  if (report.summary.length === 0) return '<p>No claim is carried by enough sources to summarise.</p>';
  const items = report.summary.map(
    (s) => `<li>${e(s.text)} <span class="meta">— ${s.articles.map((a) => badge(names, a)).join(' ')}</span></li>`,
  );
  return `<ul class="plain">${items.join('\n')}</ul>`;
}

function timelineHtml(report: Report, names: Map<string, string>): string {
  const rows = report.timeline.map((t) => {
    const source = t.source
      ? `${e(t.source.type ?? 'reuses')} of ${badge(names, t.source.article)} <span class="meta">(${Math.round(
          t.source.confidence * 100,
        )}%)</span>`
      : 'original or own reporting';
    return `<tr><td>${t.published ? `<time datetime="${e(t.published)}">${e(t.published)}</time>` : 'undated'}</td>
<td>${badge(names, t.article)}</td><td>${e(t.title ?? '(no title)')}</td><td>${e(
      [...t.authors, ...t.credits].join(', ') || '—',
    )}</td><td>${e(t.lineage)}</td><td>${source}</td></tr>`;
  });
  const table = `<table><caption class="meta">Articles in publication order</caption>
<thead><tr><th scope="col">Published</th><th scope="col">Source</th><th scope="col">Title</th><th scope="col">Credit</th>
<th scope="col">Lineage</th><th scope="col">Relation to its source</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
  const events = report.events.map(
    (ev) =>
      `<li><time datetime="${e(ev.date)}">${e(ev.date)}</time> <span class="meta">(${e(ev.phrases.join('; '))})</span>: ${e(
        ev.text,
      )} ${ev.passages.map((p) => badge(names, p.article, p.anchor)).join(' ')}</li>`,
  );
  return `${table}\n<h3>Events the articles report</h3>\n${
    events.length > 0 ? `<ul class="plain">${events.join('\n')}</ul>` : '<p>No dated events found.</p>'
  }`;
}

function factsHtml(report: Report, names: Map<string, string>): string {
  const shared = report.facts.filter((f) => f.articles.length > 1);
  const items = shared.map((f) => {
    const conflicts = f.conflicts
      .map(
        (c) =>
          `<p class="conflict">Sources differ on a ${e(c.kind)}: ${c.values
            .map((v) => `${e(names.get(v.article) ?? v.article)}: ${e(v.value)}`)
            .join('; ')}</p>`,
      )
      .join('');
    const confirmed =
      f.confirmed === 'independent'
        ? `<span class="badge independent">independently confirmed (${f.lineages.length} lineages)</span>`
        : '<span class="badge single">one lineage only</span>';
    return `<li id="fact-${e(f.id)}"><p>${e(f.text)}</p><p>${confirmed} ${f.passages
      .map((p) => badge(names, p.article, p.anchor))
      .join(' ')}</p>${conflicts}</li>`;
  });
  const single = report.facts.length - shared.length;
  return `<p class="meta">${shared.length} claims carried by more than one source; ${single} carried by one (listed per
source below). Badges link to the passage in each article.</p>\n<ol class="facts">${items.join('\n')}</ol>`;
}

function quotesHtml(report: Report, names: Map<string, string>): string {
  if (report.quotes.length === 0) return '<p>No direct quotations found.</p>';
  const items = report.quotes.map((q) => {
    const who = q.speaker
      ? `${e(q.speaker)}${q.role ? ` <span class="meta">(${e(q.role)})</span>` : ''}`
      : 'Unattributed';
    const variants = q.wordingDiffers
      ? `<details><summary>Wording differs between sources</summary><ul class="plain">${q.variants
          .map((v) => `<li>${badge(names, v.article, v.anchor)} <q>${e(v.text)}</q></li>`)
          .join('')}</ul></details>`
      : '';
    return `<li><blockquote><p>${e(q.text)}</p></blockquote><p>— ${who}. Carried by ${q.variants
      .map((v) => badge(names, v.article, v.anchor))
      .join(' ')}</p>${variants}</li>`;
  });
  return `<ul class="quotes plain">${items.join('\n')}</ul>`;
}

function sourcesHtml(report: Report, names: Map<string, string>): string {
  return report.sources
    .map((s) => {
      const list = (items: { text: string; anchor: string }[], empty: string) =>
        items.length > 0
          ? `<ul class="plain">${items.map((i) => `<li><a href="#${e(i.anchor)}">${e(i.text)}</a></li>`).join('')}</ul>`
          : `<p class="meta">${empty}</p>`;
      const framing =
        s.framing.length > 0
          ? s.framing.map((f) => `<a class="badge" href="#${e(f.passage.anchor)}">${e(f.term)}</a>`).join(' ')
          : '<span class="meta">none that other sources do not use</span>';
      const fg = s.foreground;
      return `<div class="source" id="source-${e(articleAnchor(s.article))}"><h3>${e(names.get(s.article) ?? s.article)}</h3>
<p class="meta">Lineage: ${e(s.lineage)}${s.comparedWith ? `; compared with ${badge(names, s.comparedWith)}` : ''}</p>
<h4>Adds (${s.adds.length})</h4>${list(s.adds, 'Nothing that no other source carries.')}
<h4>Leaves out of its source (${s.omits.length})</h4>${list(
        s.omits,
        s.comparedWith ? 'Nothing.' : 'No source text to compare with (original or own reporting).',
      )}
<h4>Framing</h4><p>Evaluative words only this source uses: ${framing}</p>
<p>Title and lead put first: ${
        fg.emphasis.length > 0
          ? fg.emphasis.map((w) => `<span class="badge">${e(w)}</span>`).join(' ')
          : '<span class="meta">only the common core</span>'
      }${fg.leadIsCore ? ' <span class="meta">(the lead states the story’s most carried claim)</span>' : ''}</p></div>`;
    })
    .join('\n');
}

function bodiesHtml(articles: readonly Article[], names: Map<string, string>): string {
  return articles
    .map((a) => {
      const sentences = segment(a);
      const paragraphs = a.body.map((_, p) => {
        const spans = sentences
          .filter((s) => s.paragraph === p)
          .map((s) => `<span id="${e(s.anchor)}">${e(s.text)}</span>`);
        return `<p>${spans.join(' ')}</p>`;
      });
      const lang = a.language ? ` lang="${e(a.language)}"` : '';
      return `<details id="${e(articleAnchor(a.id))}"><summary>${e(names.get(a.id) ?? a.id)}: ${e(
        a.title ?? '(no title)',
      )}</summary><article class="body"${lang}>${
        a.title ? `<h3 id="${e(articleAnchor(a.id))}-title">${e(a.title)}</h3>` : ''
      }<p class="meta">${e([a.published ?? 'undated', a.url ?? ''].filter(Boolean).join(' · '))}</p>${paragraphs.join(
        '\n',
      )}</article></details>`;
    })
    .join('\n');
}

function page(title: string, lang: string, nav: string, body: string): string {
  return `<!doctype html>
<html lang="${e(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><p class="meta">storytrace report</p><h1>${e(title)}</h1>${nav}</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>Generated by storytrace. Article text is quoted from the sources; every claim links to the passage it comes from.</footer>
</body>
</html>
`;
}

/** One story as a page. `articles` are the story's articles (their bodies are shown with sentence anchors). */
export function renderStoryHtml(report: Report, articles: readonly Article[]): string {
  const order = report.timeline.map((t) => t.article);
  const sorted = [...articles].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const names = labels(sorted);
  const languages = new Set(sorted.map((a) => a.language ?? 'en'));
  const lang = languages.size === 1 ? ([...languages][0] ?? 'en') : 'en';
  const sections: [string, string, string][] = [
    ['summary', 'Summary', summaryHtml(report, names)],
    ['timeline', 'Timeline', timelineHtml(report, names)],
    ['facts', 'Facts', factsHtml(report, names)],
    ['quotes', 'Quotes', quotesHtml(report, names)],
    ['sources', 'Differences between sources', sourcesHtml(report, names)],
    ['articles', 'The articles', bodiesHtml(sorted, names)],
  ];
  const nav = `<nav aria-label="Sections"><ul>${sections
    .map(([id, title]) => `<li><a href="#${id}">${e(title)}</a></li>`)
    .join('')}</ul></nav>`;
  return page(report.title, lang, nav, sections.map(([id, title, body]) => section(id, title, body)).join('\n'));
}

export interface StoryIndexEntry {
  id: string;
  title: string;
  articles: number;
  outlets: string[];
  first: string | null;
  last: string | null;
  /** The story page, relative to the index. */
  file: string;
}

/** The index of stories, one row each, linking to the story pages. */
export function renderIndexHtml(stories: readonly StoryIndexEntry[]): string {
  const rows = stories.map(
    (s) =>
      `<tr><td><a href="${e(encodeURI(s.file))}">${e(s.title)}</a></td><td>${s.articles}</td><td>${e(
        s.outlets.join(', '),
      )}</td><td>${s.first ? `<time datetime="${e(s.first)}">${e(s.first)}</time>` : '—'}</td><td>${
        s.last ? `<time datetime="${e(s.last)}">${e(s.last)}</time>` : '—'
      }</td></tr>`,
  );
  const body = section(
    'stories',
    `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`,
    `<table><thead><tr><th scope="col">Story</th><th scope="col">Articles</th><th scope="col">Outlets</th>
<th scope="col">First</th><th scope="col">Last</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  );
  return page('Stories', 'en', '', body);
}
