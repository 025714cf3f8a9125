// The readers and writers behind the one table of file formats in
// src/shared/formats: one line here makes a format readable (readers.ts) or
// writable by every command, the library's 从文件新建, the editor's import and
// export. Each reader and writer loads its library on first use (a dynamic
// import): `validate x.json` must not pay for exceljs, docx, pdf-lib or pdfjs,
// which together take several times longer to load than the whole command needs.
import { reportToJson } from '../../shared/model/report-json';
import type { FormatId } from '../../shared/formats';
import { writeFileAtomic } from '../services/fs/files';
import type { WriteFormat } from './types';

export type { ReadOptions, ReadReport, WriteOptions } from './types';
export { readReportBytes, readReportFile } from './readers';

const documents = () => import('../services/documents');

const WRITERS: Partial<Record<FormatId, WriteFormat>> = {
  json: (report, outPath) => writeFileAtomic(outPath, reportToJson(report)),
  docx: async (report, outPath, { draft, today }) => (await documents()).writeReportDocx(report, outPath, { draft, today }),
  html: async (report, outPath, { draft, today, closing }) =>
    (await documents()).writeReportHtml(report, outPath, { draft, today, closing }),
  pdf: async (report, outPath, { draft, today, pdfPrinter }) =>
    (await documents()).writeReportPdf(report, outPath, { draft, today, printer: pdfPrinter }),
  xlsx: async (report, outPath, options) => {
    const { exportWorkbook } = await import('../services/excel');
    const { findings, draft, oneSheet, audit } = options;
    return writeFileAtomic(outPath, await exportWorkbook(report, { findings, draft, oneSheet, audit }));
  },
};

/** The writer of a format the program exports; undefined for one it only reads (a text file). */
export function writerFor(format: FormatId): WriteFormat | undefined {
  return WRITERS[format];
}
