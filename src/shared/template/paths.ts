// Every value cell of the three tables named by the labels that govern it in
// the published form: a row-label path and a column-label path, outermost
// first (appeals.suit_direct.upheld = 行政诉讼 › 未经复议直接起诉 × 结果维持).
// The paths are read off the published layout (LAYOUTS): the labels left of a
// value cell along its row and above it along its column. Which of them is the
// row's own label and which the column's comes from the template's rows and
// columns; the others are headings the leaf stands under. A reader matches the
// labels it finds around a number against these paths, whatever the layout.
import { cellKey, type CellKey } from '../model/cells';
import { LAYOUTS, placeCells, type LayoutCell } from './layout';
import { PROACTIVE_BLOCKS, TABLES, TABLE_IDS, type TableId } from './gov2021';

export type Axis = 'row' | 'col';

/** A label of the published form that some value cell stands under. */
export interface LabelNode {
  id: string;
  table: TableId;
  axis: Axis;
  /** The official text, as the form prints it (with its code: "1.属于国家秘密"). */
  label: string;
  /** The template's own label (without code) and its aliases, short form and known misspellings. */
  variants: readonly string[];
  /** Set on a row's or a column's own label: its key. Headings above or beside leaves have none. */
  key?: string;
}

export interface CellPath {
  key: CellKey;
  table: TableId;
  row: string;
  col: string;
  /** Node ids, outermost heading first, the row's own label last. */
  rowPath: readonly string[];
  colPath: readonly string[];
}

/** Block titles of 表二 (第二十条第（一）项 …) name the block, not a row or a column. */
const BLOCK_TITLES = new Set(PROACTIVE_BLOCKS.map((b) => b.header));

type Placed = { cell: LayoutCell; r: number; c: number };

/** The label cells governing a value cell of a layout, nearest first: left along its row, above along its columns. */
function governing(table: TableId, at: Placed): { left: Placed[]; above: Placed[] } {
  const placed = placeCells(LAYOUTS[table]);
  const cover = new Map<string, Placed>();
  for (const p of placed) {
    for (let dr = 0; dr < p.cell.rowSpan; dr++) for (let dc = 0; dc < p.cell.colSpan; dc++) cover.set(`${p.r + dr},${p.c + dc}`, p);
  }
  const walk = (positions: [number, number][]): Placed[] => {
    const out: Placed[] = [];
    for (const [r, c] of positions) {
      const p = cover.get(`${r},${c}`);
      if (!p || out.includes(p)) continue;
      if (p.cell.kind === 'value') {
        if (out.length > 0) break;
        continue;
      }
      if (p.cell.kind !== 'note') out.push(p);
    }
    return out;
  };
  const left = walk(Array.from({ length: at.c }, (_, k) => [at.r, at.c - 1 - k] as [number, number]));
  const above: Placed[] = [];
  for (let dc = 0; dc < at.cell.colSpan; dc++) {
    for (const p of walk(Array.from({ length: at.r }, (_, k) => [at.r - 1 - k, at.c + dc] as [number, number]))) {
      if (!above.includes(p)) above.push(p);
    }
  }
  return { left, above };
}

const textOf = (p: Placed) => (p.cell.kind === 'value' ? '' : p.cell.text);

function derive(): { nodes: Map<string, LabelNode>; paths: CellPath[] } {
  const nodes = new Map<string, LabelNode>();
  const paths: CellPath[] = [];
  for (const table of TABLE_IDS) {
    const def = TABLES[table];
    for (const at of placeCells(LAYOUTS[table])) {
      if (at.cell.kind !== 'value') continue;
      const [, row, col] = at.cell.key.split('.') as [string, string, string];
      const rowDef = def.rows.find((r) => r.key === row)!;
      const colDef = def.colsOf(row).find((c) => c.key === col)!;
      const { left, above } = governing(table, at);
      const labels = [...left.map((p) => ({ p, dir: 'left' as const })), ...above.map((p) => ({ p, dir: 'above' as const }))].filter(
        (x) => !BLOCK_TITLES.has(textOf(x.p)),
      );
      // The row's own label is looked for left first, the column's above first (a 1×15 form has both above).
      const find = (label: string, first: 'left' | 'above', not?: Placed) =>
        [...labels.filter((x) => x.dir === first), ...labels.filter((x) => x.dir !== first)].find(
          (x) => x.p !== not && textOf(x.p).endsWith(label),
        );
      const rowLeaf = find(rowDef.label, 'left');
      const colLeaf = find(colDef.label, 'above', rowLeaf?.p);
      if (!rowLeaf || !colLeaf) throw new Error(`layout of ${table} does not label ${at.cell.key}`);
      const leafNode = (axis: Axis, key: string, p: Placed, variants: readonly string[]): string => {
        const id = `${table}.${axis}.${key}`;
        if (!nodes.has(id)) nodes.set(id, { id, table, axis, label: textOf(p), variants, key });
        return id;
      };
      const rowId = leafNode('row', row, rowLeaf.p, [rowDef.label, ...(rowDef.aliases ?? []), ...(rowDef.short ? [rowDef.short] : [])]);
      const colId = leafNode('col', col, colLeaf.p, [colDef.label, ...(colDef.aliases ?? [])]);
      const rowPath = [rowId];
      const colPath = [colId];
      for (const dir of ['left', 'above'] as const) {
        const line = labels.filter((x) => x.dir === dir);
        let side: Axis | undefined;
        const pending: Placed[] = [];
        for (const x of line) {
          if (x === rowLeaf || x === colLeaf) {
            side = x === rowLeaf ? 'row' : 'col';
            // Headings nearer than the first leaf of the line stand under it: they belong to its side.
            for (const p of pending.splice(0)) (side === 'row' ? rowPath : colPath).unshift(headingNode(nodes, table, side, p));
            continue;
          }
          if (side) (side === 'row' ? rowPath : colPath).unshift(headingNode(nodes, table, side, x.p));
          else pending.push(x.p);
        }
      }
      paths.push({ key: cellKey(table, row, col), table, row, col, rowPath, colPath });
    }
  }
  return { nodes, paths };
}

function headingNode(nodes: Map<string, LabelNode>, table: TableId, axis: Axis, p: Placed): string {
  const id = `${table}.${axis}:${textOf(p)}`;
  if (!nodes.has(id)) nodes.set(id, { id, table, axis, label: textOf(p), variants: [textOf(p)] });
  return id;
}

const DERIVED = derive();

/** Every label of the three published tables that a value cell stands under. */
export const LABEL_NODES: readonly LabelNode[] = [...DERIVED.nodes.values()];
export const NODE_BY_ID: ReadonlyMap<string, LabelNode> = DERIVED.nodes;

/** Every value cell of the template with its two label paths, in template (layout) order. */
export const CELL_PATHS: readonly CellPath[] = DERIVED.paths;
