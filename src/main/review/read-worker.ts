// A worker thread of the review's pool: takes one file at a time, reads it
// through the one reader registry and, as the job asks, hands back the report
// as read, the report reviewed (against its body's last-year report among
// those the pool started it with), or the report as a part of a 汇总 (its
// errors counted). What it hands back keeps the figures and findings, not the
// text: the main thread keeps thousands of them. It runs under the pool's
// heap and time budget, so a file that would take all the memory or never
// finish ends this worker, not the review.
import { parentPort, workerData } from 'node:worker_threads';
import { previousLookup, reviewOne, tableErrors, type ReviewInput } from '../../shared/review';
import { validate } from '../../shared/rules/engine';
import { documentOutline } from '../../shared/rules/outline';
import { readReportFile } from '../formats/readers';
import { readFileCheckedSync } from '../services/fs/files';
import { packReport } from '../services/review/figures';
import { slimReport, type WorkerAnswer, type WorkerJob, type WorkerStart } from './reading';

const lookup = previousLookup((workerData as WorkerStart | undefined)?.previous ?? []);

async function answer(job: WorkerJob): Promise<WorkerAnswer> {
  const read = await readReportFile(job.path, {}, readFileCheckedSync);
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

parentPort?.on('message', (job: WorkerJob) => {
  answer(job).then(
    (a) => parentPort!.postMessage(a),
    (err: unknown) =>
      parentPort!.postMessage({
        mode: 'read',
        input: { fileName: job.name, error: `读取「${job.name}」时出错：${(err as Error).message}` },
      } satisfies WorkerAnswer),
  );
});
