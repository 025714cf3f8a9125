// Which findings mark the table cells they name: the same in the editor's grid
// and on a draft workbook's table sheets.
import { traitsOf } from './catalog';
import { isExplained } from './explanations';
import type { CellKey } from '../model/cells';
import type { Finding } from './types';

/**
 * Whether a finding marks its cells. Not a finding of blank cells (rules with
 * the `unmarked` trait: a table still being filled would be all yellow; it is
 * listed with its quick fix), nor a warning its 核实说明 explains.
 */
export function marksItsCells(finding: Finding, explanations: Readonly<Record<string, string>>): boolean {
  return !traitsOf(finding.rule).unmarked && !isExplained(finding, explanations);
}

/** Each cell the findings mark (`marksItsCells`), with the findings that mark it, in the order given. */
export function findingsByCell(findings: readonly Finding[], explanations: Readonly<Record<string, string>>): Map<CellKey, Finding[]> {
  const byCell = new Map<CellKey, Finding[]>();
  for (const f of findings) {
    if (!marksItsCells(f, explanations)) continue;
    for (const key of new Set(f.cells)) {
      const list = byCell.get(key);
      if (list) list.push(f);
      else byCell.set(key, [f]);
    }
  }
  return byCell;
}
