// Which cells are totals, and of which parts, read from the equation rules
// that offer "recompute the total" (fixLhs). The editor's computed totals and
// the Excel export's live formulas both read this list: a sum is defined
// once, in the rule list.
import { cellDef, type CellKey } from '../model/cells';
import { valueAt, numericValue, type Report } from '../model/report';
import type { TableId } from '../template/gov2021';
import { RULES } from './catalog';
import { expandEquation } from './equations';
import type { EquationRule, Rule } from './types';

export interface TotalDef {
  total: CellKey;
  parts: readonly CellKey[];
}

/** A total is one cell of this year equal to the plain sum of other cells of this year. */
function isTotalRule(rule: Rule): rule is EquationRule {
  return rule.kind === 'equation' && !!rule.fixLhs && rule.lhs.length === 1 && rule.rhs.every((t) => !t.previous && !t.negative);
}

const ALL_TOTALS: readonly TotalDef[] = RULES.filter(isTotalRule).flatMap((rule) =>
  expandEquation(rule).map((ix) => ({ total: ix.lhs[0]!.key, parts: ix.rhs.map((t) => t.key) })),
);

/**
 * Every total of each table with its parts, in the order of the rule list. A
 * cell may be the total of two rules: the corner of table 三
 * (`requests.results_total.total`) sums its row and its column.
 */
const ofTable = (table: TableId) => ALL_TOTALS.filter((d) => cellDef(d.total)!.table === table);
export const TOTALS: Readonly<Record<TableId, readonly TotalDef[]>> = {
  proactive: ofTable('proactive'),
  requests: ofTable('requests'),
  appeals: ofTable('appeals'),
};

export const TOTAL_CELLS: ReadonlySet<CellKey> = new Set(ALL_TOTALS.map((d) => d.total));

/**
 * The cells under each total that are no totals themselves: its parts, with
 * a part that is a total replaced by its own leaves (the corner of 三 sums
 * row totals; its leaves are the 21 × 6 figures). A total recomputed from
 * its leaves never takes a wrong figure from another total.
 */
export const TOTAL_LEAVES: ReadonlyMap<CellKey, readonly CellKey[]> = (() => {
  const byTotal = new Map<CellKey, readonly CellKey[]>();
  for (const d of ALL_TOTALS) if (!byTotal.has(d.total)) byTotal.set(d.total, d.parts);
  const leaves = (cell: CellKey): CellKey[] => (byTotal.has(cell) ? byTotal.get(cell)!.flatMap(leaves) : [cell]);
  return new Map([...byTotal.keys()].map((total) => [total, leaves(total)]));
})();

/**
 * What the parts add up to: null while every part is still empty (a fresh
 * table shows no zeros the author did not type), undefined when a part is
 * text that is not a number (cell.type reports the part); blank-like marks
 * count as 0.
 */
export function sumOfParts(report: Report, parts: readonly CellKey[]): number | null | undefined {
  let sum = 0;
  let allEmpty = true;
  for (const key of parts) {
    const v = valueAt(report, key);
    if (v !== null) allEmpty = false;
    const n = numericValue(v);
    if (n === undefined) return undefined;
    sum += n;
  }
  return allEmpty ? null : Math.round(sum * 1e6) / 1e6;
}
