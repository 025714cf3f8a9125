// The published layout of the three tables — header rows, merged cells, group
// labels — described once. The editor grid, the Excel writer, the Word writer
// and the HTML writer all draw their tables from these descriptions.
import {
  APPEAL_COLS,
  APPEAL_ROWS,
  APPEAL_SUIT_HEADING,
  PROACTIVE_BLOCKS,
  REQUEST_APPLICANT_GROUP,
  REQUEST_APPLICANT_HEADING,
  REQUEST_COLS,
  REQUEST_GROUPS,
  REQUEST_NOTE,
  REQUEST_RESULT_HEADING,
  REQUEST_ROWS,
  requestRowsFrom,
  type TableId,
} from './gov2021';
import { cellKey, displayCode, rowCodeParts, type CellKey } from '../model/cells';

export type LayoutCell =
  | { kind: 'head'; text: string; rowSpan: number; colSpan: number }
  | { kind: 'label'; text: string; rowSpan: number; colSpan: number }
  | { kind: 'note'; text: string; rowSpan: number; colSpan: number }
  | { kind: 'value'; key: CellKey; rowSpan: 1; colSpan: number };

export interface TableLayout {
  table: TableId;
  /** Number of grid columns. */
  columns: number;
  /** Relative widths of the grid columns (in characters of the body font). */
  widths: readonly number[];
  /** Rows of the grid; each lists only the cells that start in it, left to right. */
  rows: readonly (readonly LayoutCell[])[];
  /** Leading rows that form the column header (repeated on a new page). */
  headerRows: number;
  /** Prefer a landscape page when the table is printed. */
  landscape: boolean;
}

const head = (text: string, rowSpan = 1, colSpan = 1): LayoutCell => ({ kind: 'head', text, rowSpan, colSpan });
const label = (text: string, rowSpan = 1, colSpan = 1): LayoutCell => ({ kind: 'label', text, rowSpan, colSpan });
const value = (key: CellKey, colSpan = 1): LayoutCell => ({ kind: 'value', key, rowSpan: 1, colSpan });

function proactiveLayout(): TableLayout {
  const rows: LayoutCell[][] = [];
  for (const block of PROACTIVE_BLOCKS) {
    rows.push([head(block.header, 1, 4)]);
    const span = 3 / block.cols.length;
    rows.push([head('信息内容'), ...block.cols.map((c) => head(c.label, 1, span))]);
    for (const r of block.rows) rows.push([label(r.label), ...block.cols.map((c) => value(cellKey('proactive', r.key, c.key), span))]);
  }
  return { table: 'proactive', columns: 4, widths: [14, 10, 10, 10], rows, headerRows: 0, landscape: false };
}

function requestsLayout(): TableLayout {
  const rows: LayoutCell[][] = [];
  const valueCells = (row: string) => REQUEST_COLS.map((c) => value(cellKey('requests', row, c.key)));
  const groupCols = REQUEST_COLS.slice(1, 6);
  rows.push([{ kind: 'note', text: REQUEST_NOTE, rowSpan: 3, colSpan: 3 }, head(REQUEST_APPLICANT_HEADING, 1, 7)]);
  rows.push([head(REQUEST_COLS[0]!.label, 2), head(REQUEST_APPLICANT_GROUP, 1, 5), head(REQUEST_COLS[6]!.label, 2)]);
  rows.push(groupCols.map((c) => head(c.label)));

  const resultRows = requestRowsFrom('granted', 'results_total'); // 三（一）… 三（七）
  for (const r of REQUEST_ROWS) {
    const cells: LayoutCell[] = [];
    if (r.key === 'received' || r.key === 'carried_over' || r.key === 'carried_forward') {
      cells.push(label(`${displayCode(r.code)}${r.label}`, 1, 3));
    } else {
      if (r.key === resultRows[0]) cells.push(label(REQUEST_RESULT_HEADING, resultRows.length));
      const group = REQUEST_GROUPS.find((g) => g.rows.includes(r.key));
      const { sub, num } = rowCodeParts(r.code)!;
      if (!group) cells.push(label(`${sub}${r.label}`, 1, 2));
      else {
        if (group.rows[0] === r.key) cells.push(label(group.heading, group.rows.length));
        cells.push(label(`${num}.${r.label}`));
      }
    }
    rows.push([...cells, ...valueCells(r.key)]);
  }
  return { table: 'requests', columns: 10, widths: [5, 7, 18, 4, 4, 4, 4, 4, 4, 4], rows, headerRows: 3, landscape: false };
}

function appealsLayout(): TableLayout {
  const [review, direct, after] = APPEAL_ROWS;
  const rows: LayoutCell[][] = [
    [head(review!.label, 1, 5), head(APPEAL_SUIT_HEADING, 1, 10)],
    [...APPEAL_COLS.map((c) => head(c.label, 2)), head(direct!.label, 1, 5), head(after!.label, 1, 5)],
    [...APPEAL_COLS.map((c) => head(c.label)), ...APPEAL_COLS.map((c) => head(c.label))],
    APPEAL_ROWS.flatMap((r) => APPEAL_COLS.map((c) => value(cellKey('appeals', r.key, c.key)))),
  ];
  return { table: 'appeals', columns: 15, widths: Array(15).fill(3), rows, headerRows: 3, landscape: true };
}

export const LAYOUTS: Readonly<Record<TableId, TableLayout>> = {
  proactive: proactiveLayout(),
  requests: requestsLayout(),
  appeals: appealsLayout(),
};

export interface PlacedCell {
  cell: LayoutCell;
  /** Zero-based grid row and column of the cell's top-left corner. */
  r: number;
  c: number;
}

/** Places every cell of a layout on the grid, honouring row and column spans. */
export function placeCells(layout: TableLayout): PlacedCell[] {
  const taken: boolean[][] = layout.rows.map(() => Array<boolean>(layout.columns).fill(false));
  const placed: PlacedCell[] = [];
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![c + dc] = true;
      placed.push({ cell, r, c });
      c += cell.colSpan;
    }
  });
  return placed;
}

/**
 * For each row of a layout, whether a page may break just before it: only
 * between body rows and never through a merged cell, so a group such as
 * （三）不予公开 is never cut with its label left blank on the next page.
 */
export function breakableBefore(layout: TableLayout): boolean[] {
  const through = new Array<boolean>(layout.rows.length).fill(false);
  for (const { cell, r } of placeCells(layout)) for (let k = r + 1; k < r + cell.rowSpan; k++) through[k] = true;
  return through.map((t, r) => r > layout.headerRows && !t);
}
