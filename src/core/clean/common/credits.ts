/**
 * @module Who a news text credits: wire agencies named in a dateline "(Reuters) -", a signature "- AFP", a lone
 * agency line "TT", a copyright "© 2023 AFP", or an interview "told AFP". A source the text merely quotes ("KCNA
 * said") is not a credit, so only these shapes count. Photo credits ("AP Photo/Name", "Name / TASS") are read apart.
 */

/** A news agency and the ways texts name it. `name` is the canonical form returned by every function here. */
export interface Agency {
  name: string;
  aliases: readonly string[];
}

export const AGENCIES: readonly Agency[] = [
  { name: 'Reuters', aliases: ['Reuters', 'Thomson Reuters'] },
  { name: 'AFP', aliases: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'Agence France-Press'] },
  { name: 'AP', aliases: ['AP', 'Associated Press', 'The Associated Press'] },
  { name: 'dpa', aliases: ['dpa', 'Deutsche Presse-Agentur', 'Deutsche Presse Agentur'] },
  { name: 'EFE', aliases: ['EFE', 'Agencia EFE'] },
  { name: 'ANSA', aliases: ['ANSA'] },
  { name: 'Kyodo', aliases: ['Kyodo', 'Kyodo News'] },
  { name: 'Jiji', aliases: ['Jiji', 'Jiji Press'] },
  { name: 'Yonhap', aliases: ['Yonhap', 'Yonhap News Agency', 'YNA'] },
  { name: 'KCNA', aliases: ['KCNA', 'Korean Central News Agency'] },
  { name: 'TASS', aliases: ['TASS', 'ITAR-TASS'] },
  { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'] },
  { name: 'Interfax', aliases: ['Interfax'] },
  { name: 'Sputnik', aliases: ['Sputnik'] },
  { name: 'Xinhua', aliases: ['Xinhua', 'Xinhua News Agency'] },
  { name: 'PTI', aliases: ['PTI', 'Press Trust of India'] },
  { name: 'ANI', aliases: ['ANI', 'Asian News International'] },
  { name: 'IANS', aliases: ['IANS'] },
  { name: 'TT', aliases: ['TT', 'TT Nyhetsbyrån'] },
  { name: 'NTB', aliases: ['NTB'] },
  { name: 'Ritzau', aliases: ['Ritzau'] },
  { name: 'STT', aliases: ['STT', 'STT-FNB'] },
  { name: 'APA', aliases: ['APA', 'Austria Presse Agentur'] },
  { name: 'Belga', aliases: ['Belga'] },
  { name: 'ANP', aliases: ['ANP'] },
  { name: 'Bernama', aliases: ['Bernama'] },
  { name: 'Antara', aliases: ['Antara'] },
  { name: 'UPI', aliases: ['UPI', 'United Press International'] },
  { name: 'Bloomberg', aliases: ['Bloomberg', 'Bloomberg News'] },
  { name: 'CNA', aliases: ['CNA'] },
  { name: 'AAP', aliases: ['AAP', 'Australian Associated Press'] },
  { name: 'Canadian Press', aliases: ['The Canadian Press', 'Canadian Press', 'CP'] },
  { name: 'PA', aliases: ['PA', 'PA Media', 'Press Association'] },
  { name: 'Anadolu', aliases: ['Anadolu', 'Anadolu Agency', 'AA'] },
  { name: 'Lusa', aliases: ['Lusa'] },
  { name: 'Europa Press', aliases: ['Europa Press'] },
  { name: 'PAP', aliases: ['PAP'] },
  { name: 'CTK', aliases: ['CTK', 'ČTK'] },
  { name: 'MTI', aliases: ['MTI'] },
  { name: 'Ukrinform', aliases: ['Ukrinform'] },
  { name: 'IRNA', aliases: ['IRNA'] },
  { name: 'WAFA', aliases: ['WAFA'] },
  { name: 'KUNA', aliases: ['KUNA'] },
  { name: 'Dow Jones', aliases: ['Dow Jones', 'Dow Jones Newswires'] },
];

