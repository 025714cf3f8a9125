// A worksheet as the table finders see it: every non-empty cell with its
// shown text, its value as the file holds it (a formula's cached result),
// and merges resolved — a merged label shows its text in every covered cell,
// so a header above or a label to the left is found from any column or row.
import ExcelJS from 'exceljs';
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
}

export interface Grid {
  sheet: string;
  cells: readonly GridCell[];
  at(r: number, c: number): GridCell | undefined;
}

const MAX_COLUMNS = 16_384;
const keyOf = (r: number, c: number) => r * MAX_COLUMNS + c;

type Primitive = string | number | boolean | null;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The value a cell holds, reduced to a primitive (formulas are resolved by the caller). */
function primitiveOf(value: ExcelJS.CellValue): Primitive {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('error' in value) return String(value.error);
  if ('text' in value) return primitiveOf((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return null;
}

export function gridOf(ws: ExcelJS.Worksheet): Grid {
  const cells: GridCell[] = [];
  const byKey = new Map<number, GridCell>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = byKey.get(keyOf(Number(cell.master.row), Number(cell.master.col)));
        if (!master) return;
        master.bottom = Math.max(master.bottom, r);
        master.right = Math.max(master.right, c);
        const covered: GridCell = { ...master, r, c, address: cell.address, raw: null, isNumber: false, master, bottom: r, right: c };
        cells.push(covered);
        byKey.set(keyOf(r, c), covered);
        return;
      }
      // A formula's cached result through `cell.result`: exceljs drops a result of 0 from `cell.value`.
      const formula = cell.type === ExcelJS.ValueType.Formula;
      const result = formula ? (cell.result as ExcelJS.CellValue | undefined) : undefined;
      const raw = primitiveOf(formula ? (result ?? null) : cell.value);
      const uncachedFormula = formula && (result === undefined || result === null);
      if (raw === null && !uncachedFormula) return;
      const text = raw === null ? '' : String(raw);
      const gc: GridCell = {
        r,
        c,
        address: cell.address,
        text,
        raw,
        isNumber: typeof raw === 'number',
        norm: typeof raw === 'string' ? normalizeLabel(raw) : '',
        bottom: r,
        right: c,
        uncachedFormula,
      };
      cells.push(gc);
      byKey.set(keyOf(r, c), gc);
    });
  });
  return { sheet: ws.name, cells, at: (r, c) => byKey.get(keyOf(r, c)) };
}

export function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rangeName(top: number, left: number, bottom: number, right: number): string {
  return `${columnName(left)}${top}:${columnName(right)}${bottom}`;
}
