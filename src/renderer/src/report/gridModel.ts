// The value cells of a published table layout as a matrix for the keyboard
// and the clipboard: each layout row holding values is one matrix row, its
// value cells left to right. Table 三 is then 25×7 — the block a spreadsheet
// copy of the table's figures gives.
import type { CellKey } from '../../../shared/model/cells';
import { LAYOUTS, placeCells, type TableLayout } from '../../../shared/template/layout';
import type { TableId } from '../../../shared/template/gov2021';

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
