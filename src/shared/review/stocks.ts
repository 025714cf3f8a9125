// How figures add up across bodies. Which figures are stocks (held at the year's end) rather than flows (of the
// year): read from the rules, not restated. A cell the continuity rules carry
// on from the same cell of last year's report (现行有效件数 = last year's +
// 制发 − 废止) is a stock; it does not add up across bodies the way a count
// of the year does, since one document may be in force in several bodies.
import { ruleOfKind } from '../rules/catalog';
import { CARRIED_FROM_PREVIOUS } from '../rules/carried';
import type { CellKey } from '../model/cells';

/** The cells carried on from the very same cell of last year's report. */
export const STOCK_CELLS: ReadonlySet<CellKey> = new Set(CARRIED_FROM_PREVIOUS.filter((c) => c.from === c.to).map((c) => c.to));

/** The decimals an amount may have (万元, 4), as the cell rule says: sums are rounded to them, so no floating-point dust shows. */
export const AMOUNT_SCALE = 10 ** ruleOfKind('cellType').maxDecimals;
export const roundAmount = (n: number) => Math.round(n * AMOUNT_SCALE) / AMOUNT_SCALE;
