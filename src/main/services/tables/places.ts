// From matched positions to places, and from places to tables: the positions
// one pair of labels governs are one place (a value merged over its header's
// columns); places that share their labels form a block (a table, or one
// block of 二 or 四); blocks of one table that complete each other are joined
// (四 in two blocks, 二's four, a table split over two sheets); blocks that
// repeat the same cells are copies (上年 beside 本年), told apart later.
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { TABLE_IDS, type TableId } from '../../../shared/template/gov2021';
import { MAX_COPY_LINES, positions, type Dir, type Position } from './bands';
import type { Grid, GridCell } from './grid';
import { bestOf, match, type GroupSum, type Matched, type Option } from './placements';
import { isCopyMark } from './copies';
import { kindOf, labelUnits, type LabelUnit } from './units';
import { maxOf, minOf } from '../../../shared/math';

export interface Place {
  table: TableId;
  grid: Grid;
  /** The template cells the place may be: one where its labels are certain. */
  options: Option[];
  /** Set instead of options where the place holds a heading's sum. */
  group?: GroupSum;
  positions: Position[];
  /** Value cells of the place (a merge's top-left each). */
  values: GridCell[];
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The source hides the place (its row, column or sheet). */
  hidden: boolean;
}

/** Every cell a place may be. */
export const keysOf = (p: Place): CellKey[] => p.options.map((o) => o.path.key);
const unitsOf = (p: Place): LabelUnit[] =>
  p.group ? [p.group.headingUnit, p.group.leafUnit] : p.options.flatMap((o) => [o.rowUnit, o.colUnit]);
/** The labels a place stands under, its headings too (for where the table is). */
const labelsOf = (p: Place): LabelUnit[] => [...unitsOf(p), ...p.options.flatMap((o) => o.headings)];

/** Where a place's value may stand: positions of one place share their labels and the line the labels don't fix. */
function placeKey(m: { position: Position; options: Option[]; group?: GroupSum }): string {
  const dirs = m.group ? [] : m.options.flatMap((o) => [o.rowDir, o.colDir]);
  const fromLeft = m.group ? true : dirs.includes('left');
  const fromAbove = m.group ? true : dirs.includes('above');
  const line = `${fromLeft ? 'L' : m.position.r}|${fromAbove ? 'A' : m.position.c}`;
  if (m.group)
    return `g|${m.group.heading.id}|${m.group.leaf.id}|${ids(m.group.headingUnit)}|${ids(m.group.leafUnit)}|${m.position.r}|${m.position.c}`;
  if (m.options.length > 1) return `a|${m.position.r}|${m.position.c}`;
  const o = m.options[0]!;
  return `${o.path.key}|${ids(o.rowUnit)}|${ids(o.colUnit)}|${line}`;
}

const unitIds = new WeakMap<LabelUnit, number>();
let nextUnit = 0;
function ids(u: LabelUnit): number {
  let id = unitIds.get(u);
  if (id === undefined) unitIds.set(u, (id = nextUnit++));
  return id;
}

/** The units a match relies on in one direction, each with the part it plays. */
function roles(m: Matched, o: Option | undefined, dir: Dir): string[] {
  if (m.group) {
    const g = m.group;
    return [
      ...(m.position[dir].includes(g.headingUnit) ? [`h${ids(g.headingUnit)}`] : []),
      ...(m.position[dir].includes(g.leafUnit) ? [`${g.leaf.axis}${ids(g.leafUnit)}`] : []),
    ];
  }
  if (!o) return [];
  return [...(o.rowDir === dir ? [`row${ids(o.rowUnit)}`] : []), ...(o.colDir === dir ? [`col${ids(o.colUnit)}`] : [])];
}

/**
 * A place is read through the numbers between it and its labels: the nearest
 * number that way must be read through the same labels, in the same parts,
 * for the same table. Else the labels govern another table's numbers and only
 * run on past them (an empty row below 三 under 三's header is no cell of 四).
 */
function chained(grid: Grid, m: Matched, table: TableId, o: Option | undefined, done: ReadonlyMap<GridCell, Matched>): boolean {
  for (const dir of ['left', 'above'] as const) {
    const mine = roles(m, o, dir);
    if (mine.length === 0) continue;
    const p = m.position;
    // Past the labels the place is read through, nothing is between them.
    const units = m.group ? [m.group.headingUnit, m.group.leafUnit] : [o!.rowUnit, o!.colUnit];
    const labels = units.filter((u) => m.position[dir].includes(u)).map((u) => (dir === 'left' ? u.right : u.bottom));
    const stop = labels.length > 0 ? Math.max(...labels) : 0;
    for (let k = (dir === 'left' ? p.c : p.r) - 1; k > stop; k--) {
      const cell = dir === 'left' ? grid.at(p.r, k) : grid.at(k, p.c);
      const kind = kindOf(cell);
      if (kind === 'label') break;
      if (kind !== 'value') continue;
      const q = done.get(cell!.master ?? cell!);
      if (!q || (q.options.length === 0 && !q.group)) continue;
      const qTable = q.group ? q.group.table : q.options[0]!.path.table;
      const theirs = new Set(q.group ? roles(q, undefined, dir) : q.options.flatMap((x) => roles(q, x, dir)));
      if (qTable !== table || !mine.every((r) => theirs.has(r))) return false;
      break;
    }
  }
  return true;
}

