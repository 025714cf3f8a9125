// How the editor's grid shares its width: every value column as wide as the
// table's widest figure (--value-w, set as the figures change), the row labels
// the rest of the section's width (--view-w) in their layout's proportions,
// but never less than their minimum — past that the table is wider than the
// section, which scrolls sideways with the labels held in view. Written as CSS
// lengths, so the browser works them out for any width and zoom without a
// measurement (editor.css holds the rules that read the variables).
import type { CSSProperties } from 'react';
import type { TableLayout } from '../../../shared/template/layout';
import { LABEL_COLUMNS } from './gridModel';

/** What a value cell needs beside its text, in px: its padding (5 each side), its border, and room for the caret. */
const VALUE_CELL_EXTRA_PX = 12;
/** The least the row labels get together, in em for each character of their layout width: 表三's 18em, 二's 8em. */
const LABEL_MIN_EM_PER_CHAR = 0.6;

/** The value columns' width for a table whose widest figure is `ch` digits wide. */
export function valueWidth(ch: number): CSSProperties {
  return { '--value-w': `calc(${ch}ch + ${VALUE_CELL_EXTRA_PX}px)` } as CSSProperties;
}

export function columnsOf(layout: TableLayout) {
  const labels = LABEL_COLUMNS[layout.table];
  const labelWidths = layout.widths.slice(0, labels);
  const labelTotal = labelWidths.reduce((a, b) => a + b, 0);
  /** Where label column `c` starts, as a share of the labels' width. */
  const before = (c: number) => labelWidths.slice(0, c).reduce((a, b) => a + b, 0) / labelTotal;
  const cols = (
    <colgroup>
      {layout.widths.map((w, i) =>
        i < labels ? <col key={i} style={{ width: `calc(var(--label-w) * ${w / labelTotal})` }} /> : <col key={i} className="value-col" />,
      )}
    </colgroup>
  );
  const style = {
    '--value-cols': layout.columns - labels,
    '--labels-min': `${labelTotal * LABEL_MIN_EM_PER_CHAR}em`,
  };
  /**
   * A row label (or the header cell above the labels) stays in view while the table scrolls sideways,
   * at the section's very edge (past its padding, and the collapsed border's outer half).
   */
  const stickyLeft = (c: number, colSpan: number): CSSProperties | undefined =>
    c + colSpan <= labels ? { left: `calc(var(--label-w) * ${before(c)} - var(--view-pad-x, 0px) - 1px)` } : undefined;
  return { cols, style, stickyLeft };
}
