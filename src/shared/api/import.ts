// What an Excel import found and how it read it: the record the import preview
// shows before anything is applied, and the CLI prints as notes. Pure data, so
// it crosses IPC unchanged.
import type { CellKey } from '../model/cells';
import type { CellValue } from '../model/report';
import type { TableId } from '../template/gov2021';

/** A cell of the workbook that a value or a label was read from. */
export interface SourceCell {
  sheet: string;
  /** A1-style address, e.g. "D7". */
  address: string;
  /** The text the cell shows (a formula's cached result), as written. */
  raw: string;
}

/** A label that was not one of the known spellings but looked close enough. */
export interface LabelGuess {
  /** The label as the workbook writes it. */
  found: string;
  /** The official label it was taken for. */
  takenFor: string;
  /** 0–1, how alike the two labels are. */
  similarity: number;
}

export type ImportedCell =
  | { key: CellKey; status: 'matched'; source: SourceCell; value: CellValue }
  /** The row or column label was matched by similarity only: the user should check it. */
  | { key: CellKey; status: 'guessed'; source: SourceCell; value: CellValue; guesses: readonly LabelGuess[] }
  | { key: CellKey; status: 'not_found' };

/** How the appeals table was laid out in the workbook. */
export type AppealsShape = '1x15' | '3x5';

export interface TableLocation {
  table: TableId;
  sheet: string;
  /** The cells the table was read from, e.g. "A3:J30". */
  range: string;
  appealsShape?: AppealsShape;
  /** How many places in the workbook looked like this table (the best was taken). */
  candidates: number;
}

export type MetaSource = 'title' | 'option' | 'default' | 'missing';

export interface ImportRecord {
  fileName: string;
  /** Where each table was found; null where it was not. */
  tables: Record<TableId, TableLocation | null>;
  /** Every cell key of the template, in template order. */
  cells: Record<CellKey, ImportedCell>;
  agency: { value: string; from: MetaSource; source?: SourceCell };
  /** `stated`: the year the file's own title names, even where another was asked for. */
  year: { value: number; from: MetaSource; source?: SourceCell; stated?: number };
  counts: { matched: number; guessed: number; notFound: number };
  /** What the user should know, in Chinese, most important first. */
  notes: string[];
}
