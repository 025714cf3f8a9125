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

/**
 * Entries the change log keeps behind its newest. A list kept in memory that
 * has fallen further behind (another program wrote thousands of reports since
 * it last looked) reads every row again, which then costs about as much as
 * rereading that many rows one by one; a few thousand entries are a few
 * hundred kilobytes. Written into migration 7's trigger: changing it takes a
 * new migration.
 */
export const CHANGE_LOG_KEEPS = 4096;
/**
 * The log is pruned once every this many entries, not at each: a delete at
 * each save would write one more page into every save's commit.
 */
export const CHANGE_LOG_PRUNED_EVERY = 256;

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
  {
    version: 4,
    description: "the status 已发布 for a past year's report read from its published document",
    up(db) {
      // A CHECK constraint changes only by rebuilding the table (SQLite's
      // "making other kinds of table schema changes", steps 4–9; `migrate`
      // does 1–3 and 10–12 around every migration: foreign keys off, then
      // foreign_key_check before the commit). Columns in the order migrations
      // 1–3 left them, so the copy is column for column.
      const { seq } = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'reports'").get() as { seq: number } | undefined) ?? {
        seq: 0,
      };
      db.exec(`
        CREATE TABLE new_reports (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          agency TEXT NOT NULL,
          year INTEGER NOT NULL,
          level TEXT NOT NULL,
          format TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '定稿', '已发布')),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT,
          revision INTEGER NOT NULL DEFAULT 0,
          signature TEXT,
          date TEXT,
          preamble TEXT
        ) STRICT;
        INSERT INTO new_reports (id, agency, year, level, format, status, created_at, updated_at, deleted_at, revision, signature, date, preamble)
          SELECT id, agency, year, level, format, status, created_at, updated_at, deleted_at, revision, signature, date, preamble FROM reports;
        DROP TABLE reports;
        ALTER TABLE new_reports RENAME TO reports;
        CREATE INDEX reports_by_agency_year ON reports (agency, year);
      `);
      // The drop took the AUTOINCREMENT counter with it: an id once given (to a report since purged) is never given again.
      db.prepare("DELETE FROM sqlite_sequence WHERE name = 'reports'").run();
      db.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT 'reports', max(?, coalesce(max(id), 0)) FROM reports").run(seq);
    },
  },
  {
    version: 5,
    description: 'cells a file did not give, kept as unread with the reason, so that no fix takes them for 0',
    up(db) {
      // NULL: the cell was given (or typed). Writing a value clears it (see LibraryStore.setCells).
      db.exec('ALTER TABLE cells ADD COLUMN unread TEXT');
    },
  },
  {
    version: 6,
    description: 'the 汇总 as a kind of report with its members, and the rounds of collection (一轮收集) with their roster and events',
    up(db) {
      // A report is a body's own ('report', every report so far) or a 汇总 ('sum') of the bodies in report_members.
      // A round is one year's collection: its roster (round_bodies) and what happened to each body (round_events:
      // a report received, as its JSON; returned with the problems sent back; accepted with the reviewer's note).
      db.exec(`
        ALTER TABLE reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'sum'));
        CREATE TABLE report_members (
          report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          agency TEXT NOT NULL,
          level TEXT NOT NULL,
          PRIMARY KEY (report_id, position)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE rounds (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          year INTEGER NOT NULL UNIQUE,
          region TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE round_bodies (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          level TEXT NOT NULL,
          unlisted INTEGER NOT NULL DEFAULT 0 CHECK (unlisted IN (0, 1)),
          UNIQUE (round_id, name)
        ) STRICT;
        CREATE TABLE round_events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          body_id INTEGER NOT NULL REFERENCES round_bodies (id) ON DELETE CASCADE,
          at TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('received', 'returned', 'accepted', 'reopened')),
          file_name TEXT,
          report TEXT,
          problems TEXT,
          note TEXT
        ) STRICT;
        CREATE INDEX round_events_by_body ON round_events (body_id, id);
      `);
    },
  },
  {
    version: 7,
    description: 'a log of the reports written, so a list kept in memory rereads only the rows another program changed',
    up(db) {
      // Triggers, so every program that writes the file logs what it wrote, whether it knows of the log or not.
      // `seq` is the rowid, one above the newest entry, which pruning never deletes: rising without AUTOINCREMENT
      // (whose counter would be one more page written by every save). `nonce` tells an entry from another of the
      // same seq: a file restored from a backup numbers its next entries again from the backup's newest, so a seq
      // alone cannot say the log is the one the list read.
      // The list shows only columns of `reports` (ReportStore.summaries): no other table's writes are logged.
      // A migration that rebuilds `reports` (DROP TABLE) drops these triggers with it and must create them again.
      db.exec(`
        CREATE TABLE report_changes (
          seq INTEGER PRIMARY KEY,
          report_id INTEGER NOT NULL,
          nonce INTEGER NOT NULL DEFAULT (random())
        ) STRICT;
        CREATE TRIGGER reports_logged_insert AFTER INSERT ON reports BEGIN
          INSERT INTO report_changes (report_id) VALUES (new.id);
        END;
        CREATE TRIGGER reports_logged_update AFTER UPDATE ON reports BEGIN
          INSERT INTO report_changes (report_id) SELECT old.id WHERE old.id <> new.id;
          INSERT INTO report_changes (report_id) VALUES (new.id);
        END;
        CREATE TRIGGER reports_logged_delete AFTER DELETE ON reports BEGIN
          INSERT INTO report_changes (report_id) VALUES (old.id);
        END;
        CREATE TRIGGER report_changes_bounded AFTER INSERT ON report_changes WHEN new.seq % ${CHANGE_LOG_PRUNED_EVERY} = 0 BEGIN
          DELETE FROM report_changes WHERE seq <= new.seq - ${CHANGE_LOG_KEEPS};
        END;
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
  // Foreign keys off while the schema changes (they cannot be switched inside
  // a transaction): with them on, dropping a table to rebuild it would delete
  // every row that refers to it (ON DELETE CASCADE).
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of migrations) {
      if (m.version <= schemaVersion(db) || m.version > target) continue;
      // IMMEDIATE: take the write lock first, so a second process opening the
      // same file waits instead of migrating at the same time.
      db.transaction(() => {
        m.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${m.version} leaves ${broken.length} rows whose reference is broken`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
