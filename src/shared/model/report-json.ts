// The report JSON schema (zod) and its reader: cells are read by the rules of
// docs/report-format.md, unknown keys are refused (never silently dropped).
import { z } from 'zod';
import { FORMAT_2021, LEVELS, NARRATIVE_IDS, TABLES, TABLE_IDS, type TableId } from '../template/gov2021';
import { inferLevel } from '../template/levels';
import { dateSchema, levelSchema, signatureSchema, YEAR_RULE, yearSchema } from './identity';
import { CELL_KEYS, cellEntries } from './cells';
import { blankTables, markUnread, parseCellInput, REPORT_KINDS, valueAt, type Report, type TableValues } from './report';
import { limitedText } from './limits';
import { acceptsAsIs } from './accept';

/** A cell's value as JSON and the API carry it: a number, the text found where a number belongs, or blank. */
export const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

/** A bound on the reason a cell was not read, so that one request cannot fill the disk. */
const UNREAD_REASON_MAX_CHARS = 500;
/** Cells a file did not give, each with the reason the author is shown (`Report.unread`). */
export const unreadSchema = z.partialRecord(z.enum(CELL_KEYS), z.string().min(1).max(UNREAD_REASON_MAX_CHARS));

/** The most bodies one 汇总 names (a province's every body would be fewer). */
export const MAX_MEMBERS = 50_000;

function tableSchema(table: TableId) {
  const def = TABLES[table];
  const rows = Object.fromEntries(
    def.rows.map((r) => [
      r.key,
      z.strictObject(Object.fromEntries(def.colsOf(r.key).map((c) => [c.key, cellValueSchema.optional()]))).optional(),
    ]),
  );
  return z.strictObject(rows);
}

export const reportSchema = z.strictObject({
  format: z.literal(FORMAT_2021),
  agency: z.string(),
  year: yearSchema,
  level: levelSchema.optional(),
  signature: signatureSchema.optional(),
  date: dateSchema.optional(),
  preamble: limitedText('preamble').optional(),
  narratives: z.strictObject(Object.fromEntries(NARRATIVE_IDS.map((n) => [n, limitedText(n).optional()]))).optional(),
  tables: z.strictObject({
    proactive: tableSchema('proactive').optional(),
    requests: tableSchema('requests').optional(),
    appeals: tableSchema('appeals').optional(),
  }),
  explanations: z.record(z.string(), z.string()).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  members: z
    .array(z.strictObject({ agency: z.string(), level: levelSchema }))
    .max(MAX_MEMBERS)
    .optional(),
  unread: unreadSchema.optional(),
});

/** An issue of a text past MAX_SECTION_CHARS (not of a short field such as 落款). */
export function isOverlongText(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_big' && (issue.path[0] === 'preamble' || issue.path[0] === 'narratives');
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string; tooLong?: true };

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `${path ? path + ' 中' : ''}有未知的键 ${issue.keys.join('、')}`;
  if (path === 'format') return `format 应为 "${FORMAT_2021}"`;
  if (path === 'level') return `level 应为 ${LEVELS.join('/')} 之一`;
  if (path === 'date') return 'date（成文日期）应写作 2025-01-20';
  if (path === 'year') return `year（报告年度）${YEAR_RULE}`;
  if (path === 'agency') return 'agency（机关名称）应为文字';
  if (path.startsWith('tables.') && path.split('.').length === 4) return `${path} 应为数字、文字或 null`;
  return `${path || '根'} 不符合报告格式（${issue.message}）`;
}

/** A report file's JSON that the schema takes as it stands (nearly every one): checked in µs, where zod's parse takes ~100 µs. */
const acceptedAsIs = acceptsAsIs(reportSchema);

const isObjectWith = (v: unknown, key: string) => typeof v === 'object' && v !== null && !Array.isArray(v) && key in v;

/**
 * Reads a parsed JSON value as a report. Cells given as strings are read as
 * numbers where they are numbers ("１２", "3,985,758"); cells that are
 * missing become blank. A missing level is inferred from the agency's name.
 */
export function readReportJson(input: unknown): ReadResult<Report> {
  const parsed = acceptedAsIs(input) ? ({ success: true, data: input } as const) : reportSchema.safeParse(input);
  if (!parsed.success) {
    // Another program's JSON (a settings file, an export of some other system): no mark of a report at all.
    if (!isObjectWith(input, 'format') && !isObjectWith(input, 'tables'))
      return {
        ok: false,
        error:
          '不是年报数据文件：其中没有年报的格式标记和统计表，可能是其他程序的 JSON 文件。请选择年报编制助手导出的 .json，或 Word、Excel、PDF 格式的年报',
      };
    // A report, only with a text over the length limit: its own message says which, how long and what to do.
    const overlong = parsed.error.issues.find(isOverlongText);
    if (overlong) return { ok: false, error: overlong.message, tooLong: true };
    const first = parsed.error.issues.slice(0, 3).map(describeIssue).join('；');
    return { ok: false, error: `不是年报数据文件：${first}` };
  }
  const data = parsed.data;
  const tables = blankTables();
  for (const t of TABLE_IDS) {
    const given = (data.tables[t] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const target: TableValues = tables[t];
    // for…in, not Object.entries: a review reads thousands of reports, and a pair array per cell adds up.
    for (const row in given) {
      const cols = given[row] ?? {};
      for (const col in cols) target[row]![col] = parseCellInput(cols[col]);
    }
  }
  const narratives = Object.fromEntries(NARRATIVE_IDS.map((n) => [n, data.narratives?.[n] ?? ''])) as Report['narratives'];
  const read: Report = {
    format: FORMAT_2021,
    agency: data.agency,
    year: data.year,
    level: data.level ?? inferLevel(data.agency).level,
    ...(data.signature !== undefined ? { signature: data.signature } : {}),
    ...(data.date !== undefined ? { date: data.date } : {}),
    ...(data.preamble !== undefined ? { preamble: data.preamble } : {}),
    narratives,
    tables,
    explanations: data.explanations ?? {},
    // A body's own report is the default and is written without a kind, as before there were 汇总s.
    ...(data.kind === 'sum' ? { kind: 'sum' as const, members: data.members ?? [] } : {}),
  };
  // A cell given a value in the same file was read after all: its mark is stale.
  const unread = cellEntries(data.unread ?? {}).filter(([key]) => valueAt(read, key) === null);
  return { ok: true, value: markUnread(read, unread) };
}

/** The report as interchange JSON, keys in template order. */
export function reportToJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
