// Excel import and export: the public entry of the service. The CLI, the app
// and the tests reach Excel only through here and the reader and writer below.
import { ok } from '../../../shared/api/result';
import type { ReportReader, ReportWriter } from '../../io/formats';
import { writeFileAtomic } from '../../io/files';
import { exportWorkbook } from './export';
import { importWorkbook } from './import';

export { importWorkbook, type ImportOptions, type Imported } from './import';
export { exportWorkbook, type ExportOptions, SHEET_NAMES, ONE_SHEET_NAME, AUDIT_SHEET_NAME } from './export';
export { LIMITS } from './guard';

export const xlsxReader: ReportReader = {
  // .xls is listed so that a legacy workbook gets its own advice, and a renamed .xlsx still opens.
  extensions: ['.xlsx', '.xlsm', '.xls'],
  async read(path, bytes, options) {
    const imported = await importWorkbook(bytes, { fileName: path.split(/[\\/]/).pop()!, agency: options.agency, year: options.year });
    if (!imported.ok) return imported;
    return ok({ report: imported.value.report, notes: imported.value.record.notes, record: imported.value.record });
  },
};

export const xlsxWriter: ReportWriter = {
  format: 'xlsx',
  async write(report, outPath, options) {
    const bytes = await exportWorkbook(report, { findings: options.findings, draft: options.draft, oneSheet: options.oneSheet });
    return writeFileAtomic(outPath, bytes);
  },
};
