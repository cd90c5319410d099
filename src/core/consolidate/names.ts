/**
 * @module Names of people and organisations as a reader would accept them: "Foreign Minister Ana Ruiz" is Ana
 * Ruiz (role: Foreign Minister), "Ms Ruiz" and "Ruiz" are the story's "Ana Ruiz", and the "National Weather
 * Service" is the "NWS" the story mostly calls it.
 */
import { MONTHS, WEEKDAYS } from '../clean/common/dates.js';
import { isFunctionWord } from '../fingerprint/words.js';

// Titles and ranks written before a name, capitalised or not; the name is what follows the last of them.
const TITLES = new Set(
  (
    'president vice prime minister secretary spokesman spokeswoman spokesperson ambassador chancellor king queen ' +
    'prince princess senator sen governor gov mayor general gen colonel col lieutenant lt captain capt admiral adm ' +
    'director chairman chairwoman chair chief deputy commissioner judge justice pope cardinal bishop archbishop ' +
    'rabbi imam sheikh leader premier sir dame lord lady mr mrs ms mx dr prof professor rep representative speaker ' +
    'attorney officer envoy ceo cfo coo founder editor analyst researcher adviser advisor counsellor counselor ' +
    'sergeant sgt major maj commander cmdr marshal emir sultan monsieur madame herr frau señor señora'
  ).split(' '),
);

// Words that mark a name as an organisation's rather than a person's.
const ORG_WORDS = new Set(
  (
    'agency ministry council department office party committee commission bank union organization organisation ' +
    'institute university group company corporation corp inc ltd llc news times post press service services ' +
    'government kremlin house army navy police court parliament congress senate assembly foundation association ' +
    'federation fund authority board bureau centre center media tv radio network channel broadcaster newspaper ' +
    'journal daily herald tribune reuters afp ap dpa xinhua tass ria interfax yonhap kyodo efe ansa bloomberg ' +
    'cabinet secretariat embassy mission forces command guard'
  ).split(' '),
);

const HONORIFIC = /^(?:mr|mrs|ms|mx|dr|prof|sir|dame|monsieur|madame|mme|herr|frau)\.?\s+/i;
// Lower-case words that may sit inside a name ("Ministry of Defence", "Osama bin Laden", "Ursula von der Leyen").
const CONNECTORS = new Set('of de du des la le del della di da dos das bin ibn al el van von der den ter y'.split(' '));

const lettersOf = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

