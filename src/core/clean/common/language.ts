/**
 * @module Language identification with eld (medium model). The model is loaded once, at import, so that every
 * call stays synchronous and cleaners stay pure functions.
 */
const { eld } = await import('eld/medium');

/** Below this many letters eld's guesses are noise. */
const MIN_LETTERS = 40;

/** ISO 639-1 code of the text's language, or null when the text is too short or eld is not confident. */
export function detectLanguage(text: string): string | null {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return null;
  // eld reads the start of long texts well enough; capping the input keeps big captures fast.
  const result = eld.detect(text.length > 5000 ? text.slice(0, 5000) : text);
  if (!result.language || !result.isReliable()) return null;
  return result.language;
}
