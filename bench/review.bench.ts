// Speed of batch review: a 政务公开办 drops hundreds of files at once. Files
// are written to a temp folder and read through the real registry, as
// `nianbao review` does. Goal: 1,000 JSON reports read, reviewed and summed in
// ≤ 3 s; 500 reports in no more than 3 × the time of one plus a second.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReports } from '../src/main/review/commands';
import { exportWorkbook } from '../src/main/services/excel';
import { problemWorkbook } from '../src/main/services/review';
import { setCells, type Report } from '../src/shared/model/report';
import { readReportJson, reportToJson } from '../src/shared/model/schema';
import { reviewBatch, sumReports, type ReviewInput } from '../src/shared/review';

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Body i of the batch: its own name and figures, every seventh with a total that does not add up. */
function body(base: Report, i: number): Report {
  const n = 10 + (i % 17);
  return setCells({ ...base, agency: `某区第${i}单位` }, [
    ['requests.received.natural', n],
    ['requests.received.total', n],
    ['requests.granted.natural', n - 1],
    ['requests.granted.total', n - 1],
    ['requests.results_total.natural', n],
    ['requests.results_total.total', i % 7 === 0 ? n + 1 : n],
  ]);
}

async function writeFiles(dir: string, count: number, xlsxEvery: number): Promise<string> {
  const base = seed();
  for (let i = 0; i < count; i++) {
    const report = body(base, i);
    if (xlsxEvery > 0 && i % xlsxEvery === 0)
      writeFileSync(join(dir, `${i}.xlsx`), await exportWorkbook(report, { findings: [], draft: false }));
    else writeFileSync(join(dir, `${i}.json`), reportToJson(report));
  }
  return dir;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function reviewFolder(dir: string): Promise<ReviewInput[]> {
  const read = await readReports([dir]);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-review-'));
  try {
    console.log(`load average ${loadavg()[0]!.toFixed(2)} (figures are wall time on a shared machine)`);
    const mk = (name: string) => mkdtempSync(join(root, name));

    // 1,000 JSON reports: read, reviewed, summed.
    const thousand = await writeFiles(mk('json1000-'), 1000, 0);
    const all = await timed(async () => {
      const inputs = await reviewFolder(thousand);
      const review = reviewBatch(inputs);
      const parts = inputs.flatMap((i) => ('report' in i ? [{ fileName: i.fileName, report: i.report }] : []));
      const summed = sumReports(parts, { agency: '某区', year: 2022, level: '县区政府' });
      if (!summed.ok) throw new Error(summed.error.message);
      return review;
    });
    const errors = all.value.counts['有错误'];
    console.log(
      `1,000 JSON reports read, reviewed and summed: ${all.ms.toFixed(0)} ms (${(all.ms / 1000).toFixed(2)} ms per report, ${errors} with errors) — goal ≤ 3000 ms ${all.ms <= 3000 ? 'OK' : 'MISSED'}`,
    );
    const book = await timed(() => problemWorkbook(all.value, { title: '某区审核', date: '2025-01-20' }));
    console.log(`  问题清单 workbook of the 1,000: ${book.ms.toFixed(0)} ms`);

    // One against 500: no fixed cost per report.
    const one = await writeFiles(mk('one-'), 1, 0);
    const five = await writeFiles(mk('json500-'), 500, 0);
    const t1 = await timed(async () => reviewBatch(await reviewFolder(one)));
    const t500 = await timed(async () => reviewBatch(await reviewFolder(five)));
    const limit = 3 * t1.ms + 1000;
    console.log(
      `1 report: ${t1.ms.toFixed(0)} ms; 500 reports: ${t500.ms.toFixed(0)} ms — goal ≤ 3 × one + 1 s = ${limit.toFixed(0)} ms ${t500.ms <= limit ? 'OK' : 'MISSED'}`,
    );

    // 300 files, half of them workbooks (the reader's costly format).
    const mixed = await writeFiles(mk('mixed300-'), 300, 2);
    const t300 = await timed(async () => reviewBatch(await reviewFolder(mixed)));
    console.log(`300 files (150 JSON, 150 xlsx) read and reviewed: ${t300.ms.toFixed(0)} ms (${(t300.ms / 300).toFixed(1)} ms per report)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
