/**
 * @module Who says a quotation or a piece of reported speech: the subject of a reporting verb next to it ("X said",
 * "said X", "X told reporters", "according to X", "X's news agency reported"), with appositives and titles peeled
 * off. Pronouns and "the agency" are returned as such; the caller resolves them against earlier speakers.
 */
import { isOrganisation, nameRuns, splitTitle } from './names.js';

// Reporting verbs, lower case only: "States" in "United States" must not count as one.
const VERBS =
  'said says say told tells added adds stated reported mentioned noted warned explained declared announced wrote ' +
  'writes insisted claimed asserted remarked confirmed informed argued acknowledged recalled stressed emphasised ' +
  'emphasized urged cautioned replied responded tweeted quipped observed concluded conceded admitted suggested ' +
  'predicted pledged vowed complained lamented exclaimed saying';
const VERB = new RegExp(`(?<![\\p{L}'’-])(?:${VERBS.split(' ').join('|')})(?![\\p{L}'’-])`, 'u');
const ACCORDING = /\baccording to ([^,;.]+(?:\.[^\s,;.][^,;.]*)*)/i;
const CITED = /\bcited ([^,;]+?) as (?:saying|telling|stating)\b/;

const PERSON_PRONOUNS = new Set(['he', 'she']);
const ORG_NOUNS =
  /\b(?:agency|agencies|ministry|media|government|statement|department|office|council|committee|company|newspaper|broadcaster|channel|outlet|spokesman's office|embassy|army|military|party|group|organi[sz]ation)\b/i;
const PERSON_NOUNS =
  /\b(?:spokesman|spokeswoman|spokesperson|minister|official|president|leader|ambassador|researcher|analyst|expert|diplomat|envoy|chief|head|adviser|advisor|secretary)\b/i;
// Segments that describe the speaker rather than name them, or set the scene.
const APPOSITIVE = /^(?:a|an|who|which|whose|himself|herself|the former|also)\b/i;
const SCENE =
  /^(?:in|on|at|after|before|during|for|from|with|when|while|as|asked|speaking|meanwhile|but|and|however|earlier|later|separately)\b/i;

export type Speaker =
  | { kind: 'name'; name: string; role: string | null; organisation: boolean }
  | { kind: 'pronoun'; refers: 'person' | 'organisation' }
  | { kind: 'description'; text: string };

function endsWithName(segment: string, run: string): boolean {
  const tail = segment.slice(segment.lastIndexOf(run.split(' ').pop() ?? run));
  return /^[\p{L}\p{N}.'’-]+\s*$/u.test(tail);
}

// Abbreviations and initials end in a period without ending the sentence.
const ABBREVIATED = /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Col|Lt|St|Jr|Sr)\.|\b(?:\p{Lu}\.)+/gu;

function clean(phrase: string): string {
  return phrase
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '');
}

/** The speaker a subject phrase names, looking through "the X, Y," appositives and titles. */
export function parseSpeaker(phrase: string, position: 'before-verb' | 'after-verb'): Speaker | null {
  const segments = clean(phrase)
    .split(/\s*,\s*/)
    .filter((s) => s.length > 0);
  const eligible = segments.filter((s, i) => !(i > 0 && APPOSITIVE.test(s)) && !SCENE.test(s));
  const chosen = position === 'after-verb' ? segments[0] : eligible[eligible.length - 1];
  if (!chosen) return null;
  // Of coordinated subjects ("X and counterparts Y and Z noted"), the first speaks for them.
  const segment = chosen.split(/\s+and\s+/)[0] ?? chosen;
  const lower = segment.toLowerCase();
  if (PERSON_PRONOUNS.has(lower)) return { kind: 'pronoun', refers: 'person' };
  if (lower === 'it' || lower === 'they') return { kind: 'pronoun', refers: 'organisation' };
  const words = segment.split(' ');
  if (words.length > 12) return null;
  const runs = nameRuns(segment);
  const run = runs[runs.length - 1];
  // A run followed by a common noun only modifies it ("Russian diplomats"): no one is named, except the author of
  // a statement ("a White House statement").
  const issuer = /^(?:an?\s+|the\s+)?(.+?)\s+(?:statement|communiqu[eé]|release|readout)$/i.exec(segment)?.[1];
  if (issuer && run && issuer.endsWith(run)) return { kind: 'name', name: run, role: null, organisation: true };
  if (run && endsWithName(segment, run)) {
    const { name, role } = splitTitle(run);
    const before = segment
      .slice(0, segment.lastIndexOf(run))
      .trim()
      .replace(/^the\b\s*/i, '')
      .replace(/^(?:mr|mrs|ms|dr|prof)\.?$/i, '');
    const appositive = segments.find((s) => APPOSITIVE.test(s) && !/^who\b/i.test(s));
    const fullRole = [before, role].filter(Boolean).join(' ') || appositive?.replace(/^(?:a|an)\s+/i, '') || null;
    return { kind: 'name', name, role: fullRole, organisation: isOrganisation(run) };
  }
  if (/^the\s+\S+$/i.test(segment) || /^(?:the|its|their)\s/i.test(segment)) {
    if (ORG_NOUNS.test(segment)) return { kind: 'pronoun', refers: 'organisation' };
    if (PERSON_NOUNS.test(segment)) return { kind: 'pronoun', refers: 'person' };
  }
  if (words.length > 6) return null;
  return { kind: 'description', text: segment.replace(/^the\s+/i, '') };
}

