import { createHash } from 'node:crypto';
import type { Document, DocumentDraft } from '../model.js';

const WHITESPACE = /\s+/g;

/** The text a document id is computed from: Unicode NFC with every run of white space folded to one space. */
export function normalizeForIdentity(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE, ' ').trim();
}

/**
 * A stable 16-hex-digit id. The URL (or, lacking one, the outlet) takes part so that two outlets carrying the
 * same wire text verbatim are two documents (a `duplicate` relation later), while the same capture read twice,
 * from any path, is one.
 */
export function documentId(draft: Pick<DocumentDraft, 'url' | 'outlet' | 'title' | 'content'>): string {
  const origin = draft.url ?? draft.outlet ?? '';
  return createHash('sha256')
    .update(origin)
    .update('\u0000')
    .update(draft.title ? normalizeForIdentity(draft.title) : '')
    .update('\u0000')
    .update(normalizeForIdentity(draft.content))
    .digest('hex')
    .slice(0, 16);
}

export function withId(draft: DocumentDraft): Document {
  return { id: documentId(draft), ...draft };
}
