// How a statistics table is set on its page: the type size and the column
// widths, worked out from what the cells hold, so that six-digit figures never
// wrap, a four-character header never breaks 3 + 1, and the whole table fits
// the type area (it is set smaller, within TABLE_SIZES, rather than broken).
// The Word writer and the printed HTML both use the one answer.
import { placeCells, type LayoutCell, type TableLayout } from '../template/layout';
import type { Report } from '../model/report';
import { cellText } from './content';
import { TABLE_SIZES, WIDEST_FALLBACK, textEm as fontTextEm } from './fonts';
import { maxOf } from '../math';

/** Horizontal padding inside a cell, each side, in points (0.5 mm). */
export const CELL_PAD_PT = 1.4;
/** Vertical padding inside a cell, each side, in points. */
export const CELL_VPAD_PT = 1;
/** A table line is set exactly this many times its type size. */
export const TABLE_LINE_FACTOR = 1.25;
/** The widest figure a value column is made for: six digits (999 999). */
const FIGURE_DIGITS = 6;
/** A column is made wide enough for its text in whichever font prints it: half-width characters at their widest. */
const textEm = (text: string) => fontTextEm(text, WIDEST_FALLBACK);
/**
 * The lines a cell's text is printed in, before wrapping. A rowspan group label
 * such as "（三）不予公开" breaks after its numbering, as the template prints it,
 * so the narrow column shows "（三）" over "不予公开" and never "（三）不" over "予公开".
 */
export function cellLines(cell: LayoutCell): string[] {
  if (cell.kind !== 'label' || cell.rowSpan === 1) return [];
  const m = /^([（(][一二三四五六七八九十]+[）)])(.+)$/.exec(cell.text);
  return m ? [m[1]!, m[2]!] : [cell.text];
}

/** Lines that text of `em` ems takes in a line `widthEm` wide (characters are not split). */
function wrappedLines(text: string, widthEm: number): number {
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = textEm(ch);
    if (used + w > widthEm + 1e-6 && used > 0) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** The narrowest width (ems) at which `n` characters wrap without leaving one character alone on the last line. */
function noLoneCharWidth(n: number, atLeast: number): number {
  for (let w = Math.max(1, atLeast); w < n; w++) if (n % w !== 1) return w;
  return n;
}

/** What the text of a cell needs of its column(s), in ems of the table's size. */
function neededEm(cell: LayoutCell, report: Report): number {
  switch (cell.kind) {
    case 'value':
      return Math.max(textEm('0'.repeat(FIGURE_DIGITS)), textEm(cellText(report, cell.key)));
    case 'head': {
      const n = Math.ceil(textEm(cell.text));
      // Up to four characters on one line (结果维持, 尚未审结); longer ones in at most two even lines.
      return n <= 4 ? textEm(cell.text) : noLoneCharWidth(n, Math.ceil(n / 2));
    }
    case 'label': {
      if (cell.rowSpan === 1) return 0;
      const lines = cellLines(cell);
      if (lines.length > 1) return maxOf(lines.map(textEm));
      return noLoneCharWidth(Math.ceil(textEm(cell.text)), 2);
    }
    case 'note':
      return 0;
  }
}

export interface TableFit {
  /** Type size in points. */
  size: number;
  /** Column widths in points, summing to the width given. */
  widths: number[];
  /** Estimated height of each row in points. */
  rowHeights: number[];
  /** True when the table fits the height given at `size`. */
  fits: boolean;
}

/** Shares `total` among columns by their layout weights, no column below its minimum. */
function distribute(mins: readonly number[], weights: readonly number[], total: number): number[] | undefined {
  if (mins.reduce((a, b) => a + b, 0) > total + 1e-6) return undefined;
  const fixed = new Set<number>();
  for (;;) {
    const free = total - [...fixed].reduce((a, c) => a + mins[c]!, 0);
    const weight = weights.reduce((a, w, c) => (fixed.has(c) ? a : a + w), 0);
    const short = weights.findIndex((w, c) => !fixed.has(c) && (free * w) / weight < mins[c]!);
    if (short < 0) return weights.map((w, c) => (fixed.has(c) ? mins[c]! : (free * w) / weight));
    fixed.add(short);
  }
}

function fitAt(layout: TableLayout, report: Report, size: number, widthPt: number): Omit<TableFit, 'fits'> | undefined {
  const placed = placeCells(layout);
  const pad = 2 * CELL_PAD_PT;
  const mins = new Array<number>(layout.columns).fill(pad);
  for (const { cell, c } of placed) if (cell.colSpan === 1) mins[c] = Math.max(mins[c]!, neededEm(cell, report) * size + pad);
  // A cell over several columns takes what it lacks from them evenly.
  for (const { cell, c } of placed) {
    if (cell.colSpan === 1) continue;
    const have = mins.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0) - pad * (cell.colSpan - 1);
    const lack = neededEm(cell, report) * size + pad - have;
    if (lack > 0) for (let k = c; k < c + cell.colSpan; k++) mins[k]! += lack / cell.colSpan;
  }
  const widths = distribute(mins, layout.widths, widthPt);
  if (!widths) return undefined;

  const line = size * TABLE_LINE_FACTOR;
  const lines = new Array<number>(layout.rows.length).fill(1);
  const spanned: { r: number; rowSpan: number; lines: number }[] = [];
  for (const { cell, r, c } of placed) {
    const inner = (widths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0) - pad) / size;
    const text = cell.kind === 'value' ? cellText(report, cell.key) : cell.text;
    const parts = cellLines(cell);
    const n = (parts.length > 0 ? parts : [text]).reduce((a, t) => a + wrappedLines(t, inner), 0);
    if (cell.rowSpan === 1) lines[r] = Math.max(lines[r]!, n);
    else spanned.push({ r, rowSpan: cell.rowSpan, lines: n });
  }
  // A label over several rows that needs more lines than they give makes the last of them taller.
  for (const s of spanned) {
    const have = lines.slice(s.r, s.r + s.rowSpan).reduce((a, b) => a + b, 0);
    if (s.lines > have) lines[s.r + s.rowSpan - 1]! += s.lines - have;
  }
  return { size, widths, rowHeights: lines.map((n) => n * line + 2 * CELL_VPAD_PT) };
}

/**
 * The largest of TABLE_SIZES at which the table's columns fit `widthPt` and the
 * whole table fits `heightPt`; failing that, the smallest size whose columns fit.
 */
export function fitTable(layout: TableLayout, report: Report, widthPt: number, heightPt: number): TableFit {
  let last: Omit<TableFit, 'fits'> | undefined;
  for (const size of TABLE_SIZES) {
    const fit = fitAt(layout, report, size, widthPt);
    if (!fit) continue;
    last = fit;
    if (fit.rowHeights.reduce((a, b) => a + b, 0) <= heightPt) return { ...fit, fits: true };
  }
  if (last) return { ...last, fits: false };
  // Not even the smallest size fits across: the layout's own proportions at the smallest size.
  const size = TABLE_SIZES[TABLE_SIZES.length - 1]!;
  const sum = layout.widths.reduce((a, b) => a + b, 0);
  const widths = layout.widths.map((w) => (w / sum) * widthPt);
  return { size, widths, rowHeights: layout.rows.map(() => size * TABLE_LINE_FACTOR * 3), fits: false };
}
