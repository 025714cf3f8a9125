// Writes the report's three tables as the published layout (LAYOUTS): merged
// headers, borders, fonts, widths and an A4 page setup, so the workbook can be
// printed or passed on as it is. Totals are live formulas with their results
// cached, so every spreadsheet shows the right figure before recalculating.
// A draft marks each cell a finding is about on the table sheets themselves:
// filled by its worst finding, with a note (cell comment) saying what it is.
import ExcelJS from 'exceljs';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { documentTitle, valueAt, type Report } from '../../../shared/model/report';
import { textLabel } from '../../../shared/model/limits';
import { sumOfParts, TOTALS, type TotalDef } from '../../../shared/rules/totals';
import { bySeverity, SEVERITY_LABEL, type Finding, type Severity } from '../../../shared/rules/types';
import { findingsByCell } from '../../../shared/rules/marks';
import { LAYOUTS, placeCells, type LayoutCell, type TableLayout } from '../../../shared/template/layout';
import { TABLES, TABLE_IDS, type Level, type TableId } from '../../../shared/template/gov2021';
import { FONTS, SIZES } from '../../../shared/document/fonts';
import { LEVEL_LABEL } from '../tables';
import { columnName } from '../tables';
import { maxOf } from '../../../shared/math';

export interface ExportOptions {
  /** The report's findings at export time, listed on the 审核情况 sheet. */
  findings: readonly Finding[];
  /** Finding id → 核实说明; defaults to the report's own. */
  explanations?: Readonly<Record<string, string>>;
  /** All three tables on one sheet instead of one sheet each. */
  oneSheet?: boolean;
  /** Mark every title 草稿. */
  draft: boolean;
  /** Add the 审核情况 sheet (the findings and 核实说明 in words a reader understands); default yes. */
  audit?: boolean;
}

export const SHEET_NAMES: Record<TableId, string> = { proactive: '表二 主动公开', requests: '表三 依申请公开', appeals: '表四 复议诉讼' };
export const ONE_SHEET_NAME = '年报三张表';
export const AUDIT_SHEET_NAME = '审核情况';

// The tables in the same font and size as in the Word file (fonts.ts): 宋体 五号.
const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONTS.table.name, size: 16, bold: true };
const CAPTION_FONT: Partial<ExcelJS.Font> = { name: FONTS.table.name, size: 12, bold: true };
const HEAD_FONT: Partial<ExcelJS.Font> = { name: FONTS.table.name, size: SIZES.table, bold: true };
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONTS.table.name, size: SIZES.table };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel column width units per character of the layout (a CJK character is two). */
const UNITS_PER_CHAR = 2.2;
const LINE_HEIGHT = 14;

/** A draft's marks on the table sheets: Excel's own 「差」 and 「中性」 fills; a notice gets a note only. */
const MARK_FILL: Partial<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
/** What the 审核情况 sheet says of the marks, so a reader of the printed sheets knows them. */
export const MARKS_LEGEND = '表格中标红的单元格有错误、标黄的需核实，批注写明问题；全部问题见本表。';

/** What a draft says on a table cell: its findings, worst first, one a line, each with its 核实说明. */
interface CellMark {
  severity: Severity;
  note: string;
}

/** Each cell a finding is about, with what a draft marks on it: the cells the editor's grid marks (findingsByCell). */
function cellMarks(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Map<CellKey, CellMark> {
  const marks = new Map<CellKey, CellMark>();
  for (const [key, list] of findingsByCell(findings, explanations)) {
    const sorted = [...list].sort((a, b) => bySeverity(a.severity, b.severity));
    const note = sorted
      .map((f) => `${SEVERITY_LABEL[f.severity]}：${f.message}${explanations[f.id] ? `\n核实说明：${explanations[f.id]}` : ''}`)
      .join('\n');
    marks.set(key, { severity: sorted[0]!.severity, note });
  }
  return marks;
}

function markCell(cell: ExcelJS.Cell, mark: CellMark): void {
  const fill = MARK_FILL[mark.severity];
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  cell.note = mark.note;
}

/** Display width of text in Excel column units: CJK characters count double. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return n;
}

/** A formula only where its result is the figure the author wrote, so no number changes on export. */
function formulaFor(report: Report, total: TotalDef, address: ReadonlyMap<CellKey, string>): ExcelJS.CellFormulaValue | undefined {
  const value = valueAt(report, total.total);
  if (typeof value !== 'number') return undefined;
  const sum = sumOfParts(report, total.parts);
  if (sum === undefined || Math.abs((sum ?? 0) - value) > 1e-9) return undefined;
  const refs = total.parts.map((p) => address.get(p)!);
  const contiguous = refs.every((ref, i) => i === 0 || isNextTo(refs[i - 1]!, ref));
  const formula = contiguous ? `SUM(${refs[0]}:${refs[refs.length - 1]})` : `SUM(${refs.join(',')})`;
  return { formula, result: value };
}

function isNextTo(a: string, b: string): boolean {
  const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
  const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sameRow = pa[2] === pb[2] && col(pb[1]!) === col(pa[1]!) + 1;
  const sameCol = pa[1] === pb[1] && Number(pb[2]) === Number(pa[2]) + 1;
  return sameRow || sameCol;
}

function styleCell(cell: ExcelJS.Cell, kind: LayoutCell['kind']): void {
  cell.border = BORDER;
  cell.font = kind === 'head' ? HEAD_FONT : BODY_FONT;
  cell.alignment = {
    vertical: 'middle',
    horizontal: kind === 'label' || kind === 'note' ? 'left' : 'center',
    wrapText: true,
  };
}

function setWidths(ws: ExcelJS.Worksheet, widths: readonly number[]): void {
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, Math.round(w * UNITS_PER_CHAR * 10) / 10);
  });
}

