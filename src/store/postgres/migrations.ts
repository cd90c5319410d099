/**
 * @module Versioned PostgreSQL schema, the same tables and versions as the SQLite one (`../sqlite/migrations.ts`) so
 * that `stats().schemaVersion` means the same on both. A migration is never edited once released: a change is a new
 * entry. Each runs in its own transaction together with the row that records it, under an advisory lock
 * (`postgres-store.ts`, `migrate`).
 *
 * Differences from SQLite, and why:
 * - Text that is compared or ordered (ids, outlets, dates kept as ISO strings) is `COLLATE "C"`: byte order, as
 *   SQLite compares, whatever the database's default collation; glibc locales skip punctuation and would reorder
 *   `2031-03-01` against `2031-03-01T09:00`, and C also lets the id prefix range scan use the plain index.
 * - `articles.data` and `relations.evidence` stay JSON text rather than JSONB: nothing queries inside them, text
 *   gives back exactly what was written, and JSONB would refuse a `\u0000` that an extracted article may carry.
 * - `fingerprints.keys` is a `BIGINT[]` (SQLite packs float64s in a blob): the keys to drop from `lsh` when an
 *   article is re-indexed or re-cleaned are then unnested in SQL, without a round trip through JavaScript.
 * - Scores are `DOUBLE PRECISION`, as SQLite's REAL is: a float4 would turn 0.4 into 0.4000000059604645.
 */
import type { Migration } from '../sqlite/migrations.js';

export type { Migration };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
      CREATE TABLE documents (
        seq          BIGSERIAL PRIMARY KEY,
        id           TEXT COLLATE "C" NOT NULL UNIQUE,
        source       TEXT NOT NULL,
        external_id  TEXT,
        url          TEXT,
        outlet       TEXT COLLATE "C",
        title        TEXT,
        author       TEXT,
        language     TEXT,
        content_type TEXT NOT NULL,
        format       TEXT NOT NULL,
        fetched_at   TEXT,
        published_at TEXT,
        ingested_at  TEXT COLLATE "C" NOT NULL,
        bytes        BIGINT NOT NULL,
        content      TEXT NOT NULL
      );
      CREATE INDEX documents_external_id ON documents (external_id) WHERE external_id IS NOT NULL;
      CREATE TABLE ingest_runs (
        id          BIGSERIAL PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        inputs      TEXT NOT NULL,
        ingested    BIGINT NOT NULL,
        present     BIGINT NOT NULL,
        failed      BIGINT NOT NULL,
        bytes       BIGINT NOT NULL
      );
      CREATE TABLE ingest_problems (
        run_id BIGINT NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        place  TEXT,
        reason TEXT NOT NULL,
        rule   TEXT NOT NULL,
        fatal  BOOLEAN NOT NULL
      );
      CREATE INDEX ingest_problems_run ON ingest_problems (run_id);
    `,
  },
  {
    version: 2,
    name: 'articles',
    sql: `
      CREATE TABLE clean_status (
        document_id     TEXT COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        cleaner_version INTEGER NOT NULL,
        articles        INTEGER NOT NULL,
        reason          TEXT,
        cleaned_at      TEXT NOT NULL
      );
      CREATE TABLE articles (
        seq             BIGSERIAL PRIMARY KEY,
        id              TEXT COLLATE "C" NOT NULL UNIQUE,
        document_id     TEXT COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx             INTEGER NOT NULL,
        title           TEXT,
        published       TEXT COLLATE "C",
        language        TEXT,
        cleaner_version INTEGER NOT NULL,
        data            TEXT NOT NULL,
        UNIQUE (document_id, idx)
      );
    `,
  },
  {
    version: 3,
    name: 'reuse index',
    sql: `
      CREATE TABLE fingerprints (
        article_seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        data        BYTEA NOT NULL,
        keys        BIGINT[] NOT NULL
      );
      CREATE TABLE lsh (
        key         BIGINT NOT NULL,
        article_seq BIGINT NOT NULL,
        PRIMARY KEY (key, article_seq)
      );
      CREATE TABLE relations (
        a        TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b        TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        type     TEXT NOT NULL,
        score    DOUBLE PRECISION NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (a, b)
      );
      CREATE INDEX relations_b ON relations (b);
      CREATE INDEX relations_type ON relations (type, score);
    `,
  },
  {
    version: 4,
    name: 'stories',
    sql: `
      CREATE TABLE stories (
        id         TEXT COLLATE "C" PRIMARY KEY,
        title      TEXT,
        articles   INTEGER NOT NULL,
        first_seen TEXT COLLATE "C",
        last_seen  TEXT COLLATE "C",
        updated_at TEXT NOT NULL
      );
      CREATE TABLE story_members (
        article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   TEXT COLLATE "C" NOT NULL,
        kind       TEXT NOT NULL,
        joined_at  TEXT NOT NULL
      );
      CREATE INDEX story_members_story ON story_members (story_id);
      CREATE TABLE story_events (
        id       BIGSERIAL PRIMARY KEY,
        at       TEXT NOT NULL,
        kind     TEXT NOT NULL,
        story_id TEXT NOT NULL,
        data     TEXT NOT NULL
      );
      CREATE TABLE engine_state (
        name       TEXT COLLATE "C" PRIMARY KEY,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
