// Sums, largest and smallest of a list of any length. `Math.max(...values)`
// passes every value as an argument, and a long enough list (a pasted column,
// a hostile workbook's cells) overflows the call stack.

/** The largest value; -Infinity for none, as Math.max() gives. */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const v of values) if (v > max || Number.isNaN(v)) max = v;
  return max;
}

/** The smallest value; Infinity for none, as Math.min() gives. */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min || Number.isNaN(v)) min = v;
  return min;
}

/** The sum of figures; null where any of them is unknown (a cell that holds text), never a sum that leaves it out. */
export function sumKnown(values: Iterable<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}
