// Finds table 四 (appeals) in either shape offices use: the published one
// row of 15 values under a three-level header (行政复议 | 行政诉讼: 未经复议直接
// 起诉, 复议后起诉), or a 3×5 grid with the three kinds of case as row labels.
// Both start from runs of the five result headers (结果维持 … 总计) on one row.
import { cellKey } from '../../../shared/model/cells';
import { APPEAL_COLS, APPEAL_ROWS, APPEAL_SUIT_HEADING } from '../../../shared/template/gov2021';
import { cover, guessOf, type Candidate } from './candidate';
import type { Grid, GridCell } from './grid';
import { LabelMatcher, normalizeLabel, type LabelMatch } from './labels';
import { alignInOrder } from './align';
import { continuesAbove, exactStacked } from './stacked';
import { isCopyMark } from './copies';
import { BLANK_MARKS, parseCellInput } from '../../../shared/model/report';
import { maxOf, minOf } from '../../../shared/math';

const COLS = new LabelMatcher(APPEAL_COLS.map((c) => ({ key: c.key, label: c.label, variants: c.aliases ?? [] })));
const KINDS = new LabelMatcher(
  APPEAL_ROWS.map((r) => ({ key: r.key, label: r.label, variants: [...(r.aliases ?? []), ...(r.short ? [r.short] : [])] })),
  [APPEAL_SUIT_HEADING],
  [APPEAL_SUIT_HEADING],
);
const SUIT = normalizeLabel(APPEAL_SUIT_HEADING);
const ROW_ORDER = APPEAL_ROWS.map((r) => r.key);
/** The four result headers; a run needs two of them, 总计 alone is everywhere. */
const RESULTS = new Set(['upheld', 'corrected', 'other', 'pending']);

interface Hit {
  cell: GridCell;
  match: LabelMatch;
}

interface Run {
  r: number;
  bottom: number;
  hits: Hit[];
  left: number;
  right: number;
  /** The kind of case named above the run, if any; 'suit' for 行政诉讼 alone. */
  kind?: string;
  kindCell?: GridCell;
}

function headerRuns(grid: Grid): Run[] {
  const byRow = new Map<number, Hit[]>();
  for (const cell of grid.cells) {
    const hit = exactStacked(grid, cell, COLS);
    if (hit) byRow.set(cell.r, [...(byRow.get(cell.r) ?? []), hit]);
  }
  const runs: Run[] = [];
  for (const [r, hits] of byRow) {
    hits.sort((a, b) => a.cell.c - b.cell.c);
    let run: Hit[] = [];
    const flush = () => {
      const results = new Set(run.filter((h) => RESULTS.has(h.match.key)).map((h) => h.match.key));
      if (results.size >= 2 && run.length >= 3) {
        runs.push({ r, bottom: maxOf(run.map((h) => h.cell.bottom)), hits: run, left: run[0]!.cell.c, right: run[run.length - 1]!.cell.c });
      }
      run = [];
    };
    for (const hit of hits) {
      const prev = run[run.length - 1];
      if (prev && (hit.cell.c - prev.cell.c > 2 || run.some((h) => h.match.key === hit.match.key))) flush();
      run.push(hit);
    }
    flush();
  }
  return runs;
}

/** The kind of case written above a run (merged over it or over its first column). */
function kindAbove(grid: Grid, run: Run): void {
  for (let r = run.r - 1; r >= Math.max(1, run.r - 3); r--) {
    for (let c = run.left; c <= run.right; c++) {
      const cell = grid.at(r, c);
      if (!cell?.norm) continue;
      const hit = cell.master ? undefined : exactStacked(grid, cell, KINDS);
      const match = hit?.match ?? KINDS.exact(cell.norm);
      if (match || cell.norm === SUIT) {
        run.kind = match?.key ?? 'suit';
        run.kindCell = cell;
        return;
      }
    }
  }
}

/** The first row below the header rows. */
function valueRow(grid: Grid, runs: readonly Run[]): number {
  let r = maxOf(runs.map((x) => x.bottom)) + 1;
  const isHeader = (row: number) =>
    runs.some((run) => run.hits.some((h) => grid.at(row, h.cell.c)?.norm && COLS.exact(grid.at(row, h.cell.c)!.norm)));
  while (isHeader(r)) r++;
  return r;
}

function place(cand: Candidate, run: Run, kind: string, r: number, rowEnd: number, rowGuess: ReturnType<typeof guessOf>): void {
  for (const h of run.hits) {
    cand.placements.set(cellKey('appeals', kind, h.match.key), {
      r,
      c: h.cell.c,
      rowEnd,
      colEnd: h.cell.right,
      guesses: [...rowGuess, ...guessOf(h.cell.text, h.match)],
    });
    cover(cand, h.cell.r, h.cell.c);
    cover(cand, r, h.cell.c);
  }
}

/** Whether a cell holds a value (a number or a placeholder), not a label. */
function holdsValue(cell: GridCell | undefined): boolean {
  if (!cell || cell.master) return false;
  const v = parseCellInput(cell.raw);
  return typeof v === 'number' || (typeof v === 'string' && BLANK_MARKS.includes(v));
}

