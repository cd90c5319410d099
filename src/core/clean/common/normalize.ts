/**
 * @module Text normalisation for comparing strings, never for output: captures of one article differ in
 * typography (curly or straight quotes, en or em dashes, non-breaking spaces) more often than in words.
 */

const QUOTES_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u2035\u0060\u00B4]/g;
const QUOTES_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB\u2039\u203A]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const PLAIN_ASCII = /^[\x20-\x5F\x61-\x7E\t]*$/;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/**
 * Unicode NFKC, every quotation mark as `'` or `"`, every dash as `-`, runs of white space as one space, trimmed.
 * Guillemets count as double quotes so that French and English quotations compare equal.
 */
export function normalizeText(s: string): string {
  // Most lines are plain ASCII, which NFKC and the quote and dash tables leave alone: only spaces need work.
  if (PLAIN_ASCII.test(s)) return s.replace(/\s+/g, ' ').trim();
  return s
    .normalize('NFKC')
    .replace(QUOTES_SINGLE, "'")
    .replace(QUOTES_DOUBLE, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/** `normalizeText`, lower-cased and stripped of punctuation: the key for "is this the same line again?". */
export function lineKey(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
