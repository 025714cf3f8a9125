// What an Excel import found and how it read it: the record the import preview
// shows before anything is applied, and the CLI prints as notes. Pure data, so
// it crosses IPC unchanged.
import type { CellKey } from '../model/cells';
import type { CellValue } from '../model/report';
import type { Level, NarrativeId, SectionId, TableId } from '../template/gov2021';

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

/**
 * How a value was read where the cell did not simply hold the number, so that
 * nothing is coerced silently (interchange.md): each is listed and shown.
 */
export type CellReading =
  /** "—", "-", "/", "无" or an empty cell in a table that holds numbers: read as 0. */
  | { kind: 'placeholder'; found: string }
  /** A unit written in the cell or its header was applied ("21件" → 21; 元 → ÷10,000 into 万元). */
  | { kind: 'unit'; found: string; unit: string }
  /** A formula the file kept no result for, computed on import. */
  | { kind: 'formula'; formula: string }
  /** The value stood elsewhere in the merged label or header it belongs to. */
  | { kind: 'merged'; from: string }
  /** A number with a note in brackets ("95（含转办1件）"): the number, the note kept here. */
  | { kind: 'note'; found: string; note: string }
  /** Chinese numerals ("二十", "贰拾") read as their number. */
  | { kind: 'numeral'; found: string }
  /** Characters that show nothing (zero-width or no-break spaces, a leading apostrophe) were dropped. */
  | { kind: 'cleaned'; found: string }
  /** The file gives only its heading's sum (an old single （六） row, one column for five applicant kinds), and the sum is 0: so is each item. */
  | { kind: 'sum'; heading: string; from: string }
  /** Read from a row, column or sheet the file hides: no visible copy of the cell exists. */
  | { kind: 'hidden'; where: string }
  /** The labels allowed two places; this one agrees with the table's totals or stands under its header. */
  | { kind: 'witness'; reason: string }
  /** A count the workbook formats as a date (it shows as `shown`, e.g. 1900-01-21): its underlying number was read. */
  | { kind: 'date'; shown: string };

export type ImportedCell =
  | { key: CellKey; status: 'matched'; source: SourceCell; value: CellValue; readings?: readonly CellReading[] }
  /** The row or column label was matched by similarity only: the user should check it. */
  | {
      key: CellKey;
      status: 'guessed';
      source: SourceCell;
      value: CellValue;
      guesses: readonly LabelGuess[];
      readings?: readonly CellReading[];
    }
  /** The file gives no place for the cell; `remark` says what was missing, `cause` whether its whole table was. */
  | { key: CellKey; status: 'not_found'; remark?: string; cause?: MissingCause }
  /**
   * The cell's place was found but its value could not be read without a guess
   * (a merge covers it, a copy or a unit is ambiguous, an old layout can't be
   * split): left blank, and the remark says why. The report's value stays.
   * `cause` is set where the reader knows the kind of problem, for whoever
   * groups or advises on it without reading the remark.
   */
  | { key: CellKey; status: 'left_blank'; source?: SourceCell; remark: string; cause?: BlankCause };

/** Why a cell has no place in the file, where it is the table as a whole (said once, with the table). */
export type MissingCause = 'table_missing';

/** What kept a placed cell's value from being read: the file's problem, before it is a sentence. */
export type BlankCause = 'uncached_formula' | 'scientific_notation' | 'several_values' | 'covered_by_label';

/** Which of several copies of a table was taken, and why. */
export interface CopyChoice {
  /** What marks the copy taken ("本年", "2024年", a sheet's name), if anything. */
  label?: string;
  reason: string;
}

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
  /** Items were written as columns and applicant types or results as rows: read across. */
  transposed?: boolean;
  /** Set where two or more copies (上年/本年 …) were found. */
  copy?: CopyChoice;
}

/**
 * Where a report's identity was read: the title, the options given, a default;
 * in a document also the preamble's 统计期限 or 由…编制, or the 落款.
 */
export type MetaSource = 'title' | 'option' | 'default' | 'missing' | 'preamble' | 'signature';

/** How a body's level was settled: given, written in the file, inferred from its name, or the default. */
export type LevelSource = 'option' | 'file' | 'name' | 'default';

/** What a document's running text gave: each narrative's heading as written (null: not found) and its length. */
export interface TextRecord {
  narratives: Record<NarrativeId, { heading: string | null; characters: number }>;
  /** The overview's parts （一）…（五） found, as written. */
  overviewParts: string[];
  /** The number each section was found under ("四" where a province numbers the problems 四): for outline.numbering. */
  numbering?: Partial<Record<SectionId, string>>;
  /** Characters of the preamble before 一、 (0: none). */
  preamble: number;
  signature?: string;
  date?: string;
}

export interface ImportRecord {
  fileName: string;
  /** Where each table was found; null where it was not. */
  tables: Record<TableId, TableLocation | null>;
  /** Every cell key of the template, in template order. */
  cells: Record<CellKey, ImportedCell>;
  agency: { value: string; from: MetaSource; source?: SourceCell };
  /** `stated`: the year the file's own title names, even where another was asked for. */
  year: { value: number; from: MetaSource; source?: SourceCell; stated?: number };
  /** The body's level: given, stated in the file, or inferred from its name. */
  level?: { value: Level; from: LevelSource };
  /** Documents (docx, html, pdf): what the running text gave. */
  text?: TextRecord;
  /** leftBlank: places found whose value was left blank with a remark; readings: cells read with a placeholder, unit, formula or merge. */
  counts: { matched: number; guessed: number; notFound: number; leftBlank?: number; placeholders?: number; units?: number };
  /** What the user should know, in Chinese, most important first. */
  notes: string[];
  /** Those of `notes` that say how the body, year and level were settled (a dialog that settles them itself leaves them out). */
  identityNotes?: string[];
}