/** Photo agencies and picture desks that appear only in photo credits. */
const PHOTO_SOURCES =
  /\b(?:getty images|shutterstock|epa(?:-efe)?|pool|alamy|imago|sipa|abaca|zuma|ap photo|afp photo|reuters\/|sputnik\/|picture alliance|handout)\b/i;

const ALIAS_INDEX: ReadonlyMap<string, string> = new Map(
  AGENCIES.flatMap((a) => a.aliases.map((alias) => [alias.toLowerCase(), a.name] as const)),
);

/**
 * The canonical agency a name stands for, or null. Short acronyms must be written in capitals (or as listed, "dpa")
 * so that an ordinary word ("ap", "aa", "cp") is never taken for an agency.
 */
export function canonicalAgency(name: string): string | null {
  const s = name.trim().replace(/\s+/g, ' ');
  const hit = ALIAS_INDEX.get(s.toLowerCase());
  if (!hit) return null;
  if (s.length <= 4 && s !== s.toUpperCase() && s !== hit) return null;
  return hit;
}

/** An unknown agency still counts in the strongest positions (a dateline or a dash signature) if it is an acronym. */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}&-]{1,7}$/u;

function agencyOrAcronym(name: string): string | null {
  return canonicalAgency(name) ?? (ACRONYM.test(name.trim()) ? name.trim() : null);
}

/** Agencies in a slash or comma separated list: "dpa/AFP", "AFP, Reuters", "Reuters and AP". */
function agencyList(list: string, allowAcronyms: boolean): string[] {
  const parts = list.split(/\s*(?:\/|,|&|\band\b|\bwith\b)\s*/);
  const out: string[] = [];
  for (const p of parts) {
    const a = allowAcronyms ? agencyOrAcronym(p) : canonicalAgency(p);
    if (!a) return [];
    out.push(a);
  }
  return out;
}

/**
 * The agency a line names and nothing else: "Reuters", "TT", "- MNA", "(AFP)", "— AP", "Source: Reuters",
 * "By Reuters". Null for anything longer.
 */
export function agencyLine(line: string): string[] {
  const s = line
    .trim()
    .replace(/^[-\u2013\u2014\u2012\u2015•*]+\s*/, '')
    .replace(/^(?:source|sources|by|via|credit|quelle|källa|fuente|fonte)\s*:?\s+/i, '')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/[.\s]+$/, '');
  if (!s || s.length > 60) return [];
  const dashed = /^[-\u2013\u2014]/.test(line.trim());
  return agencyList(s, dashed || /^\(.*\)$/.test(line.trim()));
}

const DASH = '[-\\u2013\\u2014\\u2012\\u2015]';
/** "LONDON (Reuters) -", "PORT ALDRIN, Valdoria, March 3 (MNA) -", "PARIS, 14 sept (AFP) -". */
const DATELINE_CREDIT = new RegExp(`^\\s*\\p{Lu}[^()\\n]{1,80}?\\(([^()\\n]{2,40})\\)\\s*(?:${DASH}{1,2}|:)\\s`, 'gmu');
/** "... technology. - REUTERS" at the end of a line. */
const SIGNATURE = new RegExp(
  `(?:^|[.!?"\\u201D\\u2019')]\\s*)${DASH}+\\s*([\\p{L}][\\p{L} ./-]{1,40}?)\\s*\\.?\\s*$`,
  'gmu',
);
const COPYRIGHT =
  /(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?:the\s+)?([\p{L}][\p{L} .-]{1,40}?)(?=\s*(?:$|[.,;|]|\s-|\s\d|all rights))/gimu;
const INTERVIEW =
  /\b(?:told|said to|in an interview with|speaking to) (?:the )?([\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*){0,3})/gu;
const CONTRIBUTED = /\b([\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*){0,3}) contributed (?:to )?(?:this|reporting)/gu;

