// Every migration, run on a real file at the version before it, with data
// written at that version surviving the step. Adding migration N means adding
// CASES[N] here: the first test fails until it exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  APPLICATION_ID,
  CHANGE_LOG_KEEPS,
  CHANGE_LOG_PRUNED_EVERY,
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
  schemaVersion,
  type Migration,
} from '../../src/main/services/library/migrations';
import { open, seedReport, tempDir, value, type TempDir } from './helpers/library';

type Db = Database.Database;

interface MigrationCase {
  /** Writes data as the schema at version − 1 holds it. */
  seed(db: Db): void;
  /** Checks the schema and the seeded data after the migration. */
  check(db: Db): void;
}

const tables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const CASES: Record<number, MigrationCase> = {
  1: {
    seed: () => undefined, // version 0: an empty file
    check(db) {
      expect(tables(db)).toEqual(expect.arrayContaining(['cells', 'explanations', 'narratives', 'reports', 'revisions']));
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      const indexes = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
      ).map((r) => r.name);
      expect(indexes).toEqual(expect.arrayContaining(['reports_by_agency_year', 'revisions_by_report']));
      // The question the library asks most: last year's report of the same body, by index.
      const plan = (
        db.prepare("EXPLAIN QUERY PLAN SELECT id FROM reports WHERE agency = '某局' AND year = 2022").all() as { detail: string }[]
      )
        .map((r) => r.detail)
        .join(' ');
      expect(plan).toContain('reports_by_agency_year');
    },
  },
  2: {
    seed(db) {
      db.prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) VALUES ('某局', 2022, '县区部门', 'gov-info-disclosure/2021', '草稿', 'x', 'x')",
      ).run();
    },
    check(db) {
      // Reports saved before the counter existed start at revision 0.
      expect(db.prepare('SELECT agency, revision FROM reports').all()).toEqual([{ agency: '某局', revision: 0 }]);
    },
  },
  3: {
    seed(db) {
      db.prepare(
        "INSERT INTO reports (agency, year, level, format, created_at, updated_at) VALUES ('某局', 2023, '县区部门', 'gov-info-disclosure/2021', 't', 't')",
      ).run();
    },
    check(db) {
      const columns = (db.prepare('PRAGMA table_info(reports)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toEqual(expect.arrayContaining(['signature', 'date', 'preamble']));
      // A report of the earlier version names no closing lines: the documents close with the agency and the day of export.
      expect(db.prepare('SELECT agency, signature, date, preamble FROM reports').get()).toEqual({
        agency: '某局',
        signature: null,
        date: null,
        preamble: null,
      });
    },
  },
  4: {
    seed(db) {
      const insert = db.prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at, revision, signature, date) VALUES (?, ?, '县区部门', 'gov-info-disclosure/2021', ?, 't', 'u', 7, '某局', '2024年1月20日')",
      );
      insert.run('某局', 2023, '定稿');
      insert.run('某局', 2024, '草稿');
      insert.run('待删局', 2024, '草稿');
      db.prepare("INSERT INTO cells (report_id, key, value) VALUES (1, 'a', 5), (2, 'a', '12')").run();
      db.prepare("INSERT INTO narratives (report_id, section, text) VALUES (1, 'overview', '概述')").run();
      db.prepare("INSERT INTO explanations (report_id, finding_id, text) VALUES (2, 'x', '已向申请人说明原因')").run();
      db.prepare("INSERT INTO revisions (report_id, created_at, reason, status, snapshot) VALUES (1, 't', 'status', '定稿', '{}')").run();
      // The last report purged: its id must not be given again after the rebuild.
      db.prepare('DELETE FROM reports WHERE id = 3').run();
    },
    check(db) {
      // Every report, and every row that refers to one, survives the rebuild (no cascade from the drop).
      expect(
        db.prepare('SELECT id, agency, year, status, updated_at, revision, signature, date, preamble FROM reports ORDER BY id').all(),
      ).toEqual([
        {
          id: 1,
          agency: '某局',
          year: 2023,
          status: '定稿',
          updated_at: 'u',
          revision: 7,
          signature: '某局',
          date: '2024年1月20日',
          preamble: null,
        },
        {
          id: 2,
          agency: '某局',
          year: 2024,
          status: '草稿',
          updated_at: 'u',
          revision: 7,
          signature: '某局',
          date: '2024年1月20日',
          preamble: null,
        },
      ]);
      expect(db.prepare('SELECT report_id, key, value FROM cells ORDER BY report_id').all()).toEqual([
        { report_id: 1, key: 'a', value: 5 },
        { report_id: 2, key: 'a', value: '12' },
      ]);
      expect(db.prepare('SELECT count(*) AS n FROM narratives').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM explanations').get()).toEqual({ n: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM revisions').get()).toEqual({ n: 1 });
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // The references still point at the rebuilt table: deleting a report takes its rows with it.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      const tableOf = (t: string) => (db.pragma(`foreign_key_list(${t})`) as { table: string }[]).map((f) => f.table);
      for (const t of ['cells', 'narratives', 'explanations', 'revisions']) expect(tableOf(t)).toEqual(['reports']);
      // The new status is accepted, anything else still refused; the index is back; ids go on from 3.
      const insert = db.prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) VALUES ('某局', 2022, '县区部门', 'f', ?, 't', 't')",
      );
      expect(insert.run('已发布').lastInsertRowid).toBe(4);
      expect(() => insert.run('已归档')).toThrow(/CHECK/);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reports'").all()).toEqual([
        { name: 'reports_by_agency_year' },
      ]);
      db.prepare('DELETE FROM reports WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) AS n FROM cells WHERE report_id = 1').get()).toEqual({ n: 0 });
    },
  },
  5: {
    seed(db) {
      db.prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) VALUES ('某局', 2024, '县区部门', 'gov-info-disclosure/2021', '草稿', 't', 't')",
      ).run();
      db.prepare(
        "INSERT INTO cells (report_id, key, value) VALUES (1, 'requests.granted.natural', 9), (1, 'requests.granted.total', NULL)",
      ).run();
    },
    check(db) {
      // Every cell kept was read (or typed) before: none is marked unread by the step.
      expect(db.prepare('SELECT key, value, unread FROM cells ORDER BY key').all()).toEqual([
        { key: 'requests.granted.natural', value: 9, unread: null },
        { key: 'requests.granted.total', value: null, unread: null },
      ]);
    },
  },
  6: {
    seed(db) {
      const insert = db.prepare(
        "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) VALUES (?, 2023, ?, 'gov-info-disclosure/2021', '定稿', 't', 't')",
      );
      insert.run('余杭区人民政府', '县区政府');
      insert.run('余杭区统计局', '县区部门');
    },
    check(db) {
      // Every report so far is a body's own; the district's report and a 汇总 of the same name and year may now stand side by side.
      expect(db.prepare('SELECT agency, kind FROM reports ORDER BY id').all()).toEqual([
        { agency: '余杭区人民政府', kind: 'report' },
        { agency: '余杭区统计局', kind: 'report' },
      ]);
      const sum = db
        .prepare(
          "INSERT INTO reports (agency, year, level, format, status, created_at, updated_at, kind) VALUES ('余杭区人民政府', 2023, '县区政府', 'f', '草稿', 't', 't', 'sum')",
        )
        .run().lastInsertRowid;
      db.prepare("INSERT INTO report_members (report_id, position, agency, level) VALUES (?, 0, '余杭区统计局', '县区部门')").run(sum);
      expect(() => db.prepare("UPDATE reports SET kind = '汇总' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(tables(db)).toEqual(expect.arrayContaining(['report_members', 'rounds', 'round_bodies', 'round_events']));
      // A round per year: its roster and its events go with it.
      const round = db.prepare("INSERT INTO rounds (year, region, created_at) VALUES (2023, '余杭区', 't')").run().lastInsertRowid;
      expect(() => db.prepare("INSERT INTO rounds (year, region, created_at) VALUES (2023, '余杭区', 't')").run()).toThrow(/UNIQUE/);
      const body = db
        .prepare("INSERT INTO round_bodies (round_id, position, name, level) VALUES (?, 0, '余杭区统计局', '县区部门')")
        .run(round).lastInsertRowid;
      db.prepare("INSERT INTO round_events (body_id, at, kind, file_name, report) VALUES (?, 't', 'received', 'a.json', '{}')").run(body);
      expect(() => db.prepare("INSERT INTO round_events (body_id, at, kind) VALUES (?, 't', 'lost')").run(body)).toThrow(/CHECK/);
      db.prepare('DELETE FROM rounds WHERE id = ?').run(round);
      expect(db.prepare('SELECT count(*) AS n FROM round_events').get()).toEqual({ n: 0 });
      db.prepare('DELETE FROM reports WHERE id = ?').run(sum);
      expect(db.prepare('SELECT count(*) AS n FROM report_members').get()).toEqual({ n: 0 });
    },
  },
  7: {
    seed(db) {
      db.prepare(
        "INSERT INTO reports (agency, year, level, format, created_at, updated_at) VALUES ('某局', 2023, '县区部门', 'gov-info-disclosure/2021', 't', 't')",
      ).run();
    },
    check(db) {
      const logged = () =>
        (db.prepare('SELECT report_id FROM report_changes ORDER BY seq').all() as { report_id: number }[]).map((r) => r.report_id);
      // The reports already there are in no entry: a list kept in memory reads every row until the log has one.
      expect(logged()).toEqual([]);
      const insert = db.prepare(
        "INSERT INTO reports (agency, year, level, format, created_at, updated_at) VALUES ('某局', 2024, '县区部门', 'gov-info-disclosure/2021', 't', 't')",
      );
      const second = Number(insert.run().lastInsertRowid);
      db.prepare("UPDATE reports SET status = '定稿' WHERE id = 1").run();
      db.prepare('UPDATE reports SET id = 50 WHERE id = ?').run(second);
      // Writes elsewhere change nothing the list shows: not logged.
      db.prepare("INSERT INTO cells (report_id, key, value) VALUES (1, 'requests.received.natural', 3)").run();
      db.prepare('DELETE FROM reports WHERE id = 1').run();
      // Insert, update, a changed id (both ids), delete: in the order written.
      expect(logged()).toEqual([second, 1, second, 50, 1]);
      const nonces = db.prepare('SELECT DISTINCT nonce FROM report_changes').all();
      expect(nonces).toHaveLength(5);
      // Bounded: the oldest entries go once the log holds more than it keeps (pruned every so many entries).
      const touch = db.prepare("UPDATE reports SET updated_at = 'u' WHERE id = 50");
      db.transaction(() => {
        for (let n = 0; n < 3 * CHANGE_LOG_KEEPS; n++) touch.run();
      })();
      const { n, oldest, newest } = db
        .prepare('SELECT count(*) AS n, min(seq) AS oldest, max(seq) AS newest FROM report_changes')
        .get() as {
        n: number;
        oldest: number;
        newest: number;
      };
      expect(newest).toBe(5 + 3 * CHANGE_LOG_KEEPS);
      expect(n).toBe(newest - oldest + 1);
      expect(n).toBeGreaterThanOrEqual(CHANGE_LOG_KEEPS);
      expect(n).toBeLessThan(CHANGE_LOG_KEEPS + CHANGE_LOG_PRUNED_EVERY);
    },
  },
};

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('nianbao-migrations-');
});
afterEach(() => tmp.remove());

describe('migrations', () => {
  it('has a test case for every migration, numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(Object.keys(CASES).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.description}) upgrades a file at version ${m.version - 1}, keeping its data`, async () => {
      const db = new Database(tmp.dbPath);
      migrate(db, m.version - 1);
      expect(schemaVersion(db)).toBe(m.version - 1);
      CASES[m.version]!.seed(db);
      migrate(db, m.version);
      expect(schemaVersion(db)).toBe(m.version);
      CASES[m.version]!.check(db);
      db.close();

      // And the program opens the result, brings it to the current version and works on it.
      const { library, recovery } = await open(tmp.dbPath);
      expect(recovery).toBeUndefined();
      const { id } = value(library.add(seedReport()));
      expect(value(library.get(id)).report).toEqual(seedReport());
      library.close();
    });
  }

  it('rolls a failing migration back completely and leaves the version where it was', () => {
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      description: 'fails half-way',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const db = new Database(tmp.dbPath);
    migrate(db);
    expect(() => migrate(db, broken.version, [...MIGRATIONS, broken])).toThrow();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('is a no-op on a file already at the current version', () => {
    const db = new Database(tmp.dbPath);
    migrate(db);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    migrate(db);
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    db.close();
  });
});
