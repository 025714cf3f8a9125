// How a figure is printed beside words, wherever the program shows one (the
// KPIs, 概览, the 一图读懂): thousands separated, 万元 and percentages alike,
// at most the decimals its kind has. A figure no report can hold (1e308, what
// overflowed to Infinity) reads 「数值过大」 instead of 309 digits, which no
// tile, bar or page has room for and which a renderer takes seconds to draw.

/** What stands for a figure too large to be a count or an amount of any report. */
export const FIGURE_TOO_LARGE = '数值过大';
/** What stands for a negative count, amount or rate: no report has one; it is shown as wrong, never drawn. */
export const NOT_A_COUNT = '数值有误';

/** From a trillion on (13 digits), a figure is not a report's: more than any body handles or charges. */
const LARGEST = 1e12;

/** Whether a figure can be shown as digits (and drawn as a bar): finite and below a trillion in size. */
export function isShowable(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) < LARGEST;
}

/** Whether a figure is one a report can hold as a count, an amount or a share: not negative, and showable. */
export function isCountable(value: number | null): value is number {
  return value !== null && value >= 0 && isShowable(value);
}

// A number format is costly to build (toLocaleString with options builds one per call: ~0.3 ms, the bulk of a
// batch review's figures); one per kind of figure is built once and kept.
const FORMATTERS = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, fixed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${fixed}`;
  let f = FORMATTERS.get(key);
  if (!f)
    FORMATTERS.set(
      key,
      (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: fixed ? decimals : 0 })),
    );
  return f;
}

/**
 * A figure as printed: "3,985,758", "96,171.6", "74.0" (with `fixed`, exactly
 * `decimals` places); 「数值过大」 where it can't be shown.
 */
export function formatFigure(value: number, decimals = 0, fixed = false): string {
  if (!isShowable(value)) return FIGURE_TOO_LARGE;
  const shown = formatter(decimals, fixed).format(value);
  // "-0" where a tiny negative rounds away is 0.
  return shown === '-0' ? '0' : shown.replace(/^-/, '−');
}