/**
 * Where a place's labels come from one direction only (a 1×15 form's header),
 * the place is in the line right after the labels, in a line holding numbers
 * under the same labels, or in a line labelled as a copy (上年, 本年) just
 * below: the empty rows below a table are no copy of it.
 */
function nearItsLabels(position: Position, o: Option, valueLines: ReadonlySet<string>): boolean {
  if (position.cell || o.rowDir !== o.colDir) return true;
  const across = o.rowDir === 'above';
  const edge = across ? Math.max(o.rowUnit.bottom, o.colUnit.bottom) : Math.max(o.rowUnit.right, o.colUnit.right);
  const at = across ? position.r : position.c;
  if (valueLines.has(`${across ? 'r' : 'c'}${at}|${edge}`)) return true;
  // With no number in the line, only a header that groups its labels (行政复议 over five results) makes the line a table's.
  const span = (u: LabelUnit) => (across ? u.right - u.left : u.bottom - u.top);
  const [inner, outer] = (across ? o.rowUnit.bottom > o.colUnit.bottom : o.rowUnit.right > o.colUnit.right)
    ? [o.rowUnit, o.colUnit]
    : [o.colUnit, o.rowUnit];
  if (inner === outer || span(outer) <= span(inner)) return false;
  if (at === edge + 1) return true;
  const marks = across ? position.left : position.above;
  return at - edge <= MAX_COPY_LINES && marks.length > 0 && isCopyMark(marks[0]!.text);
}

/**
 * A label governs the numbers below it or those to its right, not both: its
 * part is the one the numbers it governs give it (or, where it governs no
 * number, most of the empty places). A column header (总计 over 四's totals)
 * is then no row label for the empty cells right of it.
 */
function roleConsistent(matched: Matched[]): void {
  const uses = new Map<LabelUnit, { left: number; above: number; valueLeft: number; valueAbove: number }>();
  const use = (u: LabelUnit, dir: Dir, value: boolean) => {
    const x = uses.get(u) ?? { left: 0, above: 0, valueLeft: 0, valueAbove: 0 };
    x[dir]++;
    if (value) x[dir === 'left' ? 'valueLeft' : 'valueAbove']++;
    uses.set(u, x);
  };
  const unitsUsed = (m: Matched, o?: Option): [LabelUnit, Dir][] =>
    o
      ? [
          [o.rowUnit, o.rowDir],
          [o.colUnit, o.colDir],
        ]
      : m.group
        ? [m.group.headingUnit, m.group.leafUnit].map((u) => [u, m.position.left.includes(u) ? 'left' : 'above'] as [LabelUnit, Dir])
        : [];
  for (const m of matched) {
    for (const o of bestOf(m.options)) for (const [u, d] of unitsUsed(m, o)) use(u, d, m.position.cell !== undefined);
    for (const [u, d] of unitsUsed(m)) use(u, d, m.position.cell !== undefined);
  }
  const allowed = (u: LabelUnit, dir: Dir): boolean => {
    const x = uses.get(u);
    if (!x) return true;
    if (x.valueLeft + x.valueAbove > 0) return dir === 'left' ? x.valueLeft > 0 : x.valueAbove > 0;
    return dir === 'left' ? x.left >= x.above : x.above >= x.left;
  };
  for (const m of matched) {
    m.options = bestOf(m.options.filter((o) => unitsUsed(m, o).every(([u, d]) => allowed(u, d))));
    if (m.group && !unitsUsed(m).every(([u, d]) => allowed(u, d))) delete m.group;
  }
}

const isExact = (u: LabelUnit) => u.exact.length > 0;