function push(out: string[], names: readonly string[]): void {
  for (const n of names) if (!out.includes(n)) out.push(n);
}

/**
 * Agencies the text credits, canonical, in order of first appearance. Give it the article's own text (body, byline
 * and footer lines), not photo captions: a caption's agency is a photo credit.
 */
export function findCredits(text: string): string[] {
  const found: { at: number; names: string[] }[] = [];
  for (const m of text.matchAll(DATELINE_CREDIT)) found.push({ at: m.index, names: agencyList(m[1]!, true) });
  for (const m of text.matchAll(SIGNATURE)) {
    // Only a signature alone on its line ("- MNA") may name an agency we do not know.
    const lone = /^\s*[-\u2013\u2014\u2012\u2015]/.test(m[0]);
    found.push({ at: m.index, names: agencyList(m[1]!, lone) });
  }
  for (const m of text.matchAll(COPYRIGHT)) {
    // "© 2031 Tarnby Island Herald" names the outlet, not an agency; only agencies count here.
    found.push({ at: m.index, names: agencyList(m[1]!, false) });
  }
  for (const m of text.matchAll(INTERVIEW)) {
    const a = longestAgencyPrefix(m[1]!);
    if (a) found.push({ at: m.index, names: [a] });
  }
  for (const m of text.matchAll(CONTRIBUTED)) found.push({ at: m.index, names: agencyList(m[1]!, false) });
  let offset = 0;
  for (const line of text.split('\n')) {
    const names = agencyLine(line);
    if (names.length) found.push({ at: offset, names });
    offset += line.length + 1;
  }
  found.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  for (const f of found) push(out, f.names);
  return out;
}

/** "AFP on Thursday" → AFP: the longest run of leading words that names an agency. */
function longestAgencyPrefix(words: string): string | null {
  const parts = words.split(' ');
  for (let n = parts.length; n > 0; n--) {
    const a = canonicalAgency(parts.slice(0, n).join(' '));
    if (a) return a;
  }
  return null;
}

const PAREN_CREDIT = /\(([^()]{3,120})\)\s*$/u;
const LABEL_CREDIT =
  /(?:^|[\s.])(?:photo|photos|foto|fotos|photograph|picture|pictures|image|images|credit|bild|kuva|crédit photo)\s*(?:credit)?\s*:\s*([^\n]{3,120}?)\s*$/iu;
const SLASH_CREDIT =
  /(?:^|[.!?)]\s+)((?:[\p{Lu}][\p{L}'.-]*\s+){0,3}[\p{Lu}][\p{L}'.-]*\s*\/\s*[\p{Lu}][\p{L}'. &-]{1,40}?)\s*$/u;

/**
 * Photo credits in a caption: "(AP Photo/Alexander Zemlianichenko, Pool)", "(KCNA via YNA/dpa)",
 * "Photo: Tarnby Island Herald / Jon Alder", "Mikhail Metzel / TASS". Empty when the text carries none.
 */
export function findPhotoCredits(caption: string): string[] {
  const s = caption.trim();
  const paren = PAREN_CREDIT.exec(s);
  if (paren?.[1] && looksLikePhotoCredit(paren[1])) return [paren[1].trim()];
  const label = LABEL_CREDIT.exec(s);
  if (label?.[1]) return [label[1].trim()];
  const slash = SLASH_CREDIT.exec(s);
  if (slash?.[1] && looksLikePhotoCredit(slash[1])) return [slash[1].trim().replace(/\s*\/\s*/, ' / ')];
  return [];
}

function looksLikePhotoCredit(s: string): boolean {
  if (PHOTO_SOURCES.test(s) || /\b(?:photo|foto|via)\b/i.test(s)) return true;
  // "Name / AGENCY" or "AGENCY/Name": one side of the slash is a known agency.
  const sides = s.split('/').map((x) => x.trim().replace(/,.*$/, ''));
  return sides.length === 2 && sides.some((x) => canonicalAgency(x) !== null);
}
