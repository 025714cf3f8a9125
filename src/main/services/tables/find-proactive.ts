// Finds table 二 (proactive): its row labels (规章, 行政许可 …) standing in one
// column, and for each row the nearest header row above that names its
// columns (本年制发件数 …, 本年处理决定数量, 本年收费金额). Blocks without a
// header are read by position, and marked as guesses.
import { cellKey } from '../../../shared/model/cells';
import { PROACTIVE_BLOCKS, TABLES, type ColDef } from '../../../shared/template/gov2021';
import { cover, guessOf, type AmountUnit, type Candidate } from './candidate';
import type { Grid, GridCell } from './grid';
import { LabelMatcher, type LabelMatch } from './labels';
import { alignInOrder } from './align';
import { stackedForms } from './stacked';
import { amountUnitIn } from './values';
import { maxOf, minOf } from '../../../shared/math';

const ROW_DEFS = PROACTIVE_BLOCKS.flatMap((b) => b.rows);
const ROWS = new LabelMatcher(
  ROW_DEFS.map((r) => ({ key: r.key, label: r.label, variants: r.aliases ?? [] })),
  ['信息内容', ...PROACTIVE_BLOCKS.map((b) => b.header)],
);
const COL_DEFS = PROACTIVE_BLOCKS.flatMap((b) => b.cols).filter((c, i, all) => all.findIndex((x) => x.key === c.key) === i);
const COLS = new LabelMatcher(COL_DEFS.map((c) => ({ key: c.key, label: c.label, variants: c.aliases ?? [] })));
/** How far above a row its column header may stand (block header, notes). */
const HEADER_REACH = 8;
/** Rows of one table stand this close together. */
const ROW_GAP = 10;
const POSITIONAL = '（无列标题，按位置读取）';

interface RowHit {
  cell: GridCell;
  match: LabelMatch;
}

/** Row labels of one column that stand together, each template row at most once. */
function labelColumns(grid: Grid): RowHit[][] {
  const byColumn = new Map<number, GridCell[]>();
  for (const cell of grid.cells) {
    if (cell.master || !cell.norm) continue;
    if (!ROWS.exact(cell.norm)) continue;
    byColumn.set(cell.c, [...(byColumn.get(cell.c) ?? []), cell]);
  }
  const groups: RowHit[][] = [];
  for (const [c, cells] of byColumn) {
    cells.sort((a, b) => a.r - b.r);
    let group: GridCell[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const top = group[0]!.r - 2;
      const bottom = group[group.length - 1]!.r + 2;
      // Guesses among the other labels of the column, between and around the exact ones.
      const rows = grid.cells.filter((x) => x.c === c && !x.master && x.norm && x.r >= top && x.r <= bottom).sort((a, b) => a.r - b.r);
      const assigned = alignInOrder(
        rows.map((x) => ROWS.candidates(x.norm)),
        ROW_DEFS.map((r) => r.key),
      );
      const hits = [...assigned].map(([i, match]) => ({ cell: rows[i]!, match }));
      if (hits.filter((h) => h.match.exact).length >= 2) groups.push(hits);
      group = [];
    };
    for (const cell of cells) {
      const prev = group[group.length - 1];
      // A row label met again starts another copy of the table (上年 above 本年).
      const again = group.some((g) => ROWS.exact(g.norm)!.key === ROWS.exact(cell.norm)!.key);
      if (prev && (cell.r - prev.r > ROW_GAP || again)) flush();
      group.push(cell);
    }
    flush();
  }
  return groups;
}

interface HeaderHit {
  c: number;
  cell: GridCell;
  match: LabelMatch;
}

/** The best reading of a header cell: its own text, or joined with the pieces typed below it. */
function headerMatch(grid: Grid, cell: GridCell, wanted: readonly string[]): { cell: GridCell; match: LabelMatch } | undefined {
  let best: { cell: GridCell; match: LabelMatch } | undefined;
  for (const form of stackedForms(grid, cell)) {
    const match = COLS.candidates(form.norm).find((m) => wanted.includes(m.key));
    if (match && (!best || (match.exact && !best.match.exact) || match.similarity > best.match.similarity)) best = { cell: form, match };
    if (best?.match.exact) break;
  }
  return best;
}

/**
 * The header cells above a row that name its columns, nearest first; right of
 * the label, left of `limit`. A header naming its columns twice (上年 | 本年
 * side by side under one set of labels) gives one set per copy.
 */
