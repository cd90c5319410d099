/**
 * @module Sentence splitting. `Intl.Segmenter` knows sentence punctuation in every script but not abbreviations,
 * so "Mr. Smith" and "the U.S. Senate" would end a sentence; we glue those pieces back.
 */

/** Abbreviations that end with a period and are usually followed by a capitalised word. Lower-case, no period. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'rev',
  'fr',
  'st',
  'sr',
  'jr',
  'pres',
  'amb',
  'hon',
  'messrs',
  'mme',
  'mlle',
  'hr',
  'fru',
  'sra',
  'no',
  'nos',
  'vol',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'vs',
  'etc',
  'approx',
  'ca',
  'cf',
  'e.g',
  'i.e',
  'mt',
  'ft',
  'ave',
  'blvd',
]);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** True when a piece ends with an abbreviation rather than with the end of a sentence. */
function endsWithAbbreviation(piece: string): boolean {
  const m = /(?:^|[\s("'])([\p{L}.]+)\.\s*$/u.exec(piece);
  if (!m?.[1]) return false;
  const word = m[1];
  // Initialisms such as "U.S." or "U.N." and single initials such as "J." in "John F. Kennedy".
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Splits text into sentences, trimmed, with abbreviations ("Mr.", "Gen.", "U.S.") kept inside their sentence.
 * `language` is a BCP 47 tag for the segmenter; the abbreviation list is mostly English and harmless elsewhere.
 */
export function splitSentences(text: string, language = 'en'): string[] {
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter(language).segment(text)) {
    pending += segment;
    if (endsWithAbbreviation(pending)) continue;
    const s = pending.trim();
    if (s) out.push(s);
    pending = '';
  }
  const rest = pending.trim();
  if (rest) out.push(rest);
  return out;
}