/** The label written left of a value row, if any ("本年", "2023年"): what marks a copy. */
function labelLeftOf(grid: Grid, r: number, c: number): GridCell | undefined {
  for (let col = c - 1; col >= 1; col--) {
    const cell = grid.at(r, col);
    if (cell?.norm) return cell;
  }
  return undefined;
}

/** Value rows right under the header: one, or one per copy (上年 and 本年 under one header). */
function valueRows(grid: Grid, runs: readonly Run[]): number[] {
  const first = valueRow(grid, runs);
  const columns = runs.flatMap((run) => run.hits.map((h) => h.cell.c));
  const left = minOf(columns);
  const marked = (r: number) => {
    const label = labelLeftOf(grid, r, left);
    return label !== undefined && isCopyMark(label.text);
  };
  // Rows marked 上年/本年 are copies, even one left empty (a year of zeros).
  if (marked(first)) {
    const rows = [first];
    for (let r = first + 1; r <= first + 4 && marked(r); r++) rows.push(r);
    if (rows.length > 1) return rows;
  }
  const rows = [first];
  for (let r = first + 1; r <= first + 4 && columns.some((c) => holdsValue(grid.at(r, c))); r++) rows.push(r);
  // Several rows are copies only where each is labelled; else the first row is the table.
  return rows.length > 1 && rows.every((r) => labelLeftOf(grid, r, left)) ? rows : [first];
}

function oneRowCandidates(grid: Grid, runs: Run[]): Candidate[] {
  const rows = valueRows(grid, runs);
  return rows.map((r) => {
    const cand: Candidate = {
      table: 'appeals',
      grid,
      placements: new Map(),
      top: runs[0]!.r,
      left: runs[0]!.left,
      bottom: runs[0]!.r,
      right: runs[0]!.right,
      appealsShape: '1x15',
    };
    if (rows.length > 1) cand.mark = labelLeftOf(grid, r, minOf(runs.map((x) => x.left)))!.text;
    const named = new Set(runs.map((x) => x.kind));
    // Under a bare 行政诉讼 the two suit kinds come in the template's order.
    const unnamedSuits = ['suit_direct', 'suit_after_review'].filter((k) => !named.has(k));
    for (const run of runs) {
      const kind = run.kind === 'suit' ? unnamedSuits.shift() : run.kind;
      if (!kind || [...cand.placements.keys()].some((k) => k.startsWith(`appeals.${kind}.`))) continue;
      const label = APPEAL_ROWS.find((x) => x.key === kind)!.label;
      const guess = run.kind === 'suit' ? [{ found: APPEAL_SUIT_HEADING, takenFor: label, similarity: 0 }] : [];
      place(cand, run, kind, r, r, guess);
      if (run.kindCell) cover(cand, run.kindCell.r, run.kindCell.c);
    }
    return cand;
  });
}

/** The kind of case a row of a 3×5 grid is labelled with: the nearest text left of its values. */
function kindLeftOf(grid: Grid, r: number, left: number): { cell: GridCell; matches: LabelMatch[] } | undefined {
  for (let c = left - 1; c >= 1; c--) {
    const cell = grid.at(r, c);
    if (!cell?.norm || holdsValue(cell)) continue;
    if (continuesAbove(cell)) {
      // 行政诉讼 merged over its two rows stands left of the rows' own labels.
      if (cell.norm === SUIT) continue;
      return undefined;
    }
    const matches = KINDS.candidates(cell.norm);
    return matches.length > 0 ? { cell, matches } : undefined;
  }
  return undefined;
}

function gridCandidate(grid: Grid, run: Run, end: number): Candidate {
  const cand: Candidate = {
    table: 'appeals',
    grid,
    placements: new Map(),
    top: run.r,
    left: run.left,
    bottom: run.r,
    right: run.right,
    appealsShape: '3x5',
  };
  const rows: { r: number; cell: GridCell; matches: LabelMatch[] }[] = [];
  for (let r = run.bottom + 1; r <= Math.min(end, run.bottom + 12); r++) {
    const found = kindLeftOf(grid, r, run.left);
    // A label that only resembles a kind, on a row without values, is a note: never a row read as 0.
    if (found && !found.matches[0]!.exact && !run.hits.some((h) => grid.at(r, h.cell.c)?.raw != null)) continue;
    if (found) rows.push({ r, ...found });
  }
  for (const [i, match] of alignInOrder(
    rows.map((x) => x.matches),
    ROW_ORDER,
  )) {
    const row = rows[i]!;
    place(cand, run, match.key, row.r, (row.cell.master ?? row.cell).bottom, guessOf(row.cell.text, match));
    cover(cand, row.r, row.cell.master?.c ?? row.cell.c);
  }
  return cand;
}

const kindsOf = (c: Candidate) => new Set([...c.placements.keys()].map((k) => k.split('.')[1]!));

/**
 * 四 in two blocks (行政复议 above, 行政诉讼 below): blocks of one grid that hold
 * different kinds of case and stand close above one another are one table.
 */
