// Documents an office already has — Word files, web pages, PDFs, text — read into a
// report: each format yields blocks (paragraphs and grids), and one reader
// turns those into the report through the one table finder. Each read has its
// own budget; a file past it is refused with one line, as a value.
import { ok, type Result } from '../../../shared/api/result';
import { fileFormat, type FormatId } from '../../../shared/formats';
import type { Level } from '../../../shared/template/gov2021';
import type { Imported } from '../tables';
import { ReadBudget, withinBudget } from './budget';
import { readDocument, type SourceDocument } from './document';
import { docxDocument } from './docx-source';
import { htmlDocument, decodePage } from './html-source';
import { mhtmlPage } from './mhtml';
import { pdfDocument } from './pdf-source';
import { decodeText, textDocument } from './text';

export { withinBudget } from './budget';

export interface DocumentOptions {
  fileName: string;
  agency?: string;
  year?: number;
  level?: Level;
  /** This year's draft: its text is read even where it has no tables. */
  allowNoTables?: boolean;
}

export type DocumentKind = Extract<FormatId, 'docx' | 'html' | 'pdf' | 'txt'>;

/** An .mhtml file starts with MIME headers, whatever its name says. */
function isMime(bytes: Buffer): boolean {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 2048)).toLowerCase();
  return head.includes('mime-version:') && head.includes('multipart/related');
}

async function sourceOf(kind: DocumentKind, bytes: Buffer, budget: ReadBudget): Promise<Result<SourceDocument>> {
  const name = budget.fileName;
  if (kind === 'docx') return docxDocument(bytes, name, budget);
  if (kind === 'pdf') return pdfDocument(bytes, name, budget);
  if (kind === 'txt') {
    const text = decodeText(bytes);
    budget.markup(text.length);
    return ok(textDocument(text, budget));
  }
  if (!isMime(bytes)) return ok(htmlDocument(decodePage(bytes), budget));
  const page = mhtmlPage(bytes, name, budget);
  return page.ok ? ok(htmlDocument(page.value, budget)) : page;
}

/** Reads a Word file, web page, PDF or text file into a report and the record of how; a file past the budget is refused. */
export async function importDocument(kind: DocumentKind, bytes: Buffer, options: DocumentOptions): Promise<Result<Imported>> {
  const budget = new ReadBudget(options.fileName);
  return withinBudget(options.fileName, async () => {
    const source = await sourceOf(kind, bytes, budget);
    if (!source.ok) return source;
    budget.time();
    return readDocument(source.value, { ...options, kind: fileFormat(kind).label });
  });
}
