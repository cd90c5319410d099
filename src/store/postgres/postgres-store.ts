/**
 * @module The PostgreSQL backend: the same tables, semantics and ordering as the SQLite store
 * (`../sqlite/sqlite-store.ts`), one transaction per batch call, and bulk statements (`unnest` of arrays) so that a
 * batch costs a few round trips whatever its size.
 *
 * Several processes may share one database. Each batch is one transaction, so readers never see half of one.
 * Writes that hand out arrival sequences (`putDocuments`, `putCleanResults`) also take an advisory lock: batches
 * then commit in the order they took their sequences, so a reader paging by `afterSeq` never passes over a row that
 * commits later with a smaller sequence, and two batches holding the same ids in different orders cannot deadlock.
 * The other writes rely on row locks; a deadlock between them is retried (`inTransaction`).
 */
import type pg from 'pg';
import type { Article, Document } from '../../core/model.js';
import type { Relation, RelationType } from '../../core/relate/types.js';
import { type DocumentRow, SUMMARY_COLUMNS, toDocument, toSummary } from '../rows.js';
import {
  type ArticleSummary,
  type ArticleTime,
  type CleanResult,
  type DocumentSummary,
  type IndexEntry,
  type IngestRun,
  type ListQuery,
  type PutOutcome,
  type RelationQuery,
  type SeqArticle,
  type Store,
  StoreError,
  type StoreStats,
  type StoryEventRow,
  type StoryRow,
  type StoryUpdate,
} from '../store.js';
import {
  connectionError,
  createPool,
  inSnapshot,
  inTransaction,
  migrate,
  type PostgresTarget,
  parseTarget,
} from './connection.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database?schema=name` (any parameter `pg` understands is passed on). */
  url: string;
  /** Schema holding the tables, created if missing; overrides `?schema=`. Without either: the server's search_path. */
  schema?: string;
  /** Connections in the pool (default 4). */
  maxConnections?: number;
}

function toSeqArticle(r: { seq: number; data: string }): SeqArticle {
  return { seq: r.seq, article: JSON.parse(r.data) as Article };
}

/**
 * The last item per key, at the place of that last item. SQLite applies a batch row by row, so a repeated key ends
 * with the last value; one `INSERT … ON CONFLICT DO UPDATE` may not touch a row twice, so repeats go first.
 */
function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const last = new Map<string, number>();
  items.forEach((item, i) => {
    last.set(key(item), i);
  });
  return items.filter((item, i) => last.get(key(item)) === i);
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite can). Name the document instead of failing with a bare encoding error;
 * the batch is refused whole, as any failing batch is.
 */
function refuseNul(docs: readonly Document[]): void {
  for (const d of docs) {
    for (const [field, value] of Object.entries(d)) {
      if (typeof value === 'string' && value.includes('\u0000')) {
        throw new StoreError(`${d.source}: ${field} holds U+0000, which PostgreSQL text cannot store`);
      }
    }
  }
}

/** Below this many new LSH rows a sequential scan costs little: no ANALYZE for them. */
const LSH_ANALYSE_FLOOR = 5000;

/** Deletes the LSH rows of the articles whose fingerprints `where` selects (`f` is the fingerprints alias). */
const DROP_KEYS = (where: string) =>
  `DELETE FROM lsh l USING (
     SELECT f.article_seq, unnest(f.keys) AS key FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE ${where}
   ) old WHERE l.key = old.key AND l.article_seq = old.article_seq`;

const UPSERT_RELATIONS = `INSERT INTO relations (a, b, type, score, evidence)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[])
  ON CONFLICT (a, b) DO UPDATE SET type = excluded.type, score = excluded.score, evidence = excluded.evidence`;

async function upsertRelations(client: pg.PoolClient, relations: readonly Relation[]): Promise<void> {
  const rows = lastByKey(relations, (r) => `${r.a}\u0000${r.b}`);
  if (rows.length === 0) return;
  await client.query(UPSERT_RELATIONS, [
    rows.map((r) => r.a),
    rows.map((r) => r.b),
    rows.map((r) => r.type),
    rows.map((r) => r.score),
    rows.map((r) => JSON.stringify(r.evidence)),
  ]);
}

