// The files of a review, each read (and reviewed, or counted for a 汇总) in a
// worker thread with its own budget (services/review/pool.ts): a file past
// its time or memory is reported and skipped, the others go on. Results are
// handed over as they come and not kept here; each keeps the report's figures
// and findings but not its text, so a caller reviews thousands of files in
// the memory of a few.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formatOfName } from '../../shared/formats';
import type { Report } from '../../shared/model/report';
import { reviewOne, type ReviewedReport, type ReviewInput, type SumPart } from '../../shared/review';
import type { Finding } from '../../shared/rules/types';
import { NARRATIVE_IDS, type NarrativeId } from '../../shared/template/gov2021';
import type { BatchFile } from '../services/review/batch';
import { decodeValues, unpackReport, type PackedReport } from '../services/review/figures';
import { WorkerPool, type Budget, type JobResult, type WorkerScript } from '../services/review/pool';

export type WorkerMode = 'read' | 'review' | 'sum';

export interface WorkerJob {
  mode: WorkerMode;
  path: string;
  name: string;
  /** The file's place in the batch. */
  index: number;
}

/** A worker's answer; a report crosses packed (its figures as text), and is unpacked here. */
export type WorkerAnswer =
  | { mode: 'read'; input: ReviewInput }
  | { mode: 'review'; reviewed: Omit<ReviewedReport, 'report'>; report: PackedReport }
  | { mode: 'sum'; fileName: string; errors: number; report: PackedReport };

/** What every worker starts with: last year's reports, for the review's continuity checks. */
export interface WorkerStart {
  previous: readonly ReviewInput[];
}

/** One file's budget: a real report, even a PDF of many pages, is read in seconds and a few hundred MB. */
export const READ_BUDGET: Budget = { timeMs: 30_000, memoryMb: 512 };

/**
 * A report as a review keeps it once checked: its figures, identity and the
 * explanations its findings name; its text (the bulk of a report) goes.
 */
export function slimReport(report: Report, findings: readonly Finding[]): Report {
  const explanations: Record<string, string> = {};
  for (const f of findings) if (report.explanations[f.id] !== undefined) explanations[f.id] = report.explanations[f.id]!;
  const { preamble: _text, ...rest } = report;
  return { ...rest, narratives: Object.fromEntries(NARRATIVE_IDS.map((n) => [n, ''])) as Record<NarrativeId, string>, explanations };
}

/**
 * The worker's script: beside the command's bundle (out/cli/read-worker.cjs),
 * when the command runs from it. Run from the sources (tests, benches), the
 * worker is that same build, made first where the sources are newer — by the
 * build script and esbuild, development tools a checkout has.
 */
function workerScript(): WorkerScript {
  const beside = join(__dirname, 'read-worker.cjs');
  if (existsSync(beside)) return { file: beside };
  const build = createRequire(__filename)(join(__dirname, '..', '..', '..', 'scripts', 'build-cli.cjs')) as {
    WORKER: string;
    buildCli: () => void;
    bundleState: () => { stale: boolean };
  };
  if (build.bundleState().stale) build.buildCli();
  return { file: build.WORKER };
}

function budgetMessage(name: string, result: Extract<JobResult<WorkerAnswer>, { ok: false }>, budget: Budget): string {
  if (result.reason === 'time')
    return `「${name}」读取超过 ${budget.timeMs / 1000} 秒仍未完成，已跳过：文件可能损坏或过于复杂，请让报送单位另存后重新报送`;
  if (result.reason === 'memory')
    return `「${name}」读取所需内存超过 ${budget.memoryMb} MB，已跳过：文件可能损坏或过于复杂，请让报送单位另存后重新报送`;
  return `「${name}」读取时出错，已跳过：文件可能已损坏，请让报送单位重新报送`;
}

export interface ReadOptions {
  budget?: Budget;
  /** Workers at once (default: the cores, at least 2 so one slow file never holds up the rest, at most 4). */
  workers?: number;
  /** Last year's reports (review mode). */
  previous?: readonly ReviewInput[];
}

/** Report data files go to a worker this many at a time at most (one message each way for all of them). */
const BATCH_MAX = 64;

/**
 * The jobs of a run, in order: each document alone (it may take its reader's
 * whole budget, and a folder of them must stay within one file's memory);
 * report data files in batches, small enough that every worker gets several.
 */
