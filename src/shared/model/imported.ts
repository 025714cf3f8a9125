// What an import writes into a report: per cell of the template, what it holds
// now and what the file gives it. A cell the file lacks, or left blank with a
// remark, was not read and keeps what it holds (interchange.md: unread is
// unknown, never 0). The editor's import and 开始今年的报告 preview and apply
// the same list.
import type { ImportedFile } from '../api/contract';
import type { ImportedCell } from '../api/import';
import { CELLS, type CellKey } from './cells';
import { valueAt, type CellValue, type Report } from './report';

export interface CellChange {
  key: CellKey;
  before: CellValue;
  after: CellValue;
  cell: ImportedCell | undefined;
}

/** Whether the file gave the cell a value: not so for cells it lacks or that were left blank with a remark. */
export const isRead = (cell: ImportedCell | undefined): boolean => !cell || (cell.status !== 'not_found' && cell.status !== 'left_blank');

/** Per cell of the template: what it holds now and what the file gives it (its value now where the file has none). */
export function importCells(current: Report, read: ImportedFile): CellChange[] {
  return CELLS.map((c) => {
    const cell = read.record?.cells[c.key];
    const found = !read.record || isRead(cell);
    const before = valueAt(current, c.key);
    return { key: c.key, before, after: found ? valueAt(read.report, c.key) : before, cell };
  });
}

/** The cells an import writes: those the file has (`all`), or only those that differ from now. */
export function cellsToWrite(cells: readonly CellChange[], options: { all?: boolean } = {}): [CellKey, CellValue][] {
  return cells.filter((c) => isRead(c.cell) && (options.all || c.before !== c.after)).map((c) => [c.key, c.after]);
}
