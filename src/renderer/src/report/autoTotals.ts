// Total cells computed from their parts, in the editor. Which cells are
// totals, and of which parts, is the rule list's (shared/rules/totals.ts).
import type { CellKey } from '../../../shared/model/cells';
import { valueAt, isBlankLike, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { sumOfParts, TOTALS } from '../../../shared/rules/totals';
import type { TableId } from '../../../shared/template/gov2021';

/** The report with the totals of the given tables recomputed from their parts. */
export function recomputeTotals(report: Report, tables: readonly TableId[]): Report {
  let next = report;
  // Totals of totals (the corner of table 三) settle on the second pass.
  for (let pass = 0; pass < 3; pass++) {
    const changes: [CellKey, CellValue][] = [];
    for (const table of tables) {
      for (const def of TOTALS[table]) {
        const sum = sumOfParts(next, def.parts);
        if (sum !== undefined && valueAt(next, def.total) !== sum) changes.push([def.total, sum]);
      }
    }
    if (changes.length === 0) break;
    next = setCells(next, changes);
  }
  return next;
}

/** True when every total of the table equals what its parts give (blank-like totals of blank parts included). */
export function totalsConsistent(report: Report, table: TableId): boolean {
  return TOTALS[table].every((def) => {
    const sum = sumOfParts(report, def.parts);
    if (sum === undefined) return true;
    const current = valueAt(report, def.total);
    if (sum === null) return isBlankLike(current);
    return current === sum;
  });
}
