// Finds table 四 (appeals) in either shape offices use: the published one
// row of 15 values under a three-level header (行政复议 | 行政诉讼: 未经复议直接
// 起诉, 复议后起诉), or a 3×5 grid with the three kinds of case as row labels.
// Both start from runs of the five result headers (结果维持 … 总计) on one row.
import { APPEAL_COLS, APPEAL_ROWS, APPEAL_SUIT_HEADING } from '../../../shared/template/gov2021';
import { cover, guessOf, yearAbove, type Candidate } from './candidate';
import type { Grid, GridCell } from './grid';
import { LabelMatcher, normalizeLabel, type LabelMatch } from './labels';
import { alignInOrder } from './align';
import { maxOf } from '../../../shared/math';

const COLS = new LabelMatcher(APPEAL_COLS.map((c) => ({ key: c.key, label: c.label, variants: c.aliases ?? [] })));
const KINDS = new LabelMatcher(
  APPEAL_ROWS.map((r) => ({ key: r.key, label: r.label, variants: [...(r.aliases ?? []), ...(r.short ? [r.short] : [])] })),
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
    if (cell.master || !cell.norm) continue;
    const match = COLS.exact(cell.norm);
    if (match) byRow.set(cell.r, [...(byRow.get(cell.r) ?? []), { cell, match }]);
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
      const match = KINDS.exact(cell.norm);
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
  const isHeader = (row: number) => runs.some((run) => run.hits.some((h) => grid.at(row, h.cell.c)?.norm && COLS.exact(grid.at(row, h.cell.c)!.norm)));
  while (isHeader(r)) r++;
  return r;
}

function place(cand: Candidate, run: Run, kind: string, r: number, rowGuess: ReturnType<typeof guessOf>): void {
  for (const h of run.hits) {
    cand.placements.set(`appeals.${kind}.${h.match.key}`, { r, c: h.cell.c, guesses: [...rowGuess, ...guessOf(h.cell.text, h.match)] });
    cover(cand, h.cell.r, h.cell.c);
    cover(cand, r, h.cell.c);
  }
}

function oneRowCandidate(grid: Grid, runs: Run[]): Candidate {
  const cand: Candidate = { table: 'appeals', grid, placements: new Map(), top: runs[0]!.r, left: runs[0]!.left, bottom: runs[0]!.r, right: runs[0]!.right, appealsShape: '1x15' };
  const r = valueRow(grid, runs);
  const named = new Set(runs.map((x) => x.kind));
  // Under a bare 行政诉讼 the two suit kinds come in the template's order.
  const unnamedSuits = ['suit_direct', 'suit_after_review'].filter((k) => !named.has(k));
  for (const run of runs) {
    const kind = run.kind === 'suit' ? unnamedSuits.shift() : run.kind;
    if (!kind || [...cand.placements.keys()].some((k) => k.startsWith(`appeals.${kind}.`))) continue;
    const label = APPEAL_ROWS.find((x) => x.key === kind)!.label;
    const guess = run.kind === 'suit' ? [{ found: APPEAL_SUIT_HEADING, takenFor: label, similarity: 0 }] : [];
    place(cand, run, kind, r, guess);
    if (run.kindCell) cover(cand, run.kindCell.r, run.kindCell.c);
  }
  cand.yearHint = yearAbove(grid, cand.left, cand.right, cand.top);
  return cand;
}

function gridCandidate(grid: Grid, run: Run): Candidate {
  const cand: Candidate = { table: 'appeals', grid, placements: new Map(), top: run.r, left: run.left, bottom: run.r, right: run.right, appealsShape: '3x5' };
  const rows: { r: number; cell: GridCell; matches: LabelMatch[] }[] = [];
  for (let r = run.bottom + 1; r <= run.bottom + 6; r++) {
    for (let c = run.left - 1; c >= Math.max(1, run.left - 4); c--) {
      const cell = grid.at(r, c);
      const matches = cell?.norm ? KINDS.candidates(cell.norm) : [];
      if (matches.length > 0) {
        rows.push({ r, cell: cell!, matches });
        break;
      }
    }
  }
  for (const [i, match] of alignInOrder(
    rows.map((x) => x.matches),
    ROW_ORDER,
  )) {
    const row = rows[i]!;
    place(cand, run, match.key, row.r, guessOf(row.cell.text, match));
    cover(cand, row.r, row.cell.master?.c ?? row.cell.c);
  }
  cand.yearHint = yearAbove(grid, cand.left, cand.right, cand.top);
  return cand;
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
      if (Math.abs(run.r - seed.r) <= 2 && run.left - last.right <= 2 && run.left > last.right) {
        cluster.push(run);
        used.add(run);
      }
    }
    candidates.push(oneRowCandidate(grid, cluster));
  }
  for (const run of runs.filter((x) => !x.kind)) candidates.push(gridCandidate(grid, run));
  return candidates;
}
