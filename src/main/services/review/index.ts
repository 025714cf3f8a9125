// Batch review: reading many files (through a reader the caller passes in), the
// 问题清单 workbook and the per-body 问题清单 in Word. One public entry.
export { expandPaths, readBatch, type BatchFile, type BatchOptions, type ReportReader } from './batch';
export { FINDINGS_SHEET, HIERARCHY_SHEET, SUMMARY_SHEET, problemWorkbook, type WorkbookOptions } from './workbook';
export { problemLetterDocx } from './letter';