/** A PostgreSQL database (or one schema of it), shared safely by several storytrace processes. */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #schemaVersion: number;
  #closed = false;
  /** LSH rows this store wrote since it last had the table analysed, and the table's size then (see `#keepStats`). */
  #lshWritten = 0;
  #lshAnalysed: number | null = null;

  private constructor(target: PostgresTarget, pool: pg.Pool, schemaVersion: number) {
    this.location = target.location;
    this.#pool = pool;
    this.#schemaVersion = schemaVersion;
  }

  /** Connects, creates the schema if asked for one, and migrates it to the latest version. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const target = parseTarget(options.url, options.schema);
    const pool = createPool(target, options.maxConnections ?? 4);
    try {
      const version = await migrate(pool, target.schema);
      return new PostgresStore(target, pool, version);
    } catch (error) {
      await pool.end().catch(() => {});
      throw connectionError(error, target.location);
    }
  }

  /**
   * Safe when several processes insert the same documents at once: `ON CONFLICT DO NOTHING` keeps one row per id,
   * and only the batch whose row landed hears 'inserted' (the unique index makes a concurrent insert of the same id
   * wait for the first transaction; if that one rolls back, the second inserts). The batch lock (see the module)
   * orders them anyway. A repeat inside the batch is 'present', as the second of two rows in SQLite is.
   */
  async putDocuments(docs: readonly Document[]): Promise<PutOutcome[]> {
    if (docs.length === 0) return [];
    refuseNul(docs);
    const seen = new Set<string>();
    const firsts = docs.filter((d) => !seen.has(d.id) && seen.add(d.id));
    const column = <K extends keyof Document>(k: K) => firsts.map((d) => d[k]);
    const inserted = await inTransaction(
      this.#pool,
      async (client) => {
        const r = await client.query<{ id: string }>(
          `INSERT INTO documents (id, source, external_id, url, outlet, title, author, language, content_type, format,
             fetched_at, published_at, bytes, content, ingested_at)
           SELECT id, source, external_id, url, outlet, title, author, language, content_type, format,
             fetched_at, published_at, bytes, content, $15::text
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
             $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[])
             WITH ORDINALITY AS d (id, source, external_id, url, outlet, title, author, language, content_type, format,
               fetched_at, published_at, bytes, content, ord)
           ORDER BY ord
           ON CONFLICT (id) DO NOTHING
           RETURNING id`,
          [
            column('id'),
            column('source'),
            column('externalId'),
            column('url'),
            column('outlet'),
            column('title'),
            column('author'),
            column('language'),
            column('contentType'),
            column('format'),
            column('fetchedAt'),
            column('publishedAt'),
            column('bytes'),
            column('content'),
            new Date().toISOString(),
          ],
        );
        return new Set(r.rows.map((row) => row.id));
      },
      'documents',
    );
    return docs.map((d): PutOutcome => (inserted.delete(d.id) ? 'inserted' : 'present'));
  }

  async getDocument(id: string): Promise<Document | null> {
    const r = await this.#pool.query<DocumentRow>(`SELECT ${SUMMARY_COLUMNS}, content FROM documents WHERE id = $1`, [
      id,
    ]);
    const row = r.rows[0];
    return row ? toDocument(row) : null;
  }

  async resolveDocument(ref: string): Promise<string[]> {
    const exact = await this.#pool.query<{ id: string }>(
      'SELECT id FROM documents WHERE id = $1 OR external_id = $1 ORDER BY seq LIMIT 10',
      [ref],
    );
    if (exact.rows.length || ref.length < 4 || !/^[0-9a-f]+$/.test(ref)) return exact.rows.map((r) => r.id);
    // A range scan on the unique index (ids are COLLATE "C"), as in SQLite.
    const rows = await this.#pool.query<{ id: string }>(
      'SELECT id FROM documents WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 10',
      [ref, `${ref}g`],
    );
    return rows.rows.map((r) => r.id);
  }

  async listDocuments(query: ListQuery = {}): Promise<DocumentSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.format) {
      params.push(query.format);
      where.push(`format = $${params.length}`);
    }
    if (query.outlet) {
      params.push(query.outlet);
      where.push(`outlet = $${params.length}`);
    }
    // LIMIT NULL is no limit, as SQLite's LIMIT -1.
    params.push(query.limit ?? null, query.offset ?? 0);
    const r = await this.#pool.query<DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return r.rows.map(toSummary);
  }

  async countDocuments(): Promise<number> {
    return (await this.#pool.query<{ n: number }>('SELECT count(*) AS n FROM documents')).rows[0]?.n ?? 0;
  }

  async recordRun(run: IngestRun): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      const r = await client.query<{ id: number }>(
        `INSERT INTO ingest_runs (started_at, finished_at, inputs, ingested, present, failed, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [run.startedAt, run.finishedAt, JSON.stringify(run.inputs), run.ingested, run.present, run.failed, run.bytes],
      );
      if (run.problems.length === 0) return;
      await client.query(
        `INSERT INTO ingest_problems (run_id, source, place, reason, rule, fatal)
         SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])`,
        [
          r.rows[0]?.id,
          run.problems.map((p) => p.source),
          run.problems.map((p) => p.place),
          run.problems.map((p) => p.reason),
          run.problems.map((p) => p.rule),
          run.problems.map((p) => p.fatal),
        ],
      );
    });
  }

  async putCleanResults(results: readonly CleanResult[]): Promise<void> {
    const latest = lastByKey(results, (r) => r.documentId);
    if (latest.length === 0) return;
    const ids = latest.map((r) => r.documentId);
    const articles = latest.flatMap((r) => r.articles);
    await inTransaction(
      this.#pool,
      async (client) => {
        // Fingerprints and relations go with the articles (ON DELETE CASCADE); LSH rows have no foreign key (they
        // are the biggest table, kept lean) and are dropped first, from the keys the fingerprints list.
        await client.query(DROP_KEYS('a.document_id = ANY($1::text[])'), [ids]);
        await client.query('DELETE FROM articles WHERE document_id = ANY($1::text[])', [ids]);
        await client.query(
          `INSERT INTO clean_status (document_id, cleaner_version, articles, reason, cleaned_at)
           SELECT *, $5::text FROM unnest($1::text[], $2::int[], $3::int[], $4::text[])
           ON CONFLICT (document_id) DO UPDATE SET cleaner_version = excluded.cleaner_version,
             articles = excluded.articles, reason = excluded.reason, cleaned_at = excluded.cleaned_at`,
          [
            ids,
            latest.map((r) => r.cleanerVersion),
            latest.map((r) => r.articles.length),
            latest.map((r) => r.reason),
            new Date().toISOString(),
          ],
        );
        if (articles.length === 0) return;
        await client.query(
          `INSERT INTO articles (id, document_id, idx, title, published, language, cleaner_version, data)
           SELECT id, document_id, idx, title, published, language, cleaner_version, data
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[])
             WITH ORDINALITY AS x (id, document_id, idx, title, published, language, cleaner_version, data, ord)
           ORDER BY ord`,
          [
            articles.map((a) => a.id),
            articles.map((a) => a.documentId),
            articles.map((a) => a.index),
            articles.map((a) => a.title),
            articles.map((a) => a.published),
            articles.map((a) => a.language),
            articles.map((a) => a.cleanerVersion),
            articles.map((a) => JSON.stringify(a)),
          ],
        );
      },
      'articles',
    );
  }

  async getCleanResult(documentId: string): Promise<CleanResult | null> {
    return inSnapshot(this.#pool, async (client) => {
      const status = (
        await client.query<{ cleaner_version: number; reason: string | null }>(
          'SELECT cleaner_version, reason FROM clean_status WHERE document_id = $1',
          [documentId],
        )
      ).rows[0];
      if (!status) return null;
      const rows = await client.query<{ data: string }>(
        'SELECT data FROM articles WHERE document_id = $1 ORDER BY idx',
        [documentId],
      );
      return {
        documentId,
        cleanerVersion: status.cleaner_version,
        reason: status.reason,
        articles: rows.rows.map((r) => JSON.parse(r.data) as Article),
      };
    });
  }

  async documentsToClean(
    version: number,
    options: { afterSeq: number; limit: number; force?: boolean },
  ): Promise<{ seq: number; document: Document }[]> {
    const r = await this.#pool.query<DocumentRow & { seq: number }>(
      `SELECT d.seq, ${SUMMARY_COLUMNS.split(', ')
        .map((c) => `d.${c}`)
        .join(', ')}, d.content FROM documents d
       LEFT JOIN clean_status c ON c.document_id = d.id
       WHERE d.seq > $1 AND ($2 OR c.cleaner_version IS NULL OR c.cleaner_version < $3)
       ORDER BY d.seq LIMIT $4`,
      [options.afterSeq, options.force === true, version, options.limit],
    );
    return r.rows.map((row) => ({ seq: row.seq, document: toDocument(row) }));
  }

  async countDocumentsToClean(version: number, options: { force?: boolean } = {}): Promise<number> {
    if (options.force) return this.countDocuments();
    const r = await this.#pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM documents d LEFT JOIN clean_status c ON c.document_id = d.id
       WHERE c.cleaner_version IS NULL OR c.cleaner_version < $1`,
      [version],
    );
    return r.rows[0]?.n ?? 0;
  }

  async listArticles(): Promise<ArticleSummary[]> {
    const r = await this.#pool.query<{
      id: string;
      document_id: string;
      external_id: string | null;
      idx: number;
      title: string | null;
      published: string | null;
      language: string | null;
    }>(
      `SELECT a.id, a.document_id, d.external_id, a.idx, a.title, a.published, a.language FROM articles a
       JOIN documents d ON d.id = a.document_id ORDER BY d.seq, a.idx`,
    );
    return r.rows.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      externalId: row.external_id,
      index: row.idx,
      title: row.title,
      published: row.published,
      language: row.language,
    }));
  }

  /** In the order asked, repeats included, missing ones left out: what SQLite's one lookup per id gives. */
  async getArticles(ids: readonly string[]): Promise<SeqArticle[]> {
    if (ids.length === 0) return [];
    const r = await this.#pool.query<{ seq: number; data: string }>(
      `SELECT a.seq, a.data FROM unnest($1::text[]) WITH ORDINALITY AS q (id, ord)
       JOIN articles a ON a.id = q.id ORDER BY q.ord`,
      [ids],
    );
    return r.rows.map(toSeqArticle);
  }

  async getArticlesBySeq(seqs: readonly number[]): Promise<SeqArticle[]> {
    if (seqs.length === 0) return [];
    const r = await this.#pool.query<{ seq: number; data: string }>(
      `SELECT a.seq, a.data FROM unnest($1::bigint[]) WITH ORDINALITY AS q (seq, ord)
       JOIN articles a ON a.seq = q.seq ORDER BY q.ord`,
      [seqs],
    );
    return r.rows.map(toSeqArticle);
  }

  async articlesToIndex(
    version: number,
    options: { afterSeq: number; limit: number; force?: boolean },
  ): Promise<SeqArticle[]> {
    const r = await this.#pool.query<{ seq: number; data: string }>(
      `SELECT a.seq, a.data FROM articles a LEFT JOIN fingerprints f ON f.article_seq = a.seq
       WHERE a.seq > $1 AND ($2 OR f.version IS NULL OR f.version <> $3) ORDER BY a.seq LIMIT $4`,
      [options.afterSeq, options.force === true, version, options.limit],
    );
    return r.rows.map(toSeqArticle);
  }

  async countArticlesToIndex(version: number, options: { force?: boolean } = {}): Promise<number> {
    const r = await this.#pool.query<{ n: number }>(
      `SELECT count(*) AS n FROM articles a LEFT JOIN fingerprints f ON f.article_seq = a.seq
       WHERE $1 OR f.version IS NULL OR f.version <> $2`,
      [options.force === true, version],
    );
    return r.rows[0]?.n ?? 0;
  }

  async lshLookup(keys: readonly number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (keys.length === 0) return out;
    const r = await this.#pool.query<{ key: number; seq: number }>(
      'SELECT key, article_seq AS seq FROM lsh WHERE key = ANY($1::bigint[])',
      [keys],
    );
    for (const row of r.rows) {
      const hit = out.get(row.seq);
      if (hit) hit.push(row.key);
      else out.set(row.seq, [row.key]);
    }
    return out;
  }

  async putIndexEntries(entries: readonly IndexEntry[], relations: readonly Relation[]): Promise<void> {
    const latest = lastByKey(entries, (e) => String(e.seq));
    // Keys travel flat, one (seq, key) pair each: arrays of different lengths cannot be unnested side by side.
    const keySeqs = latest.flatMap((e) => e.keys.map(() => e.seq));
    const keys = latest.flatMap((e) => e.keys);
    const seqs = latest.map((e) => e.seq);
    await inTransaction(this.#pool, async (client) => {
      if (latest.length) {
        await client.query(DROP_KEYS('f.article_seq = ANY($1::bigint[])'), [seqs]);
        await client.query(
          `INSERT INTO fingerprints (article_seq, version, data, keys)
           SELECT e.seq, e.version, e.data, coalesce(k.keys, '{}')
           FROM unnest($1::bigint[], $2::int[], $3::bytea[]) AS e (seq, version, data)
           LEFT JOIN (
             SELECT seq, array_agg(key ORDER BY ord) AS keys
             FROM unnest($4::bigint[], $5::bigint[]) WITH ORDINALITY AS p (seq, key, ord) GROUP BY seq
           ) k ON k.seq = e.seq
           ON CONFLICT (article_seq) DO UPDATE SET version = excluded.version, data = excluded.data, keys = excluded.keys`,
          [seqs, latest.map((e) => e.version), latest.map((e) => e.fingerprint), keySeqs, keys],
        );
        if (keys.length) {
          await client.query(
            `INSERT INTO lsh (key, article_seq) SELECT * FROM unnest($1::bigint[], $2::bigint[])
             ON CONFLICT DO NOTHING`,
            [keys, keySeqs],
          );
        }
        const ids = latest.map((e) => e.articleId);
        await client.query('DELETE FROM relations WHERE a = ANY($1::text[]) OR b = ANY($1::text[])', [ids]);
      }
      await upsertRelations(client, relations);
    });
    await this.#keepStats(keys.length);
  }

  /**
   * Without statistics the planner guesses that `key = ANY(100 keys)` matches half of `lsh` and scans all of it
   * (measured: 8 ms instead of 0.1 ms per lookup at 100k rows, growing with the table). Autovacuum analyses a table
   * only a minute or more after it grew, which is the whole of a first bulk indexing, so the store analyses `lsh`
   * itself each time this process has written more rows than the table held at the last analysis: a handful of
   * ANALYZEs (a sample of 30k rows each) while the table grows, none once it is stable.
   */
  async #keepStats(written: number): Promise<void> {
    this.#lshWritten += written;
    this.#lshAnalysed ??=
      (
        await this.#pool.query<{ n: number }>(
          "SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'lsh'::regclass",
        )
      ).rows[0]?.n ?? 0;
    if (this.#lshWritten < Math.max(LSH_ANALYSE_FLOOR, this.#lshAnalysed)) return;
    await this.#pool.query('ANALYZE lsh');
    this.#lshAnalysed += this.#lshWritten;
    this.#lshWritten = 0;
  }

  async putRelations(relations: readonly Relation[]): Promise<void> {
    if (relations.length === 0) return;
    await inTransaction(this.#pool, (client) => upsertRelations(client, relations));
  }

  async listRelations(query: RelationQuery = {}): Promise<Relation[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.article) {
      params.push(query.article);
      where.push(`(a = $${params.length} OR b = $${params.length})`);
    }
    if (query.types?.length) {
      params.push(query.types);
      where.push(`type = ANY($${params.length}::text[])`);
    }
    if (query.minScore !== undefined) {
      params.push(query.minScore);
      where.push(`score >= $${params.length}`);
    }
    const r = await this.#pool.query<{ a: string; b: string; type: RelationType; score: number; evidence: string }>(
      `SELECT a, b, type, score, evidence FROM relations ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY score DESC, a, b ${query.limit ? `LIMIT ${Math.floor(query.limit)}` : ''}`,
      params,
    );
    return r.rows.map((row) => ({
      a: row.a,
      b: row.b,
      type: row.type,
      score: row.score,
      evidence: JSON.parse(row.evidence),
    }));
  }

  async articlesToCluster(options: { afterSeq: number; limit: number }): Promise<SeqArticle[]> {
    const r = await this.#pool.query<{ seq: number; data: string }>(
      `SELECT a.seq, a.data FROM articles a LEFT JOIN story_members m ON m.article_id = a.id
       WHERE a.seq > $1 AND m.story_id IS NULL ORDER BY a.seq LIMIT $2`,
      [options.afterSeq, options.limit],
    );
    return r.rows.map(toSeqArticle);
  }

  async countArticlesToCluster(): Promise<number> {
    const r = await this.#pool.query<{ n: number }>(
      'SELECT count(*) AS n FROM articles a LEFT JOIN story_members m ON m.article_id = a.id WHERE m.story_id IS NULL',
    );
    return r.rows[0]?.n ?? 0;
  }

  async listArticleTimes(options: { unclustered?: boolean } = {}): Promise<ArticleTime[]> {
    const r = await this.#pool.query<{
      seq: number;
      id: string;
      published: string | null;
      fetched_at: string | null;
      ingested_at: string;
    }>(
      `SELECT a.seq, a.id, a.published, d.fetched_at, d.ingested_at FROM articles a
       JOIN documents d ON d.id = a.document_id
       ${options.unclustered ? 'LEFT JOIN story_members m ON m.article_id = a.id WHERE m.story_id IS NULL' : ''}
       ORDER BY a.seq`,
    );
    return r.rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      published: row.published,
      fetchedAt: row.fetched_at,
      ingestedAt: row.ingested_at,
    }));
  }

  async putStoryUpdate(update: StoryUpdate): Promise<void> {
    const at = new Date().toISOString();
    // SQLite applies members one by one: an article listed twice keeps the kind it first joined with and ends in
    // the last story named.
    const members = new Map<string, { storyId: string; kind: string }>();
    for (const m of update.members) {
      members.set(m.articleId, { storyId: m.storyId, kind: members.get(m.articleId)?.kind ?? m.kind });
    }
    const stories = lastByKey(update.stories, (s) => s.id);
    const moves = new Map<string, string>();
    for (const s of stories) for (const id of s.articles) moves.set(id, s.id);
    await inTransaction(this.#pool, async (client) => {
      if (members.size) {
        await client.query(
          `INSERT INTO story_members (article_id, story_id, kind, joined_at)
           SELECT *, $4::text FROM unnest($1::text[], $2::text[], $3::text[])
           ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`,
          [
            [...members.keys()],
            [...members.values()].map((m) => m.storyId),
            [...members.values()].map((m) => m.kind),
            at,
          ],
        );
      }
      if (stories.length) {
        await client.query(
          `INSERT INTO stories (id, title, articles, first_seen, last_seen, updated_at)
           SELECT *, $6::text FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, articles = excluded.articles,
             first_seen = excluded.first_seen, last_seen = excluded.last_seen, updated_at = excluded.updated_at`,
          [
            stories.map((s) => s.id),
            stories.map((s) => s.title),
            stories.map((s) => s.articles.length),
            stories.map((s) => s.firstSeen),
            stories.map((s) => s.lastSeen),
            at,
          ],
        );
        await client.query(
          `UPDATE story_members m SET story_id = x.story_id FROM unnest($1::text[], $2::text[]) AS x (article_id, story_id)
           WHERE m.article_id = x.article_id`,
          [[...moves.keys()], [...moves.values()]],
        );
        // Title and dates follow the members: the first member with a title, the earliest and latest dates.
        await client.query(
          `UPDATE stories s SET
             articles = (SELECT count(*) FROM story_members WHERE story_id = s.id),
             title = coalesce(s.title, (SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id
                       WHERE m.story_id = s.id AND a.title IS NOT NULL ORDER BY a.seq LIMIT 1)),
             first_seen = (SELECT min(a.published) FROM story_members m JOIN articles a ON a.id = m.article_id
                           WHERE m.story_id = s.id),
             last_seen = (SELECT max(a.published) FROM story_members m JOIN articles a ON a.id = m.article_id
                          WHERE m.story_id = s.id)
           WHERE s.id = ANY($1::text[])`,
          [stories.map((s) => s.id)],
        );
      }
      if (update.removed.length) {
        await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [update.removed]);
      }
      if (update.events.length) {
        await client.query(
          `INSERT INTO story_events (at, kind, story_id, data)
           SELECT $1::text, kind, story_id, data FROM unnest($2::text[], $3::text[], $4::text[])
             WITH ORDINALITY AS e (kind, story_id, data, ord)
           ORDER BY ord`,
          [
            at,
            update.events.map((e) => e.kind),
            update.events.map((e) => e.story),
            update.events.map((e) => JSON.stringify(e.data)),
          ],
        );
      }
      if (update.state) {
        await client.query(
          `INSERT INTO engine_state (name, data, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
          [update.state.name, update.state.data, at],
        );
      }
    });
  }

  async listStories(): Promise<StoryRow[]> {
    return inSnapshot(this.#pool, async (client) => {
      const stories = await client.query<{
        id: string;
        title: string | null;
        first_seen: string | null;
        last_seen: string | null;
      }>('SELECT id, title, first_seen, last_seen FROM stories ORDER BY first_seen IS NULL, first_seen, id');
      const members = await client.query<{ story_id: string; article_id: string }>(
        'SELECT m.story_id, m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id ORDER BY a.seq',
      );
      const byStory = new Map<string, string[]>();
      for (const m of members.rows) {
        const list = byStory.get(m.story_id);
        if (list) list.push(m.article_id);
        else byStory.set(m.story_id, [m.article_id]);
      }
      return stories.rows.map((s) => ({
        id: s.id,
        title: s.title,
        articles: byStory.get(s.id) ?? [],
        firstSeen: s.first_seen,
        lastSeen: s.last_seen,
      }));
    });
  }

  async getStory(id: string): Promise<StoryRow | null> {
    return inSnapshot(this.#pool, async (client) => {
      const s = (
        await client.query<{ id: string; title: string | null; first_seen: string | null; last_seen: string | null }>(
          'SELECT id, title, first_seen, last_seen FROM stories WHERE id = $1',
          [id],
        )
      ).rows[0];
      if (!s) return null;
      const members = await client.query<{ article_id: string }>(
        `SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
         WHERE m.story_id = $1 ORDER BY a.seq`,
        [id],
      );
      return {
        id: s.id,
        title: s.title,
        articles: members.rows.map((r) => r.article_id),
        firstSeen: s.first_seen,
        lastSeen: s.last_seen,
      };
    });
  }

  async storiesOf(articleIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (articleIds.length === 0) return out;
    const r = await this.#pool.query<{ article_id: string; story_id: string }>(
      'SELECT article_id, story_id FROM story_members WHERE article_id = ANY($1::text[])',
      [articleIds],
    );
    for (const row of r.rows) out.set(row.article_id, row.story_id);
    return out;
  }

  async listStoryEvents(query: { story?: string } = {}): Promise<StoryEventRow[]> {
    const r = await this.#pool.query<{ at: string; kind: string; story_id: string; data: string }>(
      `SELECT at, kind, story_id, data FROM story_events${query.story ? ' WHERE story_id = $1' : ''} ORDER BY id`,
      query.story ? [query.story] : [],
    );
    return r.rows.map((row) => ({
      at: row.at,
      kind: row.kind as StoryEventRow['kind'],
      story: row.story_id,
      data: JSON.parse(row.data) as Record<string, unknown>,
    }));
  }

  async clearStories(): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      // ILIKE: SQLite's LIKE ignores ASCII case, and the two backends must forget the same states.
      await client.query(
        "DELETE FROM story_members; DELETE FROM stories; DELETE FROM engine_state WHERE name ILIKE 'cluster%';",
      );
    });
  }

  async getState(name: string): Promise<string | null> {
    const r = await this.#pool.query<{ data: string }>('SELECT data FROM engine_state WHERE name = $1', [name]);
    return r.rows[0]?.data ?? null;
  }

  async stats(): Promise<StoreStats> {
    return inSnapshot(this.#pool, async (client) => {
      const totals = (
        await client.query<{ n: number; bytes: number; first: string | null; last: string | null; outlets: number }>(
          `SELECT count(*) AS n, coalesce(sum(octet_length(content)), 0) AS bytes, min(ingested_at) AS first,
             max(ingested_at) AS last, count(DISTINCT outlet) AS outlets FROM documents`,
        )
      ).rows[0];
      const groups = async (column: 'format' | 'content_type') =>
        Object.fromEntries(
          (
            await client.query<{ k: string; n: number }>(
              `SELECT ${column} AS k, count(*) AS n FROM documents GROUP BY ${column} ORDER BY n DESC`,
            )
          ).rows.map((r) => [r.k, r.n]),
        );
      const byFormat = await groups('format');
      const byContentType = await groups('content_type');
      const topOutlets = (
        await client.query<{ outlet: string; documents: number }>(
          `SELECT outlet, count(*) AS documents FROM documents WHERE outlet IS NOT NULL GROUP BY outlet
           ORDER BY documents DESC, outlet LIMIT 10`,
        )
      ).rows;
      const run = (
        await client.query<{
          id: number;
          started_at: string;
          finished_at: string;
          inputs: string;
          ingested: number;
          present: number;
          failed: number;
          bytes: number;
          problems: number;
        }>(
          `SELECT r.*, (SELECT count(*) FROM ingest_problems p WHERE p.run_id = r.id) AS problems
           FROM ingest_runs r ORDER BY r.id DESC LIMIT 1`,
        )
      ).rows[0];
      const cleaned = (
        await client.query<{ articles: number; none: number }>(
          `SELECT (SELECT count(*) FROM articles) AS articles,
             (SELECT count(*) FROM clean_status WHERE articles = 0) AS none`,
        )
      ).rows[0];
      return {
        backend: this.backend,
        location: this.location,
        schemaVersion: this.#schemaVersion,
        documents: totals?.n ?? 0,
        articles: cleaned?.articles ?? 0,
        noArticle: cleaned?.none ?? 0,
        contentBytes: totals?.bytes ?? 0,
        byFormat,
        byContentType,
        outlets: totals?.outlets ?? 0,
        topOutlets,
        firstIngestedAt: totals?.first ?? null,
        lastIngestedAt: totals?.last ?? null,
        lastRun: run
          ? {
              startedAt: run.started_at,
              finishedAt: run.finished_at,
              inputs: JSON.parse(run.inputs) as string[],
              ingested: run.ingested,
              present: run.present,
              failed: run.failed,
              bytes: run.bytes,
              problems: run.problems,
            }
          : null,
      };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