function joinBlocks(candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const used = new Set<Candidate>();
  const sorted = [...candidates].sort((a, b) => a.top - b.top);
  for (const upper of sorted) {
    if (used.has(upper)) continue;
    used.add(upper);
    const joined: Candidate = { ...upper, placements: new Map(upper.placements) };
    for (const lower of sorted) {
      if (used.has(lower) || lower.top <= joined.bottom || lower.top - joined.bottom > 12 || lower.mark !== joined.mark) continue;
      if (lower.left > joined.right || joined.left > lower.right) continue;
      const have = kindsOf(joined);
      if ([...kindsOf(lower)].some((k) => have.has(k)) || kindsOf(lower).size === 0) continue;
      used.add(lower);
      for (const [k, p] of lower.placements) joined.placements.set(k, p);
      cover(joined, lower.top, lower.left);
      cover(joined, lower.bottom, lower.right);
    }
    out.push(joined);
  }
  return out;
}

/** The last two characters of every result label: a cheap test before trying to split a cell. */
const RESULT_ENDINGS = new Set(APPEAL_COLS.flatMap((c) => [c.label, ...(c.aliases ?? [])]).map((l) => normalizeLabel(l).slice(-2)));

/** A label naming a kind of case and a result at once ("行政复议-结果维持", "复议后起诉总计"). */
function splitCombined(norm: string): { kind: LabelMatch; result: LabelMatch } | undefined {
  if (norm.length < 4 || !RESULT_ENDINGS.has(norm.slice(-2))) return undefined;
  for (let k = norm.length - 2; k >= 2; k--) {
    const result = COLS.exact(norm.slice(k));
    if (!result) continue;
    const kind = KINDS.exact(normalizeLabel(norm.slice(0, k).replace(/[-—–－_:：、.．/|·]+$/, '')));
    if (kind) return { kind, result };
  }
  return undefined;
}

/** 四 as 15 rows of one column, each labelled with its kind of case and its result. */
function combinedCandidates(grid: Grid): Candidate[] {
  const byColumn = new Map<number, { cell: GridCell; kind: LabelMatch; result: LabelMatch }[]>();
  for (const cell of grid.cells) {
    if (cell.master || !cell.norm) continue;
    const hit = splitCombined(cell.norm);
    if (hit) byColumn.set(cell.c, [...(byColumn.get(cell.c) ?? []), { cell, ...hit }]);
  }
  const out: Candidate[] = [];
  for (const hits of byColumn.values()) {
    if (hits.length < 5) continue;
    hits.sort((a, b) => a.cell.r - b.cell.r);
    const cand: Candidate = {
      table: 'appeals',
      grid,
      placements: new Map(),
      top: hits[0]!.cell.r,
      left: hits[0]!.cell.c,
      bottom: hits[0]!.cell.r,
      right: hits[0]!.cell.c,
      appealsShape: '1x15',
    };
    for (const h of hits) {
      const key = cellKey('appeals', h.kind.key, h.result.key);
      if (cand.placements.has(key)) continue;
      const c = h.cell.right + 1;
      cand.placements.set(key, { r: h.cell.r, c, rowEnd: h.cell.bottom, guesses: [] });
      cover(cand, h.cell.r, h.cell.c);
      cover(cand, h.cell.r, c);
    }
    out.push(cand);
  }
  return out;
}

export function findAppeals(grid: Grid): Candidate[] {
  const runs = headerRuns(grid);
  runs.forEach((run) => kindAbove(grid, run));
  const candidates: Candidate[] = [];
  const grouped = runs.filter((x) => x.kind).sort((a, b) => a.left - b.left);
  const used = new Set<Run>();
  for (const seed of grouped) {
    if (used.has(seed)) continue;
    const cluster = [seed];
    used.add(seed);
    for (const run of grouped) {
      if (used.has(run)) continue;
      const last = cluster[cluster.length - 1]!;
      // A kind of case met again starts another copy (上年 | 本年 side by side).
      const again = run.kind !== 'suit' && cluster.some((x) => x.kind === run.kind);
      const suits = cluster.filter((x) => x.kind === 'suit' || x.kind?.startsWith('suit_')).length;
      if (again || (run.kind?.startsWith('suit') && suits >= 2)) continue;
      if (Math.abs(run.r - seed.r) <= 2 && run.left - last.right <= 2 && run.left > last.right) {
        cluster.push(run);
        used.add(run);
      }
    }
    for (const c of oneRowCandidates(grid, cluster)) candidates.push(c);
  }
  for (const run of runs.filter((x) => !x.kind)) {
    // The rows of a 3×5 grid end where another header over its columns begins.
    const below = runs.filter((o) => o.r > run.bottom && o.left <= run.right && run.left <= o.right).map((o) => o.r - 1);
    candidates.push(gridCandidate(grid, run, Math.min(run.bottom + 12, minOf(below))));
  }
  for (const c of combinedCandidates(grid)) candidates.push(c);
  return joinBlocks(candidates.filter((c) => c.placements.size > 0));
}
