// Batch review: the files of a batch, a pool of budgeted workers to read them,
// the 问题清单 workbook and the per-body 问题清单 in Word. One public entry.
export { expandPaths, type Batch, type BatchFile, type SkippedEntry } from './batch';
export { WorkerPool, type Budget, type JobResult, type WorkerScript } from './pool';
export {
  COLUMN,
  FINDINGS_SHEET,
  HIERARCHY_SHEET,
  RISK_SHEET,
  SUMMARY_SHEET,
  problemWorkbook,
  type RosterRow,
  type WorkbookOptions,
} from './workbook';
export { decodeFigures, encodeFigures } from './figures';
export { problemLetterDocx, type LetterBody } from './letter';
