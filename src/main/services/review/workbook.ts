// The 问题清单 workbook the office sends back and keeps: a sheet with a row
// per body (its collection status where there is a roster, its check result,
// counts, the figures with their risk marks, the first problems), every
// problem of every body (with 已整改 / 仍存在 / 新发现 where it was checked
// against an earlier round), the ranking by risk, every body's figures (what
// the next round's changed cells are listed against), and, where a region's
// own report was checked against its bodies, the differences. Every text is
// written as a string cell, as in the report's Excel export, so a body name
// or message that starts with "=", "+", "-" or "@" is shown, never run.
import ExcelJS from 'exceljs';
import { encodeFigures, FIGURES_HEADER } from './figures';
import type { Finding } from '../../../shared/rules/types';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import { sectionHeading, type Level } from '../../../shared/template/gov2021';
import { kpi } from '../../../shared/kpi';
import {
  bodyOf,
  byRisk,
  cellNames,
  firstProblems,
  PROBLEM_COLUMNS,
  problemRows,
  recheckLine,
  REVIEW_KPIS,
  RISK_KPIS,
  type ProblemColumn,
  type Recheck,
  type Review,
  type RiskMark,
} from '../../../shared/review';

export const SUMMARY_SHEET = '各单位情况';
export const FINDINGS_SHEET = '问题明细';
export const RISK_SHEET = '风险排名';
export const HIERARCHY_SHEET = '本级与各单位合计';

/** The columns a later round reads back (`review --against`): found by their headers, wherever they stand. */
export const COLUMN = {
  body: '单位',
  severity: '类别',
  cells: '涉及单元格',
  message: '问题',
  rule: '规则',
  id: '问题编号',
  mark: '对照上轮',
  file: '文件',
  figures: FIGURES_HEADER,
} as const;

export interface RosterRow {
  name: string;
  level: Level;
  /** 未报送, 已报送, 已整改…; a body of the roster with no report is 未报送. */
  status: string;
  deadline: string;
  overdue: boolean;
  /** The report of the batch that is its own (index in review.reports), if any. */
  report?: number;
}

export interface WorkbookOptions {
  /** "余杭区2024年度政府信息公开工作年度报告审核" — the sheets' title. */
  title: string;
  /** Generated on (YYYY-MM-DD). */
  date: string;
  /** The region's report beside its bodies' sum, where it was checked. */
  hierarchy?: { region: string; findings: readonly Finding[] };
  /** The roster: every body expected, with its collection status (the missing ones get a row too). */
  roster?: readonly RosterRow[];
  /** Per report of the review (by index), its recheck against an earlier round. */
  rechecks?: ReadonlyMap<number, Recheck>;
  /** What the rechecks were checked against ("第一轮问题清单.xlsx"). */
  against?: string;
}

interface Column {
  header: string;
  width: number;
  /** Number format, for figures. */
  numFmt?: string;
  wrap?: boolean;
  hidden?: boolean;
}

type Value = string | number | null | { value: string | number | null; mark: RiskMark | null };

const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5 };
const HEAD_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 10.5, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFB0B7C0' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6EEF8' } };
const MARK_FILL: Record<RiskMark, ExcelJS.Fill> = {
  red: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBCB' } },
  yellow: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCEFC2' } },
};

/** A sheet with a title, a header row that stays in view and filters, and one row per item. */
function listSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly Column[],
  rows: readonly Value[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (c.hidden) ws.getColumn(i + 1).hidden = true;
  });
  ws.mergeCells(1, 1, 1, Math.max(2, Math.min(columns.length, 12)));
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
    values.forEach((given, i) => {
      const cell = row.getCell(i + 1);
      const col = columns[i]!;
      const v = given !== null && typeof given === 'object' ? given.value : given;
      // Strings go in as strings, whatever they start with: exceljs writes a formula only when given one.
      cell.value = v ?? '—';
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: !!col.wrap, horizontal: typeof v === 'number' ? 'right' : 'left' };
      if (col.numFmt && typeof v === 'number') cell.numFmt = col.numFmt;
      if (given !== null && typeof given === 'object' && given.mark) cell.fill = MARK_FILL[given.mark];
      if (col.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, col.width));
    });
    row.height = Math.min(409, Math.max(18, lines * 14 + 4));
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  return ws;
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

