// Word files as other producers write them, made with the `docx` package:
// headings numbered by Word's own lists (the "一、" is not in the text), the
// title over two paragraphs, a table with merged cells, hidden text and a
// tracked deletion (neither shown, so neither read), a table split in two
// at a page break.
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { readReportBytes } from '../../src/main/formats/registry';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt, setCells } from '../../src/shared/model/report';
import { LAYOUTS, placeCells, type TableLayout } from '../../src/shared/template/layout';
import { seedReport } from './documents-fixtures';

const report = setCells(
  seedReport(),
  CELLS.map((c, i) => [c.key, i + 1] as const),
);
/** A table of the official layout as another producer writes it: spans as Word merges, the figures as text. */
function docxTable(layout: TableLayout): Table {
  const placed = placeCells(layout);
  const rows = layout.rows.map(
    (_, r) =>
      new TableRow({
        children: placed
          .filter((p) => p.r === r)
          .map(({ cell }) => {
            const value = cell.kind === 'value' ? valueAt(report, cell.key) : null;
            const text = cell.kind === 'value' ? (value === null ? '' : String(value)) : cell.text;
            return new TableCell({
              children: [new Paragraph(text)],
              rowSpan: cell.rowSpan,
              columnSpan: cell.colSpan,
              width: { size: 600 * cell.colSpan, type: WidthType.DXA },
            });
          }),
      }),
  );
  return new Table({ rows, columnWidths: Array<number>(layout.columns).fill(600) });
}

const numbered = (text: string, level = 0) => new Paragraph({ numbering: { reference: 'sections', level }, children: [new TextRun(text)] });

async function wordFile(extra: { split?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('淮安市洪泽区人民政府')] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('2024年政府信息公开工作年度报告')] }),
          numbered('总体情况'),
          numbered('主动公开', 1),
          new Paragraph({
            children: [
              new TextRun('全年主动公开信息'),
              new TextRun({ text: '（内部备注）', vanish: true }),
              new TextRun('1200条。'),
              new DeletedTextRun({ text: '删去的话', id: 1, author: 'a', date: '2025-01-01T00:00:00Z' }),
            ],
          }),
          numbered('依申请公开', 1),
          new Paragraph('收到申请17件。'),
          numbered('主动公开政府信息情况'),
          docxTable(LAYOUTS.proactive),
          numbered('收到和处理政府信息公开申请情况'),
          ...(extra.split ? splitTable() : [docxTable(LAYOUTS.requests)]),
          numbered('政府信息公开行政复议、行政诉讼情况'),
          docxTable(LAYOUTS.appeals),
          numbered('存在的主要问题及改进情况'),
          new Paragraph('公开内容不够丰富。'),
          numbered('其他需要报告的事项'),
          new Paragraph('本机关未收取信息处理费。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Table 三 as an office splits it by hand at a page break: two tables, "（续表）" between, the second without the header. */
function splitTable(): (Table | Paragraph)[] {
  const layout = LAYOUTS.requests;
  // After 二、上年结转: no merged label runs across the cut.
  const cut = layout.headerRows + 2;
  const first = { ...layout, rows: layout.rows.slice(0, cut) };
  const rest = { ...layout, rows: layout.rows.slice(cut), headerRows: 0 };
  return [docxTable(first), new Paragraph({ children: [new TextRun({ text: '', break: 1 }), new TextRun('（续表）')] }), docxTable(rest)];
}

describe('Word files from other producers', () => {
  it('automatic numbering, a two-paragraph title, hidden text and tracked deletions', async () => {
    const result = await readReportBytes('洪泽区.docx', await wordFile());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.report).toMatchObject({
      tables: report.tables,
      agency: '淮安市洪泽区人民政府',
      year: 2024,
      level: '县区政府',
      narratives: {
        overview: '（一）主动公开\n全年主动公开信息1200条。\n（二）依申请公开\n收到申请17件。',
        problems: '公开内容不够丰富。',
        other: '本机关未收取信息处理费。',
      },
    });
  });

  it('a table split in two at a page break is read as one', async () => {
    const result = await readReportBytes('洪泽区.docx', await wordFile({ split: true }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.report.tables.requests).toEqual(report.tables.requests);
    expect(result.value.record!.tables.requests?.sheet).toBe('表格 2');
  });
});
