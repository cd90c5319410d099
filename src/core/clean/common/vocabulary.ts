/**
 * @module Content words and how much two texts share them. A teaser of another story, or a second article glued
 * after the first, shares few content words with the article around it; a section of the same article shares many.
 */
import { normalizeText } from './normalize.js';

/** Function words of the languages the cleaners see most, plus reporting verbs that every news text uses. */
const STOPWORDS = new Set(
  (
    'about above after again against also although among because been before being below between both could does ' +
    'doing down during each from further have having here hers herself himself however into itself just more most ' +
    'much must only other ought ours ourselves over same should some such than that their theirs them themselves ' +
    'then there these they this those through under until very were what when where which while whom whose will ' +
    'with would your yours yourself said says told added according year years week weeks today yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday mentioned people time first last many even still ' +
    'dans avec pour mais leur leurs sont cette comme plus elle elles nous vous ils une des les und der die das ' +
    'eine einer nicht sich mit auch werden wurde para como pero esta este sobre entre tiene della delle sono anche ' +
    'para pela pelo mais seus suas'
  ).split(' '),
);

/** Lower-case content words of a text: letters only, four or more characters, no function words. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of normalizeText(text)
    .toLowerCase()
    .matchAll(/\p{L}[\p{L}\p{M}'-]{3,}/gu)) {
    const w = m[0].replace(/'s$/, '');
    if (w.length >= 4 && !STOPWORDS.has(w)) out.add(w);
  }
  return out;
}

/** Share of `part`'s content words that also occur in `whole` (0 when `part` has none). */
export function overlap(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let n = 0;
  for (const w of part) if (whole.has(w)) n++;
  return n / part.size;
}
