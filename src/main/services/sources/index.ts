// Documents an office already has — Word files, web pages, PDFs — read into a
// report: each format yields blocks (paragraphs and grids), and one reader
// turns those into the report through the one table finder.
import { fail, ok, type Result } from '../../../shared/api/result';
import { fileFormat, type FormatId } from '../../../shared/formats';
import type { Level } from '../../../shared/template/gov2021';
import type { Imported } from '../tables';
import { readDocument, type SourceDocument } from './document';
import { docxDocument } from './docx';
import { htmlDocument, decodePage } from './html';
import { mhtmlPage } from './mhtml';
import { pdfDocument } from './pdf';
import { decodeText, textDocument } from './text';

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

/** Characters of a page's markup parsed at most: a saved report page is well under a megabyte. */
const MAX_PAGE_CHARS = 10_000_000;

function pageDocument(html: string, name: string): Result<SourceDocument> {
  if (html.length > MAX_PAGE_CHARS)
    return fail('too_large', `「${name}」网页过大（超过 1000 万字符），不像一份年报页面：请只保存年报所在的页面`);
  return ok(htmlDocument(html));
}

async function sourceOf(kind: DocumentKind, bytes: Buffer, name: string): Promise<Result<SourceDocument>> {
  if (kind === 'docx') return docxDocument(bytes, name);
  if (kind === 'pdf') return pdfDocument(bytes, name);
  if (kind === 'txt') {
    const text = decodeText(bytes);
    if (text.length > MAX_PAGE_CHARS) return fail('too_large', `「${name}」文本过大（超过 1000 万字符），不像一份年报：请只保存年报的文字`);
    return ok(textDocument(text));
  }
  if (!isMime(bytes)) return pageDocument(decodePage(bytes), name);
  const page = mhtmlPage(bytes, name);
  return page.ok ? pageDocument(page.value, name) : page;
}

/** Reads a Word file, web page or PDF into a report and the record of how. */
export async function importDocument(kind: DocumentKind, bytes: Buffer, options: DocumentOptions): Promise<Result<Imported>> {
  const source = await sourceOf(kind, bytes, options.fileName);
  if (!source.ok) return source;
  return readDocument(source.value, { ...options, kind: fileFormat(kind).label });
}
