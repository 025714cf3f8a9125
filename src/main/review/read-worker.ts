// A worker thread of the review's pool: takes one file at a time, reads it
// through the one reader registry and, as the job asks, hands back the report
// as read, the report reviewed (against its body's last-year report among
// those the pool started it with), or the report as a part of a 汇总 (its
// errors counted). What it hands back keeps the figures and findings, not the
// text: the main thread keeps thousands of them. It runs under the pool's
// heap and time budget, so a file that would take all the memory or never
// finish ends this worker, not the review.
import { previousLookup, reviewOne, tableErrors, type ReviewInput } from '../../shared/review';
import { validate } from '../../shared/rules/engine';
import { documentOutline } from '../../shared/rules/outline';
import { formatOfName } from '../../shared/formats';
import type { Result } from '../../shared/api/result';
import { readChecked, readJson } from '../formats/read-json';
import type { ReadReport } from '../formats/types';
import { readFileCheckedSync } from '../services/fs/files';
import { packReport } from '../services/review/figures';
import { serveJobs, workerStart } from '../services/review/pool';
import { slimReport, type WorkerAnswer, type WorkerJob, type WorkerStart } from './reading';

const lookup = previousLookup((workerStart() as WorkerStart | undefined)?.previous ?? []);

// The readers of workbooks and documents (exceljs, the document sources) load when the first such file comes: a folder of JSON files needs none.
const readers = () => import('../formats/readers');

/** A report file, read on this thread: a JSON file by the JSON reader alone, any other through the readers of every format. */
async function readFile(path: string): Promise<Result<ReadReport>> {
  if (formatOfName(path)?.id !== 'json') return (await readers()).readReportFile(path, {}, readFileCheckedSync);
  const bytes = readFileCheckedSync(path);
  return bytes.ok ? readChecked(path, bytes.value, {}, readJson) : bytes;
}

async function answer(job: WorkerJob): Promise<WorkerAnswer> {
  const read = await readFile(job.path);
  const outline = read.ok ? documentOutline(read.value.record?.text) : undefined;
  const input: ReviewInput = read.ok
    ? { fileName: job.name, report: read.value.report, notes: read.value.notes, ...(outline ? { outline } : {}) }
    : { fileName: job.name, error: read.error.message };
  if (job.mode === 'read' || !('report' in input)) return { mode: 'read', input };
  if (job.mode === 'sum') {
    const errors = tableErrors(validate(input.report)).length;
    return { mode: 'sum', fileName: job.name, errors, report: packReport(slimReport(input.report, [])) };
  }
  const { report: _whole, ...reviewed } = reviewOne(input, job.index, lookup(input.report));
  return { mode: 'review', reviewed, report: packReport(slimReport(input.report, reviewed.findings)) };
}

serveJobs<WorkerJob, WorkerAnswer>((job) =>
  answer(job).catch((err: unknown): WorkerAnswer => ({
    mode: 'read',
    input: { fileName: job.name, error: `读取「${job.name}」时出错：${(err as Error).message}` },
  })),
);
