// Every format the program writes, in one registry used by the CLI export
// command and the app's export dialog alike.
import { reportToJson } from '../../shared/model/schema';
import { writeFileAtomic } from './files';
import type { ExportFormat, ReportWriter } from './formats';
import { writeReportDocx, writeReportHtml, writeReportPdf } from '../services/documents';
import { xlsxWriter } from '../services/excel';

export { EXPORT_FORMATS, type ExportFormat, type ReportWriter, type WriteOptions } from './formats';

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
