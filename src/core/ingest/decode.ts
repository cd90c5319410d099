import chardet from 'chardet';
import { getEncoding } from 'encoding-sniffer';
import iconv from 'iconv-lite';

/** Bytes decoded to text, or the reason they could not be. */
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True for bytes no text file holds: NUL bytes or a high share of control characters near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes)?.startsWith('utf-16')) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

function decodeWith(bytes: Uint8Array, encoding: string): Decoded {
  const label = encoding.toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return decodeUtf8OrGuess(bytes);
  if (!iconv.encodingExists(label)) return { ok: false, reason: `unknown charset "${encoding}"` };
  return {
    ok: true,
    text: stripBom(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), label)),
    encoding: label,
  };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-8 if the bytes are valid UTF-8, else the charset a statistical detector is confident of. */
function decodeUtf8OrGuess(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: stripBom(utf8Strict.decode(bytes)), encoding: 'utf-8' };
  } catch {
    const guesses = chardet.analyse(bytes).filter((g) => g.name !== 'UTF-8' && iconv.encodingExists(g.name));
    const best = guesses[0];
    if (!best || best.confidence < 10) return { ok: false, reason: 'undecodable bytes: not UTF-8 and no charset fits' };
    return {
      ok: true,
      text: stripBom(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), best.name)),
      encoding: best.name.toLowerCase(),
    };
  }
}

/** Plain text: BOM, then the declared charset (from HTTP or the container), then UTF-8, then a guess. */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return decodeWith(bytes, bom);
  if (declaredCharset) return decodeWith(bytes, declaredCharset);
  return decodeUtf8OrGuess(bytes);
}

/**
 * HTML: the WHATWG sniffing order (BOM, transport charset, `<meta charset>` prescan); where nothing is declared we
 * try UTF-8 before the statistical guess, since undeclared modern pages are UTF-8 far more often than windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset?: string | null): Decoded {
  const encoding = getEncoding(bytes, {
    ...(transportCharset ? { transportLayerEncodingLabel: transportCharset } : {}),
    defaultEncoding: 'utf-8',
    maxBytes: 4096,
  });
  return decodeWith(bytes, encoding);
}

/** `text/html; charset=ISO-8859-1` → `iso-8859-1`. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1]?.toLowerCase() ?? null;
}
