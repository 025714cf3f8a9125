// The label cells of a grid as the reader weighs them: each merged or plain
// text cell is one unit, however many positions its merge covers; a label
// typed over two or three cells of one column ("商业" above "企业", a long row
// label run on into the row below) is one unit standing over all of them.
// A unit's readings (which template labels it names) are exact where the text
// is a label; guesses are worked out only where the unit governs a number.
import type { Grid, GridCell } from './grid';
import { LABELS, normalizeLabel, type Reading } from './labels';
import { isValueText } from './values';

export interface LabelUnit {
  /** The cell the label is written in (its merge's top-left); the first piece of a label typed over several cells. */
  cell: GridCell;
  text: string;
  norm: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  hidden: boolean;
  /** A block title, the corner, the note: the form's own words that name no row or column. */
  context: boolean;
  exact: readonly Reading[];
  /** Exact readings, else guesses (computed once, on first use). */
  readings(): readonly Reading[];
  /**
   * Which way the label governs: a label with a number right after it is a
   * row's label (it governs rightwards, not downwards); one with a number
   * right below it is a column's. Headings over labels govern both ways.
   */
  governsRight: boolean;
  governsDown: boolean;
}

export type Kind = 'label' | 'value' | 'empty';

/** Kinds of text cells, once each: every walk over the grid asks. */
const KINDS = new WeakMap<GridCell, Kind>();

/** Whether a cell (a merge's top-left) holds a value, a label, or nothing. */
export function kindOf(cell: GridCell | undefined): Kind {
  if (!cell) return 'empty';
  const m = cell.master ?? cell;
  if (m.uncachedFormula || typeof m.raw === 'number' || typeof m.raw === 'boolean') return 'value';
  if (m.raw === null) return 'empty';
  let kind = KINDS.get(m);
  if (kind === undefined) KINDS.set(m, (kind = m.text.trim() === '' ? 'empty' : isValueText(m.text) ? 'value' : 'label'));
  return kind;
}

function unitOf(cell: GridCell, text: string, bottom: number, hidden: boolean, data = false): LabelUnit {
  const norm = normalizeLabel(text);
  const exact = data ? [] : LABELS.exact(norm);
  let readings: readonly Reading[] | undefined;
  return {
    cell,
    text,
    norm,
    top: cell.r,
    left: cell.c,
    bottom,
    right: cell.right,
    hidden,
    context: exact.length === 0 && LABELS.isContext(norm),
    exact,
    readings: () => (readings ??= exact.length > 0 || data ? exact : LABELS.guesses(norm)),
    governsRight: true,
    governsDown: true,
  };
}

const MAX_PIECES = 3;
/**
 * A label of the form written more often than this in one row or column is
 * data, not a label: a request register's 申请人类型 column reads 自然人,
 * 商业企业, 自然人 … down hundreds of rows. A form repeats a label once per
 * block and copy (结果维持 three times in a row of 四, for each year side by side).
 */
const MAX_REPEATS = 12;

/** Units whose text comes back in one row or column more often than a form repeats a label. */
function repeated(units: readonly LabelUnit[]): Set<LabelUnit> {
  const byLine = new Map<string, LabelUnit[]>();
  for (const u of units) {
    if (u.exact.length === 0) continue;
    for (const key of [`r${u.top}|${u.norm}`, `c${u.left}|${u.norm}`]) (byLine.get(key) ?? byLine.set(key, []).get(key)!).push(u);
  }
  return new Set([...byLine.values()].filter((list) => list.length > MAX_REPEATS).flat());
}
/** How far past empty cells a label's first neighbour is looked for. */
const MAX_REACH = 30;

/** The label units of a grid, and the unit each label position belongs to. */
export function labelUnits(grid: Grid): { units: LabelUnit[]; at: (r: number, c: number) => LabelUnit | undefined } {
  const units: LabelUnit[] = [];
  const pieceOf = new Map<GridCell, LabelUnit>();
  const masters = grid.cells.filter((c) => !c.master && kindOf(c) === 'label').sort((a, b) => a.c - b.c || a.r - b.r);
  for (const cell of masters) {
    if (pieceOf.has(cell)) continue;
    let unit = unitOf(cell, cell.text, cell.bottom, cell.hidden === true);
    const pieces = [cell];
    // A piece of a label typed over rows: joined with the text cells right below it (same width, unmerged).
    if (unit.exact.length === 0 && LABELS.begins(unit.norm)) {
      let text = cell.text;
      let last = cell;
      for (let k = 1; k < MAX_PIECES; k++) {
        const below = grid.at(last.bottom + 1, cell.c);
        if (!below || below.master || below.c !== cell.c || kindOf(below) !== 'label') break;
        text += below.text;
        last = below;
        pieces.push(below);
        const joined = unitOf(
          cell,
          text,
          below.bottom,
          pieces.some((p) => p.hidden === true),
        );
        if (joined.exact.length > 0) {
          unit = joined;
          break;
        }
      }
      if (unit.bottom === cell.bottom) pieces.splice(1);
    }
    units.push(unit);
    for (const p of pieces) pieceOf.set(p, unit);
  }
  const data = new Map([...repeated(units)].map((u) => [u, unitOf(u.cell, u.text, u.bottom, u.hidden, true)]));
  if (data.size > 0) {
    units.forEach((u, i) => (units[i] = data.get(u) ?? u));
    for (const [piece, unit] of pieceOf) pieceOf.set(piece, data.get(unit) ?? unit);
  }
  // What comes first after a label, past empty cells, and how far: a number right of it makes it a row's label.
  const first = (r: number, c: number, dr: number, dc: number): { kind: Kind; gap: number } => {
    for (let k = 0; k < MAX_REACH; k++, r += dr, c += dc) {
      const kind = kindOf(grid.at(r, c));
      if (kind !== 'empty') return { kind, gap: k };
    }
    return { kind: 'empty', gap: MAX_REACH };
  };
  for (const u of units) {
    const right = first(u.top, u.right + 1, 0, 1);
    const down = first(u.bottom + 1, u.left, 1, 0);
    // A number reached only past empty cells, where a label stands right after the unit the other way,
    // may be something beside the table (a register's first column): the unit is a heading over those labels.
    const governsRight = right.kind === 'value' && (right.gap === 0 || down.kind !== 'label' || down.gap > 0);
    const governsDown = down.kind === 'value' && (down.gap === 0 || right.kind !== 'label' || right.gap > 0);
    u.governsRight = governsRight || !governsDown;
    u.governsDown = governsDown || !governsRight;
  }
  return {
    units,
    at: (r, c) => {
      const cell = grid.at(r, c);
      if (!cell) return undefined;
      return pieceOf.get(cell.master ?? cell);
    },
  };
}
