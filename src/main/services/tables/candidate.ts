// A place in a workbook that looks like one of the three tables, as the
// finders report it: which grid cell holds which report cell, and how sure
// the labels that led there were.
import type { LabelGuess } from '../../../shared/api/import';
import type { CellKey } from '../../../shared/model/cells';
import type { TableId } from '../../../shared/template/gov2021';
import type { AppealsShape } from '../../../shared/api/import';
import type { Grid } from './grid';
import type { LabelMatch } from './labels';
import { parseCellInput } from '../../../shared/model/report';

/** The unit an amount column is written in; the report keeps 万元. */
export type AmountUnit = '元' | '万元';

export interface Placement {
  r: number;
  c: number;
  /** Empty when both the row and the column label matched exactly. */
  guesses: LabelGuess[];
  /** The last row and column the value may stand in: its row label's and column header's merge. */
  rowEnd?: number;
  colEnd?: number;
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
  /** The unit the fee column is written in, where the table names one. */
  amountUnit?: AmountUnit;
  /** Cells whose place is known but whose value can't be read, with why. */
  blanks?: Map<CellKey, string>;
  /** What the finder saw that the user should know. */
  remarks?: string[];
  /** A label the finder saw marking this copy alone (a row label "本年" left of its values). */
  mark?: string;
}

export function guessOf(found: string, match: LabelMatch): LabelGuess[] {
  return match.exact ? [] : [{ found, takenFor: match.takenFor, similarity: Math.round(match.similarity * 100) / 100 }];
}

/** How much of the table a candidate holds: placed cells, and more for cells with numbers. */
export function candidateScore(c: Candidate): number {
  let score = 0;
  for (const p of c.placements.values()) {
    score += p.guesses.length === 0 ? 1 : 0.5;
    const cell = c.grid.at(p.r, p.c);
    if (cell && typeof parseCellInput(cell.raw) === 'number') score += 1;
  }
  return score;
}

/** Extends a candidate's bounds over a cell. */
export function cover(c: Pick<Candidate, 'top' | 'left' | 'bottom' | 'right'>, r: number, col: number): void {
  c.top = Math.min(c.top, r);
  c.left = Math.min(c.left, col);
  c.bottom = Math.max(c.bottom, r);
  c.right = Math.max(c.right, col);
}
