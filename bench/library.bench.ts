// Speed of the report library on a real file of 10,000 reports: the list
// (goal ≤ 20 ms) as the app asks for it, kept in memory and brought up to date
// from the change log (list-cache.ts) after a save of its own or another
// program's commit; one edit with applyEdit across random reports (goal p99 ≤
// 2 ms; every save is one transaction in WAL with synchronous=NORMAL, synced to
// disk by a checkpoint a second later, which this synchronous loop never
// waits for: SQLite's own checkpoint every 1,000 pages lands in the figures), and
// the day's first edit, which starts the day's backup and must not wait for it.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readReportJson } from '../src/shared/model/report-json';
import { openLibrary, type ReportLibrary } from '../src/main/services/library';

const REPORTS = 10_000;
const EDITS = 500;
/** Days whose first edit is timed, each with a fresh open and a backup of the whole library copied after it. */
const DAYS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function timed(runs: number, action: () => void, cpu: number[] = []): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    action();
    times.push(performance.now() - t0);
    const spent = process.cpuUsage(cpu0);
    cpu.push((spent.user + spent.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
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
}

async function measure(base: string, where: string): Promise<void> {
  console.log(`-- ${where} (${base})`);
  const dir = mkdtempSync(join(base, 'nianbao-bench-'));
  try {
    const id = await libraryOf(join(dir, 'library.db'), REPORTS);
    const library = await openOrThrow(join(dir, 'library.db'));

    timed(5, () => library.list());
    // As the app lists: after a save, or after another program's commit; either way the rows the change log names are read again.
    let listEdits = 0;
    const afterSave: number[] = [];
    for (let i = 0; i < 50; i++) {
      const saved = library.applyEdit(id + ((i * 7919) % REPORTS), { cells: { 'requests.received.natural': listEdits++ } });
      if (!saved.ok) throw new Error(saved.error.message);
      const t0 = performance.now();
      const listed = library.list();
      afterSave.push(performance.now() - t0);
      if (!listed.ok || listed.value.length !== REPORTS) throw new Error('list failed');
    }
    afterSave.sort((a, b) => a - b);
    console.log(
      `list ${REPORTS} reports after a save: median ${fmt(percentile(afterSave, 50))}, p95 ${fmt(percentile(afterSave, 95))}  (goal ≤ 20 ms)`,
    );
    const other = new Database(join(dir, 'library.db'));
    const afterOther: number[] = [];
    const afterOtherCpu: number[] = [];
    for (let i = 0; i < 20; i++) {
      other.prepare("UPDATE reports SET updated_at = datetime('now') WHERE id = ?").run(id + i);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      library.list();
      const cpu = process.cpuUsage(cpu0);
      afterOther.push(performance.now() - t0);
      afterOtherCpu.push((cpu.user + cpu.system) / 1000);
    }
    afterOther.sort((a, b) => a - b);
    afterOtherCpu.sort((a, b) => a - b);
    // CPU time too: on a shared machine it is the list's own cost when the wall time is inflated by other load.
    console.log(
      `list ${REPORTS} reports after another program's commit (the rows it wrote read again): median ${fmt(percentile(afterOther, 50))}, ` +
        `p95 ${fmt(percentile(afterOther, 95))}, CPU median ${fmt(percentile(afterOtherCpu, 50))}  (goal ≤ 20 ms)`,
    );
    // Where the log cannot say what changed (here emptied; in use: a file restored from a copy, thousands of changes behind).
    const fullReads: number[] = [];
    const fullReadsCpu: number[] = [];
    for (let i = 0; i < 10; i++) {
      other.prepare('DELETE FROM report_changes').run();
      other.prepare("UPDATE reports SET updated_at = datetime('now') WHERE id = ?").run(id);
      fullReads.push(...timed(1, () => library.list(), fullReadsCpu));
    }
    other.close();
    [fullReads, fullReadsCpu].forEach((x) => x.sort((a, b) => a - b));
    console.log(
      `list ${REPORTS} reports when the change log cannot say what changed (every row read again, rare): ` +
        `median ${fmt(percentile(fullReads, 50))}, CPU median ${fmt(percentile(fullReadsCpu, 50))}`,
    );
    const search = timed(50, () => library.list({ search: '统计 2022' }));
    console.log(`search in ${REPORTS} reports: median ${fmt(percentile(search, 50))}, p95 ${fmt(percentile(search, 95))}`);

    // Edits across random reports (deterministic), each on the revision it was made on.
    let seed = 7;
    const randomId = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return id + (seed % REPORTS);
    };
    let n = 0;
    const cellCpu: number[] = [];
    const cellEdits = timed(
      EDITS,
      () => {
        const target = randomId();
        const saved = library.applyEdit(target, { cells: { 'requests.received.natural': n++ } });
        if (!saved.ok) throw new Error(saved.error.message);
      },
      cellCpu,
    );
    // CPU time too: a shared machine's other load stretches the wall time of any one save.
    console.log(
      `applyEdit, one cell of a random report (${EDITS} saves): p50 ${fmt(percentile(cellEdits, 50))}, p99 ${fmt(percentile(cellEdits, 99))}, max ${fmt(cellEdits.at(-1)!)}, ` +
        `CPU p50 ${fmt(percentile(cellCpu, 50))}, p99 ${fmt(percentile(cellCpu, 99))}  (goal p99 ≤ 2 ms)`,
    );
    const text = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
    const overview = text.ok ? text.value.narratives.overview : '';
    const textEdits = timed(EDITS, () => {
      const saved = library.applyEdit(randomId(), { narratives: { overview: `${overview}${n++}` } });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    console.log(
      `applyEdit, whole overview text (${overview.length} chars): p50 ${fmt(percentile(textEdits, 50))}, p99 ${fmt(percentile(textEdits, 99))}`,
    );
    library.close();

    // The day's first edit, on DAYS days: each a library opened as the app opens it (holding it) on a day with no
    // backup yet (its clock days ahead), the report opened before it is edited, as the author does.
    const firsts: number[] = [];
    const firstsCpu: number[] = [];
    const copies: number[] = [];
    for (let day = 1; day <= DAYS; day++) {
      const at = new Date(Date.now() + day * 24 * 60 * 60 * 1000);
      const opened = openLibrary(join(dir, 'library.db'), { now: () => at, holder: { program: 'bench' } });
      if (!opened.ok) throw new Error(opened.error.message);
      const nextDay = opened.value.library;
      if (!nextDay.get(id).ok) throw new Error('cannot open the report');
      firsts.push(
        ...timed(
          1,
          () => {
            const first = nextDay.applyEdit(id, { cells: { 'requests.received.natural': -day } });
            if (!first.ok) throw new Error(first.error.message);
          },
          firstsCpu,
        ),
      );
      const t1 = performance.now();
      const backup = await nextDay.dailyBackup;
      if (!backup?.ok || !backup.value) throw new Error('no daily backup');
      copies.push(performance.now() - t1);
      nextDay.close();
    }
    [firsts, firstsCpu, copies].forEach((x) => x.sort((a, b) => a - b));
    console.log(
      `the day's first edit (${DAYS} days): median ${fmt(percentile(firsts, 50))}, CPU median ${fmt(percentile(firstsCpu, 50))} ` +
        `(goal: not held up by the backup, ≤ 2 ms like any edit); its backup of ${REPORTS} reports finished ` +
        `${fmt(percentile(copies, 50))} later (median), in the background`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
