// The list kept in memory (list-cache.ts) against another program writing the
// same real file through its own better-sqlite3 connection: after every kind
// of write, the list equals a fresh full read of the file. Where the change
// log cannot say what changed (pruned, the file restored from a copy, the log
// dropped), only a full read gives the right list, so these cases fail if the
// list trusted the log there.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ReportSummary } from '../../src/shared/api/contract';
import type { ReportLibrary } from '../../src/main/services/library';
import { sortByAgencyThenYear } from '../../src/main/services/library/list-cache';
import { CHANGE_LOG_KEEPS, CHANGE_LOG_PRUNED_EVERY } from '../../src/main/services/library/migrations';
import { ReportStore } from '../../src/main/services/library/report-sql';
import { ManualClock, open, tempDir, value, type TempDir } from './helpers/library';

let tmp: TempDir;
let clock: ManualClock;
let library: ReportLibrary;
/** Another program's connection to the same file. */
let other: Database.Database;

beforeEach(async () => {
  tmp = tempDir('nianbao-list-log-');
  clock = new ManualClock();
  library = (await open(tmp.dbPath, { now: clock.now })).library;
  for (const [agency, year] of [
    ['余杭区统计局', 2022],
    ['余杭区统计局', 2023],
    ['临平区教育局', 2023],
    ['西湖区民政局', 2021],
  ] as const)
    value(library.create({ agency, year, level: '县区部门' }));
  other = new Database(tmp.dbPath);
  other.pragma('busy_timeout = 5000');
});

afterEach(() => {
  vi.restoreAllMocks();
  other.close();
  library.close();
  tmp.remove();
});

/** The stores the checks read through, so the library's own full reads can be counted apart. */
const freshStores = new Set<ReportStore>();

/** The list as a full read of the file gives it: every row, in the order shown. */
function freshList(): ReportSummary[] {
  const store = new ReportStore(other);
  freshStores.add(store);
  return sortByAgencyThenYear(store.summaries('', true));
}

function expectListUpToDate(): void {
  const kept = value(library.list({ includeDeleted: true }));
  expect(kept).toEqual(freshList());
  // And the shelf (outside the recycle bin) is the same list filtered, in the same order.
  expect(value(library.list())).toEqual(kept.filter((r) => r.deletedAt === null));
}

const idOf = (agency: string, year: number) =>
  (other.prepare('SELECT id FROM reports WHERE agency = ? AND year = ?').get(agency, year) as { id: number }).id;

/** Counts, from here on, the full reads of the library's list (the real method runs): those not made by the checks. */
function fullReads(): () => number {
  const spy = vi.spyOn(ReportStore.prototype, 'summaries');
  return () => spy.mock.contexts.filter((store) => !freshStores.has(store as ReportStore)).length;
}

