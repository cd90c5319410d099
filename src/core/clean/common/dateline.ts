/**
 * @module Datelines: the place (and often the agency) that opens a wire story. "LONDON/PARIS: ...",
 * "PORT ALDRIN, Valdoria, March 3 (MNA) - ...", "LYON, Sept 14 (Reuters) - ...", "PARIS — ...".
 */
import { canonicalAgency } from './credits.js';

export interface Dateline {
  /** "LONDON/PARIS", "PORT ALDRIN, Valdoria". */
  place: string;
  /** The agency in brackets, canonical when known ("Reuters"), as written when an unknown acronym ("MNA"). */
  agency: string | null;
  /** Length of the dateline, separator included: the paragraph's own text starts here. */
  length: number;
}

const DASHES = '[-\\u2013\\u2014]+';
/** Place, optional region, optional date, then the agency in brackets and a dash. */
const WITH_AGENCY = new RegExp(
  `^(\\p{Lu}[\\p{L}\\p{M}'\\u2019./ -]{1,40}?)(?:,\\s*(\\p{Lu}[\\p{L}\\p{M}'\\u2019. -]{1,40}?))?(?:,\\s*[^()\\n]{1,40}?)?\\s*\\(([^()\\n]{2,40})\\)\\s*(?:${DASHES}|:)\\s+`,
  'u',
);
/** A place in capitals, then a colon or a dash: "LONDON/PARIS: ", "WASHINGTON — ". */
const CAPITALS = new RegExp(
  `^(\\p{Lu}[\\p{Lu}\\p{M}'\\u2019./ -]*\\p{Lu})(?:,\\s*(\\p{Lu}[\\p{L}\\p{M}'\\u2019. -]{1,40}?))?\\s*(?::|${DASHES})\\s+(?=[\\p{Lu}\\p{N}"'\\u201C\\u2018\\u00AB])`,
  'u',
);
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&-]{1,7}$/u;

/** The dateline that opens a paragraph, or null. */
export function findDateline(paragraph: string): Dateline | null {
  const a = WITH_AGENCY.exec(paragraph);
  if (a?.[1] && a[3]) {
    const inBrackets = a[3].split('/')[0]!.trim();
    const agency = canonicalAgency(inBrackets) ?? (ACRONYM.test(inBrackets) ? inBrackets : null);
    if (agency) return { place: joinPlace(a[1], a[2]), agency, length: a[0].length };
  }
  const c = CAPITALS.exec(paragraph);
  if (c?.[1] && c[1].replace(/[^\p{L}]/gu, '').length >= 3 && !canonicalAgency(c[1])) {
    return { place: joinPlace(c[1], c[2]), agency: null, length: c[0].length };
  }
  return null;
}

function joinPlace(place: string, region: string | undefined): string {
  return region ? `${place.trim()}, ${region.trim()}` : place.trim();
}
