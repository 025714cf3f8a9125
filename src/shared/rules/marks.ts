// Which findings mark the table cells they name: the same in the editor's grid
// and on a draft workbook's table sheets.
import { traitsOf } from './catalog';
import { isExplained } from './explanations';
import type { Finding } from './types';

/**
 * Whether a finding marks its cells. Not a finding of blank cells (rules with
 * the `unmarked` trait: a table still being filled would be all yellow; it is
 * listed with its quick fix), nor a warning its 核实说明 explains.
 */
export function marksItsCells(finding: Finding, explanations: Readonly<Record<string, string>>): boolean {
  return !traitsOf(finding.rule).unmarked && !isExplained(finding, explanations);
}
