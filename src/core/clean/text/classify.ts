/**
 * @module What each line of a capture looks like on its own: prose, a short title-like line, a caption, a byline,
 * a date or credit line, page furniture (navigation, "Read more", share buttons, copyright), or a reader appeal.
 * Position and repetition are judged later (split.ts); here only the line's own text counts.
 */
import { agencyLine, findPhotoCredits } from '../common/credits.js';
import {
  type DateMatch,
  findDates,
  isDateLine,
  isStampLine,
  MONTHS,
  untokenizeDates,
  WEEKDAYS,
} from '../common/dates.js';
import { lineKey, normalizeText } from '../common/normalize.js';
import { type RawLine, TERMINAL } from './lines.js';

export type Kind =
  | 'prose'
  | 'short'
  | 'caption'
  | 'agency'
  | 'date'
  | 'byline'
  | 'navigation'
  | 'related'
  | 'teaser'
  | 'advertisement'
  | 'appeal'
  | 'footer'
  | 'duplicate'
  /** Prose outside the page's main run of text: other stories' teasers, comments, notices. */
  | 'stray';

export interface Unit {
  index: number;
  text: string;
  /** Comparison key: normalised, lower-case, punctuation-free. */
  key: string;
  gap: number;
  words: number;
  kind: Kind;
  /** Content words, computed when first needed (see `vocabularyOf`). */
  vocabulary?: Set<string>;
  /** For a duplicate, what the first copy was (a caption printed twice stays a caption's copy). */
  duplicateOf?: Kind;
  terminal: boolean;
  /** Could be a headline: a few words, no closing period, starts with a capital, digit or quote. */
  titleLike: boolean;
  agencies: string[];
  photoCredits: string[];
  dates: DateMatch[];
}

const countWords = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const BYLINE =
  /^(?:[Bb]y|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Оо]т)\s+(?:\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,3}(?=\s*(?:$|[|,;]|\s{2}|\s[-\u2013\u2014]\s|\s(?:and|und|et|y|e|en|och|и)\s|\s\d|\s\p{Lu}[\p{L}]*,))|\p{L}+(?=\s{2,}|\s*\|))/u;
const CREDIT_BYLINE =
  /^(?:reporting|writing|editing|additional reporting|compiled|written|text|texte|text von)\b[^.]{0,120}\bby\b/i;

const READ_MORE =
  /^(?:read|see|watch|listen|also read|read also|more|lire aussi|lesen sie auch|leer más|leia também|läs även)(?:\s+(?:more|also|next|extra|further|on|this|here|too))?\s*[:>»\u2013\u2014-]/i;
const UI_START =
  /^(?:home|menu|search|share|shares|tags?|topics?|related|comments?|\d+\s+comments?|leave a (?:reply|comment)|post a comment|advertisement|advertising|sponsored|sign (?:up|in)|log ?in|register|subscribe|newsletter|cookies?|accept|follow us|trending|most (?:read|popular|viewed)|popular|latest (?:news|stories)|privacy|terms|contact us|print|email|copy link|skip to|back to top|click here|next article|previous article|loading|read more|continue reading|show more|photo gallery|gallery|video|watch|listen|download|open in app|more from|more stories|more on|you may also like|you might also like|don'?t miss|recommended|editor'?s picks)\b/i;
const UI_PHRASE =
  /\b(?:all rights reserved|required fields are marked|email address will not be published|privacy policy|terms of (?:use|service)|cookie policy|we use cookies|(?:site|website) uses cookies|requires javascript|enable javascript|by clicking here|sign up for (?:our|the)|subscribe to (?:our|the)|follow us on|share this (?:article|story)|click to share|opens in new window)\b/i;
const ADVERT =
  /^(?:advertisement|advertising|advert|anzeige|werbung|publicité|publicidad|pubblicità|annons|sponsored(?: content)?|ad)$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved/i;

/** Phrases that only an appeal to readers uses. */
const APPEAL_STRONG =
  /\b(?:donate|donation|support us|support our|support independent|become a (?:member|subscriber|supporter|patron)|funded by (?:its|our) readers|reader-funded|favou?r to ask|remind me later|not ready to (?:support|donate|subscribe)|make a contribution|support (?:the|this) (?:work|journalism)|please support|chip in|pay what you can|unlock (?:this|full) (?:article|access)|subscribe now|already a subscriber)\b/i;
const APPEAL_WEAK =
  /\b(?:support|supporting|journalism|journalists|independent|subscribe|subscription|member(?:ship)?|contribution|monthly|your help|mission|readers|paywall|payment|thank you)\b/gi;
/** "Support The Daily Example!": a short imperative line. */
const APPEAL_IMPERATIVE = /^(?:please\s+)?(?:support|donate|subscribe|join|help)\b[^.?]*!?$/i;

