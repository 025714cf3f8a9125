// A body's figures as one line of text: positional, in the template's cell
// order, behind a version tag, a few hundred characters for 200 cells and
// read back exactly. The 问题清单 workbook and `review --json` carry it, so a
// later round read from either (`review --against`) lists the cells that
// changed; and a review's reading workers hand each report's figures to the
// main thread this way — a string crosses between threads for the price of a
// copy, where 35 nested row objects cost far more, and the main thread builds
// the tables from it only if something reads them.
import { CELLS, type CellKey } from '../../../shared/model/cells';
import { blankTables, valueOf, type CellValue, type Report } from '../../../shared/model/report';

export const FIGURES_HEADER = '各格数据（供下一轮对照，请勿修改）';
const TAG = 'nianbao-figures-1:';

/** The figures a report was built from, where it was (a report unpacked on the main thread): no need to encode them again. */
const ENCODED = new WeakMap<object, string>();

export function encodeFigures(report: Report): string {
  return ENCODED.get(report) ?? TAG + JSON.stringify(CELLS.map((c) => valueOf(report, c)));
}

/** The values of a text written by encodeFigures, in template order (CELLS); undefined for anything else. */
export function decodeValues(text: unknown): CellValue[] | undefined {
  if (typeof text !== 'string' || !text.startsWith(TAG)) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(text.slice(TAG.length));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== CELLS.length) return undefined;
  return values.every((v) => v === null || typeof v === 'number' || typeof v === 'string') ? (values as CellValue[]) : undefined;
}

/** The figures of a text written by encodeFigures; undefined for anything else (an older workbook, an edited cell). */
export function decodeFigures(text: unknown): Partial<Record<CellKey, CellValue>> | undefined {
  const values = decodeValues(text);
  return values && Object.fromEntries(CELLS.map((c, i) => [c.key, values[i]!]));
}

/** A report without its tables, and its figures as text: what crosses from a reading worker to the main thread. */
export interface PackedReport {
  head: Omit<Report, 'tables'>;
  figures: string;
}

export function packReport(report: Report): PackedReport {
  const { tables: _tables, ...head } = report;
  return { head, figures: encodeFigures(report) };
}

/** The report again; its tables are built from the figures the first time they are read. */
export function unpackReport({ head, figures }: PackedReport): Report {
  let tables: Report['tables'] | undefined;
  const report = Object.defineProperty(head, 'tables', {
    enumerable: true,
    get: () => {
      if (tables) return tables;
      const values = decodeValues(figures);
      if (!values) throw new Error('figures damaged in transit');
      tables = blankTables();
      CELLS.forEach((c, i) => (tables![c.table][c.row]![c.col] = values[i]!));
      return tables;
    },
  }) as Report;
  ENCODED.set(report, figures);
  return report;
}
