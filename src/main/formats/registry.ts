// The readers and writers behind the one table of file formats in
// src/shared/formats: one line here makes a format readable or writable by
// every command, the library's 从文件新建, the editor's import and export.
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { extensionOf, formatOfName, LEGACY_EXTENSIONS, readableExtensions, type FormatId } from '../../shared/formats';
import { readReportJson, reportToJson } from '../../shared/model/schema';
import { overlongTexts, textTooLongMessage } from '../../shared/model/limits';
import { writeReportDocx, writeReportHtml, writeReportPdf } from '../services/documents';
import { exportWorkbook, importWorkbook } from '../services/excel';
import { importDocument, withinBudget, type DocumentKind } from '../services/sources';
import { readFileChecked, writeFileAtomic } from '../services/fs/files';
import type { ReadFormat, ReadOptions, ReadReport, WriteFormat } from './types';

export type { ReadOptions, ReadReport, WriteOptions } from './types';

const readJson: ReadFormat = async (fileName, bytes, options) => {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return fail('not_json', `「${basename(fileName)}」不是有效的 JSON 文件：请确认选择的是年报数据文件`);
  }
  const read = readReportJson(data);
  if (!read.ok) return read.tooLong ? tooLong(fileName, read.error) : fail('not_report', `「${basename(fileName)}」${read.error}`);
  const report = { ...read.value, ...(options.agency ? { agency: options.agency } : {}), ...(options.year ? { year: options.year } : {}) };
  return ok({ report, notes: [] });
};

const readXlsx: ReadFormat = async (fileName, bytes, options) => {
  const imported = await importWorkbook(bytes, { fileName: basename(fileName), agency: options.agency, year: options.year });
  if (!imported.ok) return imported;
  return ok({ report: imported.value.report, notes: imported.value.record.notes, record: imported.value.record });
};

/** Word files, web pages and PDFs: each a grid source for the one table finder, with its text split into sections. */
const documentReader =
  (kind: DocumentKind): ReadFormat =>
  async (fileName, bytes, options) => {
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

const WRITERS: Partial<Record<FormatId, WriteFormat>> = {
  json: (report, outPath) => writeFileAtomic(outPath, reportToJson(report)),
  docx: (report, outPath, { draft, today }) => writeReportDocx(report, outPath, { draft, today }),
  html: (report, outPath, { draft, today, closing }) => writeReportHtml(report, outPath, { draft, today, closing }),
  pdf: (report, outPath, { draft, today, pdfPrinter }) => writeReportPdf(report, outPath, { draft, today, printer: pdfPrinter }),
  xlsx: async (report, outPath, options) =>
    writeFileAtomic(
      outPath,
      await exportWorkbook(report, { findings: options.findings, draft: options.draft, oneSheet: options.oneSheet, audit: options.audit }),
    ),
};

/** The writer of a format the program exports; undefined for one it only reads (a text file). */
export function writerFor(format: FormatId): WriteFormat | undefined {
  return WRITERS[format];
}

export async function readReportFile(path: string, options: ReadOptions = {}): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(path);
  if (unsupported) return unsupported;
  const bytes = await readFileChecked(path);
  if (!bytes.ok) return bytes;
  return readReportBytes(path, bytes.value, options);
}

/** Reads a file's content that arrived without a path (a file picked or dropped in the app). */
export async function readReportBytes(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Result<ReadReport>> {
  const unsupported = refuseUnknownType(fileName);
  if (unsupported) return unsupported;
  if (bytes.length === 0) return fail('empty_file', `「${basename(fileName)}」是空文件（0 字节）：请确认选择了正确的文件`);
  // Whatever a reader finds too large or too complex in the file is said about the file, never as an internal error.
  const read = await withinBudget(basename(fileName), () => readerFor(fileName)!(fileName, bytes, options));
  if (!read.ok) return read;
  // Whatever the format, a text past the limit is refused here, before the library, the rules or a writer sees it.
  const overlong = overlongTexts(read.value.report)[0];
  return overlong ? tooLong(fileName, textTooLongMessage(overlong.id, overlong.length)) : read;
}

function tooLong(fileName: string, message: string): Result<never> {
  return fail('too_long', `「${basename(fileName)}」中${message}`);
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
