// Workbooks as offices keep them: last year's figures in a hidden column, a
// hidden copy of a row, a hidden (or very hidden) sheet holding last year's
// tables; values written the office's way. A hidden copy never wins over the
// visible table, and the record says what was skipped; where only a hidden
// copy exists it is read and said. No wrong number, no silent blank.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { CELLS } from '../../src/shared/model/cells';
import { figures, type Figures } from '../fixtures/xlsx/figures';
import { oneSheet, Sheet, wanted } from '../fixtures/xlsx/layouts';

const THIS = figures(11);
const LAST = figures(12);

/** A cell's text, for finding rows by their labels. */
const textAt = (row: ExcelJS.Row, c: number) => {
  const v = row.getCell(c).value;
  return typeof v === 'string' ? v : '';
};

async function read(wb: ExcelJS.Workbook) {
  const r = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { agency: '某某区某某局', year: 2024 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Cells whose value differs from the figures (a wrong number), and cells not read. */
function against(report: Awaited<ReturnType<typeof read>>['report'], f: Figures) {
  const wrong: string[] = [];
  const unread: string[] = [];
  for (const c of CELLS) {
    const got = report.tables[c.table][c.row]![c.col];
    if (got === null) unread.push(c.key);
    else if (got !== wanted(f.get(c.key) ?? null)) wrong.push(`${c.key}: ${String(got)}`);
  }
  return { wrong, unread };
}

/** The three tables on one sheet; `edit` changes the sheet before it is written. */
function workbook(edit: (s: Sheet, wb: ExcelJS.Workbook) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const s = new Sheet(wb.addWorksheet('本年'));
  oneSheet(s, 1, 1, THIS, '3x5');
  edit(s, wb);
  return wb;
}

/** The row of a sheet whose first cell reads `text`. */
function rowOf(s: Sheet, text: string): number {
  let found = 0;
  s.ws.eachRow((row, r) => {
    if (!found && textAt(row, 1).includes(text)) found = r;
  });
  if (!found) throw new Error(`no row ${text}`);
  return found;
}

describe('what a workbook hides', () => {
  it('skips a hidden 总计 column holding last year’s figures, and says so', async () => {
    const { report, record } = await read(
      workbook((s) => {
        // Last year's totals in K, right of this year's, under the same header: hidden.
        s.ws.eachRow((row, r) => {
          const j = row.getCell(10).value;
          if (j === '总计') row.getCell(11).value = '总计';
          const label = textAt(row, 1) + textAt(row, 2) + textAt(row, 3);
          if (typeof j === 'number' && label) row.getCell(11).value = j + 100;
          void r;
        });
        s.ws.getColumn(11).hidden = true;
      }),
    );
    expect(against(report, THIS)).toEqual({ wrong: [], unread: [] });
    expect(record.notes.some((n) => n.includes('隐藏的行或列') && n.includes('未采用'))).toBe(true);
  });

  it('skips a hidden copy of a row above the visible one', async () => {
    const { report } = await read(
      workbook((s) => {
        const r = rowOf(s, '一、本年新收');
        s.ws.spliceRows(
          r,
          0,
          [s.ws.getRow(r).values as ExcelJS.CellValue[]].map((v) => v.map((x) => (typeof x === 'number' ? x + 7 : x)))[0]!,
        );
        s.ws.getRow(r).hidden = true;
      }),
    );
    expect(against(report, THIS).wrong).toEqual([]);
  });

  it.each(['hidden', 'veryHidden'] as const)('skips a %s sheet holding last year’s tables', async (state) => {
    const { report, record } = await read(
      workbook((_s, wb) => {
        const old = wb.addWorksheet('上年');
        oneSheet(new Sheet(old), 1, 1, LAST, '3x5');
        old.state = state;
      }),
    );
    expect(against(report, THIS)).toEqual({ wrong: [], unread: [] });
    expect(record.notes.some((n) => n.includes('隐藏的工作表「上年」'))).toBe(true);
  });

  it('reads a table found only on a hidden sheet, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('表');
    oneSheet(new Sheet(s), 1, 1, THIS, '3x5');
    wb.addWorksheet('封面').getCell(1, 1).value = '某某区某某局2024年政府信息公开工作年度报告';
    s.state = 'hidden';
    const { report, record } = await read(wb);
    expect(against(report, THIS)).toEqual({ wrong: [], unread: [] });
    expect(record.cells['requests.received.natural']).toMatchObject({ readings: [expect.objectContaining({ kind: 'hidden' })] });
    expect(record.notes.some((n) => n.includes('隐藏的行、列或工作表中有数字，已读入'))).toBe(true);
  });
});

describe('values as offices write them', () => {
  it('reads notes, numerals, invisible characters and apostrophes; never a number from scientific notation', async () => {
    const { report, record } = await read(
      workbook((s) => {
        const r = rowOf(s, '一、本年新收');
        s.ws.getCell(r, 4).value = `${wanted(THIS.get('requests.received.natural')!)}（含转办1件）`;
        s.ws.getCell(r, 5).value = '\u200b' + String(wanted(THIS.get('requests.received.commercial')!)) + '\u00a0';
        s.ws.getCell(r, 6).value = "'" + String(wanted(THIS.get('requests.received.research')!));
        s.ws.getCell(r + 1, 4).value = '二十';
        s.ws.getCell(r + 1, 5).value = '贰拾';
        s.ws.getCell(r + 1, 10).value = '3.99E+06';
      }),
    );
    const t = report.tables.requests;
    expect(t.received!.natural).toBe(wanted(THIS.get('requests.received.natural')!));
    expect(t.received!.commercial).toBe(wanted(THIS.get('requests.received.commercial')!));
    expect(t.received!.research).toBe(wanted(THIS.get('requests.received.research')!));
    expect([t.carried_over!.natural, t.carried_over!.commercial]).toEqual([20, 20]);
    expect(t.carried_over!.total).toBeNull();
    expect(report.unread?.['requests.carried_over.total']).toContain('科学计数法');
    expect(record.cells['requests.received.natural']).toMatchObject({ readings: [{ kind: 'note', note: '含转办1件' }] });
    expect(record.cells['requests.carried_over.commercial']).toMatchObject({ readings: [{ kind: 'numeral', found: '贰拾' }] });
    expect(record.notes.some((n) => n.includes('汉字数字'))).toBe(true);
    expect(record.notes.some((n) => n.includes('三、上年结转') || n.includes('二、上年结转'))).toBe(true);
  });
});

describe('columns beside the figures', () => {
  it('never reads last year’s column (上年制发件数, 上年处理决定数量) for this year’s, nor a 同比 or 备注 column', async () => {
    const { report } = await read(
      workbook((s) => {
        // 二: each block's header gets a 上年 column right of its values, holding last year's figures.
        s.ws.eachRow((row) => {
          const header = textAt(row, 2);
          if (header === '本年制发件数') row.getCell(5).value = '上年制发件数';
          else if (header.startsWith('本年处理决定数量')) row.getCell(5).value = '上年处理决定数量';
          else if (header.startsWith('本年收费金额')) row.getCell(5).value = '去年收费金额';
          const label = textAt(row, 1);
          if (['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'].includes(label))
            row.getCell(5).value = 900 + Number(row.number);
        });
        // 三: 同比增减 and 备注 right of 总计, with numbers in them.
        s.ws.eachRow((row) => {
          const total = row.getCell(10).value;
          if (total === '总计') {
            row.getCell(11).value = '同比增减';
            row.getCell(12).value = '备注';
          } else if (typeof total === 'number') {
            row.getCell(11).value = -3;
            row.getCell(12).value = total + 1;
          }
        });
      }),
    );
    expect(against(report, THIS)).toEqual({ wrong: [], unread: [] });
  });
});
