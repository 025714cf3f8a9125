// The earlier round `review --against FILE` compares with: the `--json`
// output of an earlier review, or the 问题清单 workbook it wrote (columns found
// by their headers, so a workbook a clerk re-sorted or filtered still reads).
// Both become the same EarlierRound; a file that is neither gets one line
// naming it.
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/api/result';
import { asCellKey } from '../../shared/model/cells';
import {
  cellNames,
  DUPLICATE_ID,
  problemKind,
  UNREADABLE_ID,
  type EarlierProblem,
  type EarlierReport,
  type EarlierRound,
} from '../../shared/review';
import { extensionOf } from '../../shared/formats';
import { readFileChecked } from '../services/fs/files';
import { COLUMN, decodeFigures, FINDINGS_SHEET, SUMMARY_SHEET } from '../services/review';

const finding = z.object({ id: z.string(), rule: z.string(), severity: z.string(), message: z.string(), cells: z.array(z.string()) });
const reviewJson = z.object({
  reports: z.array(
    z.object({
      file: z.string(),
      agency: z.string().optional(),
      error: z.string().optional(),
      findings: z.array(finding),
      duplicates: z.array(z.string()).optional(),
      figures: z.string().optional(),
    }),
  ),
});

const notEarlier = (name: string, why: string) =>
  fail(
    'not_earlier_round',
    `「${name}」不能用作上一轮的审核结果（${why}）：请给出上一轮 nianbao review --json 的输出，或上一轮导出的问题清单工作簿（.xlsx）`,
  );

function fromJson(name: string, text: string): Result<EarlierRound> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return notEarlier(name, '不是有效的 JSON');
  }
  const parsed = reviewJson.safeParse(data);
  if (!parsed.success) return notEarlier(name, '没有 reports 列表');
  const reports = parsed.data.reports.map((r): EarlierReport => {
    const problems: EarlierProblem[] = [];
    if (r.error !== undefined) problems.push({ id: UNREADABLE_ID, kind: 'unreadable', rule: UNREADABLE_ID, message: r.error, cells: '' });
    if (r.duplicates?.length)
      problems.push({
        id: DUPLICATE_ID,
        kind: 'duplicate',
        rule: DUPLICATE_ID,
        message: `与「${r.duplicates.join('」「')}」重复`,
        cells: '',
      });
    for (const f of r.findings) {
      const kind = problemKind(f.severity, f.rule);
      const cells = f.cells.flatMap((c) => asCellKey(c) ?? []);
      if (kind) problems.push({ id: f.id, kind, rule: f.rule, message: f.message, cells: cellNames(cells) });
    }
    const figures = decodeFigures(r.figures);
    return { body: r.agency || r.file, fileName: r.file, problems, ...(figures ? { values: figures } : {}) };
  });
  return ok({ source: name, reports });
}

/** A sheet's rows as records by header, the header being the first row that holds every `required` header. */
function records(ws: ExcelJS.Worksheet, required: readonly string[]): Record<string, unknown>[] | undefined {
  let headers: Map<number, string> | undefined;
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row) => {
    const texts = new Map<number, string>();
    row.eachCell((cell, col) => texts.set(col, cell.text.trim()));
    if (!headers) {
      const found = new Set(texts.values());
      if (required.every((h) => found.has(h))) headers = texts;
      return;
    }
    const rec: Record<string, unknown> = {};
    for (const [col, header] of headers) rec[header] = row.getCell(col).value;
    out.push(rec);
  });
  return headers ? out : undefined;
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').trim();

async function fromWorkbook(name: string, bytes: Buffer): Promise<Result<EarlierRound>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return notEarlier(name, '不是有效的 Excel 工作簿');
  }
  const findingsSheet = wb.getWorksheet(FINDINGS_SHEET);
  const problemsRows = findingsSheet && records(findingsSheet, [COLUMN.body, COLUMN.severity, COLUMN.rule]);
  if (!problemsRows) return notEarlier(name, `没有“${FINDINGS_SHEET}”工作表`);
  const byBody = new Map<string, EarlierReport & { problems: EarlierProblem[] }>();
  const bodyOf = (body: string, fileName = '') => {
    let r = byBody.get(body);
    if (!r) byBody.set(body, (r = { body, fileName, problems: [] }));
    return r;
  };
  // Bodies of the earlier round without a problem are in the summary sheet, with their figures.
  const summary = wb.getWorksheet(SUMMARY_SHEET);
  for (const row of (summary && records(summary, [COLUMN.body, COLUMN.file])) ?? []) {
    const body = text(row[COLUMN.body]);
    if (!body || !text(row[COLUMN.file])) continue;
    const values = decodeFigures(row[COLUMN.figures]);
    Object.assign(bodyOf(body, text(row[COLUMN.file])), values ? { values } : {});
  }
  for (const row of problemsRows) {
    const body = text(row[COLUMN.body]);
    const rule = text(row[COLUMN.rule]);
    const kind = problemKind(text(row[COLUMN.severity]), rule);
    // A problem the earlier round already saw closed is no problem of it.
    if (!body || !kind || text(row[COLUMN.mark]).startsWith('已整改')) continue;
    const id = text(row[COLUMN.id]);
    bodyOf(body, text(row[COLUMN.file])).problems.push({
      ...(id ? { id } : {}),
      kind,
      rule,
      message: text(row[COLUMN.message]),
      cells: text(row[COLUMN.cells]),
    });
  }
  return ok({ source: name, reports: [...byBody.values()] });
}

/** An earlier round from the file `--against` names. */
export async function readEarlierRound(path: string): Promise<Result<EarlierRound>> {
  const name = basename(path);
  const bytes = await readFileChecked(path);
  if (!bytes.ok) return bytes;
  const ext = extensionOf(name);
  if (ext === '.json') return fromJson(name, bytes.value.toString('utf8'));
  if (ext === '.xlsx' || ext === '.xlsm') return fromWorkbook(name, bytes.value);
  return notEarlier(name, '扩展名应为 .json 或 .xlsx');
}