function summarySheet(wb: ExcelJS.Workbook, review: Review, options: WorkbookOptions): void {
  const kpis = REVIEW_KPIS.map(kpi);
  const roster = options.roster;
  const columns: Column[] = [
    { header: '序号', width: 6 },
    { header: COLUMN.body, width: 26, wrap: true },
    { header: '年度', width: 7 },
    { header: '层级', width: 9 },
    ...(roster
      ? [
          { header: '收集状态', width: 9 },
          { header: '应报送日期', width: 11 },
        ]
      : []),
    { header: '审核结果', width: 9 },
    { header: SEVERITY_LABEL.error, width: 6 },
    { header: SEVERITY_LABEL.warning, width: 7 },
    { header: '其中未说明', width: 8 },
    { header: SEVERITY_LABEL.notice, width: 6 },
    ...kpis.map((k) => ({ header: k.label, width: 10, numFmt: KPI_FORMAT[k.unit] })),
    { header: '风险提示', width: 36, wrap: true },
    ...(options.rechecks ? [{ header: COLUMN.mark, width: 24, wrap: true }] : []),
    { header: '主要问题', width: 60, wrap: true },
    { header: '读取说明', width: 36, wrap: true },
    { header: '对照的上年报告', width: 20, wrap: true },
    { header: COLUMN.file, width: 24, wrap: true },
    // Each body's figures as sent, for the next round to list the cells that changed: hidden, not for reading.
    { header: COLUMN.figures, width: 10, hidden: true },
  ];
  const reportRow = (i: number, rosterRow?: RosterRow): Value[] => {
    const r = review.reports[i]!;
    const recheck = options.rechecks?.get(i);
    return [
      r.report?.year ?? null,
      r.report?.level ?? rosterRow?.level ?? null,
      ...(roster ? [rosterRow?.status ?? '名单外', rosterRow?.deadline ?? null] : []),
      r.status,
      r.counts.error,
      r.counts.warning,
      r.unexplained,
      r.counts.notice,
      ...(r.kpis.length > 0 ? r.kpis.map((k) => ({ value: k.value, mark: k.mark })) : kpis.map(() => null)),
      r.risk?.flags.map((f) => `${f.mark === 'red' ? '【红】' : '【黄】'}${f.label}`).join('\n') ?? '',
      ...(options.rechecks ? [recheck ? recheckLine(recheck) : '（上轮没有这个单位）'] : []),
      firstProblems(r) || '未发现问题',
      r.notes.join('\n'),
      r.previousFile ?? '',
      r.fileName,
      r.report ? encodeFigures(r.report) : '',
    ];
  };
  const rows: Value[][] = [];
  if (roster) {
    const listed = new Set<number>();
    for (const b of roster) {
      if (b.report !== undefined) {
        listed.add(b.report);
        rows.push([rows.length + 1, b.name, ...reportRow(b.report, b)]);
      } else {
        const empty: Value[] = columns.slice(2).map(() => '');
        empty[0] = null;
        empty[1] = b.level;
        empty[2] = b.overdue ? `${b.status}（逾期）` : b.status;
        empty[3] = b.deadline;
        rows.push([rows.length + 1, b.name, ...empty]);
      }
    }
    review.reports.forEach((r, i) => listed.has(i) || rows.push([rows.length + 1, bodyOf(r), ...reportRow(i)]));
  } else review.reports.forEach((r, i) => rows.push([i + 1, bodyOf(r), ...reportRow(i)]));
  listSheet(wb, SUMMARY_SHEET, `${options.title}（${review.reports.length} 份报告，${options.date}）`, columns, rows);
}

function findingsSheet(wb: ExcelJS.Workbook, review: Review, options: WorkbookOptions): void {
  const marked = !!options.rechecks;
  const rows: Value[][] = [];
  review.reports.forEach((r, i) => {
    const recheck = options.rechecks?.get(i);
    if (recheck) {
      // A report checked against the earlier round: its problems now, and the earlier ones it closed.
      const now = new Map(problemRows(r).map((p) => [p.id, p]));
      for (const p of recheck.problems) {
        const row = p.id ? now.get(p.id) : undefined;
        rows.push([
          rows.length + 1,
          bodyOf(r),
          p.severity,
          row?.section ?? '',
          p.cells,
          p.message,
          row?.fix ?? (p.mark === '已整改' ? (p.how ?? '') : ''),
          p.mark === '已整改' && p.how ? `${p.mark}（${p.how}）` : p.mark,
          row?.explanation ?? '',
          p.rule,
          p.id ?? '',
          r.fileName,
        ]);
      }
      return;
    }
    for (const p of problemRows(r))
      rows.push([
        rows.length + 1,
        p.body,
        ...PROBLEM_COLUMNS.map((c) => p[c.key]),
        ...(marked ? ['新发现'] : []),
        p.explanation,
        p.rule,
        p.id,
        p.fileName,
      ]);
  });
  listSheet(
    wb,
    FINDINGS_SHEET,
    `${options.title}：问题明细（${rows.length} 项${options.against ? `，对照 ${options.against}` : ''}）`,
    [
      { header: '序号', width: 6 },
      { header: COLUMN.body, width: 24, wrap: true },
      ...PROBLEM_COLUMNS.map((c) => ({ header: c.header, width: PROBLEM_WIDTHS[c.key], wrap: c.key !== 'severity' })),
      ...(marked ? [{ header: COLUMN.mark, width: 12 }] : []),
      { header: '核实说明', width: 30, wrap: true },
      { header: COLUMN.rule, width: 20 },
      { header: COLUMN.id, width: 26 },
      { header: COLUMN.file, width: 24, wrap: true },
    ],
    rows,
  );
}

function riskSheet(wb: ExcelJS.Workbook, review: Review, options: WorkbookOptions): void {
  const ranked = review.reports.filter((r) => r.risk).sort((a, b) => byRisk(a.risk!, b.risk!) || a.index - b.index);
  listSheet(
    wb,
    RISK_SHEET,
    `${options.title}：风险排名（红、黄标记多的在前）`,
    [
      { header: '排名', width: 6 },
      { header: COLUMN.body, width: 26, wrap: true },
      { header: '层级', width: 9 },
      { header: '红', width: 5 },
      { header: '黄', width: 5 },
      ...RISK_KPIS.map((k) => ({ header: k.label, width: 10, numFmt: KPI_FORMAT[k.unit] })),
      { header: '风险说明', width: 80, wrap: true },
    ],
    ranked.map((r, i) => [
      i + 1,
      bodyOf(r),
      r.report?.level ?? null,
      r.risk!.red,
      r.risk!.yellow,
      ...r.risk!.figures.map((f) => ({ value: f.value, mark: f.mark })),
      r.risk!.flags.map((f) => f.message).join('\n') || '无',
    ]),
  );
}

/** The whole review as a workbook (.xlsx bytes). */
export async function problemWorkbook(review: Review, options: WorkbookOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报编制助手';
  wb.title = options.title;
  summarySheet(wb, review, options);
  findingsSheet(wb, review, options);
  riskSheet(wb, review, options);
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
      findings.map((f, i) => [i + 1, SEVERITY_LABEL[f.severity], sectionHeading(f.section), cellNames(f.cells), f.message]),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
