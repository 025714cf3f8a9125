// The 问题清单 the 汇总与审核 page asks for: the files it read come back as
// data, are reviewed again here by the same pure code the page uses, and
// leave as a workbook or a Word document. Nothing of the user's files is
// touched: the page never had their paths.
import type { Input } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import { readReportJson } from '../../shared/model/schema';
import { bodyOf, checkRegion, reviewBatch, reviewTitle, type Review, type ReviewInput } from '../../shared/review';
import { problemLetterDocx, problemWorkbook } from '../services/review';

type Entries = Input<'review.workbook'>['entries'];

function inputsOf(entries: Entries): Result<ReviewInput[]> {
  const out: ReviewInput[] = [];
  for (const e of entries) {
    if ('error' in e) {
      out.push(e);
      continue;
    }
    const read = readReportJson(e.report);
    if (!read.ok) return fail('not_report', `「${e.fileName}」${read.error}`);
    out.push({ fileName: e.fileName, report: read.value, notes: e.notes });
  }
  return ok(out);
}

function reviewOf(input: { entries: Entries; previous: Entries }): Result<Review> {
  const entries = inputsOf(input.entries);
  if (!entries.ok) return entries;
  const previous = inputsOf(input.previous);
  if (!previous.ok) return previous;
  return ok(reviewBatch(entries.value, previous.value));
}

export interface MadeFile {
  fileName: string;
  bytes: Uint8Array;
}

const today = () => new Date().toLocaleDateString('sv');

export async function reviewWorkbook(input: Input<'review.workbook'>): Promise<Result<MadeFile>> {
  const review = reviewOf(input);
  if (!review.ok) return review;
  const region = input.region === undefined ? undefined : review.value.reports[input.region]?.report;
  if (input.region !== undefined && !region) return fail('bad_request', '选作本级报告的文件没有读出报告：请另选一份');
  const title = reviewTitle(review.value, region?.agency);
  const hierarchy = region ? { region: region.agency, findings: checkRegion(review.value, region, input.region) } : undefined;
  const bytes = await problemWorkbook(review.value, { title, date: today(), hierarchy });
  return ok({ fileName: `${title}问题清单.xlsx`, bytes });
}

export async function reviewLetters(input: Input<'review.letters'>): Promise<Result<MadeFile>> {
  const review = reviewOf(input);
  if (!review.ok) return review;
  const chosen = input.indexes.map((i) => review.value.reports[i]);
  if (chosen.some((r) => !r)) return fail('bad_request', '要打印的报告不在本次审核之中：请重新选择');
  const reports = chosen.map((r) => r!);
  const bytes = await problemLetterDocx(
    reports.map((reviewed) => ({ reviewed })),
    { date: today() },
  );
  const name = reports.length === 1 ? bodyOf(reports[0]!) : `${reviewTitle(review.value)}（${reports.length} 个单位）`;
  return ok({ fileName: `${name}问题清单.docx`, bytes });
}
