// The three statistics tables in Word, drawn from the one published layout
// (LAYOUTS): rowSpan becomes a vertical merge, colSpan a gridSpan, and the
// layout's header rows repeat at the top of every page the table runs onto.
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { placeCells, type LayoutCell, type TableLayout } from '../../../shared/template/layout';
import type { Report } from '../../../shared/model/report';
import { cellText } from '../../../shared/document/content';
import { STYLE, mmToTwips } from './docx-styles';
import { maxOf } from '../../../shared/math';

const CELL_MARGIN = mmToTwips(1);

function columnWidths(layout: TableLayout, totalTwips: number): number[] {
  const sum = layout.widths.reduce((a, b) => a + b, 0);
  const widths = layout.widths.map((w) => Math.floor((w / sum) * totalTwips));
  // Give the rounding remainder to the widest column so the table spans the type area exactly.
  const widest = widths.indexOf(maxOf(widths));
  widths[widest]! += totalTwips - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellContent(cell: LayoutCell, report: Report): { text: string; alignment: (typeof AlignmentType)[keyof typeof AlignmentType] } {
  switch (cell.kind) {
    case 'head':
      return { text: cell.text, alignment: AlignmentType.CENTER };
    case 'label':
    case 'note':
      return { text: cell.text, alignment: AlignmentType.LEFT };
    case 'value':
      return { text: cellText(report, cell.key), alignment: AlignmentType.CENTER };
  }
}

/** One Word table for a layout, `widthTwips` wide (the type area of its page). */
export function docxTable(layout: TableLayout, report: Report, widthTwips: number): Table {
  const widths = columnWidths(layout, widthTwips);
  const placed = placeCells(layout);
  const rows = layout.rows.map((_, r) => {
    const cells = placed
      .filter((p) => p.r === r)
      .map(({ cell, c }) => {
        const { text, alignment } = cellContent(cell, report);
        return new TableCell({
          children: [new Paragraph({ style: STYLE.table, alignment, text })],
          columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
          rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
          width: { size: widths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 0, bottom: 0 },
        });
      });
    return new TableRow({ children: cells, tableHeader: r < layout.headerRows, cantSplit: true });
  });
  return new Table({ rows, width: { size: widthTwips, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}
