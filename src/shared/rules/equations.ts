// An equation rule's `{i}` keys resolved to cells, index by index. The engine
// checks these; the totals and the cells carried from last year are read off
// them, so what an equation says is spelled out in one place.
import { asCellKey, cellDef, type CellKey } from '../model/cells';
import type { TableId } from '../template/gov2021';
import type { EquationRule, Term } from './types';

export interface ResolvedTerm {
  key: CellKey;
  table: TableId;
  row: string;
  col: string;
  /** Last year's cell rather than this year's. */
  previous: boolean;
  sign: 1 | -1;
}

export interface EquationIndex {
  each: { key: string; name: string };
  lhs: readonly ResolvedTerm[];
  rhs: readonly ResolvedTerm[];
}

/** Every index of the rule with its terms; a rule naming a cell that does not exist throws, so it fails at once, not silently. */
export function expandEquation(rule: EquationRule): EquationIndex[] {
  const resolve = (terms: readonly Term[], index: string): ResolvedTerm[] =>
    terms.map((t) => {
      const named = t.cell.replace('{i}', index);
      const key = asCellKey(named);
      const d = key && cellDef(key);
      if (!key || !d) throw new Error(`rule ${rule.id}: unknown cell ${named}`);
      return { key, table: d.table, row: d.row, col: d.col, previous: !!t.previous, sign: t.negative ? -1 : 1 };
    });
  return rule.each.map((each) => ({ each, lhs: resolve(rule.lhs, each.key), rhs: resolve(rule.rhs, each.key) }));
}
