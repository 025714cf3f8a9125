// Document export: the submission document as Word, HTML and PDF. One public
// entry for the CLI, the app and the tests.
import { renderReportHtml } from '../../../shared/document/html';
import type { Report } from '../../../shared/model/report';
import type { Result } from '../../../shared/api/result';
import { writeFileAtomic } from '../fs/files';
import { renderReportDocx } from './docx';
import { chromiumPrinter, htmlToPdf, type PdfPrinter } from './pdf';

export { renderReportDocx } from './docx';
export { renderReportHtml } from '../../../shared/document/html';
export { browserCandidates, chromiumPrinter, findBrowser, htmlToPdf, NO_BROWSER_MESSAGE, type PdfPrinter } from './pdf';

export async function writeReportDocx(report: Report, outPath: string, options: { draft: boolean }): Promise<Result<void>> {
  return writeFileAtomic(outPath, await renderReportDocx(report, options));
}

export function writeReportHtml(report: Report, outPath: string, options: { draft: boolean }): Promise<Result<void>> {
  return writeFileAtomic(outPath, renderReportHtml(report, options));
}

/** The PDF is the HTML page printed; the app injects its own printer, the CLI uses an installed browser. */
export function writeReportPdf(
  report: Report,
  outPath: string,
  options: { draft: boolean; printer?: PdfPrinter },
): Promise<Result<void>> {
  return htmlToPdf(renderReportHtml(report, options), outPath, options.printer ?? chromiumPrinter());
}