/** The places of one grid. */
export function placesOf(grid: Grid): Place[] {
  const { at } = labelUnits(grid);
  const done = new Map<GridCell, Matched>();
  const matched: Matched[] = [];
  for (const p of positions(grid, at)) {
    // A place no label of the form governs exactly is in no table (a register's 申请内容 column): nothing to guess.
    if (!p.left.some(isExact) && !p.above.some(isExact)) continue;
    const m = match(p);
    if (!m) continue;
    const table = m.group?.table;
    const options = m.options.filter((o) => chained(grid, m, o.path.table, o, done));
    const kept: Matched = { ...m, options, ...(m.group && table && chained(grid, m, table, undefined, done) ? {} : { group: undefined }) };
    if (!kept.group) delete kept.group;
    if (p.cell) done.set(p.cell, kept);
    if (options.length > 0 || kept.group) matched.push(kept);
  }
  roleConsistent(matched);
  // Lines holding numbers under labels of one direction, by the labels' last line.
  const valueLines = new Set<string>();
  for (const m of matched) {
    if (!m.position.cell) continue;
    for (const o of m.options) {
      if (o.rowDir !== o.colDir) continue;
      if (o.rowDir === 'above') valueLines.add(`r${m.position.r}|${Math.max(o.rowUnit.bottom, o.colUnit.bottom)}`);
      else valueLines.add(`c${m.position.c}|${Math.max(o.rowUnit.right, o.colUnit.right)}`);
    }
  }
  const byKey = new Map<string, Place>();
  for (const m of matched) {
    // Two readings of one cell (其他 beside 其他 in 三 read across) are one.
    const options = m.options.filter(
      (o, i, all) => nearItsLabels(m.position, o, valueLines) && all.findIndex((x) => x.path === o.path) === i,
    );
    if (options.length === 0 && !m.group) continue;
    const key = placeKey({ ...m, options });
    const table = m.group ? m.group.table : options[0]!.path.table;
    const p = m.position;
    let place = byKey.get(key);
    if (!place) {
      place = {
        table,
        grid,
        options,
        ...(m.group ? { group: m.group } : {}),
        positions: [],
        values: [],
        top: p.r,
        left: p.c,
        bottom: p.bottom,
        right: p.right,
        hidden: true,
      };
      byKey.set(key, place);
    }
    place.positions.push(p);
    if (p.cell) place.values.push(p.cell);
    place.top = Math.min(place.top, p.r);
    place.left = Math.min(place.left, p.c);
    place.bottom = Math.max(place.bottom, p.bottom);
    place.right = Math.max(place.right, p.right);
  }
  for (const place of byKey.values()) {
    const units = unitsOf(place);
    place.hidden =
      grid.hidden === true || (place.values.length > 0 ? place.values.every((v) => v.hidden === true) : units.some((u) => u.hidden));
  }
  return [...byKey.values()];
}

// ---- blocks ------------------------------------------------------------------

export interface Block {
  table: TableId;
  grid: Grid;
  places: Place[];
}

/** Places of one table sharing a label, by union–find. */
function connected(places: readonly Place[]): Place[][] {
  const parent = places.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byUnit = new Map<LabelUnit, number>();
  places.forEach((p, i) => {
    for (const u of unitsOf(p)) {
      const j = byUnit.get(u);
      if (j === undefined) byUnit.set(u, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Place[]>();
  places.forEach((p, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), p]));
  return [...groups.values()];
}

/** Share of a block's cells that repeat before it counts as holding copies (上年 | 本年) rather than a stray row. */
const COPY_REPEAT = 0.5;

/**
 * A block whose cells repeat in whole (the same labels over last year's and
 * this year's columns, or over two value rows) is cut into its copies along
 * the line that separates them: a new copy starts where a cell comes again.
 */
function copiesOf(places: Place[]): Place[][] {
  const certain = places.filter((p) => p.options.length === 1);
  const count = new Map<CellKey, number>();
  for (const p of certain) count.set(p.options[0]!.path.key, (count.get(p.options[0]!.path.key) ?? 0) + 1);
  const repeated = [...count.values()].filter((n) => n > 1).length;
  if (count.size === 0 || repeated < COPY_REPEAT * count.size) return [places];
  // The copies stand side by side where the repeats share their row, else above one another.
  let sameRow = 0;
  let sameCol = 0;
  const byKey = new Map<CellKey, Place[]>();
  for (const p of certain) byKey.set(p.options[0]!.path.key, [...(byKey.get(p.options[0]!.path.key) ?? []), p]);
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    if (list.every((p) => p.top === list[0]!.top)) sameRow++;
    if (list.every((p) => p.left === list[0]!.left)) sameCol++;
  }
  const across = sameRow >= sameCol;
  const coord = (p: Place) => (across ? p.left : p.top);
  const ordered = [...places].sort((a, b) => coord(a) - coord(b));
  const out: Place[][] = [];
  let current: Place[] = [];
  let have = new Set<CellKey>();
  for (let i = 0; i < ordered.length;) {
    const line = ordered.filter((p) => coord(p) === coord(ordered[i]!));
    i += line.length;
    const keys = line.filter((p) => p.options.length === 1).map((p) => p.options[0]!.path.key);
    if (keys.some((k) => have.has(k))) {
      out.push(current);
      current = [];
      have = new Set();
    }
    current.push(...line);
    for (const k of keys) have.add(k);
  }
  if (current.length > 0) out.push(current);
  return out;
}

export function blocksOf(places: readonly Place[]): Block[] {
  const out: Block[] = [];
  for (const table of TABLE_IDS) {
    const byGrid = new Map<Grid, Place[]>();
    for (const p of places) if (p.table === table) byGrid.set(p.grid, [...(byGrid.get(p.grid) ?? []), p]);
    for (const [grid, list] of byGrid) {
      for (const group of connected(list)) for (const copy of copiesOf(group)) out.push({ table, grid, places: copy });
    }
  }
  return out;
}

// ---- tables ------------------------------------------------------------------

/** A table as read from one place of the source: its places per cell, and where it stands. */
export interface TableCandidate {
  table: TableId;
  grid: Grid;
  blocks: Block[];
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const certainKeys = (b: Block): Set<CellKey> =>
  new Set(b.places.flatMap((p) => (p.options.length === 1 ? [p.options[0]!.path.key] : [])));

/** The box of a block's values and the labels that govern them. */
export function boxOf(places: readonly Place[]): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const p of places) {
    for (const u of [p, ...labelsOf(p)]) {
      top = Math.min(top, u.top);
      left = Math.min(left, u.left);
      bottom = Math.max(bottom, u.bottom);
      right = Math.max(right, u.right);
    }
  }
  return { top, left, bottom, right };
}

