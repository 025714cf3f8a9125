// Document export: the submission document as Word, HTML and PDF. One public
// entry for the CLI, the app and the tests.
import { renderReportHtml } from '../../../shared/document/report-html';
import { documentTitle, type Report } from '../../../shared/model/report';
import type { DocumentOptions } from '../../../shared/document/content';
import type { Result } from '../../../shared/api/result';
import { writeFileAtomic } from '../fs/files';
import { DOCUMENT_SUBJECT, renderReportDocx } from './docx-writer';
import { chromiumPrinter, htmlToPdf, type PdfPrinter } from './pdf-writer';

export { renderReportDocx } from './docx-writer';
export { renderReportHtml } from '../../../shared/document/report-html';
export {
  browserCandidates,
  chromiumPrinter,
  findBrowser,
  htmlToPdf,
  NO_BROWSER_MESSAGE,
  withMetadata,
  type PdfMetadata,
  type PdfPrinter,
} from './pdf-writer';

export async function writeReportDocx(report: Report, outPath: string, options: { draft: boolean; today?: string }): Promise<Result<void>> {
  return writeFileAtomic(outPath, await renderReportDocx(report, options));
}

/** The web page; 落款 and 成文日期 only when the author asks (`closing`). */
export function writeReportHtml(report: Report, outPath: string, options: DocumentOptions): Promise<Result<void>> {
  return writeFileAtomic(outPath, renderReportHtml(report, options));
}

/** The PDF is the HTML page printed; the app injects its own printer, the CLI uses an installed browser. */
export function writeReportPdf(
  report: Report,
  outPath: string,
  options: { draft: boolean; today?: string; printer?: PdfPrinter },
): Promise<Result<void>> {
  const html = renderReportHtml(report, { draft: options.draft, today: options.today, closing: true });
  const meta = { title: documentTitle(report), author: report.signature?.trim() || report.agency, subject: DOCUMENT_SUBJECT };
  return htmlToPdf(html, outPath, options.printer ?? chromiumPrinter(), meta);
}
