// Which labels govern each place of a grid that may hold a number: the labels
// left of it along its row and above it along its column, through merged
// cells. Along a line, the numbers next to a place are passed over (they are
// the same table's other cells) until labels come; the labels run until the
// next number, where another table, or another copy, begins. Each line is
// read once, so a large sheet costs one pass, however many numbers it holds.
import { CELLS } from '../../../shared/model/cells';
import { maxOf } from '../../../shared/math';
import { TABLE_IDS } from '../../../shared/template/gov2021';
import { CELL_PATHS } from '../../../shared/template/paths';
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
  /** The same, near to far (as a place lists its labels). */
  near: readonly LabelUnit[];
  /** The last position the band reaches (see MAX_GOVERNED). */
  reach: number;
}

/**
 * The bands of one line (a column top to bottom, or a row left to right).
 * A band ends where a line across holds something else's header (`ends`), and
 * reaches no further than MAX_GOVERNED lines that hold something (`held`, in order).
 */
function lineBands(
  entries: readonly { at: number; cell: GridCell }[],
  unitAt: (cell: GridCell) => LabelUnit | undefined,
  governs: (u: LabelUnit) => boolean,
  bounds: { ends: ReadonlySet<number>; held: readonly number[] },
  textValues: Set<GridCell>,
): Change[] {
  const changes: Change[] = [];
  let units: readonly LabelUnit[] = [];
  let body = false;
  const change = (at: number, next: readonly LabelUnit[]) => {
    units = next;
    body = false;
    changes.push({ at, units, near: [...units].reverse(), reach: bounds.held[firstAfter(bounds.held, at) + MAX_GOVERNED - 1] ?? Infinity });
  };
  for (const { at, cell } of entries) {
    const kind = kindOf(cell);
    if (kind === 'value') body = true;
    if (kind !== 'label') continue;
    const unit = unitAt(cell);
    if (!unit || units.includes(unit)) continue;
    if (body && bounds.ends.has(at)) {
      change(at, governs(unit) ? [unit] : []);
      continue;
    }
    // Text that is no label of the form, among numbers, is a value written as text ("见说明", "=1+1"): it stays text.
    if (body && unit.exact.length === 0 && !unit.context) {
      textValues.add(cell.master ?? cell);
      continue;
    }
    if (!governs(unit)) continue;
    change(at, body ? [unit] : [...units.slice(1 - MAX_STACK), unit]);
  }
  return changes;
}

