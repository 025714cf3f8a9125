// Reports for the rule tests: the seed (a real published report that passes
// every rule) and small, named changes of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellKey } from '../../src/shared/model/cells';
import { setCells, type CellValue, type Report } from '../../src/shared/model/report';
import { cellEntries } from '../../src/shared/model/cells';
import { readReportJson } from '../../src/shared/model/report-json';
import type { NarrativeId } from '../../src/shared/template/gov2021';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function loadReport(file: string): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  if (!read.ok) throw new Error(`${file}: ${read.error}`);
  return read.value;
}

export const seed: Report = loadReport('seed-2022.json');

export function withCells(report: Report, cells: Partial<Record<CellKey, CellValue>>): Report {
  return setCells(report, cellEntries(cells));
}

export function withNarratives(report: Report, narratives: Partial<Record<NarrativeId, string>>): Report {
  return { ...report, narratives: { ...report.narratives, ...narratives } };
}

/** The seed as last year's report of the same body: same figures, year − 1. */
export function previousOf(report: Report, cells: Partial<Record<CellKey, CellValue>> = {}): Report {
  return withCells({ ...report, year: report.year - 1 }, cells);
}
