/**
 * @module The story report for a terminal: the same sections as the HTML page, as plain text, with ANSI colour
 * when asked. Article text is stripped of control characters so a capture cannot drive the terminal.
 */
import type { Report } from './types.js';

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  cyan: '\x1b[36m',
  yellow: '\x1b[33m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
};

/** Untrusted text without control characters (escape sequences included). */
function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

export function renderStoryText(report: Report, options: { color: boolean }): string {
  const paint = (code: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const name = new Map(report.timeline.map((t, i) => [t.article, t.outlet ?? t.credits[0] ?? `#${i + 1}`]));
  const who = (ids: readonly string[]) => paint('dim', `[${ids.map((a) => clean(name.get(a) ?? a)).join(', ')}]`);
  const out: string[] = [];
  const heading = (s: string) => out.push('', paint('bold', paint('cyan', s)));

  out.push(paint('bold', clean(report.title)), paint('dim', `story ${report.id} · ${report.timeline.length} articles`));
  heading('Summary');
  for (const s of report.summary) out.push(`• ${clean(s.text)} ${who(s.articles)}`);

  heading('Timeline');
  for (const t of report.timeline) {
    const source = t.source
      ? ` ← ${t.source.type ?? 'reuses'} of ${clean(name.get(t.source.article) ?? t.source.article)}`
      : '';
    out.push(
      `${(t.published ?? 'undated').padEnd(20)} ${clean(name.get(t.article) ?? t.article)}: ${clean(t.title ?? '(no title)')} ${paint(
        'dim',
        `(${clean(t.lineage)}${source})`,
      )}`,
    );
  }
  if (report.events.length > 0) out.push('', paint('bold', 'Events'));
  for (const ev of report.events) out.push(`${ev.date.padEnd(10)} ${clean(ev.text)} ${who(ev.articles)}`);

  heading('Facts');
  for (const f of report.facts.filter((x) => x.articles.length > 1)) {
    const mark = f.confirmed === 'independent' ? paint('green', '✓ independent') : paint('dim', 'one lineage');
    out.push(`${f.id}. ${clean(f.text)} ${who(f.articles)} ${mark}`);
    for (const c of f.conflicts) {
      const values = c.values.map((v) => `${clean(name.get(v.article) ?? v.article)}: ${clean(v.value)}`).join('; ');
      out.push(`    ${paint('yellow', `differs (${c.kind}):`)} ${values}`);
    }
  }

  heading('Quotes');
  for (const q of report.quotes) {
    const diff = q.wordingDiffers ? paint('yellow', ' (wording differs)') : '';
    out.push(`“${clean(q.text)}” — ${clean(q.speaker ?? 'unattributed')} ${who(q.articles)}${diff}`);
  }

  heading('Per source');
  for (const s of report.sources) {
    out.push(paint('bold', clean(name.get(s.article) ?? s.article)) + paint('dim', ` (${clean(s.lineage)})`));
    for (const a of s.adds) out.push(`  + ${clean(a.text)}`);
    for (const o of s.omits) out.push(`  − ${clean(o.text)}`);
    if (s.framing.length > 0) out.push(`  framing: ${s.framing.map((f) => clean(f.term)).join(', ')}`);
    if (s.foreground.emphasis.length > 0) out.push(`  puts first: ${s.foreground.emphasis.map(clean).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
