// A grid of cells as the table finder sees it, whatever file it came from: a
// worksheet, a Word table, an HTML table or a PDF page's text clustered into
// rows and columns. Every non-empty cell carries its shown text and the value
// to read; merges are resolved — a merged label shows its text in every
// covered cell, so a header above or a label to the left is found from any
// column or row.
import type { CellReading } from '../../../shared/api/import';
import { normalizeLabel } from './labels';

export interface GridCell {
  r: number;
  c: number;
  address: string;
  /** What the cell shows; for a merged cell, what its merge shows. */
  text: string;
  /** The value to read into the report (null in cells a merge covers). */
  raw: string | number | boolean | null;
  isNumber: boolean;
  /** Normalised label text ('' for numbers). */
  norm: string;
  /** Set on cells a merge covers: the merge's top-left cell. */
  master?: GridCell;
  /** Last row and column the cell spans (itself unless it starts a merge). */
  bottom: number;
  right: number;
  /** A formula without a cached result: the value is unknown. */
  uncachedFormula: boolean;
  /** A formula the file kept no result for, whose value the source computed. */
  formula?: string;
  /**
   * The source hides the cell's row or column (a workbook's hidden rows and
   * columns often hold last year's figures): never read over a visible one.
   */
  hidden?: boolean;
  /**
   * How the source read the value where the file did not simply hold it
   * (a count its workbook formats as a date): listed in the import record.
   */
  readings?: CellReading[];
}

export interface Grid {
  /** Where the grid is, as the user would name it: a sheet's name, "表格 2", "第 3 页". */
  sheet: string;
  cells: readonly GridCell[];
  at(r: number, c: number): GridCell | undefined;
  /** The whole grid is hidden in its source (a hidden or "very hidden" sheet). */
  hidden?: boolean;
}

/** A cell as a source hands it over: 1-based position, its value, and how far it spans. */
export interface SourceGridCell {
  r: number;
  c: number;
  raw: string | number | boolean | null;
  rowSpan?: number;
  colSpan?: number;
  uncachedFormula?: boolean;
  /** Its row or column is hidden in the source. */
  hidden?: boolean;
}

const MAX_COLUMNS = 16_384;
/** A position as one number, for a source that indexes its cells as it reads them (see `gridFrom`). */
export const gridKey = (r: number, c: number) => r * MAX_COLUMNS + c;
const keyOf = gridKey;

/** A plain cell (not covered by a merge) from its position and value. */
export function gridCell(r: number, c: number, raw: GridCell['raw'], uncachedFormula = false): GridCell {
  return {
    r,
    c,
    address: `${columnName(c)}${r}`,
    text: raw === null ? '' : String(raw),
    raw,
    isNumber: typeof raw === 'number',
    norm: typeof raw === 'string' ? normalizeLabel(raw) : '',
    bottom: r,
    right: c,
    uncachedFormula,
  };
}

/** A cell a merge covers: it shows the merge's text and holds no value of its own. */
export function coveredCell(master: GridCell, r: number, c: number): GridCell {
  return { ...master, r, c, address: `${columnName(c)}${r}`, raw: null, isNumber: false, master, bottom: r, right: c };
}

/** Builds a grid from cells that carry their own spans (document tables). */
export function buildGrid(sheet: string, source: Iterable<SourceGridCell>): Grid {
  const cells: GridCell[] = [];
  const byKey = new Map<number, GridCell>();
  for (const s of source) {
    if (byKey.has(keyOf(s.r, s.c))) continue;
    const master = gridCell(s.r, s.c, s.raw, s.uncachedFormula ?? false);
    const rowSpan = Math.max(1, s.rowSpan ?? 1);
    const colSpan = Math.max(1, s.colSpan ?? 1);
    master.bottom = s.r + rowSpan - 1;
    master.right = s.c + colSpan - 1;
    if (master.raw === null && rowSpan === 1 && colSpan === 1 && !master.uncachedFormula) continue;
    cells.push(master);
    byKey.set(keyOf(s.r, s.c), master);
    for (let r = s.r; r <= master.bottom; r++) {
      for (let c = s.c; c <= master.right; c++) {
        if ((r === s.r && c === s.c) || byKey.has(keyOf(r, c))) continue;
        const covered = coveredCell(master, r, c);
        cells.push(covered);
        byKey.set(keyOf(r, c), covered);
      }
    }
  }
  return gridFrom(sheet, cells, byKey);
}

/** A grid over cells already resolved (a worksheet reader builds them as it goes). */
export function gridFrom(sheet: string, cells: GridCell[], byKey?: Map<number, GridCell>): Grid {
  const index = byKey ?? new Map(cells.map((c) => [keyOf(c.r, c.c), c]));
  return { sheet, cells, at: (r, c) => index.get(keyOf(r, c)) };
}

/** Where a grid position is in the source, as its address names it. */
export function addressAt(grid: Grid, r: number, c: number): string {
  return grid.at(r, c)?.address ?? `${columnName(c)}${r}`;
}

export function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rangeName(top: number, left: number, bottom: number, right: number): string {
  return `${columnName(left)}${top}:${columnName(right)}${bottom}`;
}