const WORDS_BEFORE_VERB_AFTER_QUOTE = 14;

/** Attribution in the text that follows a quotation up to the end of its sentence: `," X said` or `," said X`. */
export function attributionAfter(after: string): Speaker | null {
  const m = VERB.exec(after);
  if (m) {
    const pre = after.slice(0, m.index);
    const preWords = pre.split(/\s+/).filter(Boolean).length;
    if (preWords === 0) {
      const rest = after.slice(m.index + m[0].length).replace(/^\s*,?\s*/, '');
      const found = parseSpeaker(
        rest.split(/\s+(?:in|on|at|to|during|after|before|as|when|while)\s/)[0] ?? '',
        'after-verb',
      );
      if (found) return found;
    } else if (preWords <= WORDS_BEFORE_VERB_AFTER_QUOTE && !/[.!?](?:\s|$)/.test(pre.replace(ABBREVIATED, ''))) {
      const found = parseSpeaker(pre, 'before-verb');
      if (found) return found;
    }
  }
  const according = ACCORDING.exec(after);
  return according?.[1] ? parseSpeaker(according[1], 'after-verb') : null;
}

const VERBS_GLOBAL = new RegExp(VERB.source, 'gu');

/**
 * Attribution in the text before a quotation (or in a sentence of reported speech): `X said:`, `X told Y that`,
 * `…, saying`. The verb nearest the quotation is the one that introduces it; its subject is what lies between it
 * and the verb or clause before.
 */
export function attributionBefore(before: string): Speaker | null {
  const cited = CITED.exec(before);
  if (cited?.[1]) return parseSpeaker(cited[1], 'before-verb');
  const verbs = [...before.matchAll(VERBS_GLOBAL)];
  const last = verbs[verbs.length - 1];
  const according = ACCORDING.exec(before);
  if (according?.[1] && (!last || according.index > last.index)) return parseSpeaker(according[1], 'after-verb');
  if (!last) return null;
  const previous = verbs[verbs.length - 2];
  const pre = before.slice(previous ? previous.index + previous[0].length : 0, last.index);
  if (last[0] === 'saying') return participleSubject(before.slice(0, last.index));
  if (pre.trim() === '') {
    // "said X" at the start of a clause.
    return parseSpeaker(before.slice(last.index + last[0].length).split(/[:,]/)[0] ?? '', 'after-verb');
  }
  return parseSpeaker(pre, 'before-verb');
}

/** "with the mayor later saying" names its own subject; ", saying" takes the subject of the main clause. */
function participleSubject(pre: string): Speaker | null {
  const own = /(?:^|,)\s*(?:with\s+)?([^,]+?)\s+(?:\p{L}+ly\s+|earlier\s+|later\s+|also\s+)?$/u.exec(pre);
  if (own?.[1] && !/,\s*$/.test(pre)) {
    const found = parseSpeaker(own[1], 'before-verb');
    if (found?.kind === 'name' || found?.kind === 'pronoun') return found;
  }
  for (const segment of clean(pre).split(/\s*,\s*/)) {
    const found = parseSpeaker(segment, 'before-verb');
    if (found?.kind === 'name') return found;
  }
  return null;
}
