// The value cells of a published table layout as a matrix for the keyboard
// and the clipboard: each layout row holding values is one matrix row, its
// value cells left to right. Table 三 is then 25×7 — the block a spreadsheet
// copy of the table's figures gives.
import { CELLS, cellDef, type CellKey } from '../../../shared/model/cells';
import { memo } from '../../../shared/memo';
import { valueOf, type CellValue, type Report } from '../../../shared/model/report';
import { LAYOUTS, placeCells, type TableLayout } from '../../../shared/template/layout';
import { TABLE_IDS, type TableId } from '../../../shared/template/gov2021';

export interface GridPos {
  row: number;
  col: number;
}

export interface GridModel {
  rows: readonly (readonly CellKey[])[];
  /** Grid column span of each value cell, for moving up and down between rows of different shapes. */
  spans: ReadonlyMap<CellKey, { from: number; to: number }>;
  pos: ReadonlyMap<CellKey, GridPos>;
}

export function buildGridModel(layout: TableLayout): GridModel {
  const byRow = new Map<number, { key: CellKey; c: number; span: number }[]>();
  for (const { cell, r, c } of placeCells(layout)) {
    if (cell.kind !== 'value') continue;
    byRow.set(r, [...(byRow.get(r) ?? []), { key: cell.key, c, span: cell.colSpan }]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b).map((r) => byRow.get(r)!.sort((a, b) => a.c - b.c));
  const spans = new Map<CellKey, { from: number; to: number }>();
  const pos = new Map<CellKey, GridPos>();
  rows.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      spans.set(cell.key, { from: cell.c, to: cell.c + cell.span - 1 });
      pos.set(cell.key, { row, col });
    }),
  );
  return { rows: rows.map((cells) => cells.map((c) => c.key)), spans, pos };
}

export const GRIDS: Readonly<Record<TableId, GridModel>> = {
  proactive: buildGridModel(LAYOUTS.proactive),
  requests: buildGridModel(LAYOUTS.requests),
  appeals: buildGridModel(LAYOUTS.appeals),
};

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end';

/** The cell a key press moves to; the same cell at an edge (Excel does not wrap arrows). Null for next/prev past the ends. */
export function moveFrom(grid: GridModel, key: CellKey, move: Move): CellKey | null {
  const p = grid.pos.get(key)!;
  const row = grid.rows[p.row]!;
  switch (move) {
    case 'left':
      return row[Math.max(0, p.col - 1)]!;
    case 'right':
      return row[Math.min(row.length - 1, p.col + 1)]!;
    case 'home':
      return row[0]!;
    case 'end':
      return row[row.length - 1]!;
    case 'next':
      if (p.col + 1 < row.length) return row[p.col + 1]!;
      return p.row + 1 < grid.rows.length ? grid.rows[p.row + 1]![0]! : null;
    case 'prev':
      if (p.col > 0) return row[p.col - 1]!;
      return p.row > 0 ? grid.rows[p.row - 1]!.at(-1)! : null;
    case 'up':
    case 'down': {
      const target = p.row + (move === 'up' ? -1 : 1);
      if (target < 0 || target >= grid.rows.length) return key;
      // The cell below (or above) that covers the same grid column, else the nearest one.
      const span = grid.spans.get(key)!;
      const cells = grid.rows[target]!;
      let best = cells[0]!;
      let bestDistance = Infinity;
      for (const k of cells) {
        const s = grid.spans.get(k)!;
        const distance = s.to < span.from ? span.from - s.to : s.from > span.from ? s.from - span.from : 0;
        if (distance < bestDistance) [best, bestDistance] = [k, distance];
      }
      return best;
    }
  }
}

/** The cells of the rectangle between two cells (inclusive), row by row. */
export function block(grid: GridModel, a: CellKey, b: CellKey): CellKey[][] {
  const pa = grid.pos.get(a)!;
  const pb = grid.pos.get(b)!;
  const [r0, r1] = [Math.min(pa.row, pb.row), Math.max(pa.row, pb.row)];
  const [c0, c1] = [Math.min(pa.col, pb.col), Math.max(pa.col, pb.col)];
  const rows: CellKey[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row = grid.rows[r]!.slice(c0, c1 + 1);
    if (row.length > 0) rows.push(row);
  }
  return rows;
}

/** Where a pasted block lands from a top-left cell: the cells it covers, and how many values fell outside the table. */
export function pasteTargets(
  grid: GridModel,
  topLeft: CellKey,
  values: readonly (readonly string[])[],
): { targets: [CellKey, string][]; outside: number } {
  const start = grid.pos.get(topLeft)!;
  const targets: [CellKey, string][] = [];
  let outside = 0;
  values.forEach((line, i) => {
    const row = grid.rows[start.row + i];
    line.forEach((text, j) => {
      const key = row?.[start.col + j];
      if (key) targets.push([key, text]);
      else if (text.trim() !== '') outside++;
    });
  });
  return { targets, outside };
}

/** A cell's text as the grid shows it: blank, the figure as typed, or the text found where a figure belongs. */
export function displayValue(value: CellValue): string {
  return value === null ? '' : String(value);
}

/** The grid columns left of the first value cell: the row labels (三 has three, 二 one, 四 none). */
function labelColumnsOf(layout: TableLayout): number {
  return Math.min(...placeCells(layout).flatMap(({ cell, c }) => (cell.kind === 'value' ? [c] : [])));
}

export const LABEL_COLUMNS: Readonly<Record<TableId, number>> = {
  proactive: labelColumnsOf(LAYOUTS.proactive),
  requests: labelColumnsOf(LAYOUTS.requests),
  appeals: labelColumnsOf(LAYOUTS.appeals),
};

/**
 * How wide a text is in `ch` (the width of a digit, all digits being as wide
 * with tabular figures): a Chinese character or full-width form counts two,
 * more than it needs in any UI font, so a width made from it never cuts.
 */
export function textCh(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return n;
}

/** The narrowest a value column gets: four digits, and two characters of its header to a line. */
export const MIN_VALUE_CH = 4;

/** Per table, the widest text of its value cells, once per report version. */
const widestValues = memo((report: Report): Record<TableId, number> => {
  const widest = Object.fromEntries(TABLE_IDS.map((t) => [t, MIN_VALUE_CH])) as Record<TableId, number>;
  for (const cell of CELLS) widest[cell.table] = Math.max(widest[cell.table], textCh(displayValue(valueOf(report, cell))));
  return widest;
});

/**
 * The width, in `ch`, that every value column of a table gets: its widest
 * figure, the one being typed included, so a number is never cut and the
 * columns stay even as in the printed table.
 */
export function valueColumnCh(report: Report, draft: { key: CellKey; text: string } | null, table: TableId): number {
  const widest = widestValues(report)[table];
  return draft && cellDef(draft.key)?.table === table ? Math.max(widest, textCh(draft.text)) : widest;
}
