/**
 * Versioned schema. A migration is never edited once released: a change is a new entry. Each runs in its own
 * transaction together with the row that records it.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
      CREATE TABLE documents (
        seq          INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        source       TEXT NOT NULL,
        external_id  TEXT,
        url          TEXT,
        outlet       TEXT,
        title        TEXT,
        author       TEXT,
        language     TEXT,
        content_type TEXT NOT NULL,
        format       TEXT NOT NULL,
        fetched_at   TEXT,
        published_at TEXT,
        ingested_at  TEXT NOT NULL,
        bytes        INTEGER NOT NULL,
        content      TEXT NOT NULL
      );
      CREATE INDEX documents_external_id ON documents (external_id) WHERE external_id IS NOT NULL;
      CREATE TABLE ingest_runs (
        id          INTEGER PRIMARY KEY,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        inputs      TEXT NOT NULL,
        ingested    INTEGER NOT NULL,
        present     INTEGER NOT NULL,
        failed      INTEGER NOT NULL,
        bytes       INTEGER NOT NULL
      );
      CREATE TABLE ingest_problems (
        run_id INTEGER NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        place  TEXT,
        reason TEXT NOT NULL,
        rule   TEXT NOT NULL,
        fatal  INTEGER NOT NULL
      );
      CREATE INDEX ingest_problems_run ON ingest_problems (run_id);
    `,
  },
  {
    version: 2,
    name: 'articles',
    sql: `
      CREATE TABLE clean_status (
        document_id     TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        cleaner_version INTEGER NOT NULL,
        articles        INTEGER NOT NULL,
        reason          TEXT,
        cleaned_at      TEXT NOT NULL
      );
      CREATE TABLE articles (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        document_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        idx             INTEGER NOT NULL,
        title           TEXT,
        published       TEXT,
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
        article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        version     INTEGER NOT NULL,
        data        BLOB NOT NULL,
        keys        BLOB NOT NULL
      );
      CREATE TABLE lsh (
        key         INTEGER NOT NULL,
        article_seq INTEGER NOT NULL,
        PRIMARY KEY (key, article_seq)
      ) WITHOUT ROWID;
      CREATE TABLE relations (
        a        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b        TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        type     TEXT NOT NULL,
        score    REAL NOT NULL,
        evidence TEXT NOT NULL,
        PRIMARY KEY (a, b)
      ) WITHOUT ROWID;
      CREATE INDEX relations_b ON relations (b);
      CREATE INDEX relations_type ON relations (type, score);
    `,
  },
  {
    version: 4,
    name: 'stories',
    sql: `
      CREATE TABLE stories (
        id         TEXT PRIMARY KEY,
        title      TEXT,
        articles   INTEGER NOT NULL,
        first_seen TEXT,
        last_seen  TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   TEXT NOT NULL,
        kind       TEXT NOT NULL,
        joined_at  TEXT NOT NULL
      );
      CREATE INDEX story_members_story ON story_members (story_id);
      CREATE TABLE story_events (
        id       INTEGER PRIMARY KEY,
        at       TEXT NOT NULL,
        kind     TEXT NOT NULL,
        story_id TEXT NOT NULL,
        data     TEXT NOT NULL
      );
      CREATE TABLE engine_state (
        name       TEXT PRIMARY KEY,
        data       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
];
