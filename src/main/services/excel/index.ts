// Excel import and export: the public entry of the service. The CLI, the app
// and the tests reach Excel only through here.
export { importWorkbook, type ImportOptions, type Imported } from './xlsx-source';
export {
  exportWorkbook,
  type ExportOptions,
  SHEET_NAMES,
  ONE_SHEET_NAME,
  AUDIT_SHEET_NAME,
  MARKS_LEGEND,
  cellAddresses,
  TABLE_TOP,
} from './xlsx-writer';
export { LIMITS } from './guard';
