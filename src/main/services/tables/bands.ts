// Which labels govern each place of a grid that may hold a number: the labels
// left of it along its row and above it along its column, through merged
// cells. Along a line, the numbers next to a place are passed over (they are
// the same table's other cells) until labels come; the labels run until the
// next number, where another table, or another copy, begins. Each line is
// read once, so a large sheet costs one pass, however many numbers it holds.
import type { Grid, GridCell } from './grid';
import { isCopyMark } from './copies';
import { kindOf, type LabelUnit } from './units';

export type Dir = 'left' | 'above';

/** A place a value may stand in: a value cell (a merge's top-left), or an empty position. */
export interface Position {
  r: number;
  c: number;
  bottom: number;
  right: number;
  /** The value cell; none where the position is empty. */
  cell?: GridCell;
  /** Labels governing the place, nearest first. */
  left: readonly LabelUnit[];
  above: readonly LabelUnit[];
  /** Set where the value's cell reaches under several labels and its neighbours settled which one it stands under: why. */
  settled?: string;
}

interface Change {
  /** The line position of the label that changed the band: places after it see `units`. */
  at: number;
  /** Far to near. */
  units: readonly LabelUnit[];
}

/** The bands of one line (a column top to bottom, or a row left to right). */
function lineBands(
  entries: readonly { at: number; cell: GridCell }[],
  unitAt: (cell: GridCell) => LabelUnit | undefined,
  governs: (u: LabelUnit) => boolean,
  textValues: Set<GridCell>,
): Change[] {
  const changes: Change[] = [];
  let units: readonly LabelUnit[] = [];
  let body = false;
  for (const { at, cell } of entries) {
    const kind = kindOf(cell);
    if (kind === 'value') body = true;
    if (kind !== 'label') continue;
    const unit = unitAt(cell);
    if (!unit || units.includes(unit)) continue;
    // Text that is no label of the form, among numbers, is a value written as text ("见说明", "=1+1"): it stays text.
    if (body && unit.exact.length === 0 && !unit.context) {
      textValues.add(cell.master ?? cell);
      continue;
    }
    if (!governs(unit)) continue;
    units = body ? [unit] : [...units, unit];
    body = false;
    changes.push({ at, units });
  }
  return changes;
}

/** The band in force just before line position `at`. */
function bandBefore(changes: readonly Change[], at: number): readonly LabelUnit[] {
  let lo = 0;
  let hi = changes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]!.at < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? [] : changes[found]!.units;
}

function union(lists: readonly (readonly LabelUnit[])[]): LabelUnit[] {
  const out: LabelUnit[] = [];
  for (const list of lists) for (let k = list.length - 1; k >= 0; k--) if (!out.includes(list[k]!)) out.push(list[k]!);
  return out;
}

const isLeaf = (u: LabelUnit) => u.exact.some((r) => r.nodes.some((n) => n.key !== undefined));

/** The nearest row's or column's own label of a band (bands run far to near). */
function nearestLeaf(units: readonly LabelUnit[]): LabelUnit | undefined {
  for (let k = units.length - 1; k >= 0; k--) if (isLeaf(units[k]!)) return units[k];
  return undefined;
}

/**
 * Cells merged across lines that stand under different row or column labels
 * — their borders dragged past their header's, as in a Word table laid out by
 * hand — settled by their neighbours: a cell wholly under one label is that
 * label's; a cell reaching under several is the one label none of its
 * neighbours took. Each line of cells is one such question (a row under the
 * column labels, or a column beside the row labels); what stays open, stays
 * open. `leafAt(cell, k)` is the label over the cell's k-th line.
 */
function settleStraddlers(
  cells: readonly GridCell[],
  span: (cell: GridCell) => number,
  leafAt: (cell: GridCell, k: number) => LabelUnit | undefined,
) {
  const candidates = new Map<GridCell, LabelUnit[]>();
  for (const cell of cells) {
    const leaves: LabelUnit[] = [];
    for (let k = 0; k < span(cell); k++) {
      const leaf = leafAt(cell, k);
      if (leaf && !leaves.includes(leaf)) leaves.push(leaf);
    }
    if (leaves.length > 0) candidates.set(cell, leaves);
  }
  const taken = new Map<LabelUnit, GridCell>();
  const settled = new Map<GridCell, LabelUnit>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [cell, leaves] of candidates) {
      if (settled.has(cell)) continue;
      const open = leaves.filter((l) => !taken.has(l));
      if (open.length !== 1) continue;
      settled.set(cell, open[0]!);
      taken.set(open[0]!, cell);
      changed = true;
    }
  }
  const straddling = new Map<GridCell, LabelUnit | undefined>();
  for (const [cell, leaves] of candidates) if (leaves.length > 1) straddling.set(cell, settled.get(cell));
  return straddling;
}

/**
 * The labels over (or beside) a cell merged across several lines. A cell
 * straddling labels (see settleStraddlers) stands under the lines of the label
 * it was settled to, or, unsettled, under only what all its lines share: the
 * number is then left unread, never given to its first line.
 */
function spanned(lists: readonly (readonly LabelUnit[])[], straddle?: { leaf: LabelUnit | undefined }): LabelUnit[] {
  if (!straddle) return union(lists);
  if (straddle.leaf) return union(lists.filter((l) => nearestLeaf(l) === straddle.leaf));
  return union(lists.map((l) => l.filter((u) => lists.every((other) => other.includes(u)))));
}

