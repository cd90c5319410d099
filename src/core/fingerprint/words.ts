/**
 * @module Word classes shared by every view: function words (kept by synonym spinners and translators alike),
 * number words (spinners swap "two" and "2"), and a light stemmer so that "summit" and "summits" are one term.
 */

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
  }),
);

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