function titleRow(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, font: Partial<ExcelJS.Font>, height: number): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { vertical: 'middle', horizontal: font === TITLE_FONT ? 'center' : 'left', wrapText: true };
  ws.getRow(row).height = height;
}

/** Where each cell of a table drawn from row `top` stands on its sheet ("C7"). */
export function cellAddresses(layout: TableLayout, top: number): Map<CellKey, string> {
  const address = new Map<CellKey, string>();
  for (const p of placeCells(layout)) if (p.cell.kind === 'value') address.set(p.cell.key, `${columnName(p.c + 1)}${top + p.r}`);
  return address;
}

/** The row a table sheet's table starts at: after the report's title and the table's. */
export const TABLE_TOP = 3;

/** Draws one table's layout from `top`; returns the row after it. */
function drawTable(ws: ExcelJS.Worksheet, report: Report, layout: TableLayout, top: number, marks: ReadonlyMap<CellKey, CellMark>): number {
  const placed = placeCells(layout);
  const address = cellAddresses(layout, top);
  // A total of two sums (the corner of table 三) gets the first one that gives its figure.
  const formulas = new Map<CellKey, ExcelJS.CellFormulaValue>();
  for (const total of TOTALS[layout.table]) {
    const formula = formulas.has(total.total) ? undefined : formulaFor(report, total, address);
    if (formula) formulas.set(total.total, formula);
  }
  const widths = layout.widths.map((w) => w * UNITS_PER_CHAR);
  const lines = new Array<number>(layout.rows.length).fill(1);

  for (const { cell: lc, r, c } of placed) {
    const row = top + r;
    const col = c + 1;
    for (let dr = 0; dr < lc.rowSpan; dr++) for (let dc = 0; dc < lc.colSpan; dc++) styleCell(ws.getCell(row + dr, col + dc), lc.kind);
    if (lc.rowSpan > 1 || lc.colSpan > 1) ws.mergeCells(row, col, row + lc.rowSpan - 1, col + lc.colSpan - 1);
    const cell = ws.getCell(row, col);
    if (lc.kind === 'value') {
      // Text stays a string cell whatever it starts with ("=", "+", "-", "@"): no spreadsheet runs it.
      cell.value = formulas.get(lc.key) ?? valueAt(report, lc.key);
      if (cellDef(lc.key)?.kind === 'amount') cell.numFmt = '0.####';
      const mark = marks.get(lc.key);
      if (mark) markCell(cell, mark);
    } else {
      cell.value = lc.text;
      if (lc.rowSpan === 1) {
        const span = widths.slice(c, c + lc.colSpan).reduce((a, b) => a + b, 0);
        lines[r] = Math.max(lines[r]!, Math.ceil(textUnits(lc.text) / Math.max(1, span - 1)));
      }
    }
  }
  lines.forEach((n, r) => (ws.getRow(top + r).height = Math.max(20, n * LINE_HEIGHT + 6)));
  return top + layout.rows.length;
}

function pageSetup(ws: ExcelJS.Worksheet, landscape: boolean, printTitles: string | undefined, draft: boolean): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    ...(printTitles ? { printTitlesRow: printTitles } : {}),
  };
  ws.headerFooter = {
    oddHeader: draft ? `&C&"${FONTS.table.name},Bold"&14草稿` : '',
    oddFooter: '&C第 &P 页，共 &N 页',
  };
}

