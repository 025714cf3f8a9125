// Total cells computed from their parts. Which cells are totals, and of which
// parts, is read from the equation rules that offer "recompute the total"
// (fixLhs): the rule list stays the one place where a sum is defined.
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { isBlankLike, numericValue, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { RULES } from '../../../shared/rules/catalog';
import type { EquationRule } from '../../../shared/rules/types';
import { TABLE_IDS, type TableId } from '../../../shared/template/gov2021';

export interface TotalDef {
  total: CellKey;
  parts: readonly CellKey[];
}

function isTotalRule(rule: (typeof RULES)[number]): rule is EquationRule {
  return (
    rule.kind === 'equation' &&
    !!rule.fixLhs &&
    rule.lhs.length === 1 &&
    rule.rhs.every((t) => !t.previous && !t.negative)
  );
}

function totalsOf(table: TableId): TotalDef[] {
  return RULES.filter(isTotalRule)
    .filter((r) => r.section === table)
    .flatMap((r) =>
      r.each.map((e) => ({
        total: r.lhs[0]!.cell.replace('{i}', e.key),
        parts: r.rhs.map((t) => t.cell.replace('{i}', e.key)),
      })),
    );
}

/** Every total of a table with its parts; a cell may be the total of two rules (the corner of table 三). */
export const TOTALS: Readonly<Record<TableId, readonly TotalDef[]>> = {
  proactive: totalsOf('proactive'),
  requests: totalsOf('requests'),
  appeals: totalsOf('appeals'),
};

export const TOTAL_CELLS: ReadonlySet<CellKey> = new Set(TABLE_IDS.flatMap((t) => TOTALS[t].map((d) => d.total)));

function value(report: Report, key: CellKey): CellValue {
  const d = cellDef(key)!;
  return report.tables[d.table][d.row]?.[d.col] ?? null;
}

/**
 * The total its parts give: null while every part is still empty (a fresh
 * table shows no zeros the author did not type), undefined when a part is text
 * that is not a number (the total is then left as it is: cell.type reports the part).
 */
function sumOf(report: Report, parts: readonly CellKey[]): CellValue | undefined {
  let sum = 0;
  let allEmpty = true;
  for (const key of parts) {
    const v = value(report, key);
    if (v !== null) allEmpty = false;
    const n = numericValue(v);
    if (n === undefined) return undefined;
    sum += n;
  }
  return allEmpty ? null : Math.round(sum * 1e6) / 1e6;
}

/** The report with the totals of the given tables recomputed from their parts. */
export function recomputeTotals(report: Report, tables: readonly TableId[]): Report {
  let next = report;
  // Totals of totals (the corner of table 三) settle on the second pass.
  for (let pass = 0; pass < 3; pass++) {
    const changes: [CellKey, CellValue][] = [];
    for (const table of tables) {
      for (const def of TOTALS[table]) {
        const sum = sumOf(next, def.parts);
        if (sum !== undefined && value(next, def.total) !== sum) changes.push([def.total, sum]);
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
    const sum = sumOf(report, def.parts);
    if (sum === undefined) return true;
    const current = value(report, def.total);
    if (sum === null) return isBlankLike(current);
    return current === sum;
  });
}