function isCapitalisedWord(token: string): boolean {
  const w = lettersOf(token);
  const c = w[0];
  if (!c || c === c.toLowerCase()) return false;
  const lower = w.toLowerCase().replace(/['’]s$/, '');
  return !(isFunctionWord(lower) || lower in MONTHS || WEEKDAYS.has(lower));
}

/**
 * Runs of capitalised words in a phrase, each as written. A possessive run ("Russia's") modifies a noun and names
 * no speaker, so it is left out unless `possessive` asks for every mention; a lone hyphenated pair ("Paris-Berlin
 * talks", "Lisbon-Madrid axis") is a compound modifier, not a double-barrelled name.
 */
export function nameRuns(phrase: string, possessive = false): string[] {
  const tokens = phrase.split(/\s+/).filter(Boolean);
  const runs: string[] = [];
  let run: string[] = [];
  const close = (isPossessive: boolean) => {
    while (run.length > 0 && CONNECTORS.has(lettersOf(run[run.length - 1] ?? '').toLowerCase())) run.pop();
    const compound = run.length === 1 && /^\p{Lu}[\p{L}.]*-\p{Lu}/u.test(lettersOf(run[0] ?? ''));
    if (run.length > 0 && !compound && (possessive || !isPossessive)) {
      runs.push(
        run
          .map(lettersOf)
          .join(' ')
          .replace(/['’]s$/, ''),
      );
    }
    run = [];
  };
  tokens.forEach((token, i) => {
    const bare = lettersOf(token);
    const next = tokens[i + 1];
    // Inside a name, a capitalised word is part of it even when it spells a function word elsewhere ("Kim Jong Un", where "Un" is a French article).
    const inside =
      isCapitalisedWord(token) ||
      (run.length > 0 && /^\p{Lu}/u.test(bare)) ||
      (run.length > 0 && CONNECTORS.has(bare.toLowerCase()) && next !== undefined && isCapitalisedWord(next));
    if (!inside || !bare) {
      close(false);
      return;
    }
    if (/^[(["“‘]/.test(token) && run.length > 0) close(false);
    run.push(token);
    if (/['’]s[^\p{L}]*$/u.test(token)) close(true);
    else if (/[,;:.)\]"”’!?]$/.test(token) && !/^(?:\p{Lu}\.)+$/u.test(bare + '.')) close(false);
  });
  close(false);
  return runs.filter((r) => r.length > 1);
}

/** "Foreign Minister Yoko Kamikawa" → name "Yoko Kamikawa", role "Foreign Minister". */
export function splitTitle(run: string): { name: string; role: string | null } {
  const tokens = run.replace(HONORIFIC, '').split(' ');
  let last = -1;
  tokens.forEach((t, i) => {
    if (TITLES.has(t.toLowerCase().replace(/\.$/, ''))) last = i;
  });
  if (last < 0 || last === tokens.length - 1) return { name: tokens.join(' '), role: null };
  return { name: tokens.slice(last + 1).join(' '), role: tokens.slice(0, last + 1).join(' ') };
}

export function isTitleWord(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

export function isOrganisation(name: string): boolean {
  const bare = name.replace(/\./g, '');
  if (/^\p{Lu}{2,6}$/u.test(bare)) return true;
  return name.split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase()));
}

/** Comparison key: case, hyphens, dots and honorifics do not make another name. */
export function nameKey(name: string): string {
  return name
    .replace(HONORIFIC, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[-‐–'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => isCapitalisedWord(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/**
 * The names a story mentions, with counts per article, used to resolve a speaker to the fullest form the story
 * gives: a surname to the full name the same article (or else the story) uses, an acronym and its expansion to
 * whichever the story uses more.
 */
export class NameBook {
  private readonly byArticle = new Map<string, Map<string, number>>();
  private readonly total = new Map<string, number>();
  private readonly display = new Map<string, Map<string, number>>();
  /** Answers already given: the book does not change once built, and a story asks about the same few speakers. */
  private readonly canonicalMemo = new Map<string, string>();
  private readonly preferredMemo = new Map<string, string>();

  constructor(texts: Iterable<{ article: string; text: string }>) {
    for (const { article, text } of texts) {
      const counts = this.byArticle.get(article) ?? new Map<string, number>();
      this.byArticle.set(article, counts);
      for (const run of nameRuns(text, true)) {
        const { name } = splitTitle(run);
        const key = nameKey(name);
        if (!key) continue;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        this.total.set(key, (this.total.get(key) ?? 0) + 1);
        const forms = this.display.get(key) ?? new Map<string, number>();
        this.display.set(key, forms);
        forms.set(name, (forms.get(name) ?? 0) + 1);
      }
    }
  }

  /** The story's form of a speaker's name as one article writes it. */
  canonical(raw: string, article: string): string {
    const memo = `${article}\u0000${raw}`;
    const known = this.canonicalMemo.get(memo);
    if (known !== undefined) return known;
    const name = raw.replace(HONORIFIC, '').trim();
    let key = nameKey(name);
    if (!key.includes(' ')) key = this.expandSurname(key, article) ?? key;
    key = this.preferAcronymOrExpansion(key);
    const out = this.bestDisplay(key) ?? name;
    this.canonicalMemo.set(memo, out);
    return out;
  }

  private expandSurname(key: string, article: string): string | null {
    // Family names come last in most names the press writes, first in Korean, Chinese and Hungarian ones: either
    // end may match, and the name the article (else the story) mentions most wins.
    const pick = (counts: Map<string, number> | undefined) => {
      let best: string | null = null;
      let bestCount = 0;
      for (const [k, n] of counts ?? []) {
        const words = k.split(' ');
        if (words.length < 2 || (words[0] !== key && words[words.length - 1] !== key)) continue;
        if (n > bestCount) [best, bestCount] = [k, n];
      }
      return best;
    };
    return pick(this.byArticle.get(article)) ?? pick(this.total);
  }

  private preferAcronymOrExpansion(key: string): string {
    let preferred = this.preferredMemo.get(key);
    if (preferred === undefined) {
      preferred = this.acronymOrExpansion(key);
      this.preferredMemo.set(key, preferred);
    }
    return preferred;
  }

  private acronymOrExpansion(key: string): string {
    const forms = this.bestDisplay(key) ?? key;
    const isAcronym = /^\p{Lu}{2,6}$/u.test(forms.replace(/\./g, ''));
    // Only organisations go by initials; two people may share them.
    if (!isAcronym && !isOrganisation(forms)) return key;
    const acronym = isAcronym ? forms.replace(/\./g, '') : initials(forms);
    if (acronym.length < 2) return key;
    let best = key;
    let bestCount = this.total.get(key) ?? 0;
    for (const [k, n] of this.total) {
      if (k === key) continue;
      const display = this.bestDisplay(k) ?? k;
      const same = k === acronym.toLowerCase() || (k.includes(' ') && initials(display) === acronym);
      if (same && (n > bestCount || (n === bestCount && k.length < best.length))) [best, bestCount] = [k, n];
    }
    return best;
  }

  private bestDisplay(key: string): string | null {
    let best: string | null = null;
    let bestCount = 0;
    for (const [form, n] of this.display.get(key) ?? []) if (n > bestCount) [best, bestCount] = [form, n];
    return best;
  }
}