/** The index of the first of sorted `list` greater than `at`. */
function firstAfter(list: readonly number[], at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The band in force at line position `at`, if any. */
function bandAt(changes: readonly Change[], at: number): Change | undefined {
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
  const band = changes[found];
  return band && at <= band.reach ? band : undefined;
}

/** The labels in force at line position `at`, far to near. */
const bandBefore = (changes: readonly Change[], at: number): readonly LabelUnit[] => bandAt(changes, at)?.units ?? [];

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
function spanned(lists: readonly (readonly LabelUnit[])[], straddle?: { leaf: LabelUnit | undefined }): readonly LabelUnit[] {
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

/**
 * One of the two ways a grid is walked: along its rows (labels to the left
 * govern) or along its columns (labels above govern). A cell is in a line and
 * at a position along it, and may reach over several lines and positions.
 */
interface Orientation {
  /** The line a cell starts in, and the last line it reaches. */
  line: (x: { r: number; c: number }) => number;
  lastLine: (x: { bottom: number; right: number }) => number;
  /** Its position along the line, and the last position it reaches. */
  at: (x: { r: number; c: number }) => number;
  lastAt: (x: { bottom: number; right: number }) => number;
  /** Whether a label governs the values that follow it along such a line. */
  governs: (u: LabelUnit) => boolean;
}

const ALONG_ROWS: Orientation = {
  line: (x) => x.r,
  lastLine: (x) => x.bottom,
  at: (x) => x.c,
  lastAt: (x) => x.right,
  governs: (u) => u.governsRight,
};
const ALONG_COLUMNS: Orientation = {
  line: (x) => x.c,
  lastLine: (x) => x.right,
  at: (x) => x.r,
  lastAt: (x) => x.bottom,
  governs: (u) => u.governsDown,
};
const ACROSS = new Map<Orientation, Orientation>([
  [ALONG_ROWS, ALONG_COLUMNS],
  [ALONG_COLUMNS, ALONG_ROWS],
]);

type Lines = Map<number, { at: number; cell: GridCell }[]>;

/** The cells of a grid by line, each line in order along it. */
function linesOf(grid: Grid, o: Orientation): Lines {
  const lines: Lines = new Map();
  for (const cell of grid.cells) (lines.get(o.line(cell)) ?? lines.set(o.line(cell), []).get(o.line(cell))!).push({ at: o.at(cell), cell });
  for (const entries of lines.values()) entries.sort((a, b) => a.at - b.at);
  return lines;
}

/**
 * Lines that hold the header of something that is no table of the form — a
 * request register's 序号 | 申请人 | 申请内容 under the tables, as offices
 * keep them — and nothing of the form: two or more texts, none a label of the
 * form, a copy mark or a value. The bands they cross end there.
 */
function foreignLines(lines: Lines, unitAt: (cell: GridCell) => LabelUnit | undefined): Set<number> {
  const out = new Set<number>();
  for (const [line, entries] of lines) {
    const units = new Set<LabelUnit>();
    const foreign = entries.every(({ cell }) => {
      const kind = kindOf(cell);
      if (kind === 'empty') return true;
      const unit = kind === 'label' ? unitAt(cell) : undefined;
      if (!unit || unit.exact.length > 0 || unit.context || isCopyMark(unit.text)) return false;
      units.add(unit);
      return true;
    });
    if (foreign && units.size >= 2) out.add(line);
  }
  return out;
}

/**
 * The most lines holding something that one label may govern before another
 * label comes: every cell of the largest table in one line (a form listing a
 * whole table under one 数量 header), for two copies. A long register below
 * or beside the tables is no part of them.
 */
const MAX_GOVERNED = 2 * maxOf(TABLE_IDS.map((t) => CELLS.filter((c) => c.table === t).length));

/**
 * The most labels a band stacks: a cell's whole path on one side (a 1×15
 * form's 行政诉讼 › 复议后起诉 › 结果维持 all above), with room for the words a
 * form puts over it (a copy mark, a block title, 单位：件, 类别). A column of
 * names with no number under it stacks no further.
 */
const MAX_STACK = maxOf(CELL_PATHS.map((p) => p.rowPath.length + p.colPath.length)) + 4;

/** How many lines below its header (or right of it) a copy's line of values may stand: 本年 above 上年 under one header. */
export const MAX_COPY_LINES = 4;

/** The bands of every line of one orientation; `crossing` are the lines across them. */
function bandsOf(
  lines: Lines,
  crossing: Lines,
  o: Orientation,
  unitAt: (cell: GridCell) => LabelUnit | undefined,
  textValues: Set<GridCell>,
) {
  const bounds = { ends: foreignLines(crossing, unitAt), held: [...crossing.keys()].sort((a, b) => a - b) };
  const bands = new Map<number, Change[]>();
  for (const [line, entries] of lines) bands.set(line, lineBands(entries, unitAt, o.governs, bounds, textValues));
  return { bands, headers: bounds.ends };
}

/**
 * Cells of the grid reaching over several lines of an orientation whose
 * lines stand under different labels (see settleStraddlers), each line of
 * cells across them one question; with the label each was settled to, if any.
 */
function straddlersOf(lines: Lines, o: Orientation, bands: ReadonlyMap<number, Change[]>) {
  const across = ACROSS.get(o)!;
  const byCrossLine = new Map<number, GridCell[]>();
  for (const entries of lines.values())
    for (const { cell } of entries) {
      if (cell.master || kindOf(cell) === 'label') continue;
      const k = across.line(cell);
      (byCrossLine.get(k) ?? byCrossLine.set(k, []).get(k)!).push(cell);
    }
  const out = new Map<GridCell, LabelUnit | undefined>();
  for (const cells of byCrossLine.values()) {
    cells.sort((a, b) => o.line(a) - o.line(b));
    for (const [cell, leaf] of settleStraddlers(
      cells,
      (cell) => o.lastLine(cell) - o.line(cell) + 1,
      (cell, k) => nearestLeaf(bandBefore(bands.get(o.line(cell) + k) ?? [], o.at(cell))),
    ))
      out.set(cell, leaf);
  }
  return out;
}

/** Every place of the grid that some label governs, with its governing labels. */
export function positions(grid: Grid, unitAt: (r: number, c: number) => LabelUnit | undefined): Position[] {
  const unitOfCell = (cell: GridCell) => unitAt(cell.r, cell.c);
  const textValues = new Set<GridCell>();
  const rowLines = linesOf(grid, ALONG_ROWS);
  const colLines = linesOf(grid, ALONG_COLUMNS);
  const walk = (o: Orientation, lines: Lines, crossing: Lines): Walk => ({
    o,
    lines,
    crossing,
    ...bandsOf(lines, crossing, o, unitOfCell, textValues),
    straddlers: new Map(),
  });
  const rows = walk(ALONG_ROWS, rowLines, colLines);
  const cols = walk(ALONG_COLUMNS, colLines, rowLines);
  for (const w of [rows, cols]) w.straddlers = straddlersOf(w.lines, w.o, w.bands);

  // Places stand in lines that hold something, and right after a label (an empty row under a header).
  const placesAlong = (w: Walk) => {
    const at = new Set(w.crossing.keys());
    for (const changes of w.bands.values()) for (const { units } of changes) if (units.length > 0) at.add(w.o.lastAt(units.at(-1)!) + 1);
    return [...at].sort((a, b) => a - b);
  };
  const rowList = placesAlong(cols);
  const colList = placesAlong(rows);

  // A foreign header's words are labels, never values written as text.
  const maybeText = (cell: GridCell) =>
    kindOf(cell) === 'label' &&
    textLike(unitAt(cell.r, cell.c)) &&
    unitAt(cell.r, cell.c)!.cell === cell &&
    !rows.headers.has(cell.c) &&
    !cols.headers.has(cell.r);
  /** The labels governing a place along one orientation: over every line it reaches. */
  const governing = (w: Walk, p: { r: number; c: number; bottom: number; right: number }, cell: GridCell | undefined) => {
    const first = w.o.line(p);
    const straddling = cell && w.straddlers.has(cell);
    if (w.o.lastLine(p) === first && !straddling) return bandAt(w.bands.get(first) ?? [], w.o.at(p))?.near ?? [];
    const lists = Array.from({ length: w.o.lastLine(p) - first + 1 }, (_, k) => bandBefore(w.bands.get(first + k) ?? [], w.o.at(p)));
    return spanned(lists, straddling ? { leaf: w.straddlers.get(cell) } : undefined);
  };

  /** An empty place only one way's labels govern (a 1×15 form's value row) stands just past them, or a copy's few lines on. */
  const nearOneWay = (w: Walk, p: { r: number; c: number }) => {
    const units = bandAt(w.bands.get(w.o.line(p)) ?? [], w.o.at(p))?.units ?? [];
    return units.length > 0 && w.o.at(p) - w.o.lastAt(units.at(-1)!) <= MAX_COPY_LINES;
  };

  const out: Position[] = [];
  for (const r of rowList) {
    for (const c of colList) {
      const cell = grid.at(r, c);
      if (cell?.master) continue;
      const kind = cell && (textValues.has(cell) || maybeText(cell)) ? 'value' : kindOf(cell);
      if (kind === 'label') continue;
      const place = { r, c, bottom: cell?.bottom ?? r, right: cell?.right ?? c };
      const left = governing(rows, place, cell);
      const above = governing(cols, place, cell);
      if (left.every((u) => u.context) && above.every((u) => u.context)) continue;
      if (!cell && (left.length === 0 || above.length === 0) && !nearOneWay(left.length > 0 ? rows : cols, place)) continue;
      const leaf = cell && (cols.straddlers.get(cell) ?? rows.straddlers.get(cell));
      const settled = leaf && `单元格跨到了相邻的标题之下，相邻的数值各有其位，按「${leaf.text.trim()}」读取`;
      out.push({ ...place, ...(kind === 'value' ? { cell } : {}), left, above, ...(settled ? { settled } : {}) });
    }
  }
  return out;
}

interface Walk {
  o: Orientation;
  lines: Lines;
  crossing: Lines;
  bands: Map<number, Change[]>;
  /** Lines across this walk's lines that hold something else's header. */
  headers: ReadonlySet<number>;
  straddlers: Map<GridCell, LabelUnit | undefined>;
}
