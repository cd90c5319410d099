/**
 * @module A small general lexicon of loaded and evaluative words: adjectives and verbs that judge rather than
 * report. Nothing here is about any topic; a word counts as framing when one source uses it and the others do not.
 */
const WORDS = (
  'alarming appalling atrocious audacious bizarre blatant bloody brazen brutal catastrophic chaos chaotic ' +
  'controversial cowardly crackdown crisis critical cruel dangerous daring deadly defiant desperate devastating ' +
  'devil disastrous disgraceful dramatic draconian embattled evil explosive extremist fanatic fierce flagrant ' +
  'grim grinding heroic historic horrific hypocrisy hypocritical illegal illicit infamous isolated lavish ' +
  'landmark lethal menacing merciless monstrous notorious outrageous pariah propaganda provocative radical ' +
  'rare reckless reclusive regime rogue ruthless sacred scandal scandalous seismic shameful shocking sinister ' +
  'slam slammed slams sumptuous stunning terrifying terror terrorist threat threatening troubling tyrant ' +
  'unprecedented unhinged vicious victory violent warmonger blasted lashed denounced condemned mocked ' +
  'boasted bragged admitted conceded claimed alleged so-called hardline hawkish dovish militarised militarized ' +
  'burgeoning fledgling defiance humiliating humiliation triumph triumphant dire grave ominous feared fears'
).split(' ');

const LEXICON = new Set(WORDS);

/** The lexicon entry a lower-case word is, or null. */
export function evaluative(lower: string): string | null {
  if (LEXICON.has(lower)) return lower;
  for (const suffix of ['s', 'es', 'ed', 'ly', 'ing']) {
    if (lower.endsWith(suffix) && LEXICON.has(lower.slice(0, -suffix.length))) return lower.slice(0, -suffix.length);
  }
  return null;
}
