// The library's schema, built by numbered migrations. `PRAGMA user_version`
// records the last one applied; each runs in its own transaction together with
// the version bump, so a crash leaves the file at one version or the next,
// never between. A migration, once released, is never edited: change the
// schema by appending the next one (and its test case in
// tests/main/library-migrations.test.ts).
import type BetterSqlite3 from 'better-sqlite3';

type Db = BetterSqlite3.Database;

/** "NBAO": marks a SQLite file as a nianbao library, so a foreign database is recognised. */
export const APPLICATION_ID = 0x4e42414f;

export interface Migration {
  version: number;
  /** What the migration changes, for the commit log and the test names. */
  description: string;
  up(db: Db): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'reports, cells, narratives, explanations and revisions',
    up(db) {
      // STRICT + ANY keeps a cell's number, text and null apart exactly as given
      // ("12" stays text, 12 stays a number): the rules treat them differently.
      db.exec(`
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          agency TEXT NOT NULL,
          year INTEGER NOT NULL,
          level TEXT NOT NULL,
          format TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '定稿')),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        ) STRICT;
        CREATE INDEX reports_by_agency_year ON reports (agency, year);

        CREATE TABLE cells (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          value ANY,
          PRIMARY KEY (report_id, key)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE narratives (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          section TEXT NOT NULL CHECK (section IN ('overview', 'problems', 'other')),
          text TEXT NOT NULL,
          PRIMARY KEY (report_id, section)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE explanations (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          finding_id TEXT NOT NULL,
          text TEXT NOT NULL,
          PRIMARY KEY (report_id, finding_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE revisions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          reason TEXT NOT NULL,
          status TEXT NOT NULL,
          snapshot TEXT NOT NULL
        ) STRICT;
        CREATE INDEX revisions_by_report ON revisions (report_id, created_at);
      `);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    },
  },
  {
    version: 2,
    description: 'a revision counter on each report, so a save made on an older revision is refused',
    up(db) {
      db.exec('ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    version: 3,
    description: 'the closing lines (落款, 成文日期) and the preamble of a report',
    up(db) {
      // NULL: the report names none (the document then closes with the agency and the day of export, and has no preamble).
      db.exec(`
        ALTER TABLE reports ADD COLUMN signature TEXT;
        ALTER TABLE reports ADD COLUMN date TEXT;
        ALTER TABLE reports ADD COLUMN preamble TEXT;
      `);
    },
  },
];

/** The schema version this build of the program writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the file's version up to `target`, each in
 * one transaction with its version bump. Throws (after rolling back the
 * failing step) if a migration fails; the caller turns that into a message.
 */
export function migrate(db: Db, target: number = SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const m of migrations) {
    if (m.version <= schemaVersion(db) || m.version > target) continue;
    // IMMEDIATE: take the write lock first, so a second process opening the
    // same file waits instead of migrating at the same time.
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
