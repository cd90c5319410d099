/**
 * @module What the in-memory reuse index keeps of each article to verify it later (id, language, body, content hash),
 * as bytes in large chunks outside the JS heap: a million bodies held as strings are millions of heap objects, which
 * every full garbage collection walks (seconds at that size, in the middle of some query); chunks of bytes are none.
 * Text whose chars all fit a byte is kept as latin1 (one byte a char), other text as UTF-16 code units (exact for any
 * string, lone surrogates included).
 */

/** Bytes of a chunk; a record larger than this gets a chunk of its own. */
const CHUNK = 32 << 20;
const LATIN1 = 0;
const UTF16 = 1;
/** A UTF-16 code unit beyond latin1 (no `u` flag: surrogates are code units too). */
const WIDE = /[\u0100-\uffff]/;
const HEX16 = /^[0-9a-f]{16}$/;

export interface StoredDoc {
  id: string;
  language: string | null;
  body: readonly string[];
  contentHash: string;
}

export class DocStore {
  #chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  #used = 0;
  /** Per article: chunk and byte offset of its record. */
  #chunk = new Uint32Array(1024);
  #offset = new Uint32Array(1024);
  /** Per article: its content hash as two uint32 (16 hex digits), and the index of its language in `#languages`. */
  #hash = new Uint32Array(2048);
  #language = new Uint16Array(1024);
  #languages: (string | null)[] = [];
  #languageIndex = new Map<string | null, number>();
  /** Content hashes that are not 16 hex digits (none from `fingerprint`), by handle. */
  #oddHashes = new Map<number, string>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Bytes held: chunks and per-article arrays. */
  get bytes(): number {
    let n = this.#chunk.byteLength + this.#offset.byteLength + this.#hash.byteLength + this.#language.byteLength;
    for (const c of this.#chunks) n += c.byteLength;
    return n;
  }

  /** Files the article; returns its handle (0, 1, 2, … in order). */
  add(doc: StoredDoc): number {
    const h = this.#size;
    if (h === this.#chunk.length) this.#grow();
    const strings = [doc.id, ...doc.body];
    let wide = false;
    let chars = 0;
    for (const s of strings) {
      chars += s.length;
      if (!wide && WIDE.test(s)) wide = true;
    }
    const size = 1 + 4 * (1 + strings.length) + (wide ? 2 : 1) * chars;
    let chunk = this.#chunks[this.#chunks.length - 1];
    if (!chunk || this.#used + size > chunk.length) {
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK, size));
      this.#chunks.push(chunk);
      this.#used = 0;
    }
    let at = this.#used;
    this.#chunk[h] = this.#chunks.length - 1;
    this.#offset[h] = at;
    chunk[at++] = wide ? UTF16 : LATIN1;
    chunk.writeUInt32LE(strings.length, at);
    at += 4;
    for (const s of strings) {
      chunk.writeUInt32LE(s.length, at);
      at += 4;
    }
    for (const s of strings) at += chunk.write(s, at, wide ? 'utf16le' : 'latin1');
    this.#used = at;

    if (HEX16.test(doc.contentHash)) {
      this.#hash[2 * h] = Number.parseInt(doc.contentHash.slice(0, 8), 16);
      this.#hash[2 * h + 1] = Number.parseInt(doc.contentHash.slice(8), 16);
    } else this.#oddHashes.set(h, doc.contentHash);
    let language = this.#languageIndex.get(doc.language);
    if (language === undefined) {
      language = this.#languages.length;
      if (language > 0xffff) throw new Error('more than 65,536 languages');
      this.#languages.push(doc.language);
      this.#languageIndex.set(doc.language, language);
    }
    this.#language[h] = language;
    this.#size++;
    return h;
  }

  /** The strings of a record: the id, then the paragraphs. */
  #strings(h: number, all: boolean): string[] {
    const chunk = this.#chunks[this.#chunk[h] as number] as Buffer;
    let at = this.#offset[h] as number;
    const encoding = chunk[at++] === UTF16 ? 'utf16le' : 'latin1';
    const width = encoding === 'utf16le' ? 2 : 1;
    const count = chunk.readUInt32LE(at);
    at += 4;
    let text = at + 4 * count;
    const n = all ? count : Math.min(count, 1);
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const end = text + width * chunk.readUInt32LE(at + 4 * i);
      out[i] = chunk.toString(encoding, text, end);
      text = end;
    }
    return out;
  }

  id(h: number): string {
    this.#check(h);
    return this.#strings(h, false)[0] as string;
  }

  language(h: number): string | null {
    this.#check(h);
    return this.#languages[this.#language[h] as number] ?? null;
  }

  contentHash(h: number): string {
    this.#check(h);
    return this.#oddHashes.get(h) ?? hex(this.#hash[2 * h] as number) + hex(this.#hash[2 * h + 1] as number);
  }

  get(h: number): StoredDoc {
    this.#check(h);
    const [id, ...body] = this.#strings(h, true);
    return { id: id as string, language: this.language(h), body, contentHash: this.contentHash(h) };
  }

  #check(h: number): void {
    if (!(h >= 0 && h < this.#size)) throw new RangeError(`no article ${h}`);
  }

  #grow(): void {
    const n = this.#chunk.length * 2;
    const u32 = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    this.#chunk = u32(this.#chunk);
    this.#offset = u32(this.#offset);
    const hash = new Uint32Array(2 * n);
    hash.set(this.#hash);
    this.#hash = hash;
    const language = new Uint16Array(n);
    language.set(this.#language);
    this.#language = language;
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