/**
 * A short text that is no label of the form may be a value written as text
 * ("十几", "见备注") where the first number of a row or column would stand:
 * it is weighed as a place, and read only where labels govern it.
 */
function textLike(unit: LabelUnit | undefined): boolean {
  return unit !== undefined && unit.exact.length === 0 && !unit.context && unit.norm.length <= MAX_TEXT_VALUE && !isCopyMark(unit.text);
}
const MAX_TEXT_VALUE = 20;

/** Every place of the grid that some label governs, with its governing labels. */
export function positions(grid: Grid, unitAt: (r: number, c: number) => LabelUnit | undefined): Position[] {
  const byRow = new Map<number, { at: number; cell: GridCell }[]>();
  const byCol = new Map<number, { at: number; cell: GridCell }[]>();
  for (const cell of grid.cells) {
    (byRow.get(cell.r) ?? byRow.set(cell.r, []).get(cell.r)!).push({ at: cell.c, cell });
    (byCol.get(cell.c) ?? byCol.set(cell.c, []).get(cell.c)!).push({ at: cell.r, cell });
  }
  const unitOfCell = (cell: GridCell) => unitAt(cell.r, cell.c);
  const rowBands = new Map<number, Change[]>();
  const colBands = new Map<number, Change[]>();
  const textValues = new Set<GridCell>();
  for (const [r, entries] of byRow)
    rowBands.set(
      r,
      lineBands(
        entries.sort((a, b) => a.at - b.at),
        unitOfCell,
        (u) => u.governsRight,
        textValues,
      ),
    );
  for (const [c, entries] of byCol)
    colBands.set(
      c,
      lineBands(
        entries.sort((a, b) => a.at - b.at),
        unitOfCell,
        (u) => u.governsDown,
        textValues,
      ),
    );

  // Places stand in rows and columns that hold something, and right after a label (an empty row under a header).
  const rows = new Set(byRow.keys());
  const cols = new Set(byCol.keys());
  for (const changes of colBands.values()) for (const ch of changes) rows.add(ch.units.at(-1)!.bottom + 1);
  for (const changes of rowBands.values()) for (const ch of changes) cols.add(ch.units.at(-1)!.right + 1);
  const rowList = [...rows].sort((a, b) => a - b);
  const colList = [...cols].sort((a, b) => a - b);

  const maybeText = (cell: GridCell) =>
    kindOf(cell) === 'label' && textLike(unitAt(cell.r, cell.c)) && unitAt(cell.r, cell.c)!.cell === cell;
  // Cells merged across columns (rows) whose lines stand under different labels, per row (column).
  const occupants = (entries: readonly { cell: GridCell }[] | undefined, starts: (cell: GridCell) => boolean) =>
    (entries ?? []).map((e) => e.cell).filter((cell) => !cell.master && starts(cell) && kindOf(cell) !== 'label');
  const underColumns = new Map<GridCell, LabelUnit | undefined>();
  for (const [r, entries] of byRow)
    for (const [cell, leaf] of settleStraddlers(
      occupants(entries, (cell) => cell.r === r),
      (cell) => cell.right - cell.c + 1,
      (cell, k) => nearestLeaf(bandBefore(colBands.get(cell.c + k) ?? [], r)),
    ))
      underColumns.set(cell, leaf);
  const besideRows = new Map<GridCell, LabelUnit | undefined>();
  for (const [c, entries] of byCol)
    for (const [cell, leaf] of settleStraddlers(
      occupants(entries, (cell) => cell.c === c),
      (cell) => cell.bottom - cell.r + 1,
      (cell, k) => nearestLeaf(bandBefore(rowBands.get(cell.r + k) ?? [], c)),
    ))
      besideRows.set(cell, leaf);
  const straddle = (settled: Map<GridCell, LabelUnit | undefined>, cell: GridCell | undefined) =>
    cell && settled.has(cell) ? { leaf: settled.get(cell) } : undefined;

  const out: Position[] = [];
  for (const r of rowList) {
    const rowChanges = rowBands.get(r) ?? [];
    for (const c of colList) {
      const cell = grid.at(r, c);
      if (cell?.master) continue;
      const kind = cell && (textValues.has(cell) || maybeText(cell)) ? 'value' : kindOf(cell);
      if (kind === 'label') continue;
      const bottom = cell?.bottom ?? r;
      const right = cell?.right ?? c;
      const left =
        bottom === r
          ? union([bandBefore(rowChanges, c)])
          : spanned(
              Array.from({ length: bottom - r + 1 }, (_, k) => bandBefore(rowBands.get(r + k) ?? [], c)),
              straddle(besideRows, cell),
            );
      const above = spanned(
        Array.from({ length: right - c + 1 }, (_, k) => bandBefore(colBands.get(c + k) ?? [], r)),
        straddle(underColumns, cell),
      );
      if (left.length + above.length === 0 || [...left, ...above].every((u) => u.context)) continue;
      const leaf = (cell && underColumns.get(cell)) ?? (cell && besideRows.get(cell));
      const settled = leaf && `单元格跨到了相邻的标题之下，相邻的数值各有其位，按「${leaf.text.trim()}」读取`;
      out.push({ r, c, bottom, right, ...(kind === 'value' ? { cell } : {}), left, above, ...(settled ? { settled } : {}) });
    }
  }
  return out;
}
