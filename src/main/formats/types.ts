// The shapes of file readers and writers, kept apart from the registry so
// that the registry's entries and their callers share one vocabulary.
import type { ImportRecord } from '../../shared/api/import';
import type { Result } from '../../shared/api/result';
import type { Report } from '../../shared/model/report';
import type { Finding } from '../../shared/rules/types';
import type { PdfPrinter } from '../services/documents';

export interface ReadOptions {
  /** Metadata a file may lack (a workbook rarely names the body or year). */
  agency?: string;
  year?: number;
  /** This year's draft: a document's text is read even where it has no tables. */
  allowNoTables?: boolean;
}

export interface ReadReport {
  report: Report;
  /** What the reader did that the user should know (guesses, cells not found). */
  notes: string[];
  /** What an import from an office's file matched, guessed and missed (for the preview). */
  record?: ImportRecord;
}

/** Reads a file's bytes (already checked for size and kind) into a report. */
export type ReadFormat = (fileName: string, bytes: Buffer, options: ReadOptions) => Promise<Result<ReadReport>>;

export interface WriteOptions {
  /** The findings of the report at export time (the audit sheet lists them). */
  findings: readonly Finding[];
  /** Mark the document 草稿 (a report with errors or unexplained warnings). */
  draft: boolean;
  /** How a PDF is printed: the app passes one on Electron's printToPDF; without it an installed browser prints. */
  pdfPrinter?: PdfPrinter;
  /** Excel: all three tables on one sheet instead of a sheet each. */
  oneSheet?: boolean;
  /** Excel: add the 审核情况 sheet (default yes). */
  audit?: boolean;
  /** Web page: print 落款 and 成文日期 at the end (Word and PDF always do). */
  closing?: boolean;
  /** The day of export (ISO), the 成文日期 of a report that names none. */
  today?: string;
}

/** Writes the whole file or nothing (temp file, then rename). */
export type WriteFormat = (report: Report, outPath: string, options: WriteOptions) => Promise<Result<void>>;
