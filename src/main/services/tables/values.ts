// Reading the value of one placed cell the way offices write it
// (interchange.md, "Reading a table from an office's workbook or document"):
// in a table that holds numbers, "—", "/", "无" and empty cells are 0; a unit
// in the cell or the header is applied; a value that can't be read stays
// text. Where a value can't be read without a guess (a merge covers the
// cell, several numbers share one place) it is left blank with a remark.
import type { CellReading } from '../../../shared/api/import';
import { BLANK_MARKS, parseCellInput, type CellValue } from '../../../shared/model/report';
import type { CellKind } from '../../../shared/template/gov2021';
import type { AmountUnit, Placement } from './candidate';
import type { Grid, GridCell } from './grid';

export interface ReadValue {
  value: CellValue;
  readings: CellReading[];
  /** The grid cell the value came from, where there is one. */
  cell?: GridCell;
  /** Why the value was left blank rather than guessed. */
  defect?: string;
}

const COUNT_UNIT = /^(.+?)\s*(件|次|个|条|项|份|宗|起|人次|人)$/;
const AMOUNT_UNIT = /^(.+?)\s*(万元|万|元)$/;
const YUAN_PER_WAN = 10_000;

/** Rounds away float noise of a unit conversion (0.35 / 10000 etc.), keeping every real digit. */
const tidy = (n: number) => Number(n.toPrecision(12));

function numberOf(text: string): number | undefined {
  const v = parseCellInput(text);
  return typeof v === 'number' ? v : undefined;
}

/** Whether a cell holds a value (a number, a placeholder, a number with its unit), not a label. */
function isValueCell(cell: GridCell): boolean {
  const v = parseCellInput(cell.raw);
  return (
    typeof v === 'number' ||
    v === null ||
    BLANK_MARKS.includes(v) ||
    (COUNT_UNIT.test(v) && numberOf(COUNT_UNIT.exec(v)![1]!) !== undefined) ||
    (AMOUNT_UNIT.test(v) && numberOf(AMOUNT_UNIT.exec(v)![1]!) !== undefined)
  );
}

/**
 * The one cell of a placement's region that holds something, or why there is
 * none to take. `claimed` tells the places of the table's other cells: a
 * merged value that spans one of them belongs to no single cell.
 */
function cellOf(grid: Grid, p: Placement, claimed: (r: number, c: number) => boolean): { cell?: GridCell; from?: string; defect?: string } {
  const first = grid.at(p.r, p.c);
  if (first?.master) {
    const m = first.master;
    let shared = false;
    for (let r = m.r; r <= m.bottom && !shared; r++)
      for (let c = m.c; c <= m.right && !shared; c++) shared = (r !== p.r || c !== p.c) && claimed(r, c);
    // A value merged over the column its header names (header in C, value merged B:D) is that column's.
    if (!shared && isValueCell(m) && m.raw !== null) return { cell: m, from: m.address };
    return { defect: `${first.address} 被合并单元格 ${m.address}（「${m.text}」）覆盖，没有自己的数值` };
  }
  if (first && (first.raw !== null || first.uncachedFormula)) return { cell: first };
  const rowEnd = p.rowEnd ?? p.r;
  const colEnd = p.colEnd ?? p.c;
  const held: GridCell[] = [];
  for (let r = p.r; r <= rowEnd; r++) {
    for (let c = p.c; c <= colEnd; c++) {
      const cell = grid.at(r, c);
      if (cell && !cell.master && (cell.raw !== null || cell.uncachedFormula) && cell.text.trim() !== '') held.push(cell);
    }
  }
  if (held.length === 1) return { cell: held[0], from: held[0]!.address };
  if (held.length > 1)
    return {
      defect: `同一格的合并范围内有 ${held.length} 个数值（${held.map((c) => `${c.address}「${c.text}」`).join('、')}），无法确定取哪一个`,
    };
  return {};
}

/** The value one placement holds, read as the office meant it. */
export function readPlacement(
  grid: Grid,
  p: Placement,
  kind: CellKind,
  holdsNumbers: boolean,
  amountUnit: AmountUnit | undefined,
  claimed: (r: number, c: number) => boolean = () => false,
): ReadValue {
  const found = cellOf(grid, p, claimed);
  if (found.defect) return { value: null, readings: [], defect: found.defect };
  const cell = found.cell;
  const readings: CellReading[] = [...(found.from ? [{ kind: 'merged', from: found.from } as const] : []), ...(cell?.readings ?? [])];
  if (cell?.uncachedFormula)
    return { value: null, readings, cell, defect: `${cell.address} 是公式，文件中没有保存计算结果，也无法在导入时算出` };
  if (cell?.formula) readings.push({ kind: 'formula', formula: cell.formula });
  const raw = cell?.raw ?? null;
  const parsed = parseCellInput(raw);
  if (typeof parsed === 'number') {
    if (kind === 'amount' && amountUnit === '元') {
      readings.push({ kind: 'unit', found: String(raw), unit: '元' });
      return { value: tidy(parsed / YUAN_PER_WAN), readings, cell };
    }
    return { value: parsed, readings, cell };
  }
  if (parsed === null || BLANK_MARKS.includes(parsed)) {
    if (!holdsNumbers) return { value: parsed, readings, cell };
    readings.push({ kind: 'placeholder', found: parsed ?? '' });
    return { value: 0, readings, cell };
  }
  const unit = (kind === 'amount' ? AMOUNT_UNIT : COUNT_UNIT).exec(parsed);
  // Only a plain figure before the unit: "+1件" or "-3次" is not how anyone writes a count.
  const n = unit && /^\d/.test(unit[1]!.trim()) ? numberOf(unit[1]!) : undefined;
  if (unit && n !== undefined) {
    readings.push({ kind: 'unit', found: parsed, unit: unit[2]! });
    return { value: unit[2] === '元' ? tidy(n / YUAN_PER_WAN) : n, readings, cell };
  }
  return { value: parsed, readings, cell };
}

/** Whether a placement's value reads as a number (placeholders count only in a table that has one). */
export function holdsNumber(grid: Grid, p: Placement, kind: CellKind): boolean {
  return typeof readPlacement(grid, p, kind, false, undefined).value === 'number';
}

const UNIT_NOTE = /单位\s*[:：]?\s*(万元|元)|[(（]\s*(万元|元)\s*[)）]/;

/** The amount unit a header or a note names ("本年收费金额（单位：元）", "单位：元"), if any. */
export function amountUnitIn(text: string): AmountUnit | undefined {
  const m = UNIT_NOTE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? ((m[1] ?? m[2]) as AmountUnit) : undefined;
}