function jobsOf(files: readonly BatchFile[], mode: WorkerMode, workers: number): { jobs: WorkerJob[]; document: boolean }[] {
  const json = files.filter((f) => formatOfName(f.name)?.id === 'json').length;
  const size = Math.max(1, Math.min(BATCH_MAX, Math.ceil(json / (workers * 4))));
  const out: { jobs: WorkerJob[]; document: boolean }[] = [];
  let open: WorkerJob[] | undefined;
  files.forEach(({ path, name }, index) => {
    const job: WorkerJob = { mode, path, name, index };
    if (formatOfName(name)?.id !== 'json') out.push({ jobs: [job], document: true });
    else if (open && open.length < size) open.push(job);
    else out.push({ jobs: (open = [job]), document: false });
  });
  return out;
}

/**
 * Every file through the workers in `mode`, `onAnswer` called with each answer
 * as it arrives (any order; `index` is the file's place in `files`). A file
 * past its budget is answered as unreadable, with the reason. At most two
 * batches per worker are in flight, so answers never pile up faster than the
 * caller takes them.
 */
async function runFiles(
  files: readonly BatchFile[],
  mode: WorkerMode,
  onAnswer: (index: number, answer: WorkerAnswer) => void,
  options: ReadOptions,
): Promise<void> {
  if (files.length === 0) return;
  const budget = options.budget ?? READ_BUDGET;
  const size = Math.min(options.workers ?? Math.max(2, Math.min(4, availableParallelism())), files.length);
  const start: WorkerStart = { previous: options.previous ?? [] };
  const pool = new WorkerPool<WorkerJob, WorkerAnswer>(workerScript(), size, budget, start);
  const batches = jobsOf(files, mode, size);
  let next = 0;
  // Documents are read one at a time, whatever the lanes; report data files share every lane.
  let documentTurn: Promise<unknown> = Promise.resolve();
  const lane = async () => {
    while (next < batches.length) {
      const { jobs, document } = batches[next++]!;
      const run = () => pool.runBatch(jobs);
      const results = await (document ? (documentTurn = documentTurn.then(run, run)) : run());
      results.forEach((result, i) => {
        const { index, name } = jobs[i]!;
        onAnswer(index, result.ok ? result.value : { mode: 'read', input: { fileName: name, error: budgetMessage(name, result, budget) } });
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(size * 2, batches.length) }, lane));
  } finally {
    await pool.close();
  }
}

/** Every file read, in the order given (last year's reports, the region's own). */
export async function readAllFiles(files: readonly BatchFile[], options: ReadOptions = {}): Promise<ReviewInput[]> {
  const out = new Array<ReviewInput>(files.length);
  await runFiles(files, 'read', (i, a) => a.mode === 'read' && (out[i] = a.input), options);
  return out;
}

/** Every file reviewed (against `options.previous`), each handed over as it is done; a file that can't be read is a review of its own. */
export async function reviewFiles(
  files: readonly BatchFile[],
  onReviewed: (index: number, reviewed: ReviewedReport) => void,
  options: ReadOptions = {},
): Promise<void> {
  await runFiles(
    files,
    'review',
    (i, a) => onReviewed(i, a.mode === 'review' ? { ...a.reviewed, report: unpackReport(a.report) } : reviewOne(inputOf(a, files[i]!), i)),
    options,
  );
}

/** Every file as a part of a 汇总 (its errors counted), or why it could not be read. */
export async function sumFiles(
  files: readonly BatchFile[],
  onPart: (index: number, part: SumPart | { fileName: string; error: string }) => void,
  options: ReadOptions = {},
): Promise<void> {
  await runFiles(
    files,
    'sum',
    (i, a) => {
      if (a.mode === 'sum') {
        // The values in template order, as they came: the 汇总 adds them up without building each body's tables.
        const values = decodeValues(a.report.figures);
        onPart(i, { fileName: a.fileName, errors: a.errors, report: unpackReport(a.report), ...(values ? { values } : {}) });
      } else {
        const input = inputOf(a, files[i]!);
        onPart(i, 'error' in input ? input : { fileName: input.fileName, error: `「${input.fileName}」读取时出错` });
      }
    },
    options,
  );
}

function inputOf(a: WorkerAnswer, file: BatchFile): ReviewInput {
  return a.mode === 'read' ? a.input : { fileName: file.name, error: `「${file.name}」读取时出错` };
}
