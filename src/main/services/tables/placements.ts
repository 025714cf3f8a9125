// The header-path matcher: a place in a grid is a cell of the template when
// the labels governing it hold that cell's row label and its column label —
// in either direction (a 1×15 form has both above, a form read across has the
// row's label above) — and none of its labels names another row or column of
// the same table. One question for every layout: which labels govern this number.
import type { LabelGuess } from '../../../shared/api/import';
import { CELL_PATHS, type CellPath } from '../../../shared/template/paths';
import type { LabelNode } from '../../../shared/template/paths';
import type { TableId } from '../../../shared/template/gov2021';
import type { Dir, Position } from './bands';
import type { Reading } from './labels';
import type { LabelUnit } from './units';

/** A template cell a place may be, with the labels that say so. */
export interface Option {
  path: CellPath;
  rowUnit: LabelUnit;
  colUnit: LabelUnit;
  rowDir: Dir;
  colDir: Dir;
  /** The headings of the cell's paths found over the place. */
  headings: LabelUnit[];
  /** Empty when both labels were read exactly. */
  guesses: LabelGuess[];
  score: number;
}

/** A heading (not a row's or a column's own label) over a place that has the other label: a sum of the heading's items. */
export interface GroupSum {
  table: TableId;
  /** The heading node and the unit it was read from. */
  heading: LabelNode;
  headingUnit: LabelUnit;
  /** The other label: the column (or row) the sum is of. */
  leaf: LabelNode;
  leafUnit: LabelUnit;
}

export interface Matched {
  position: Position;
  /** Every template cell the place may be, best first (see `bestOf`). */
  options: Option[];
  /** Set where the place holds a sum over a heading's items rather than one item. */
  group?: GroupSum;
}

const BY_LEAVES = new Map(CELL_PATHS.map((p) => [`${p.rowPath.at(-1)}|${p.colPath.at(-1)}`, p]));
const EXACT = 2;
/** Less than one step of nearness, whatever headings agree. */
const HEADING = 0.2;

interface Occurrence {
  node: LabelNode;
  unit: LabelUnit;
  reading: Reading;
  dir: Dir;
}

const weight = (r: Reading) => (r.exact ? EXACT : r.similarity);

function occurrences(units: readonly LabelUnit[], dir: Dir): Occurrence[] {
  const out: Occurrence[] = [];
  for (const unit of units) for (const reading of unit.readings()) for (const node of reading.nodes) out.push({ node, unit, reading, dir });
  return out;
}

function guessOf(o: Occurrence): LabelGuess[] {
  if (o.reading.exact) return [];
  return [{ found: o.unit.text.trim(), takenFor: o.node.variants[0] ?? o.node.label, similarity: o.reading.similarity }];
}

/**
 * A label that can only be another row or column (or heading) of the same
 * table: the place is not this cell. A row's or column's own label farther
 * out than the one taken, in the same direction, is shadowed by it (the
 * header of the block above, over empty cells), not a contradiction.
 */
function contradicts(
  unit: LabelUnit,
  path: CellPath,
  on: ReadonlySet<string>,
  shadowed: (u: LabelUnit, axis: 'row' | 'col') => boolean,
): boolean {
  if (unit.exact.length === 0) return false;
  return unit.exact.every((r) =>
    r.nodes.every((n) => n.table === path.table && !on.has(n.id) && !(n.key !== undefined && shadowed(unit, n.axis))),
  );
}

/** Whether a label nearer to the place than the leaf taken names a leaf of the same axis (of any table), and nothing of this cell. */
function nearerLeaf(position: Position, leaf: Occurrence, on: ReadonlySet<string>, used: ReadonlySet<LabelUnit>): boolean {
  const line = position[leaf.dir];
  for (const u of line.slice(0, line.indexOf(leaf.unit))) {
    if (used.has(u) || u.exact.length === 0) continue;
    const nodes = u.exact.flatMap((r) => r.nodes);
    if (nodes.some((n) => on.has(n.id))) continue;
    if (nodes.some((n) => n.key !== undefined && n.axis === leaf.node.axis)) return true;
  }
  return false;
}

/** The options that score best (two or more where the labels can't tell the cells apart). */
export function bestOf(options: readonly Option[]): Option[] {
  const top = options[0]?.score;
  return top === undefined ? [] : options.filter((o) => Math.abs(o.score - top) <= 1e-9);
}

/** Every template cell a place may be, best first, or else the heading sum it may hold. */
export function match(position: Position): Matched | undefined {
  const occ = [...occurrences(position.left, 'left'), ...occurrences(position.above, 'above')];
  const rows = occ.filter((o) => o.node.key !== undefined && o.node.axis === 'row');
  const cols = occ.filter((o) => o.node.key !== undefined && o.node.axis === 'col');
  const all = [...position.left, ...position.above];
  const found: Option[] = [];
  for (const row of rows) {
    for (const col of cols) {
      if (row.node.table !== col.node.table) continue;
      // One unit gives both labels only where it names both at once ("行政复议-结果维持").
      if (row.unit === col.unit && row.reading !== col.reading) continue;
      const path = BY_LEAVES.get(`${row.node.id}|${col.node.id}`);
      if (!path) continue;
      const on = new Set([...path.rowPath, ...path.colPath]);
      const used = new Set([row.unit, col.unit]);
      const headings: LabelUnit[] = [];
      // Exact labels first; then the nearest labels (the ones that govern the number); then the headings that agree.
      const distance = position[row.dir].indexOf(row.unit) + position[col.dir].indexOf(col.unit);
      let score = 10 * (weight(row.reading) + weight(col.reading)) - distance;
      for (const heading of [...path.rowPath.slice(0, -1), ...path.colPath.slice(0, -1)]) {
        const found = occ.find((o) => o.node.id === heading);
        if (found) {
          score += HEADING * (found.reading.exact ? 1 : found.reading.similarity);
          used.add(found.unit);
          headings.push(found.unit);
        }
      }
      const shadowed = (u: LabelUnit, axis: 'row' | 'col') => {
        const leaf = axis === 'row' ? row : col;
        const line = position[leaf.dir];
        return line.includes(u) && line.indexOf(u) > line.indexOf(leaf.unit);
      };
      if (all.some((u) => !used.has(u) && contradicts(u, path, on, shadowed))) continue;
      // The nearest label naming a row (or a column) governs: one farther out is another table's, over empty cells.
      if (nearerLeaf(position, row, on, used) || nearerLeaf(position, col, on, used)) continue;
      const option: Option = {
        path,
        rowUnit: row.unit,
        colUnit: col.unit,
        rowDir: row.dir,
        colDir: col.dir,
        headings,
        guesses: [...guessOf(row), ...guessOf(col)],
        score,
      };
      found.push(option);
    }
  }
  const group = found.length === 0 ? groupSum(occ) : undefined;
  if (found.length === 0 && !group) return undefined;
  return { position, options: found.sort((a, b) => b.score - a.score), ...(group ? { group } : {}) };
}

/** A heading of one axis with the other axis's own label, both exact: the place sums the heading's items. */
function groupSum(occ: readonly Occurrence[]): GroupSum | undefined {
  for (const h of occ) {
    if (h.node.key !== undefined || !h.reading.exact) continue;
    const leaf = occ.find(
      (o) =>
        o.unit !== h.unit && o.reading.exact && o.node.key !== undefined && o.node.table === h.node.table && o.node.axis !== h.node.axis,
    );
    if (leaf) return { table: h.node.table, heading: h.node, headingUnit: h.unit, leaf: leaf.node, leafUnit: leaf.unit };
  }
  return undefined;
}