describe('the list kept in memory, while another program writes the file', () => {
  it('equals a fresh read after another program inserts, updates, bins, restores and purges reports', async () => {
    expectListUpToDate();
    const reads = fullReads();
    const source = idOf('余杭区统计局', 2023);
    // A report inserted by another program (columns as a foreign tool would fill them).
    other
      .prepare(
        "INSERT INTO reports (agency, year, level, format, created_at, updated_at) SELECT '安吉县财政局', 2024, level, format, created_at, updated_at FROM reports WHERE id = ?",
      )
      .run(source);
    expectListUpToDate();
    // An update that keeps the report's place, one that moves it (its agency sorts elsewhere), a status.
    other.prepare("UPDATE reports SET updated_at = '2026-12-01T00:00:00.000Z', revision = revision + 1 WHERE id = ?").run(source);
    expectListUpToDate();
    other.prepare("UPDATE reports SET agency = '安吉县统计局' WHERE id = ?").run(idOf('西湖区民政局', 2021));
    expectListUpToDate();
    other.prepare("UPDATE reports SET status = '定稿' WHERE id = ?").run(idOf('临平区教育局', 2023));
    expectListUpToDate();
    // Into the recycle bin, back out, into it again and purged (its cells go with it).
    const binned = idOf('余杭区统计局', 2022);
    other.prepare("UPDATE reports SET deleted_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(binned);
    expectListUpToDate();
    other.prepare('UPDATE reports SET deleted_at = NULL WHERE id = ?').run(binned);
    expectListUpToDate();
    other.prepare("UPDATE reports SET deleted_at = '2026-12-01T00:00:00.000Z' WHERE id = ?").run(binned);
    other.prepare('DELETE FROM reports WHERE id = ?').run(binned);
    expectListUpToDate();
    expect(value(library.list({ includeDeleted: true })).map((r) => r.id)).not.toContain(binned);
    // Several transactions between two lists, and one of ours among them.
    other.prepare("UPDATE reports SET agency = '德清县统计局' WHERE id = ?").run(source);
    value(library.applyEdit(source, { meta: { year: 2021 } }));
    value(library.create({ agency: '桐庐县民政局', year: 2023, level: '县区部门' }));
    other.prepare('UPDATE reports SET year = 2020 WHERE id = ?').run(idOf('安吉县财政局', 2024));
    expectListUpToDate();
    // Every one of those came from the log: the library under test never read all its rows again.
    expect(reads()).toBe(0);
  });

  it("reads only what the log names after this library's own writes, and each write once", async () => {
    const first = value(library.list());
    const reads = fullReads();
    const id = first[0]!.id;
    const saved = value(library.applyEdit(id, { cells: { 'requests.received.natural': 5 } }));
    const listed = value(library.list());
    expect(listed.find((r) => r.id === id)).toEqual(saved);
    value(library.remove(id));
    expect(value(library.list()).map((r) => r.id)).not.toContain(id);
    value(library.purge(id));
    expectListUpToDate();
    expect(reads()).toBe(0);
  });

  it('reads every row again when the log no longer reaches back to what the list read', async () => {
    expectListUpToDate();
    const reads = fullReads();
    // One report renamed, then so many writes to another that the rename's entry is pruned from the log.
    const renamed = idOf('西湖区民政局', 2021);
    other.prepare("UPDATE reports SET agency = '西湖区应急管理局' WHERE id = ?").run(renamed);
    const busy = idOf('余杭区统计局', 2023);
    const touch = other.prepare('UPDATE reports SET revision = revision + 1 WHERE id = ?');
    other.transaction(() => {
      for (let n = 0; n < CHANGE_LOG_KEEPS + CHANGE_LOG_PRUNED_EVERY; n++) touch.run(busy);
    })();
    expectListUpToDate();
    expect(value(library.list()).find((r) => r.id === renamed)?.agency).toBe('西湖区应急管理局');
    expect(reads()).toBe(1);
  });

  it('reads every row again when the file is restored from a copy, even once its log numbers past what the list read', async () => {
    // A copy of the library as it stands, taken through SQLite's backup API (as a backup tool would).
    const copyPath = join(tmp.dir, 'copy.db');
    await other.backup(copyPath);
    const renamed = idOf('西湖区民政局', 2021);
    value(library.applyEdit(renamed, { meta: { agency: '西湖区应急管理局' } }));
    for (let n = 0; n < 3; n++) value(library.applyEdit(renamed, { cells: { 'requests.received.natural': n } }));
    expect(value(library.list()).find((r) => r.id === renamed)?.agency).toBe('西湖区应急管理局');
    // The copy is restored into the live file, then another program writes a different report until the log's
    // numbers pass the entry the list last read: the rename is undone, yet no entry after that number names it.
    const copy = new Database(copyPath, { readonly: true });
    await copy.backup(tmp.dbPath);
    copy.close();
    const busy = idOf('余杭区统计局', 2023);
    for (let n = 0; n < 20; n++) other.prepare('UPDATE reports SET revision = revision + 1 WHERE id = ?').run(busy);
    expectListUpToDate();
    expect(value(library.list()).find((r) => r.id === renamed)?.agency).toBe('西湖区民政局');
  });

  it('reads every row again, at each change, when a foreign tool dropped the log', async () => {
    expectListUpToDate();
    other.exec(`
      DROP TRIGGER reports_logged_insert;
      DROP TRIGGER reports_logged_update;
      DROP TRIGGER reports_logged_delete;
      DROP TABLE report_changes;
    `);
    other.prepare("UPDATE reports SET agency = '西湖区应急管理局' WHERE agency = '西湖区民政局'").run();
    expectListUpToDate();
    value(library.applyEdit(idOf('临平区教育局', 2023), { meta: { agency: '临平区卫生健康局' } }));
    expectListUpToDate();
    other.prepare("UPDATE reports SET status = '定稿' WHERE agency = '临平区卫生健康局'").run();
    expectListUpToDate();
  });
});
