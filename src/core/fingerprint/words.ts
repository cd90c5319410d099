/**
 * @module Word classes shared by every view: function words (kept by synonym spinners and translators alike),
 * number words (spinners swap "two" and "2"), and a light stemmer so that "summit" and "summits" are one term.
 */

import { GERMAN_COMMON_NOUNS } from './german-nouns.js';

// Closed-class words of the languages our users' outlets write in most; content words are everything else.
const FUNCTION_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers herself
  him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
  other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
  there these they this those through to too under until up very was we were what when where which while who whom why
  will with would you your yours yourself yourselves mr mrs ms says said say told according also its it's he's she's
  they're we're there's however since may might must shall upon via within without amid among around toward towards
  le la les l de des du d un une et en au aux ce cette ces il elle ils elles est sont a ont été par pour sur dans avec
  que qui ne pas plus se sa son ses leur leurs nous vous on y où mais ou donc ni car selon lors après avant
  der die das den dem des ein eine einer eines einem einen und ist sind war wurde zu im in am an auf aus mit von für
  bei nach über unter nicht auch sich es er sie wir ihr dass als wie oder aber
  el los las lo un una unos unas y del al en con por para que se su sus es son fue como pero más o según`.split(/\s+/),
);

const NUMBER_WORDS = new Map<string, string>(
  Object.entries({
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    twenty: '20',
    thirty: '30',
    forty: '40',
    fifty: '50',
    hundred: '100',
    thousand: '1000',
    million: '1000000',
    billion: '1000000000',
    // Scale words of other languages: "1,2 milliard" is "1.2 billion" (a translation keeps its figures).
    millions: '1000000',
    billions: '1000000000',
    millionen: '1000000',
    millones: '1000000',
    milioni: '1000000',
    milliard: '1000000000',
    milliards: '1000000000',
    milliarde: '1000000000',
    milliarden: '1000000000',
    miliardi: '1000000000',
  }),
);

/**
 * Month and weekday names, one line a month or day (English first): a translation keeps its source's dates, written
 * in its own language, so a name says the same thing in every language.
 */
const MONTHS = [
  'january janvier januar jänner enero gennaio januari janeiro',
  'february février fevrier februar febrero febbraio februari fevereiro',
  'march mars märz marzo maart março',
  'april avril abril aprile',
  'may mai mayo maggio mei maio',
  'june juin juni junio giugno junho',
  'july juillet juli julio luglio julho',
  'august août aout agosto augustus',
  'september septembre septiembre settembre setembro',
  'october octobre oktober octubre ottobre outubro',
  'november novembre noviembre novembro',
  'december décembre decembre dezember diciembre dicembre dezembro',
];
const WEEKDAYS = [
  'monday lundi montag lunes lunedì maandag',
  'tuesday mardi dienstag martes martedì dinsdag',
  'wednesday mercredi mittwoch miércoles mercoledì woensdag',
  'thursday jeudi donnerstag jueves giovedì donderdag',
  'friday vendredi freitag viernes venerdì vrijdag',
  'saturday samedi samstag sonnabend sábado sabato zaterdag',
  'sunday dimanche sonntag domingo domenica zondag',
];
/** Parts of the day German compounds a weekday with ("Sonntagmorgen", "Mittwochabend"). */
const DAY_PARTS = ['morgen', 'vormittag', 'mittag', 'nachmittag', 'abend', 'nacht', 's'];

/** Month and weekday names (and German day compounds) to one token each: "March", "mars", "März" → "month:3". */
export const CALENDAR_TOKENS: ReadonlyMap<string, string> = (() => {
  const tokens = new Map<string, string>();
  MONTHS.forEach((names, i) => {
    for (const n of names.split(' ')) tokens.set(n, `month:${i + 1}`);
  });
  WEEKDAYS.forEach((names, i) => {
    for (const n of names.split(' ')) {
      tokens.set(n, `day:${i + 1}`);
      for (const part of DAY_PARTS) tokens.set(n + part, `day:${i + 1}`);
    }
  });
  return tokens;
})();

/**
 * Calendar names other languages write in lower case ("14 mars", "le jeudi"): anchors whatever their case. English
 * ones only when capitalised, as every name ("march" and "may" are verbs too).
 */
const LOWER_CASE_CALENDAR = new Set(
  [...CALENDAR_TOKENS.keys()].filter(
    (w) => !MONTHS.some((m) => m.startsWith(`${w} `)) && !WEEKDAYS.some((d) => d.startsWith(w)),
  ),
);

/** Whether a word is an anchor (a name or a number) whatever its case: numbers, and calendar names of other languages. */
export function isAlwaysAnchor(lower: string): boolean {
  return LOWER_CASE_CALENDAR.has(lower);
}

/** Whether a capitalised word is a German common noun (German capitalises every noun): not a name. */
export function isCommonNoun(lower: string): boolean {
  return GERMAN_COMMON_NOUNS.has(lower);
}

/**
 * What an anchor (a name, number or date word) is the same in every language as: a number its digits ("3,500",
 * "3.500" → "#3500"; "1.2", "1,2" → "#12"), a calendar name its token, a name its stem without diacritics ("Lebœuf",
 * "Leboeuf"). Translations share these where they share no word.
 */
export function anchorKey(lower: string, stemmed: string): string {
  let digits = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += lower[i];
  }
  if (digits) return `#${digits}`;
  return CALENDAR_TOKENS.get(lower) ?? fold(stemmed);
}

/** Diacritics off, ligatures spelled out. */
export function fold(word: string): string {
  // ASCII words (nearly all) have nothing to fold.
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) >= 128)
      return word
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae')
        .replace(/ß/g, 'ss')
        .replace(/ø/g, 'o')
        .replace(/ı/g, 'i')
        .replace(/ł/g, 'l');
  }
  return word;
}

export function isFunctionWord(lower: string): boolean {
  return FUNCTION_WORDS.has(lower);
}

/** "two" → "2"; other words unchanged. */
export function canonicalNumber(lower: string): string {
  // A Map, not an object: words such as "constructor" must not find Object.prototype's members.
  return NUMBER_WORDS.get(lower) ?? lower;
}

/** Plural and possessive endings off; enough to join inflections without merging different words. */
export function stem(lower: string): string {
  let w = lower;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  const n = w.length;
  if (n <= 3) return w;
  if (w.endsWith('ies') && n > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses') || w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}