/** The box of a block's values alone. */
function valueBox(b: Block): { top: number; left: number; bottom: number; right: number } {
  return {
    top: minOf(b.places.map((p) => p.top)),
    left: minOf(b.places.map((p) => p.left)),
    bottom: maxOf(b.places.map((p) => p.bottom)),
    right: maxOf(b.places.map((p) => p.right)),
  };
}

/** How far apart two blocks' values stand (0 where they touch or overlap along a line); Infinity on different grids. */
function gap(a: Block, b: Block): number {
  if (a.grid !== b.grid) return Infinity;
  const p = valueBox(a);
  const q = valueBox(b);
  const rows = Math.max(0, Math.max(p.top, q.top) - Math.min(p.bottom, q.bottom));
  const cols = Math.max(0, Math.max(p.left, q.left) - Math.min(p.right, q.right));
  return rows + cols;
}

/**
 * Blocks of one table that complete each other are one table: the nearest
 * block holding other cells is joined first, so two copies side by side each
 * join their own blocks. A block of another grid joins (a table split over
 * two sheets) only where no block of the table's own grid is left to join.
 */
export function tablesOf(blocks: readonly Block[]): TableCandidate[] {
  const out: TableCandidate[] = [];
  for (const table of TABLE_IDS) {
    const mine = blocks.filter((b) => b.table === table);
    const keysOfBlock = new Map(mine.map((b) => [b, certainKeys(b)]));
    const free = [...mine].sort((a, b) => keysOfBlock.get(b)!.size - keysOfBlock.get(a)!.size);
    const used = new Set<Block>();
    for (const seed of free) {
      if (used.has(seed)) continue;
      used.add(seed);
      const joined = [seed];
      const keys = new Set(keysOfBlock.get(seed));
      for (;;) {
        let best: Block | undefined;
        let bestGap = Infinity;
        for (const b of free) {
          const k = keysOfBlock.get(b)!;
          if (used.has(b) || k.size === 0 || [...k].some((x) => keys.has(x))) continue;
          const d = minOf(joined.map((j) => gap(j, b)));
          if (!best || d < bestGap) {
            best = b;
            bestGap = d;
          }
        }
        if (!best) break;
        used.add(best);
        joined.push(best);
        for (const x of keysOfBlock.get(best)!) keys.add(x);
      }
      const main = joined.reduce((a, b) => (keysOfBlock.get(b)!.size > keysOfBlock.get(a)!.size ? b : a));
      out.push({ table, grid: main.grid, blocks: joined, ...boxOf(joined.filter((b) => b.grid === main.grid).flatMap((b) => b.places)) });
    }
  }
  return out;
}

/** The places of a candidate for one cell (usually one). */
export function placesFor(c: TableCandidate, key: CellKey): Place[] {
  return c.blocks.flatMap((b) => b.places.filter((p) => p.options.some((o) => o.path.key === key)));
}

/** The cells a candidate places, certain or not. */
export function keysIn(c: TableCandidate): Set<CellKey> {
  return new Set(c.blocks.flatMap((b) => b.places.flatMap(keysOf)));
}

export const tableOfKey = (key: CellKey): TableId => cellDef(key)!.table;