/** How strongly a line reads as an appeal to readers to pay or sign up. */
export function appealScore(text: string): number {
  if (APPEAL_STRONG.test(text)) return 3;
  const words = countWords(text);
  if (words <= 8 && APPEAL_IMPERATIVE.test(text)) return 3;
  const weak = new Set((text.match(APPEAL_WEAK) ?? []).map((w) => w.toLowerCase())).size;
  // An appeal speaks from "we" to "you"; news prose outside quotations almost never does both.
  const unquoted = text.replace(/["\u201C][^"\u201D]*["\u201D]/g, ' ');
  const weYou = /\b(?:we|our|us)\b/i.test(unquoted) && /\b(?:you|your)\b/i.test(unquoted) ? 1 : 0;
  return weak >= 2 && weYou ? 2 + weak : weak >= 3 ? weak - 1 : weak;
}

const QUOTE_CHARS = /["\u201C\u201D\u00AB\u00BB]/;

function isNavigation(text: string): boolean {
  const parts = text.split(/\s*(?:\||»|›|\s>\s|\u00B7|•)\s*/).filter(Boolean);
  if (parts.length >= 3 && parts.every((p) => countWords(p) <= 6)) return true;
  return parts.length >= 2 && /\s(?:»|›|>)\s/.test(text) && parts.slice(0, -1).every((p) => countWords(p) <= 3);
}

/** Classifies one line by its own text. */
export function classifyLine(line: RawLine, index: number): Unit {
  const text = line.text;
  const words = countWords(text);
  const terminal = TERMINAL.test(text) || (/:$/.test(text) && words >= 6);
  const question = /\?["'\u201D\u2019]*$/.test(text);
  const startsLikeTitle = /^[\p{Lu}\p{N}"'\u201C\u2018\u00AB]/u.test(text);
  const titleLike =
    words >= 2 &&
    words <= 25 &&
    text.length >= 10 &&
    startsLikeTitle &&
    (!terminal || (question && !QUOTE_CHARS.test(text))) &&
    !/[,;:]$/.test(text);
  const unit: Unit = {
    index,
    text,
    key: lineKey(text),
    gap: line.gap,
    words,
    kind: 'short',
    terminal,
    titleLike,
    agencies: [],
    photoCredits: [],
    dates: [],
  };
  // Digits are cheap to test for and every date needs them: most lines skip the date patterns entirely.
  const dated = /\d/.test(text) ? untokenizeDates(normalizeText(text)) : '';
  unit.dates = dated ? findDates(dated) : [];
  unit.kind = kindOf(unit, question, dated);
  if (unit.kind === 'agency') unit.agencies = agencyLine(text);
  if (unit.kind === 'caption') unit.photoCredits = findPhotoCredits(text);
  return unit;
}

function isByline(text: string, words: number, terminal: boolean): boolean {
  // A long line ending in a period is a sentence ("By Wednesday, the talks had ..."), unless it ends with a date.
  if (words > 20 || (terminal && words > 8 && !/\|/.test(text) && !findDates(text).length)) return false;
  if (CREDIT_BYLINE.test(text)) return true;
  if (!BYLINE.test(text)) return false;
  // "By Wednesday, the ..." starts like a byline but names a day, not a person.
  const first = /^\S+\s+([\p{L}]+)/u.exec(text)?.[1]?.toLowerCase() ?? '';
  return !WEEKDAYS.has(first) && !(first in MONTHS);
}

/**
 * What a browser prints in place of an element it does not render: `[image alt]`, `[ ]` form fields, an image's
 * file name, a bullet or rule alone on its line.
 */
const PLACEHOLDER = /^(?:(?:\[[^\]]*\]\s*)+|[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp)|[^\p{L}\p{N}]*)$/iu;

/** `dated`: the line as dates are read in it (`untokenizeDates`), or '' when it has no digit. */
function kindOf(u: Unit, question: boolean, dated: string): Kind {
  const { text, words } = u;
  if (PLACEHOLDER.test(text)) return 'navigation';
  if (isByline(text, words, u.terminal)) return 'byline';
  if (agencyLine(text).length) return 'agency';
  if (words <= 16 && dated && isDateLine(dated)) return 'date';
  if (words <= 16 && isStampLine(dated || text)) return 'date';
  if (ADVERT.test(text)) return 'advertisement';
  if (words <= 40 && COPYRIGHT.test(text)) return 'footer';
  if (READ_MORE.test(text) && words <= 30) return 'related';
  if (isNavigation(text)) return 'navigation';
  // "You may also like..." trails off rather than ending a sentence.
  if (words <= 12 && (!u.terminal || /(?:\.\.\.|…)$/.test(text)) && UI_START.test(text))
    return /^(?:related|more|you m(?:ay|ight)|don'?t miss|recommended)/i.test(text) ? 'related' : 'navigation';
  if (words <= 12 && /^(?:read more|continue reading|share|comments?)\b/i.test(text)) return 'navigation';
  if (words <= 30 && UI_PHRASE.test(text)) return 'navigation';
  if (appealScore(text) >= 3) return 'appeal';
  if (words <= 80 && findPhotoCredits(text).length) return 'caption';
  // A short question with no quotation in it reads as a heading ("What weapons could it supply?").
  if (question && words <= 10 && !QUOTE_CHARS.test(text)) return 'short';
  if (u.terminal && words >= 5) return 'prose';
  if (!u.terminal && words > 25) return 'prose';
  return 'short';
}
