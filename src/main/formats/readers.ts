// The readers behind the one table of file formats in src/shared/formats: one
// line here makes a format readable by every command, the library's 从文件新建,
// the editor's import and the review. Kept apart from the writers
// (registry.ts), so what only reads — a review's reading worker — loads no
// document writer.
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { extensionOf, formatOfName, LEGACY_EXTENSIONS, readableExtensions, type FormatId } from '../../shared/formats';
import type { DocumentKind } from '../services/sources';
import { readFileChecked } from '../services/fs/files';
import { readChecked, readJson } from './read-json';
import type { ReadFormat, ReadOptions, ReadReport } from './types';

// Each reader loads its library on first use: a command or worker that reads only JSON loads none of them.
const readXlsx: ReadFormat = async (fileName, bytes, options) => {
  const { importWorkbook } = await import('../services/excel');
  const imported = await importWorkbook(bytes, { fileName: basename(fileName), agency: options.agency, year: options.year });
  if (!imported.ok) return imported;
  return ok({ report: imported.value.report, notes: imported.value.record.notes, record: imported.value.record });
};

/** Word files, web pages, PDFs and text files: each a grid source for the one table finder, with its text split into sections. */
const documentReader =
  (kind: DocumentKind): ReadFormat =>
  async (fileName, bytes, options) => {
    const { importDocument } = await import('../services/sources');
    const imported = await importDocument(kind, bytes, {
      fileName: basename(fileName),
      agency: options.agency,
      year: options.year,
      allowNoTables: options.allowNoTables,
    });
    if (!imported.ok) return imported;
    return ok({ report: imported.value.report, notes: imported.value.record.notes, record: imported.value.record });
  };

const READERS: Partial<Record<FormatId, ReadFormat>> = {
  json: readJson,
  xlsx: readXlsx,
  docx: documentReader('docx'),
  html: documentReader('html'),
  pdf: documentReader('pdf'),
  txt: documentReader('txt'),
};

/** A file read into a report; `readBytes` reads it (a worker thread that reads nothing else reads synchronously). */
export async function readReportFile(
  path: string,
  options: ReadOptions = {},
  readBytes: (path: string) => Result<Buffer> | Promise<Result<Buffer>> = readFileChecked,
): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(path);
  if (unsupported) return unsupported;
  const bytes = await readBytes(path);
  if (!bytes.ok) return bytes;
  return readReportBytes(path, bytes.value, options);
}

/** Reads a file's content that arrived without a path (a file picked or dropped in the app). */
export async function readReportBytes(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(fileName);
  if (unsupported) return unsupported;
  return readChecked(fileName, bytes, options, readerFor(fileName)!);
}

/** A legacy extension still tried by a reader: a renamed .xlsx opens, a real .xls gets the workbook guard's advice. */
const TRIED_AS: Readonly<Record<string, FormatId>> = { '.xls': 'xlsx' };

function readerFor(name: string): ReadFormat | undefined {
  const tried = TRIED_AS[extensionOf(name)];
  if (tried) return READERS[tried];
  const format = formatOfName(name);
  return format?.readable ? READERS[format.id] : undefined;
}

function refuseUnknownType(name: string): Result<never> | undefined {
  if (readerFor(name)) return undefined;
  const legacy = LEGACY_EXTENSIONS[extensionOf(name)];
  const hint = legacy ? `：${legacy}` : `：目前可以读取 ${readableExtensions().join('、')} 文件`;
  return fail('unsupported_type', `无法读取「${basename(name)}」${hint}`);
}
