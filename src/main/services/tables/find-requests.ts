// Finds table 三 (requests): first its applicant-type header (自然人, 商业企业 …),
// then its rows below by their labels, aligned to the template's row order so
// that short labels that occur twice ("其他", "总计") land on the right row.
import { cellKey } from '../../../shared/model/cells';
import {
  REQUEST_APPLICANT_GROUP,
  REQUEST_APPLICANT_HEADING,
  REQUEST_COLS,
  REQUEST_GROUPS,
  REQUEST_NOTE,
  REQUEST_RESULT_HEADING,
  REQUEST_ROWS,
} from '../../../shared/template/gov2021';
import { cover, guessOf, type Candidate, type Placement } from './candidate';
import type { Grid, GridCell } from './grid';
import { LabelMatcher, normalizeLabel, withoutAsides, type LabelMatch } from './labels';
import { alignInOrder } from './align';
import { continuesAbove, exactStacked } from './stacked';
import { parseCellInput } from '../../../shared/model/report';
import { maxOf, minOf } from '../../../shared/math';

const COLS = new LabelMatcher(REQUEST_COLS.map((c) => ({ key: c.key, label: c.label, variants: c.aliases ?? [] })));
const ROWS = new LabelMatcher(
  REQUEST_ROWS.map((r) => ({ key: r.key, label: r.label, variants: [...(r.aliases ?? []), ...(r.short ? [r.short] : [])] })),
  [
    ...REQUEST_GROUPS.map((g) => g.heading),
    REQUEST_RESULT_HEADING,
    REQUEST_APPLICANT_HEADING,
    REQUEST_APPLICANT_GROUP,
    REQUEST_NOTE,
    '信息内容',
  ],
  [...REQUEST_GROUPS.map((g) => g.heading), REQUEST_RESULT_HEADING],
);
/** Applicant types no other table uses as a header: they anchor the header. */
const DISTINCTIVE = new Set(['natural', 'commercial', 'research', 'nonprofit', 'legal']);
/** The most rows a table may span below its header (25 items up to three sheet rows high, group rows, notes). */
const MAX_ROWS = 90;

interface Hit {
  cell: GridCell;
  match: LabelMatch;
}

interface Header {
  hits: Hit[];
  columns: Map<string, { c: number; hit: Hit }>;
  top: number;
  bottom: number;
}

function headerClusters(grid: Grid): Header[] {
  const anchors: Hit[] = [];
  for (const cell of grid.cells) {
    const hit = exactStacked(grid, cell, COLS);
    if (hit && DISTINCTIVE.has(hit.match.key)) anchors.push(hit);
  }
  const used = new Set<Hit>();
  const headers: Header[] = [];
  for (const seed of anchors) {
    if (used.has(seed)) continue;
    const hits = [seed];
    used.add(seed);
    for (let grown = true; grown;) {
      grown = false;
      for (const h of anchors) {
        if (used.has(h) || hits.some((x) => x.match.key === h.match.key || x.cell.c === h.cell.c)) continue;
        if (hits.some((x) => Math.abs(x.cell.r - h.cell.r) <= 2 && Math.abs(x.cell.c - h.cell.c) <= 3)) {
          hits.push(h);
          used.add(h);
          grown = true;
        }
      }
    }
    if (hits.length < 3) continue;
    const top = minOf(hits.map((h) => h.cell.r));
    const bottom = maxOf(hits.map((h) => h.cell.bottom));
    const columns = new Map(hits.map((h) => [h.match.key, { c: h.cell.c, hit: h }]));
    headers.push({ hits, columns, top, bottom });
  }
  return headers;
}

/** Adds 其他 and 总计 (and any applicant type the anchors missed) from the header band. */
function completeHeader(grid: Grid, h: Header): void {
  const right = maxOf([...h.columns.values()].map((x) => x.c));
  const left = minOf([...h.columns.values()].map((x) => x.c));
  const band = grid.cells.filter(
    (cell) => !cell.master && cell.norm && cell.r >= h.top - 1 && cell.r <= h.bottom && cell.c >= left - 2 && cell.c <= right + 3,
  );
  const taken = new Set([...h.columns.values()].map((x) => x.c));
  let lastColumn = right;
  for (const col of REQUEST_COLS) {
    if (h.columns.has(col.key)) continue;
    let best: Hit | undefined;
    for (const cell of band) {
      if (taken.has(cell.c)) continue;
      // 其他 and 总计 stand right of the applicant types they close, in that order.
      if (!DISTINCTIVE.has(col.key) && cell.c <= lastColumn) continue;
      const match = COLS.candidates(cell.norm).find((m) => m.key === col.key);
      if (
        match &&
        (!best || match.similarity > best.match.similarity || (match.similarity === best.match.similarity && cell.c < best.cell.c))
      ) {
        best = { cell, match };
      }
    }
    if (best) {
      h.columns.set(col.key, { c: best.cell.c, hit: best });
      taken.add(best.cell.c);
      if (!DISTINCTIVE.has(col.key)) lastColumn = best.cell.c;
      h.bottom = Math.max(h.bottom, best.cell.bottom);
    }
  }
}

interface SheetRow {
  r: number;
  c: number;
  text: string;
  /** The last sheet row the item spans (its label merged down). */
  bottom: number;
  matches: LabelMatch[];
}

