// The shapes of file readers and writers. Kept apart from the two registries
// so that a service implementing a reader or writer (Excel) does not import
// the registry that lists it.
import type { ImportRecord } from '../../shared/api/import';
import type { Result } from '../../shared/api/result';
import type { Report } from '../../shared/model/report';
import type { Finding } from '../../shared/rules/types';
import type { ExportFormat } from '../../shared/api/contract';
import type { PdfPrinter } from '../services/documents';

export interface ReadOptions {
  /** Metadata a file may lack (a workbook rarely names the body or year). */
  agency?: string;
  year?: number;
}

export interface ReadReport {
  report: Report;
  /** What the reader did that the user should know (guesses, cells not found). */
  notes: string[];
  /** What a workbook import matched, guessed and missed (for the preview). */
  record?: ImportRecord;
}

export interface ReportReader {
  /** Lower-case extensions with the dot. */
  extensions: readonly string[];
  read(path: string, bytes: Buffer, options: ReadOptions): Promise<Result<ReadReport>>;
}

export { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/contract';

export interface WriteOptions {
  /** The findings of the report at export time (the audit sheet lists them). */
  findings: readonly Finding[];
  /** Mark the document 草稿 (a report with errors or unexplained warnings). */
  draft: boolean;
  /** How a PDF is printed: the app passes one on Electron's printToPDF; without it an installed browser prints. */
  pdfPrinter?: PdfPrinter;
  /** Excel: all three tables on one sheet instead of a sheet each. */
  oneSheet?: boolean;
}

export interface ReportWriter {
  format: ExportFormat;
  /** Writes the whole file or nothing (temp file, then rename). */
  write(report: Report, outPath: string, options: WriteOptions): Promise<Result<void>>;
}
