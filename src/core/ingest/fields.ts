/**
 * @module Total field parsers (after feedsmith): each takes whatever a record holds and returns a clean value or
 * null, never throws. Real-world records miss and mistype any field.
 */

export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = value.trim();
    return s.length ? s : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** First non-empty string among the named fields. */
export function pick(record: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const v = str(record[name]);
    if (v) return v;
  }
  return null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * ISO 8601 for any date a feed, a header or a record may carry (RFC 822, ISO, epoch seconds or milliseconds).
 * A bare `YYYY-MM-DD` stays as it is: its precision is the day, and turning it into midnight UTC would invent one.
 */
export function isoDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const s = str(value);
  if (!s) return null;
  if (DATE_ONLY.test(s)) return s;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year < 1900 || year > 2200 ? null : new Date(t).toISOString();
}

/** An absolute http(s) URL, or null. */
export function httpUrl(value: unknown): string | null {
  const s = str(value);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `https://www.example.com/a` → `example.com`: the outlet when nothing better names it. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The text of a page's `<title>`, found cheaply in the head without building a DOM. */
export function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([^<]{1,500})<\/title>/i.exec(html.slice(0, 65536));
  return m?.[1] ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() || null : null;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The few entities a title or feed field carries; the clean stage uses a real HTML parser for bodies. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}