/** The label candidates of a sheet row: from the nearest label cell left of the values. */
function rowCandidates(
  grid: Grid,
  r: number,
  firstValueC: number,
  blocked: Set<number>,
  valueCols: readonly number[],
): SheetRow | undefined {
  const empty = (row: number) =>
    valueCols.every((c) => !grid.at(row, c) || (grid.at(row, c)!.raw === null && !grid.at(row, c)!.uncachedFormula));
  for (let c = firstValueC - 1; c >= 1; c--) {
    if (blocked.has(c)) continue;
    const cell = grid.at(r, c);
    if (!cell?.norm) continue;
    // An item two sheet rows high is one row: its label's merge goes on below.
    if (continuesAbove(cell)) continue;
    const matches = ROWS.candidates(cell.norm);
    const row = { r, c: cell.master?.c ?? c, text: cell.text, bottom: (cell.master ?? cell).bottom };
    if (matches[0]?.exact) return { ...row, matches };
    // A long label typed on over the next sheet row, which holds no values of its own.
    const below = grid.at(cell.bottom + 1, c);
    if (below?.norm && !below.master && empty(below.r)) {
      const joined = ROWS.exact(normalizeLabel(cell.text + below.text));
      if (joined) return { ...row, text: cell.text + below.text, bottom: below.r, matches: [joined] };
    }
    // A label that only resembles one, on a row without values, is a fragment or a note: never an item read as 0.
    if (matches.length > 0 && !empty(r)) return { ...row, matches };
    if (matches.length > 0) return undefined;
  }
  return undefined;
}

const OTHER_HANDLING = withoutAsides(normalizeLabel(REQUEST_GROUPS.find((g) => g.rows.includes('other_other'))!.heading));
const OTHER_ROWS = REQUEST_GROUPS.find((g) => g.rows.includes('other_other'))!.rows;

/**
 * The older layout's single （六）其他处理 row, holding values where the
 * template has three rows: its three rows are left blank, with what it held.
 */
function singleOtherRow(
  grid: Grid,
  cand: Candidate,
  cols: [string, { c: number }][],
  first: number,
  last: number,
  firstValueC: number,
): void {
  if (OTHER_ROWS.some((row) => [...cand.placements.keys()].some((k) => k.startsWith(`requests.${row}.`)))) return;
  for (let r = first; r <= last; r++) {
    for (let c = firstValueC - 1; c >= 1; c--) {
      const cell = grid.at(r, c);
      if (!cell?.norm || continuesAbove(cell) || withoutAsides(cell.norm) !== OTHER_HANDLING) continue;
      const held = cols.map(([key, x]) => [key, parseCellInput(grid.at(r, x.c)?.raw ?? null)] as const).filter(([, v]) => v !== null);
      if (held.length === 0) return;
      const shown = held.map(([key, v]) => `${REQUEST_COLS.find((x) => x.key === key)!.label} ${String(v)}`).join('、');
      const remark = `表中「${cell.text.trim()}」只有一行（旧版格式，${(cell.master ?? cell).address}），写的是 ${shown}；现行格式分为逾期不补正、逾期未缴费、其他三项，无法拆分，请按实际情况填写`;
      cand.blanks = new Map(OTHER_ROWS.flatMap((row) => cols.map(([key]) => [cellKey('requests', row, key), remark] as const)));
      cand.remarks = [...(cand.remarks ?? []), remark];
      return;
    }
  }
}

export function findRequests(grid: Grid): Candidate[] {
  const headers = headerClusters(grid);
  headers.forEach((h) => completeHeader(grid, h));
  const allValueColumns = headers.map((h) => new Set([...h.columns.values()].map((x) => x.c)));
  return headers.map((h, i) => {
    const cols = [...h.columns.entries()];
    const firstValueC = minOf(cols.map(([, x]) => x.c));
    const blocked = new Set(allValueColumns.filter((_, j) => j !== i).flatMap((s) => [...s]));
    // A second table below ends this one.
    const nextTop = minOf(
      headers
        .filter(
          (o) =>
            o !== h &&
            o.top > h.bottom &&
            [...o.columns.values()].some((x) => h.columns.has(x.hit.match.key) && Math.abs(x.c - firstValueC) < 10),
        )
        .map((o) => o.top),
    );
    const last = Math.min(h.bottom + MAX_ROWS, nextTop - 1);
    const sheetRows: SheetRow[] = [];
    for (let r = h.bottom + 1; r <= last; r++) {
      const found = rowCandidates(
        grid,
        r,
        firstValueC,
        blocked,
        cols.map(([, x]) => x.c),
      );
      if (found) sheetRows.push(found);
    }
    const assigned = alignInOrder(
      sheetRows.map((s) => s.matches),
      REQUEST_ROWS.map((r) => r.key),
    );
    const cand: Candidate = {
      table: 'requests',
      grid,
      placements: new Map(),
      top: h.top,
      left: firstValueC,
      bottom: h.bottom,
      right: firstValueC,
    };
    for (const [, x] of cols) cover(cand, x.hit.cell.r, x.c);
    // The heading row over the applicant types (申请人情况) belongs to the table.
    for (const [, x] of cols) if (grid.at(h.top - 1, x.c)?.norm) cover(cand, h.top - 1, x.c);
    for (const [index, match] of assigned) {
      const row = sheetRows[index]!;
      cover(cand, row.r, row.c);
      for (const [colKey, x] of cols) {
        const placement: Placement = {
          r: row.r,
          c: x.c,
          rowEnd: row.bottom,
          colEnd: x.hit.cell.right,
          guesses: [...guessOf(row.text, match), ...guessOf(x.hit.cell.text, x.hit.match)],
        };
        cand.placements.set(cellKey('requests', match.key, colKey), placement);
      }
    }
    singleOtherRow(grid, cand, cols, h.bottom + 1, last, firstValueC);
    return cand;
  });
}
