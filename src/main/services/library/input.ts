// Everything that enters the library is checked here first: a patch names
// only template cells and known sections, values have the cell value types,
// and a whole report has the shape of the report JSON. Values are stored as
// given, never coerced: parsing what a person typed is the editor's job.
import { z } from 'zod';
import { isCellKey, type CellKey } from '../../../shared/model/cells';
import { blankTables, type CellValue, type Report } from '../../../shared/model/report';
import { isOverlongText, levelSchema, reportSchema } from '../../../shared/model/schema';
import { limitedText } from '../../../shared/model/limits';
import { FORMAT_2021, NARRATIVE_IDS, TABLE_IDS, type Level, type NarrativeId } from '../../../shared/template/gov2021';
import { fail, ok, type Result } from '../../../shared/api/result';

export interface NewReportMeta {
  agency: string;
  year: number;
  level: Level;
}

/** One user action: everything in it is saved together or not at all. */
export interface ReportPatch {
  cells?: Partial<Record<CellKey, CellValue>>;
  narratives?: Partial<Record<NarrativeId, string>>;
  /** Finding id → 核实说明; `null` removes it. */
  explanations?: Record<string, string | null>;
  /** The identity; for 落款, 成文日期 and the preamble `null` (or "") removes them. */
  meta?: Partial<NewReportMeta> & { signature?: string | null; date?: string | null; preamble?: string | null };
}

const agencySchema = z.string().trim().min(1).max(200);
const yearSchema = z.number().int().min(2000).max(2100);
const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

const metaSchema = z.strictObject({ agency: agencySchema, year: yearSchema, level: levelSchema });

const patchSchema = z.strictObject({
  cells: z.record(z.string(), cellValueSchema.optional()).optional(),
  narratives: z.strictObject(Object.fromEntries(NARRATIVE_IDS.map((n) => [n, limitedText(n).optional()]))).optional(),
  explanations: z.record(z.string().min(1), z.union([z.string(), z.null()])).optional(),
  meta: metaSchema
    .extend({
      signature: z.string().trim().max(200).nullable(),
      date: z.union([z.iso.date(), z.literal(''), z.null()]),
      preamble: limitedText('preamble').nullable(),
    })
    .partial()
    .optional(),
});

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path.join('.');
      if (i.code === 'unrecognized_keys') return `${path ? path + ' 中' : ''}有未知的项 ${i.keys.join('、')}`;
      if (isOverlongText(i)) return i.message;
      if (path.endsWith('agency')) return '机关名称不能为空（最多 200 字）';
      if (path.endsWith('year')) return '年度应为 2000—2100 之间的整数';
      if (path.endsWith('date')) return '成文日期应为“2025-01-20”这样的日期';
      if (path.endsWith('level')) return '机关层级应为乡镇街道、县区政府、县区部门、市政府、市级部门或省级';
      return `${path || '内容'}的值不正确`;
    })
    .join('；');
}

export function checkMeta(input: unknown): Result<NewReportMeta> {
  const parsed = metaSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid_input', `无法新建报告：${describe(parsed.error.issues)}`);
}

export function checkPatch(input: unknown): Result<ReportPatch> {
  const parsed = patchSchema.safeParse(input);
  if (!parsed.success) return fail('invalid_input', `修改未保存：${describe(parsed.error.issues)}`);
  const unknown = Object.keys(parsed.data.cells ?? {}).filter((k) => !isCellKey(k));
  if (unknown.length > 0) return fail('unknown_cell', `修改未保存：${unknown.slice(0, 5).join('、')} 不是年报表格中的单元格`);
  return ok(parsed.data as ReportPatch);
}

/** A whole report (from import or a revision), checked for shape; missing cells become blank. */
export function checkReport(input: unknown): Result<Report> {
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return fail('invalid_report', `报告内容不完整或格式不对，未保存：${describe(parsed.error.issues)}`);
  const agency = agencySchema.safeParse(parsed.data.agency);
  if (!agency.success) return fail('invalid_report', '报告缺少机关名称，未保存：请填写机关名称后再导入');
  const data = parsed.data;
  const tables = blankTables();
  for (const t of TABLE_IDS) {
    for (const [row, cols] of Object.entries((data.tables[t] ?? {}) as Record<string, Record<string, CellValue | undefined> | undefined>)) {
      for (const [col, value] of Object.entries(cols ?? {})) tables[t][row]![col] = value ?? null;
    }
  }
  return ok({
    format: FORMAT_2021,
    agency: agency.data,
    year: data.year,
    level: data.level ?? '县区部门',
    ...(data.signature ? { signature: data.signature } : {}),
    ...(data.date ? { date: data.date } : {}),
    ...(data.preamble ? { preamble: data.preamble } : {}),
    narratives: Object.fromEntries(NARRATIVE_IDS.map((n) => [n, data.narratives?.[n] ?? ''])) as Report['narratives'],
    tables,
    explanations: { ...(data.explanations ?? {}) },
  });
}
