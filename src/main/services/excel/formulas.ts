// Formulas a workbook kept no result for (written by a program, not saved by
// Excel/WPS): the simple ones offices use in these tables — SUM over ranges,
// + − × ÷ of cells, on any sheet — are computed with fast-formula-parser (MIT,
// an Excel grammar; a well-kept parser is safer than our own). Anything else
// (lookups, conditions, text functions, links to other files) stays unknown:
// a blank with a remark, never a guess.
import type { CellRef, FormulaValue, RangeRef } from 'fast-formula-parser';
import { columnName } from '../tables';

/** Cell references, ranges, numbers, + − × ÷, brackets and SUM( — nothing else. */
const SIMPLE = /^=?(?:\s|SUM\(|[A-Za-z]{1,3}\$?\d+|\$|:|!|'[^'[\]]+'|[\u4e00-\u9fff\w.（）]+!|\d+(?:\.\d+)?|[-+*/(),])+$/i;
const FUNCTION = /([A-Za-z_.]+)\s*\(/g;

export function isSimpleFormula(formula: string): boolean {
  if (!SIMPLE.test(formula)) return false;
  for (const m of formula.matchAll(FUNCTION)) if (m[1]!.toUpperCase() !== 'SUM') return false;
  return true;
}

/** A cell reference of a simple formula, with its sheet where it names one: 表三!$D$5, 'Sheet 1'!D5. */
const REFERENCE = /(?<![\w.$])('[^']*'!|[^\s'!:,()+\-*/$]+!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A shared formula as one of the cells it is shared with reads it: relative
 * references move with the cell (the master's D5 is E5 one column on), `$`
 * anchors stay. Only simple formulas (the ones computed) are moved; another,
 * or a reference moved off the sheet, gives undefined.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string | undefined {
  if (!isSimpleFormula(formula)) return undefined;
  let offSheet = false;
  const moved = formula.replace(REFERENCE, (_m, sheet: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
    const c = colAbs ? columnNumber(col) : columnNumber(col) + cols;
    const r = rowAbs ? Number(row) : Number(row) + rows;
    if (c < 1 || r < 1) offSheet = true;
    return `${sheet ?? ''}${colAbs}${columnName(Math.max(1, c))}${rowAbs}${Math.max(1, r)}`;
  });
  return offSheet ? undefined : moved;
}

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
}

/** The values known on each sheet (cached results included), by "row,col". */
export type KnownValues = Map<string, Map<string, FormulaValue>>;

/**
 * Computes the formulas without a result, in any order (one may use another);
 * returns the finite numbers found, by formula cell. A cycle or an error leaves
 * the formulas involved out.
 */
export async function computeFormulas(pending: readonly FormulaCell[], known: KnownValues): Promise<Map<FormulaCell, number>> {
  const simple = pending.filter((f) => isSimpleFormula(f.formula));
  const out = new Map<FormulaCell, number>();
  if (simple.length === 0) return out;
  const { default: FormulaParser } = await import('fast-formula-parser');
  const byPlace = new Map(pending.map((f) => [`${f.sheet}\u0000${f.row},${f.col}`, f]));
  const busy = new Set<FormulaCell>();
  const failed = new Set<FormulaCell>();
  // The formula being computed uses one that can't be: the library's SUM would skip it silently.
  const tainted: boolean[] = [];
  const valueAt = (sheet: string, row: number, col: number): FormulaValue => {
    const f = byPlace.get(`${sheet}\u0000${row},${col}`);
    if (!f) return known.get(sheet)?.get(`${row},${col}`) ?? null;
    const v = evaluate(f);
    if (typeof v !== 'number') tainted[tainted.length - 1] = true;
    return v;
  };
  const parser = new FormulaParser({
    onCell: (ref: CellRef) => valueAt(ref.sheet, ref.row, ref.col),
    onRange: (ref: RangeRef) => {
      const rows: FormulaValue[][] = [];
      for (let r = ref.from.row; r <= Math.min(ref.to.row, ref.from.row + 10_000); r++) {
        const row: FormulaValue[] = [];
        for (let c = ref.from.col; c <= Math.min(ref.to.col, ref.from.col + 1_000); c++) row.push(valueAt(ref.sheet, r, c));
        rows.push(row);
      }
      return rows;
    },
  });
  const evaluate = (f: FormulaCell): FormulaValue => {
    const done = out.get(f);
    if (done !== undefined) return done;
    if (failed.has(f) || busy.has(f) || !isSimpleFormula(f.formula)) return '#VALUE!';
    busy.add(f);
    tainted.push(false);
    let result: unknown;
    try {
      result = parser.parse(f.formula.replace(/^=/, ''), { sheet: f.sheet, row: f.row, col: f.col });
    } catch {
      result = undefined;
    }
    busy.delete(f);
    if (tainted.pop()) result = undefined;
    if (typeof result === 'number' && Number.isFinite(result)) {
      const n = Number(result.toPrecision(12));
      out.set(f, n);
      return n;
    }
    failed.add(f);
    return '#VALUE!';
  };
  for (const f of simple) evaluate(f);
  return out;
}
