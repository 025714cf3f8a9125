// A place in a workbook that looks like one of the three tables, as the
// finders report it: which grid cell holds which report cell, and how sure
// the labels that led there were.
import type { LabelGuess } from '../../../shared/api/import';
import type { CellKey } from '../../../shared/model/cells';
import type { TableId } from '../../../shared/template/gov2021';
import type { AppealsShape } from '../../../shared/api/import';
import type { Grid, GridCell } from './grid';
import type { LabelMatch } from './labels';

export interface Placement {
  r: number;
  c: number;
  /** Empty when both the row and the column label matched exactly. */
  guesses: LabelGuess[];
}

export interface Candidate {
  table: TableId;
  grid: Grid;
  placements: Map<CellKey, Placement>;
  top: number;
  left: number;
  bottom: number;
  right: number;
  appealsShape?: AppealsShape;
  /** A year written just above the table ("2023年"), to tell two years apart. */
  yearHint?: number;
}

export function guessOf(found: string, match: LabelMatch): LabelGuess[] {
  return match.exact ? [] : [{ found, takenFor: match.takenFor, similarity: Math.round(match.similarity * 100) / 100 }];
}

/** How much of the table a candidate holds: placed cells, and more for cells with numbers. */
export function candidateScore(c: Candidate): number {
  let score = 0;
  for (const p of c.placements.values()) {
    score += p.guesses.length === 0 ? 1 : 0.5;
    if (c.grid.at(p.r, p.c)?.isNumber) score += 1;
  }
  return score;
}

const YEAR = /(20\d\d)\s*年/;

/** The nearest year written above a table over its columns, or in its header rows. */
export function yearAbove(grid: Grid, left: number, right: number, headerBottom: number): number | undefined {
  for (let r = headerBottom; r >= 1; r--) {
    // A little left of the values too: the year often heads the label columns.
    for (let c = Math.max(1, left - 2); c <= right; c++) {
      const cell: GridCell | undefined = grid.at(r, c);
      const m = cell && !cell.isNumber ? YEAR.exec(cell.text) : null;
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

/** Extends a candidate's bounds over a cell. */
export function cover(c: Pick<Candidate, 'top' | 'left' | 'bottom' | 'right'>, r: number, col: number): void {
  c.top = Math.min(c.top, r);
  c.left = Math.min(c.left, col);
  c.bottom = Math.max(c.bottom, r);
  c.right = Math.max(c.right, col);
}
