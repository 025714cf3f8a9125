// The format-neutral table finder: every source of a report (a workbook, a
// Word file, a web page, a PDF's text layer) hands it grids, and it reads the
// three tables out of them. A new format is a new grid source, not a new finder.
export {
  buildGrid,
  columnName,
  coveredCell,
  gridCell,
  gridFrom,
  gridKey,
  rangeName,
  type Grid,
  type GridCell,
  type SourceGridCell,
} from './grid';
export { readTables, type Imported, type ReadTablesOptions } from './read';
export { LEVEL_LABEL } from './title';
export { normalizeLabel } from './labels';
export { reportText, type ReportText } from './report-text';
