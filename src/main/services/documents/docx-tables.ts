// The three statistics tables in Word, drawn from the one published layout
// (LAYOUTS): rowSpan becomes a vertical merge, colSpan a gridSpan, and the
// layout's header rows repeat at the top of every page the table runs onto.
// How they break across pages: no row is ever split (cantSplit); a table that
// fits its page at a size of TABLE_SIZES is kept whole (keep-with-next on every
// row for Word and WPS; the writer also starts it on a new page when it would
// not fit the rest of the page, since LibreOffice does not keep rows together);
// one that does not fit may break only where breakableBefore allows (between
// groups, never through a merged label).
import {
  AlignmentType,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { breakableBefore, placeCells, type LayoutCell, type TableLayout } from '../../../shared/template/layout';
import type { Report } from '../../../shared/model/report';
import { cellText } from '../../../shared/document/content';
import { CELL_PAD_PT, CELL_VPAD_PT, TABLE_LINE_FACTOR, cellLines } from '../../../shared/document/table-fit';
import { tableFitOnPage } from '../../../shared/document/pagination';
import { STYLE, twips } from './docx-styles';
import { maxOf } from '../../../shared/math';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function cellContent(cell: LayoutCell, report: Report): { lines: string[]; alignment: Alignment } {
  switch (cell.kind) {
    case 'head':
      return { lines: [cell.text], alignment: AlignmentType.CENTER };
    case 'label': {
      const lines = cellLines(cell);
      // A group label stands centred in its tall narrow cell, as in the template.
      return lines.length > 0 ? { lines, alignment: AlignmentType.CENTER } : { lines: [cell.text], alignment: AlignmentType.LEFT };
    }
    case 'note':
      return { lines: [cell.text], alignment: AlignmentType.LEFT };
    case 'value':
      return { lines: [cellText(report, cell.key)], alignment: AlignmentType.CENTER };
  }
}

/** Widths in twips that add up to exactly `totalTwips`. */
function twipWidths(widthsPt: readonly number[], totalTwips: number): number[] {
  const widths = widthsPt.map((w) => Math.floor(w * 20));
  const widest = widths.indexOf(maxOf(widths));
  widths[widest]! += totalTwips - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** One Word table for a layout, `widthTwips` wide (the type area of its page), set as it fits its page. */
export function docxTable(layout: TableLayout, report: Report, widthTwips: number): Table {
  const fit = tableFitOnPage(layout, report);
  const widths = twipWidths(fit.widths, widthTwips);
  const breakable = breakableBefore(layout);
  const last = layout.rows.length - 1;
  // Keep-with-next on a row's paragraphs ties it to the next row: all rows for a table kept whole.
  const keepWithNext = (r: number) => r < last && (fit.fits || !breakable[r + 1]);
  const size = Math.round(fit.size * 2);
  const spacing = { line: twips(fit.size * TABLE_LINE_FACTOR), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const margins = { left: twips(CELL_PAD_PT), right: twips(CELL_PAD_PT), top: twips(CELL_VPAD_PT), bottom: twips(CELL_VPAD_PT) };

  const placed = placeCells(layout);
  const rows = layout.rows.map((_, r) => {
    const cells = placed
      .filter((p) => p.r === r)
      .map(({ cell, c }) => {
        const { lines, alignment } = cellContent(cell, report);
        const runs = lines.map((text, i) => new TextRun({ text, size, ...(i > 0 ? { break: 1 } : {}) }));
        return new TableCell({
          children: [new Paragraph({ style: STYLE.table, alignment, spacing, keepNext: keepWithNext(r), keepLines: true, children: runs })],
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
          width: { size: widths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins,
        });
      });
    return new TableRow({ children: cells, tableHeader: r < layout.headerRows, cantSplit: true });
  });
  return new Table({ rows, width: { size: widthTwips, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}
