// The canonical report: the shape of the report JSON (docs/report-format.md).
import { CELLS, cellDef, type CellDef, type CellKey } from './cells';
import { FORMAT_2021, NARRATIVE_IDS, TABLES, TABLE_IDS, type Level, type NarrativeId, type TableId } from '../template/gov2021';

/** A number, blank, or the text found where a number belongs (kept, never dropped). */
export type CellValue = number | string | null;

export type TableValues = Record<string, Record<string, CellValue>>;

/** A body's own report, or a 汇总 of several bodies' reports (made by `sum` or the 汇总与审核 page). */
export const REPORT_KINDS = ['report', 'sum'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** One body a 汇总 adds up. */
export interface SumMember {
  agency: string;
  level: Level;
}

export interface Report {
  format: typeof FORMAT_2021;
  agency: string;
  year: number;
  level: Level;
  /** 落款: the name the document closes with (default: the agency). */
  signature?: string;
  /** 成文日期, ISO YYYY-MM-DD (default: the day of export). */
  date?: string;
  /** The opening paragraph(s) before 一、总体情况 (本报告根据…编制…统计期限…); optional. */
  preamble?: string;
  narratives: Record<NarrativeId, string>;
  tables: Record<TableId, TableValues>;
  /** Finding id → the author's 核实说明. */
  explanations: Record<string, string>;
  /** 'sum' for a 汇总 (never taken for, or checked against, a body's own report); absent for a body's own report. */
  kind?: ReportKind;
  /** The bodies a 汇总 adds up, in the order summed. */
  members?: SumMember[];
  /**
   * Cells the source file did not give (not found, or not readable without a
   * guess), with the reason in the words the author sees. Such a cell is
   * unknown, never 0: no rule sums it and no quick fix fills it. Writing a
   * value into the cell removes its entry.
   */
  unread?: Partial<Record<CellKey, string>>;
}

/** Each table's rows with their columns' keys, resolved once: every report read builds its blank tables from them. */
let shape: readonly (readonly [TableId, readonly (readonly [string, readonly string[]])[]])[] | undefined;

export function blankTables(): Record<TableId, TableValues> {
  shape ??= TABLE_IDS.map((t) => [t, TABLES[t].rows.map((r) => [r.key, TABLES[t].colsOf(r.key).map((c) => c.key)] as const)] as const);
  const tables = {} as Record<TableId, TableValues>;
  for (const [t, rowKeys] of shape) {
    const rows: TableValues = {};
    for (const [row, cols] of rowKeys) {
      const cells: Record<string, CellValue> = {};
      for (const col of cols) cells[col] = null;
      rows[row] = cells;
    }
    tables[t] = rows;
  }
  return tables;
}

export function blankReport(meta: { agency: string; year: number; level: Level }): Report {
  return {
    format: FORMAT_2021,
    agency: meta.agency,
    year: meta.year,
    level: meta.level,
    narratives: Object.fromEntries(NARRATIVE_IDS.map((n) => [n, ''])) as Record<NarrativeId, string>,
    tables: blankTables(),
    explanations: {},
  };
}

/** The value of one cell; a key the template does not have is a bug, and throws. */
export function valueAt(report: Report, key: CellKey): CellValue {
  const d = cellDef(key);
  if (!d) throw new Error(`unknown cell ${key}`);
  return valueOf(report, d);
}

/** The value of a cell already resolved to its place (a loop over CELLS, a compiled rule): no key lookup. */
export function valueOf(report: Report, cell: Pick<CellDef, 'table' | 'row' | 'col'>): CellValue {
  return report.tables[cell.table][cell.row]?.[cell.col] ?? null;
}

/** The cells whose values differ between two reports, in template order; tables and rows both share are skipped unread. */
export function changedCells(a: Report, b: Report): CellDef[] {
  if (a.tables === b.tables) return [];
  return CELLS.filter((c) => {
    const rowA = a.tables[c.table][c.row];
    const rowB = b.tables[c.table][c.row];
    return rowA !== rowB && (rowA?.[c.col] ?? null) !== (rowB?.[c.col] ?? null);
  });
}

/**
 * Returns a new report with the given cells changed; untouched tables and rows
 * are shared. A cell written is no longer unread: whoever wrote it (the author,
 * a file, a fix) has now given it.
 */
export function setCells(report: Report, changes: Iterable<readonly [CellKey, CellValue]>): Report {
  let tables = report.tables;
  let unread = report.unread;
  for (const [key, value] of changes) {
    const d = cellDef(key);
    if (!d) throw new Error(`unknown cell ${key}`);
    if (unread?.[key] !== undefined) {
      if (unread === report.unread) unread = { ...unread };
      delete unread[key];
    }
    if (tables[d.table][d.row]![d.col] === value) continue;
    if (tables === report.tables) tables = { ...tables };
    const table = { ...tables[d.table] };
    table[d.row] = { ...table[d.row], [d.col]: value };
    tables[d.table] = table;
  }
  if (tables === report.tables && unread === report.unread) return report;
  return withUnread({ ...report, tables }, unread);
}

/**
 * The report with these cells marked unread (left blank, with the reason the
 * author is shown): what a reader could not take from its file.
 */
export function markUnread(report: Report, cells: Iterable<readonly [CellKey, string]>): Report {
  const entries = [...cells];
  if (entries.length === 0) return report;
  const blanked = setCells(
    report,
    entries.map(([key]) => [key, null] as const),
  );
  return withUnread(blanked, { ...blanked.unread, ...Object.fromEntries(entries) });
}

function withUnread(report: Report, unread: Report['unread']): Report {
  const { unread: _old, ...rest } = report;
  return unread && Object.keys(unread).length > 0 ? { ...rest, unread } : rest;
}

/** True for a cell the source did not give: unknown, never 0. */
export function isUnread(report: Pick<Report, 'unread'>, key: CellKey): boolean {
  return report.unread?.[key] !== undefined;
}

/** The cells marked unread, in template order, with their reasons. */
export function unreadCells(report: Pick<Report, 'unread'>): { cell: CellDef; reason: string }[] {
  const unread = report.unread;
  if (!unread) return [];
  return CELLS.flatMap((cell) => (unread[cell.key] !== undefined ? [{ cell, reason: unread[cell.key]! }] : []));
}

/** What kind of report this is: a body's own unless it says it is a 汇总. */
export function kindOf(report: { kind?: ReportKind }): ReportKind {
  return report.kind ?? 'report';
}

/** The title; a 汇总 says so, so it is never taken for the body's own report of the same year. */
export function documentTitle(report: Pick<Report, 'agency' | 'year' | 'kind'>): string {
  return `${report.agency}${report.year}年政府信息公开工作年度报告${kindOf(report) === 'sum' ? '（汇总）' : ''}`;
}

// ---- reading a cell (docs/report-format.md) --------------------------------------

/** Dash-like marks that mean "nothing": kept as text, treated as blank by the rules. */
export const BLANK_MARKS: readonly string[] = ['—', '-', '/', '无', '－', '─', '——', '--', '／', '–', '―'];

const FULLWIDTH = /[０-９．，－＋]/g;
function toHalfWidth(s: string): string {
  return s.replace(FULLWIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Reads what a person typed or a file held into a cell value: numbers in half-
 * or full-width digits with spaces or thousands separators become numbers;
 * empty becomes null; any other text is kept as it was (trimmed).
 */
export function parseCellInput(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : String(raw);
  if (typeof raw === 'boolean') return String(raw);
  // Whatever else a reader hands over (a string, a date) is kept as its text.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = String(raw)
    .replace(/[\u00a0\u3000]/g, ' ')
    .trim();
  if (text === '') return null;
  const n = toHalfWidth(text).replace(/\s+/g, '');
  // Thousands separators only in their proper places: "3,985,758" yes, "1,2" no.
  if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(n)) {
    const value = Number(n.replace(/,/g, ''));
    if (Number.isFinite(value)) return value;
  }
  return text;
}

/** True for a value the rules treat as blank: null or a dash-like mark. */
export function isBlankLike(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && BLANK_MARKS.includes(value.trim()));
}

/** The number a cell value contributes to sums: blank-like counts as 0, other text as unknown. */
export function numericValue(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  return isBlankLike(value) ? 0 : undefined;
}

/** The number a report's cell contributes to sums and figures: as `numericValue`, and unknown where the cell is unread. */
export function cellNumber(report: Report, cell: CellKey | Pick<CellDef, 'key' | 'table' | 'row' | 'col'>): number | undefined {
  const def = typeof cell === 'string' ? cellDef(cell) : cell;
  if (!def) throw new Error(`unknown cell ${typeof cell === 'string' ? cell : cell.key}`);
  return isUnread(report, def.key) ? undefined : numericValue(valueOf(report, def));
}
