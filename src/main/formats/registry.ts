// The readers and writers behind the one table of file formats in
// src/shared/formats: one line here makes a format readable (readers.ts) or
// writable by every command, the library's 从文件新建, the editor's import and
// export.
import { reportToJson } from '../../shared/model/schema';
import type { FormatId } from '../../shared/formats';
import { writeReportDocx, writeReportHtml, writeReportPdf } from '../services/documents';
import { exportWorkbook } from '../services/excel';
import { writeFileAtomic } from '../services/fs/files';
import type { WriteFormat } from './types';

export type { ReadOptions, ReadReport, WriteOptions } from './types';
export { readReportBytes, readReportFile } from './readers';

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
