/**
 * @module The plain data that flows through the pipeline. Every stage reads and writes these shapes; nothing here
 * knows about files, databases or terminals.
 */

/** What the bytes of a document are, once decoded. */
export type ContentType = 'text/plain' | 'text/html';

/** The container format a document was read from. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'rss' | 'atom' | 'rdf' | 'json-feed' | 'warc';

/**
 * One captured page or record, decoded to text but otherwise as it arrived.
 * `id` is derived from the normalized content and the article's URL (or outlet) so that re-ingesting the same thing
 * is recognised, while the same wire text carried by two outlets stays two documents.
 */
export interface Document {
  id: string;
  /** Where it was read from: a path or URL, with `#locator` for a record inside a container (line, item, offset). */
  source: string;
  /** The `id` a JSON Lines record carried, kept so callers can join back to their own data. */
  externalId: string | null;
  /** The article's own URL when the container tells it (JSONL `url`, feed item link, WARC target URI). */
  url: string | null;
  outlet: string | null;
  title: string | null;
  author: string | null;
  language: string | null;
  contentType: ContentType;
  format: InputFormat;
  /** ISO 8601. */
  fetchedAt: string | null;
  /** ISO 8601, as the container states it; the clean stage may find a better one in the text. */
  publishedAt: string | null;
  /** The decoded text or HTML. */
  content: string;
  /** Size of the raw bytes before decoding. */
  bytes: number;
}

/** A document before it has an id: what a parser produces. */
export type DocumentDraft = Omit<Document, 'id'>;

/**
 * A problem found while reading input, kept as data so that a batch goes on and the report lists each one
 * (after vfile's messages). `fatal` problems lost a record or a whole input; others are warnings.
 */
export interface Problem {
  /** The file or URL. */
  source: string;
  /** Line, item or record inside the source, when the problem is narrower than the whole input. */
  place: string | null;
  reason: string;
  fatal: boolean;
  /** `stage:rule`, e.g. `ingest:malformed-json`. */
  rule: string;
}

/** One line for a terminal or log: `source:place: reason`. */
export function formatProblem(p: Problem): string {
  return `${p.source}${p.place ? `:${p.place}` : ''}: ${p.reason}`;
}

/** Why a block of a capture was kept out of an article's body. */
export type RemovalReason =
  | 'navigation'
  | 'related'
  | 'teaser'
  | 'caption'
  | 'appeal'
  | 'footer'
  | 'duplicate'
  | 'heading'
  | 'byline'
  | 'metadata'
  | 'advertisement'
  | 'other';

export interface RemovedBlock {
  text: string;
  reason: RemovalReason;
}

/** How exact a published time is. */
export type TimePrecision = 'day' | 'minute' | 'second';

/**
 * One news article found in a document. A document (a page, a capture, a feed item) holds zero or more articles;
 * everything later in the pipeline reads articles.
 */
export interface Article {
  /** `<documentId>-<index>`. */
  id: string;
  documentId: string;
  /** 0-based position of the article within its document. */
  index: number;
  title: string | null;
  /** Author names, as the byline gives them. */
  authors: string[];
  /** The place a dateline names ("LONDON/PARIS", "PORT ALDRIN, Valdoria"). */
  dateline: string | null;
  /** ISO 8601: `YYYY-MM-DD` when only the day is known, a full timestamp otherwise. */
  published: string | null;
  publishedPrecision: TimePrecision | null;
  /** Wire agencies and outlets the text credits ("Reuters", "AFP", "TT"), in canonical form. */
  credits: string[];
  /** Credits of photos, kept apart from text credits. */
  photoCredits: string[];
  /** ISO 639-1. */
  language: string | null;
  url: string | null;
  outlet: string | null;
  /** The body as paragraphs of original text (lines broken mid-sentence rejoined). */
  body: string[];
  /**
   * `body` normalised paragraph by paragraph (Unicode NFKC, straight quotes, one dash, white space collapsed): later
   * stages match on this and quote `body`, so typography never hides a reuse nor changes a quotation.
   */
  normalized: string[];
  /** Section headings inside the body, each with the index of the paragraph it precedes. */
  headings: { before: number; text: string }[];
  /** Photo captions, each kept once. */
  captions: string[];
  /** What was kept out of the body, and why. */
  removed: RemovedBlock[];
  cleanerVersion: number;
}

/** What a cleaner finds in a document, before ids and provenance fields are attached. */
export type ArticleDraft = Omit<
  Article,
  'id' | 'documentId' | 'index' | 'cleanerVersion' | 'url' | 'outlet' | 'normalized'
> & {
  url?: string | null;
  outlet?: string | null;
};
