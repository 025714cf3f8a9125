// The 问题清单 workbook the office sends back: one sheet with a row per body
// (status, counts, the four figures, the first problems), one with every
// problem of every body (body, section, cells by their printed names,
// message, severity, fix), and, where a region's own report was checked
// against its bodies, the differences. Every text is written as a string
// cell, as in the report's Excel export, so a body name or message that
// starts with "=", "+", "-" or "@" is shown, never run as a formula.
import ExcelJS from 'exceljs';
import { kpi } from '../../../shared/kpi';
import type { Finding } from '../../../shared/rules/types';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import { SECTIONS, type SectionId } from '../../../shared/template/gov2021';
import {
  bodyOf,
  cellNames,
  firstProblems,
  PROBLEM_COLUMNS,
  problemRows,
  REVIEW_KPIS,
  type ProblemColumn,
  type Review,
} from '../../../shared/review';

export const SUMMARY_SHEET = '各单位情况';
export const FINDINGS_SHEET = '问题明细';
export const HIERARCHY_SHEET = '本级与各单位合计';

export interface WorkbookOptions {
  /** "余杭区2024年度政府信息公开工作年度报告审核" — the sheets' title. */
  title: string;
  /** Generated on (YYYY-MM-DD). */
  date: string;
  /** The region's report beside its bodies' sum, where it was checked. */
  hierarchy?: { region: string; findings: readonly Finding[] };
}

interface Column {
  header: string;
  width: number;
  /** Number format, for figures. */
  numFmt?: string;
  wrap?: boolean;
}

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const HEAD_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB0B7C0' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
const SECTION_HEADING = Object.fromEntries(SECTIONS.map((s) => [s.id, s.heading])) as Record<SectionId, string>;

/** A sheet with a title, a header row that stays in view and filters, and one row per item. */
function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly Column[],
  rows: readonly (string | number | null)[][],
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { name: '宋体', size: 14, bold: true };
  ws.getRow(1).height = 26;
  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = HEAD_FONT;
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(3 + r);
    let lines = 1;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const col = columns[i]!;
      // Strings go in as strings, whatever they start with: exceljs writes a formula only when given one.
      cell.value = v ?? '—';
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: !!col.wrap, horizontal: typeof v === 'number' ? 'right' : 'left' };
      if (col.numFmt && typeof v === 'number') cell.numFmt = col.numFmt;
      if (col.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, col.width));
    });
    row.height = Math.min(409, Math.max(18, lines * 14 + 4));
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
}

/** Lines a text takes in a column of `width` units (a CJK character is two). */
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => {
    let units = 0;
    for (const ch of line) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
    return n + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}

const PROBLEM_WIDTHS: Record<ProblemColumn, number> = { severity: 8, section: 24, cells: 30, message: 64, fix: 30 };
const KPI_FORMAT: Record<string, string> = { '%': '0.0%', 件: '#,##0' };

/** The whole review as a workbook (.xlsx bytes). */
export async function problemWorkbook(review: Review, options: WorkbookOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报编制助手';
  wb.title = options.title;
  const kpis = REVIEW_KPIS.map(kpi);
  listSheet(
    wb,
    SUMMARY_SHEET,
    `${options.title}（${review.reports.length} 份报告，${options.date}）`,
    [
      { header: '序号', width: 6 },
      { header: '单位', width: 26, wrap: true },
      { header: '年度', width: 7 },
      { header: '层级', width: 9 },
      { header: '状态', width: 9 },
      { header: SEVERITY_LABEL.error, width: 6 },
      { header: SEVERITY_LABEL.warning, width: 7 },
      { header: '其中未说明', width: 8 },
      { header: SEVERITY_LABEL.notice, width: 6 },
      ...kpis.map((k) => ({ header: k.label, width: 10, numFmt: KPI_FORMAT[k.unit] })),
      { header: '主要问题', width: 60, wrap: true },
      { header: '读取说明', width: 36, wrap: true },
      { header: '对照的上年报告', width: 20, wrap: true },
      { header: '文件', width: 24, wrap: true },
    ],
    review.reports.map((r, i) => [
      i + 1,
      bodyOf(r),
      r.report?.year ?? null,
      r.report?.level ?? null,
      r.status,
      r.counts.error,
      r.counts.warning,
      r.unexplained,
      r.counts.notice,
      ...(r.kpis.length > 0 ? r.kpis.map((k) => k.value) : kpis.map(() => null)),
      firstProblems(r) || '未发现问题',
      r.notes.join('\n'),
      r.previousFile ?? '',
      r.fileName,
    ]),
  );
  const problems = review.reports.flatMap((r) => problemRows(r));
  listSheet(
    wb,
    FINDINGS_SHEET,
    `${options.title}：问题明细（${problems.length} 项）`,
    [
      { header: '序号', width: 6 },
      { header: '单位', width: 24, wrap: true },
      ...PROBLEM_COLUMNS.map((c) => ({ header: c.header, width: PROBLEM_WIDTHS[c.key], wrap: c.key !== 'severity' })),
      { header: '核实说明', width: 30, wrap: true },
      { header: '规则', width: 20 },
      { header: '文件', width: 24, wrap: true },
    ],
    problems.map((p, i) => [i + 1, p.body, ...PROBLEM_COLUMNS.map((c) => p[c.key]), p.explanation, p.rule, p.fileName]),
  );
  if (options.hierarchy) {
    const { region, findings } = options.hierarchy;
    listSheet(
      wb,
      HIERARCHY_SHEET,
      `${region}：本级报告与各单位合计不一致的格子（${findings.length} 项）`,
      [
        { header: '序号', width: 6 },
        { header: '类别', width: 8 },
        { header: '部分', width: 30, wrap: true },
        { header: '涉及单元格', width: 30, wrap: true },
        { header: '差异', width: 90, wrap: true },
      ],
      findings.map((f, i) => [i + 1, SEVERITY_LABEL[f.severity], SECTION_HEADING[f.section], cellNames(f.cells), f.message]),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
