// Everything that enters the library is checked here first, with the shared
// schemas (shared/model/identity.ts, patch.ts, report-json.ts): a patch names only
// template cells and known sections, values have the cell value types, and a
// whole report has the shape of the report JSON. Values are stored as given,
// never coerced: parsing what a person typed is the editor's job.
import type { z } from 'zod';
import { cellEntries, isCellKey } from '../../../shared/model/cells';
import { AGENCY_MAX_CHARS, agencySchema, identitySchema, YEAR_MESSAGE, type Identity } from '../../../shared/model/identity';
import { editPatchSchema, type EditPatch } from '../../../shared/model/patch';
import { blankTables, markUnread, valueAt, type CellValue, type Report } from '../../../shared/model/report';
import { isOverlongText, reportSchema } from '../../../shared/model/report-json';
import { FORMAT_2021, LEVELS, NARRATIVE_IDS, TABLE_IDS } from '../../../shared/template/gov2021';
import { DEFAULT_LEVEL } from '../../../shared/template/levels';
import { fail, ok, type Result } from '../../../shared/api/result';

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.path.join('.');
      if (i.code === 'unrecognized_keys') return `${path ? path + ' 中' : ''}有未知的项 ${i.keys.join('、')}`;
      if (isOverlongText(i)) return i.message;
      // The shared schemas carry the author's words for the identity fields.
      if (path.endsWith('agency') || path.endsWith('signature')) return i.message;
      if (path.endsWith('year')) return YEAR_MESSAGE;
      if (path.endsWith('date')) return '成文日期应为“2025-01-20”这样的日期';
      if (path.endsWith('level')) return `机关层级应为${LEVELS.join('、')}之一`;
      return `${path || '内容'}的值不正确`;
    })
    .join('；');
}

export function checkMeta(input: unknown): Result<Identity> {
  const parsed = identitySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid_input', `无法新建报告：${describe(parsed.error.issues)}`);
}

export function checkPatch(input: unknown): Result<EditPatch> {
  // Unknown cells first, named: the schema alone would only say the patch is wrong.
  const cells = typeof input === 'object' && input !== null ? (input as { cells?: unknown }).cells : undefined;
  const unknown = typeof cells === 'object' && cells !== null ? Object.keys(cells).filter((k) => !isCellKey(k)) : [];
  if (unknown.length > 0) return fail('unknown_cell', `修改未保存：${unknown.slice(0, 5).join('、')} 不是年报表格中的单元格`);
  const parsed = editPatchSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail('invalid_input', `修改未保存：${describe(parsed.error.issues)}`);
}

/** A whole report (from import or a revision), checked for shape; missing cells become blank. */
export function checkReport(input: unknown): Result<Report> {
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) return fail('invalid_report', `报告内容不完整或格式不对，未保存：${describe(parsed.error.issues)}`);
  const agency = agencySchema.safeParse(parsed.data.agency);
  if (!agency.success) {
    return parsed.data.agency.trim() === ''
      ? fail('invalid_report', '报告缺少机关名称，未保存：请填写机关名称后再导入')
      : fail('invalid_report', `报告的机关名称超过 ${AGENCY_MAX_CHARS} 字，未保存：请改短后再导入`);
  }
  const data = parsed.data;
  const tables = blankTables();
  for (const t of TABLE_IDS) {
    for (const [row, cols] of Object.entries((data.tables[t] ?? {}) as Record<string, Record<string, CellValue | undefined> | undefined>)) {
      for (const [col, value] of Object.entries(cols ?? {})) tables[t][row]![col] = value ?? null;
    }
  }
  const report: Report = {
    format: FORMAT_2021,
    agency: agency.data,
    year: data.year,
    level: data.level ?? DEFAULT_LEVEL,
    ...(data.signature ? { signature: data.signature } : {}),
    ...(data.date ? { date: data.date } : {}),
    ...(data.preamble ? { preamble: data.preamble } : {}),
    narratives: Object.fromEntries(NARRATIVE_IDS.map((n) => [n, data.narratives?.[n] ?? ''])) as Report['narratives'],
    tables,
    explanations: { ...(data.explanations ?? {}) },
    ...(data.kind === 'sum' ? { kind: 'sum' as const, members: data.members ?? [] } : {}),
  };
  // Marks of cells given a value in the same report are stale (as `readReportJson` reads them).
  return ok(
    markUnread(
      report,
      cellEntries(data.unread ?? {}).filter(([key]) => valueAt(report, key) === null),
    ),
  );
}
