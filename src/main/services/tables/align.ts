// Sheet rows to template rows, keeping the template's order. A label that
// fits two rows ("其他" after 三（六）2 is other_other, not an applicant type)
// or a typo that resembles two rows is settled by where it stands.
import type { LabelMatch } from './labels';

/** An exact match outweighs any guess, so a guess never displaces one. */
const weight = (m: LabelMatch) => (m.exact ? 2 : m.similarity);

/**
 * Picks for sheet rows (each with the template rows it may be) at most one
 * template row each, every template row at most once, in template order,
 * maximising the total weight. Returns sheet row index → the match taken.
 */
export function alignInOrder<K extends string>(
  sheetRows: readonly (readonly LabelMatch<K>[])[],
  order: readonly K[],
): Map<number, LabelMatch<K>> {
  const n = sheetRows.length;
  const m = order.length;
  const rank = new Map(order.map((k, j) => [k, j]));
  // best[i][j]: best total using the first i sheet rows and the first j template rows.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const pick = (i: number, j: number) => sheetRows[i - 1]!.find((x) => rank.get(x.key) === j - 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const here = pick(i, j);
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, here ? best[i - 1]![j - 1]! + weight(here) : 0);
    }
  }
  const out = new Map<number, LabelMatch<K>>();
  for (let i = n, j = m; i > 0 && j > 0;) {
    const here = pick(i, j);
    if (here && best[i]![j] === best[i - 1]![j - 1]! + weight(here)) {
      out.set(i - 1, here);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return out;
}
