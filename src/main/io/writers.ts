// Every format the program writes, in one registry used by the CLI export
// command and the app's export dialog alike.
import type { Result } from '../../shared/api/result';
import type { Report } from '../../shared/model/report';
import { reportToJson } from '../../shared/model/schema';
import type { Finding } from '../../shared/rules/types';
import { writeFileAtomic } from './files';
import { writeReportDocx, writeReportHtml, writeReportPdf, type PdfPrinter } from '../services/documents';
import { xlsxWriter } from '../services/excel';

export type ExportFormat = 'json' | 'xlsx' | 'docx' | 'pdf' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'xlsx', 'json'];

export interface WriteOptions {
  /** The findings of the report at export time (the audit sheet lists them). */
  findings: readonly Finding[];
  /** Mark the document 草稿 (a report with errors or unexplained warnings). */
  draft: boolean;
  /** How a PDF is printed: the app passes one on Electron's printToPDF; without it an installed browser prints. */
  pdfPrinter?: PdfPrinter;
}

export interface ReportWriter {
  format: ExportFormat;
  /** Writes the whole file or nothing (temp file, then rename). */
  write(report: Report, outPath: string, options: WriteOptions): Promise<Result<void>>;
}

const jsonWriter: ReportWriter = {
  format: 'json',
  write: (report, outPath) => writeFileAtomic(outPath, reportToJson(report)),
};

const docxWriter: ReportWriter = { format: 'docx', write: (report, outPath, { draft }) => writeReportDocx(report, outPath, { draft }) };
const htmlWriter: ReportWriter = { format: 'html', write: (report, outPath, { draft }) => writeReportHtml(report, outPath, { draft }) };
const pdfWriter: ReportWriter = {
  format: 'pdf',
  write: (report, outPath, { draft, pdfPrinter }) => writeReportPdf(report, outPath, { draft, printer: pdfPrinter }),
};

/** Every writer; one line here makes a format available to the CLI and the app. */
const writers: readonly ReportWriter[] = [jsonWriter, docxWriter, htmlWriter, pdfWriter, xlsxWriter];

export function writerFor(format: ExportFormat): ReportWriter | undefined {
  return writers.find((w) => w.format === format);
}
