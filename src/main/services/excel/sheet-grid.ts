// A worksheet as a grid for the table finder: a formula's cached result is
// its value, and merges are resolved as the sheet declares them. Formulas the
// file kept no result for are computed where they are simple (formulas.ts).
import ExcelJS from 'exceljs';
import { coveredCell, gridCell, gridFrom, gridKey, type Grid, type GridCell } from '../tables';
import { computeFormulas, type FormulaCell, type KnownValues } from './formulas';

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
  if ('text' in value) return primitiveOf(value.text);
  return null;
}

interface SheetRead {
  grid: Grid;
  /** Formulas without a cached result, with the grid cell each stands in. */
  pending: { formula: FormulaCell; cell: GridCell }[];
}

function formulaText(cell: ExcelJS.Cell): string | undefined {
  try {
    return cell.formula || undefined;
  } catch {
    return undefined;
  }
}

function readSheet(ws: ExcelJS.Worksheet): SheetRead {
  const pending: SheetRead['pending'] = [];
  const cells: GridCell[] = [];
  const byPosition = new Map<number, GridCell>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = byPosition.get(gridKey(Number(cell.master.row), Number(cell.master.col)));
        if (!master) return;
        master.bottom = Math.max(master.bottom, r);
        master.right = Math.max(master.right, c);
        const covered = coveredCell(master, r, c);
        cells.push(covered);
        byPosition.set(gridKey(r, c), covered);
        return;
      }
      // A formula's cached result through `cell.result`: exceljs drops a result of 0 from `cell.value`.
      const formula = cell.type === ExcelJS.ValueType.Formula;
      const result = formula ? (cell.result as ExcelJS.CellValue | undefined) : undefined;
      const raw = primitiveOf(formula ? (result ?? null) : cell.value);
      const uncachedFormula = formula && (result === undefined || result === null);
      if (raw === null && !uncachedFormula) return;
      const gc = gridCell(r, c, raw, uncachedFormula);
      // Hidden rows and columns often hold last year's figures: the reader never takes them over visible ones.
      if (row.hidden || ws.getColumn(c).hidden) gc.hidden = true;
      cells.push(gc);
      byPosition.set(gridKey(r, c), gc);
      const text = uncachedFormula ? formulaText(cell) : undefined;
      if (text) pending.push({ formula: { sheet: ws.name, row: r, col: c, formula: text }, cell: gc });
    });
  });
  const grid = gridFrom(ws.name, cells, byPosition);
  return { grid: ws.state === 'visible' ? grid : { ...grid, hidden: true }, pending };
}

/** The workbook's sheets as grids, formulas without results computed where they are simple. */
export async function gridsOf(workbook: ExcelJS.Workbook): Promise<Grid[]> {
  const sheets = workbook.worksheets.map(readSheet);
  const pending = sheets.flatMap((s) => s.pending);
  if (pending.length > 0) {
    const known: KnownValues = new Map(
      sheets.map((s) => [s.grid.sheet, new Map(s.grid.cells.filter((c) => !c.uncachedFormula).map((c) => [`${c.r},${c.c}`, c.raw]))]),
    );
    const computed = await computeFormulas(
      pending.map((p) => p.formula),
      known,
    );
    for (const { formula, cell } of pending) {
      const value = computed.get(formula);
      if (value === undefined) continue;
      Object.assign(cell, {
        raw: value,
        text: String(value),
        isNumber: true,
        uncachedFormula: false,
        formula: `=${formula.formula.replace(/^=/, '')}`,
      });
    }
  }
  return sheets.map((s) => s.grid);
}