function tableSheets(wb: ExcelJS.Workbook, report: Report, title: string, draft: boolean, marks: ReadonlyMap<CellKey, CellMark>): void {
  for (const t of TABLE_IDS) {
    const layout = LAYOUTS[t];
    const ws = wb.addWorksheet(SHEET_NAMES[t]);
    setWidths(ws, layout.widths);
    titleRow(ws, 1, layout.columns, title, TITLE_FONT, 32);
    titleRow(ws, 2, layout.columns, TABLES[t].title, CAPTION_FONT, 24);
    drawTable(ws, report, layout, TABLE_TOP, marks);
    pageSetup(ws, layout.landscape, layout.headerRows > 0 ? `${TABLE_TOP}:${TABLE_TOP - 1 + layout.headerRows}` : undefined, draft);
  }
}

function oneSheet(wb: ExcelJS.Workbook, report: Report, title: string, draft: boolean, marks: ReadonlyMap<CellKey, CellMark>): void {
  const ws = wb.addWorksheet(ONE_SHEET_NAME);
  const columns = maxOf(TABLE_IDS.map((t) => LAYOUTS[t].columns));
  // Each column as wide as the widest table needs it.
  for (const t of TABLE_IDS) setWidths(ws, LAYOUTS[t].widths);
  titleRow(ws, 1, columns, title, TITLE_FONT, 32);
  let row = 3;
  for (const t of TABLE_IDS) {
    titleRow(ws, row, LAYOUTS[t].columns, TABLES[t].title, CAPTION_FONT, 24);
    row = drawTable(ws, report, LAYOUTS[t], row + 1, marks);
    if (t !== 'appeals') ws.getRow(row).addPageBreak();
    row += 1;
  }
  pageSetup(ws, false, undefined, draft);
}

function auditSheet(
  wb: ExcelJS.Workbook,
  title: string,
  level: Level,
  findings: readonly Finding[],
  explanations: Readonly<Record<string, string>>,
  draft: boolean,
): void {
  const ws = wb.addWorksheet(AUDIT_SHEET_NAME);
  // For a reader in the receiving office: what is wrong and why it is right, in words; no rule ids.
  const headers = ['序号', '类别', '问题', '涉及的表格项或文字', '核实说明'];
  [6, 8, 64, 40, 44].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  titleRow(ws, 1, headers.length, title, TITLE_FONT, 32);
  // The level decides whether 规章 are plausible; written here so that importing this file keeps it.
  ws.getCell(2, 1).value = `${LEVEL_LABEL}：${level}`;
  if (draft && findings.some((f) => f.cells.length > 0)) ws.getCell(2, 3).value = MARKS_LEGEND;
  const header = ws.getRow(3);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    styleCell(cell, 'head');
  });
  const rows: (string | number)[][] = findings.map((f, i) => [
    i + 1,
    SEVERITY_LABEL[f.severity],
    f.message,
    [
      ...f.cells.map((k) => cellDef(k)?.name ?? ''),
      // A finding about words quotes them, with the part of the report they stand in.
      f.span ? `${textLabel(f.span.text)}：「${f.span.quote}」` : '',
    ]
      .filter(Boolean)
      .join('、'),
    explanations[f.id] ?? '',
  ]);
  const listed = new Set(findings.map((f) => f.id));
  for (const [id, text] of Object.entries(explanations))
    if (!listed.has(id)) rows.push([rows.length + 1, '核实说明', '（所说明的问题已修改，不再出现）', '', text]);
  if (rows.length === 0) rows.push(['', '', '未发现问题', '', '']);
  rows.forEach((values, i) => {
    const row = ws.getRow(4 + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      styleCell(cell, j >= 2 ? 'label' : 'value');
    });
    const longest = Math.max(textUnits(String(values[2])) / 62, textUnits(String(values[3])) / 38, textUnits(String(values[4])) / 42);
    row.height = Math.max(20, Math.ceil(longest) * LINE_HEIGHT + 6);
  });
  pageSetup(ws, true, '3:3', draft);
}

/** The report as an .xlsx workbook: the three tables and (unless left out) a 审核情况 sheet. */
export async function exportWorkbook(report: Report, options: ExportOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报编制助手';
  wb.title = documentTitle(report);
  const title = `${documentTitle(report)}${options.draft ? '（草稿）' : ''}`;
  const explanations = options.explanations ?? report.explanations;
  // Only a draft carries its findings on the tables: a final workbook goes out as the tables are published.
  const marks = options.draft ? cellMarks(options.findings, explanations) : new Map<CellKey, CellMark>();
  if (options.oneSheet) oneSheet(wb, report, title, options.draft, marks);
  else tableSheets(wb, report, title, options.draft, marks);
  if (options.audit !== false) {
    const auditTitle = `${documentTitle(report)}审核情况${options.draft ? '（草稿）' : ''}`;
    auditSheet(wb, auditTitle, report.level, options.findings, explanations, options.draft);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