function headerFor(grid: Grid, hit: RowHit, top: number, limit: number): HeaderHit[][] {
  const wanted = TABLES.proactive.colsOf(hit.match.key).map((c) => c.key);
  for (let r = hit.cell.r - 1; r >= Math.max(1, top - HEADER_REACH, hit.cell.r - HEADER_REACH); r--) {
    const sets: HeaderHit[][] = [];
    for (let c = hit.cell.right + 1; c < limit; c++) {
      const here = grid.at(r, c);
      // A header merged from under the label (the label merged over the value's column) still names it.
      const underLabel = here?.master && c === hit.cell.right + 1 && here.master.r === r && here.master.c <= hit.cell.right;
      const cell = underLabel ? here.master : here;
      if (!cell?.norm || cell.master) continue;
      const at = cell.c;
      const found = headerMatch(grid, cell, wanted);
      if (!found) continue;
      // Only a header ending right above the row: a piece of a two-row header is read from its top.
      if (found.cell.bottom >= hit.cell.r) continue;
      const set = sets.find((x) => !x.some((f) => f.match.key === found.match.key));
      if (set) set.push({ c: at, ...found });
      else sets.push([{ c: at, ...found }]);
    }
    if (sets.some((set) => set.some((f) => f.match.exact))) return sets;
  }
  return [];
}

/** Without a header: the cells right of the label, in order, as the row's columns. */
function positional(grid: Grid, hit: RowHit, limit: number): { c: number; col: ColDef }[] {
  const cols = TABLES.proactive.colsOf(hit.match.key);
  const cells: number[] = [];
  for (let c = hit.cell.right + 1; c < limit && cells.length < cols.length; c++) {
    const cell = grid.at(hit.cell.r, c);
    if (cell && !cell.master) cells.push(c);
  }
  return cells.map((c, i) => ({ c, col: cols[i]! }));
}

/** The fee column's unit: in its header, else in a note above or beside the table ("单位：元"). */
function feeUnit(grid: Grid, cand: Candidate, header: GridCell | undefined): AmountUnit | undefined {
  const own = header && amountUnitIn(header.text);
  if (own) return own;
  for (const cell of grid.cells) {
    if (cell.isNumber || cell.r < cand.top - 4 || cell.r > cand.bottom + 1 || cell.c < cand.left - 1 || cell.c > cand.right + 2) continue;
    if (cell.master || cell.text.length > 40 || !cell.text.includes('单位')) continue;
    const unit = amountUnitIn(cell.text);
    if (unit) return unit;
  }
  return undefined;
}

export function findProactive(grid: Grid): Candidate[] {
  const groups = labelColumns(grid);
  return groups.flatMap((hits) => {
    const labelC = hits[0]!.cell.c;
    const top = minOf(hits.map((h) => h.cell.r));
    const bottom = maxOf(hits.map((h) => h.cell.r));
    // A table side by side with this one ends this one's columns.
    const limit = Math.min(
      labelC + 16,
      minOf(
        groups
          .filter((g) => g !== hits && g[0]!.cell.c > labelC && g.some((h) => h.cell.r >= top - 3 && h.cell.r <= bottom + 3))
          .map((g) => g[0]!.cell.c),
      ),
    );
    const headers = hits.map((hit) => headerFor(grid, hit, top, limit));
    const copies = Math.max(1, maxOf(headers.map((h) => h.length)));
    return Array.from({ length: copies }, (_, k) => {
      const cand: Candidate = { table: 'proactive', grid, placements: new Map(), top, left: labelC, bottom, right: labelC };
      let headerTop = top;
      let feeHeader: GridCell | undefined;
      hits.forEach((hit, i) => {
        const header = headers[i]![k];
        const rowGuess = guessOf(hit.cell.text, hit.match);
        const rowEnd = hit.cell.bottom;
        if (header && header.length > 0) {
          for (const h of header) {
            cand.placements.set(cellKey('proactive', hit.match.key, h.match.key), {
              r: hit.cell.r,
              c: h.c,
              rowEnd,
              colEnd: h.cell.right,
              guesses: [...rowGuess, ...guessOf(h.cell.text, h.match)],
            });
            cover(cand, h.cell.r, h.c);
            headerTop = Math.min(headerTop, h.cell.r);
            if (h.match.key === 'amount') feeHeader = h.cell;
          }
        } else if (k === 0 && headers[i]!.length === 0) {
          for (const p of positional(grid, hit, limit)) {
            cand.placements.set(cellKey('proactive', hit.match.key, p.col.key), {
              r: hit.cell.r,
              c: p.c,
              rowEnd,
              guesses: [...rowGuess, { found: POSITIONAL, takenFor: p.col.label, similarity: 0 }],
            });
            cover(cand, hit.cell.r, p.c);
          }
        }
        cover(cand, hit.cell.r, labelC);
      });
      // The block header 第二十条第（一）项 stands above the first column header.
      const blockHeader = grid.at(headerTop - 1, labelC);
      if (blockHeader?.norm.startsWith('第二十条')) cover(cand, headerTop - 1, labelC);
      const unit = feeUnit(grid, cand, feeHeader);
      if (unit) cand.amountUnit = unit;
      return cand;
    });
  });
}
