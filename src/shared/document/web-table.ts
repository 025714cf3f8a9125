// How a statistics table is set on a screen, from a phone to a desktop: as
// wide as the page allows, never narrower than its words and figures need
// (headers and labels break between words, figures never), and where that is
// wider than the screen the table scrolls sideways as a whole with its row
// labels held in view. The printed table is set by table-fit instead.
import { placeCells, type LayoutCell, type TableLayout } from '../template/layout';
import type { Report } from '../model/report';
import { maxOf } from '../math';
import { cellText } from './content';
import { WIDEST_FALLBACK, textEm } from './fonts';
import { cellLines } from './table-fit';
import { wordPieces } from './words';

/** Padding inside a cell on screen, both sides together, in ems of the table's type (0.3em each side), with its border. */
export const WEB_CELL_PAD_EM = 0.7;
/** A row label's column is at least this wide: a label wraps into a few lines, not into one word a line. */
const LABEL_EM = 6;

const em = (text: string) => textEm(text, WIDEST_FALLBACK);
/** The widest piece a text may not be broken inside. */
const longestPiece = (text: string) => maxOf(wordPieces(text).map(em).concat(0));

export interface WebColumns {
  /**
   * Each label column on a narrow screen, in ems: what its words need; undefined
   * for a column of figures (figures share what is left equally).
   */
  narrow: (number | undefined)[];
  /** Each label column where the table has room: its share of the width as printed (percent). */
  wide: (number | undefined)[];
  /** The narrowest the table is set (ems): below it, it scrolls sideways, its label columns held in view. */
  minWidth: number;
  /** The width (ems) from which every label column can take its printed share and the figures still get what they need. */
  wideFrom: number;
  /** Where each label column stays while the table scrolls sideways (ems from the left). */
  stickyLeft: (number | undefined)[];
}

/** What a label column needs for one cell of its own. */
function labelNeed(cell: Exclude<LayoutCell, { kind: 'value' }>): number {
  const lines = cellLines(cell);
  if (lines.length > 0) return maxOf(lines.map(longestPiece));
  return Math.max(longestPiece(cell.text), Math.min(em(cell.text), LABEL_EM));
}

/** `printed`: the columns' widths as printed (table-fit), whose proportions a wide screen keeps. */
export function webColumns(layout: TableLayout, report: Report, printed: readonly number[]): WebColumns {
  const placed = placeCells(layout);
  // A column holds figures when a value cell stands in it; the others hold the row labels.
  const figures = new Set<number>();
  for (const { cell, c } of placed) if (cell.kind === 'value') for (let k = c; k < c + cell.colSpan; k++) figures.add(k);
  const need = new Array<number>(layout.columns).fill(0);
  let figure = 0;
  for (const { cell, c } of placed) {
    if (cell.kind === 'note') continue;
    const text = cell.kind === 'value' ? cellText(report, cell.key) : cell.text;
    if (figures.has(c)) {
      // Figures share their columns equally: each as wide as the widest figure or header word over its span needs.
      const width = cell.kind === 'value' ? em(text) : longestPiece(text);
      figure = Math.max(figure, width / cell.colSpan);
    } else if (cell.colSpan === 1) {
      need[c] = Math.max(need[c]!, cell.kind === 'label' ? labelNeed(cell) : longestPiece(text));
    }
  }
  const narrow = need.map((n, c) => (figures.has(c) ? undefined : n + WEB_CELL_PAD_EM));
  const total = printed.reduce((a, b) => a + b, 0);
  const wide = printed.map((w, c) => (figures.has(c) ? undefined : (w / total) * 100));
  const labels = narrow.reduce<number>((a, w) => a + (w ?? 0), 0);
  const figuresEm = figures.size * (figure + WEB_CELL_PAD_EM);
  const labelShare = wide.reduce<number>((a, p) => a + (p ?? 0), 0) / 100;
  const wideFrom = Math.max(
    labelShare < 1 ? figuresEm / (1 - labelShare) : Infinity,
    ...narrow.map((w, c) => (w === undefined ? 0 : w / (wide[c]! / 100))),
  );
  const stickyLeft = narrow.map((w, c) => (w === undefined ? undefined : narrow.slice(0, c).reduce<number>((a, x) => a + (x ?? 0), 0)));
  return { narrow, wide, minWidth: labels + figuresEm, wideFrom, stickyLeft };
}
