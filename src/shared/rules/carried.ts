// What a new year's report takes from last year's, read from the continuity
// equations: where this year's cell must equal last year's cell (plus this
// year's changes, still blank in a new report), it starts as last year's.
import type { CellKey } from '../model/cells';
import { blankReport, valueAt, setCells, type Report } from '../model/report';
import { RULES } from './catalog';
import { expandEquation } from './equations';

export interface CarriedCell {
  /** Last year's cell… */
  from: CellKey;
  /** …whose value this year's cell starts with. */
  to: CellKey;
}

/**
 * One pair per index of every equation whose left side is one cell of this
 * year and whose right side names exactly one cell of last year, added:
 * 上年结转 from 结转下年度 (continuity.carried_over), 现行有效件数 from
 * 现行有效件数 (continuity.in_force).
 */
export const CARRIED_FROM_PREVIOUS: readonly CarriedCell[] = RULES.flatMap((rule) => {
  if (rule.kind !== 'equation') return [];
  return expandEquation(rule).flatMap((ix) => {
    const previous = ix.rhs.filter((t) => t.previous);
    const [lhs] = ix.lhs;
    if (ix.lhs.length !== 1 || lhs!.previous || previous.length !== 1 || previous[0]!.sign !== 1) return [];
    return [{ from: previous[0]!.key, to: lhs!.key }];
  });
});

/**
 * Next year's report started from last year's: the same body, level and
 * 落款, the narratives as a starting point to rewrite, the carried cells;
 * every other cell blank, no 核实说明 (they explained last year's findings).
 */
export function nextYearReport(last: Report): Report {
  const start: Report = {
    ...blankReport({ agency: last.agency, year: last.year + 1, level: last.level }),
    ...(last.signature !== undefined ? { signature: last.signature } : {}),
    narratives: { ...last.narratives },
  };
  return setCells(
    start,
    CARRIED_FROM_PREVIOUS.map(({ from, to }) => [to, valueAt(last, from)] as const),
  );
}
