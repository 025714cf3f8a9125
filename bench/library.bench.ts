// Speed of the report library on a real file: listing a library of 1,000
// reports (goal ≤ 20 ms) and persisting one edit with applyEdit (goal p99 ≤
// 2 ms; every save is one transaction, fsynced: synchronous=FULL in WAL).
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readReportJson } from '../src/shared/model/schema';
import { openLibrary, type ReportLibrary } from '../src/main/services/library';

const REPORTS = 1000;
const EDITS = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function timed(runs: number, action: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    action();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function openOrThrow(path: string): Promise<ReportLibrary> {
  const opened = openLibrary(path);
  if (!opened.ok) throw new Error(opened.error.message);
  await opened.value.library.openingBackup;
  return opened.value.library;
}

/** One real report through the library, then 999 copies of its rows in one SQL transaction (setup only). */
async function libraryOf(path: string, count: number): Promise<number> {
  const seed = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!seed.ok) throw new Error(seed.error);
  const library = await openOrThrow(path);
  const added = library.add(seed.value);
  if (!added.ok) throw new Error(added.error.message);
  library.close();
  const db = new Database(path);
  db.transaction(() => {
    for (let i = 1; i < count; i++) {
      const agency = `第${i % 97}号机关`;
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO reports (agency, year, level, format, status, created_at, updated_at) SELECT ?, ?, level, format, status, created_at, updated_at FROM reports WHERE id = ?',
        )
        .run(agency, 2015 + (i % 10), added.value.id);
      for (const table of [
        'cells (report_id, key, value) SELECT ?, key, value',
        'narratives (report_id, section, text) SELECT ?, section, text',
        'explanations (report_id, finding_id, text) SELECT ?, finding_id, text',
      ]) {
        const [target, columns] = table.split(' SELECT ');
        db.prepare(`INSERT INTO ${target} SELECT ${columns} FROM ${target!.split(' ')[0]} WHERE report_id = ?`).run(
          lastInsertRowid,
          added.value.id,
        );
      }
    }
  })();
  db.close();
  return added.value.id;
}

export async function run(): Promise<void> {
  await measure(tmpdir(), 'on disk');
  // Memory-backed: fsync costs nothing, so this is the library's own share of a save.
  if (existsSync('/dev/shm')) await measure('/dev/shm', 'in /dev/shm, without fsync cost');
}

async function measure(base: string, where: string): Promise<void> {
  console.log(`-- ${where} (${base})`);
  const dir = mkdtempSync(join(base, 'nianbao-bench-'));
  try {
    const id = await libraryOf(join(dir, 'library.db'), REPORTS);
    const library = await openOrThrow(join(dir, 'library.db'));

    timed(5, () => library.list());
    const list = timed(50, () => {
      const listed = library.list();
      if (!listed.ok || listed.value.length !== REPORTS) throw new Error('list failed');
    });
    console.log(`list ${REPORTS} reports: median ${fmt(percentile(list, 50))}, p95 ${fmt(percentile(list, 95))}  (goal ≤ 20 ms)`);
    const search = timed(50, () => library.list({ search: '统计 2022' }));
    console.log(`search in ${REPORTS} reports: median ${fmt(percentile(search, 50))}, p95 ${fmt(percentile(search, 95))}`);

    let n = 0;
    const cellEdits = timed(EDITS, () => {
      const saved = library.applyEdit(id, { cells: { 'requests.received.natural': n++ } });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    console.log(
      `applyEdit, one cell (${EDITS} saves): p50 ${fmt(percentile(cellEdits, 50))}, p99 ${fmt(percentile(cellEdits, 99))}, max ${fmt(cellEdits.at(-1)!)}  (goal p99 ≤ 2 ms)`,
    );
    const text = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
    const overview = text.ok ? text.value.narratives.overview : '';
    const textEdits = timed(EDITS, () => {
      const saved = library.applyEdit(id, { narratives: { overview: `${overview}${n++}` } });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    console.log(
      `applyEdit, whole overview text (${overview.length} chars): p50 ${fmt(percentile(textEdits, 50))}, p99 ${fmt(percentile(textEdits, 99))}`,
    );
    // Once a day, before the day's first change (the max of the saves above includes today's).
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const t0 = performance.now();
    const backup = library.backupToday(tomorrow);
    if (!backup.ok || !backup.value) throw new Error('no daily backup');
    console.log(`the day's backup of ${REPORTS} reports (VACUUM INTO, checked, fsynced): ${fmt(performance.now() - t0)}`);
    library.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
