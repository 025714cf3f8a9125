// A workbook as its grids: what the table finder is handed. Workbooks as
// offices keep them — last year's figures in hidden columns, a hidden copy of
// a row, last year's tables on a hidden or very hidden sheet, a ledger sheet
// beside the tables — written the ways programs write them: by hand as WPS
// and generators do (inline or shared strings, prefixed elements), by exceljs
// as Excel does, and re-saved by LibreOffice. Each must give the same grids.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWorkbook, LIMITS } from '../../src/main/services/excel';
import { workbookGrids } from '../../src/main/services/excel/workbook';
import type { Grid, GridCell } from '../../src/main/services/tables';
import { CELLS, cellKey } from '../../src/shared/model/cells';
import { REQUEST_COLS } from '../../src/shared/template/gov2021';
import { libreoffice } from '../fixtures/documents/office';
import { figures } from '../fixtures/xlsx/figures';
import { excelJsWorkbook, ooxmlWorkbook, tablesSheet, type OoxmlCell, type OoxmlSheet, type OoxmlValue } from '../fixtures/xlsx/ooxml';

const work = mkdtempSync(join(tmpdir(), 'nianbao-workbook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TITLE = '某某区统计局2024年政府信息公开工作年度报告';
const thisYear = figures(5);
const lastYear = figures(50);
const before = figures(60);

async function grids(bytes: Buffer, name = '测试.xlsx'): Promise<Grid[]> {
  const read = await workbookGrids(bytes, name);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

const sheetOf = (all: Grid[], name: string) => all.find((g) => g.sheet === name)!;
const at = (grid: Grid, address: string) => grid.cells.find((c) => c.address === address);
const hiddenAddresses = (grid: Grid) => grid.cells.filter((c) => c.hidden).map((c) => c.address);
/** What the finder sees of a cell, without its identity. */
const seen = (c: GridCell) => ({ address: c.address, raw: c.raw, text: c.text, master: c.master?.address, hidden: !!c.hidden });

// ---- an office's workbook: this year's tables, last year's kept hidden -------------------------

/** 表三 with last year's 自然人 and 总计 in hidden columns K and L, and a hidden copy of 本年新收 below. */
function requestsWithStaleCopies(): OoxmlSheet {
  const sheet = tablesSheet('表三', thisYear, { tables: ['requests'] });
  const rows = [...sheet.rows] as (OoxmlValue | OoxmlCell)[][];
  // The headers of the copies stand where the layout's headers are (rows 2–4), their figures on each row below.
  rows[2]![10] = '自然人';
  rows[2]![11] = '总计';
  for (let i = 4; i < rows.length; i++) {
    if (!(rows[i]![0] ?? rows[i]![1] ?? rows[i]![2])) continue;
    rows[i]![10] = i;
    rows[i]![11] = i * 10;
  }
  rows.push([
    '一、本年新收政府信息公开申请数量',
    null,
    null,
    ...REQUEST_COLS.map((c) => lastYear.get(cellKey('requests', 'received', c.key)) as number),
  ]);
  return {
    ...sheet,
    rows,
    hiddenColumns: [11, 12],
    hiddenRows: [rows.length],
    merges: [...(sheet.merges ?? []), `A${rows.length}:C${rows.length}`],
  };
}

function officeSheets(): OoxmlSheet[] {
  return [
    { name: '封面', rows: [[TITLE], ['填报单位：某某区统计局']] },
    tablesSheet('表二', thisYear, { tables: ['proactive'] }),
    requestsWithStaleCopies(),
    tablesSheet('表四', thisYear, { tables: ['appeals'] }),
    { ...tablesSheet('上年', lastYear, { title: TITLE.replace('2024', '2023') }), state: 'hidden' },
    { ...tablesSheet('2022年备份', before), state: 'veryHidden' },
    {
      name: '台账',
      rows: [
        ['日期', '事项', '数量', '合计'],
        ['2024-03-01', '依申请公开登记', 3, 3],
      ],
    },
  ];
}

/** The import's numbers against this year's figures: those that differ (wrong), those not read (unread), and the notes. */
async function imported(bytes: Buffer) {
  const result = await importWorkbook(bytes, { fileName: '某某区统计局年报.xlsx' });
  if (!result.ok) throw new Error(result.error.message);
  const { report, record } = result.value;
  const got = (c: (typeof CELLS)[number]) => report.tables[c.table][c.row]![c.col];
  const wrong = CELLS.filter((c) => got(c) !== null && got(c) !== thisYear.get(c.key)).map((c) => `${c.key}: ${String(got(c))}`);
  const unread = CELLS.filter((c) => got(c) === null).map((c) => c.key);
  return { exact: wrong.length === 0 && unread.length === 0, wrong, unread, notes: record.notes, report };
}

const producers: [string, () => Promise<Buffer>][] = [
  ['written by hand with shared strings', () => ooxmlWorkbook(officeSheets(), { strings: 'shared' })],
  ['written as WPS does, inline strings', () => ooxmlWorkbook(officeSheets(), { strings: 'inline' })],
  ['with prefixed elements (<x:c>), as .NET generators write', () => ooxmlWorkbook(officeSheets(), { prefix: 'x' })],
  ['written by exceljs, as Excel keeps them', () => excelJsWorkbook(officeSheets())],
];

describe('what a workbook hides is marked in its grids', () => {
  let reference: Grid[];
  const resaved: Record<string, Buffer> = {};

  beforeAll(async () => {
    reference = await grids(await ooxmlWorkbook(officeSheets()));
    // One LibreOffice run re-saves the exceljs file: another producer of the same shapes.
    const dir = join(work, 'lo');
    mkdirSync(dir);
    const source = join(dir, 'source');
    mkdirSync(source);
    writeFileSync(join(source, 'office.xlsx'), await excelJsWorkbook(officeSheets()));
    resaved.office = readFileSync(libreoffice(join(source, 'office.xlsx'), 'xlsx:Calc MS Excel 2007 XML', dir));
  }, 120_000);

  it('only the sheets that hold the report become grids: a ledger without its labels is left out', () => {
    expect(reference.map((g) => g.sheet)).toEqual(['封面', '表二', '表三', '表四', '上年', '2022年备份']);
  });

  it('hidden and very hidden sheets say so; the visible ones do not', () => {
    expect(reference.filter((g) => g.hidden).map((g) => g.sheet)).toEqual(['上年', '2022年备份']);
  });

  it('the cells of hidden columns and of a hidden row are hidden, and no other', () => {
    const q = sheetOf(reference, '表三');
    const last = Math.max(...q.cells.map((c) => c.r));
    const expected = q.cells.filter((c) => c.c === 11 || c.c === 12 || c.r === last).map((c) => c.address);
    expect(expected.length).toBeGreaterThan(40);
    expect(hiddenAddresses(q)).toEqual(expected);
    expect(at(q, `D${last}`)).toMatchObject({ raw: lastYear.get('requests.received.natural'), hidden: true });
    expect(at(q, 'K3')).toMatchObject({ raw: '自然人', hidden: true });
    // The visible 自然人 and its figure are not hidden.
    expect(at(q, 'D3')).toMatchObject({ raw: '自然人' });
    expect(at(q, 'D3')!.hidden).toBeUndefined();
    for (const g of reference.filter((g) => g.sheet !== '表三')) expect(hiddenAddresses(g)).toEqual([]);
  });

  it.each(producers)('the same grids when %s', async (_, make) => {
    const got = await grids(await make());
    expect(got.map((g) => [g.sheet, !!g.hidden])).toEqual(reference.map((g) => [g.sheet, !!g.hidden]));
    for (const g of reference) expect(sheetOf(got, g.sheet).cells.map(seen)).toEqual(g.cells.map(seen));
  });

  it('the same grids when LibreOffice re-saves the workbook', async () => {
    const got = await grids(resaved.office!);
    expect(got.map((g) => [g.sheet, !!g.hidden])).toEqual(reference.map((g) => [g.sheet, !!g.hidden]));
    for (const g of reference) expect(sheetOf(got, g.sheet).cells.map(seen)).toEqual(g.cells.map(seen));
  });

  it('imported from the LibreOffice re-save, every figure is this year’s', async () => {
    expect((await imported(resaved.office!)).exact).toBe(true);
  });

  it('a column of width 0 is hidden as much as one marked hidden', async () => {
    const sheet = requestsWithStaleCopies();
    const got = await grids(await ooxmlWorkbook([{ ...sheet, hiddenColumns: [], zeroWidthColumns: [11, 12] }]));
    const q = sheetOf(got, '表三');
    expect(q.cells.filter((c) => c.c >= 11).every((c) => c.hidden)).toBe(true);
    expect(q.cells.filter((c) => c.c < 11 && c.r < Math.max(...q.cells.map((x) => x.r))).some((c) => c.hidden)).toBe(false);
  });
});

describe('the office workbook imported: what it hides never wins', () => {
  it.each(producers)('every figure is this year’s when %s, and the record names what it skipped', async (_, make) => {
    const { exact, notes, report } = await imported(await make());
    expect(exact).toBe(true);
    expect(report.agency).toBe('某某区统计局');
    expect(report.year).toBe(2024);
    const skipped = notes.find((n) => n.includes('未采用'));
    expect(skipped).toContain('「上年」');
    expect(skipped).toContain('「2022年备份」');
    expect(skipped).toMatch(/隐藏的行或列中的 \d+ 个格子/);
  });

  it('where only a hidden sheet holds the tables, they are read from it and said cell by cell', async () => {
    const only: OoxmlSheet[] = [
      { name: '封面', rows: [[TITLE]] },
      { ...tablesSheet('年报', thisYear), state: 'veryHidden' },
    ];
    const result = await importWorkbook(await ooxmlWorkbook(only), { fileName: '隐藏.xlsx' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { report, record } = result.value;
    for (const c of CELLS) expect(report.tables[c.table][c.row]![c.col], c.key).toBe(thisYear.get(c.key));
    expect(record.cells[cellKey('requests', 'received', 'natural')]).toMatchObject({ readings: [{ kind: 'hidden' }] });
    expect(record.notes.some((n) => n.includes('只在隐藏的行、列或工作表中有数字'))).toBe(true);
  });
});

describe('a registry of requests beside the report', () => {
  const KINDS = ['自然人', '自然人', '自然人', '商业企业', '自然人', '法律服务机构', '自然人', '科研机构'];
  const RESULTS = ['予以公开', '予以公开', '部分公开', '不予公开', '无法提供', '本机关不掌握相关政府信息'];
  /** A ledger of requests, one a row: the template's labels on every row, a rare kind or two among them. */
  function* registry(rows: number): Generator<OoxmlValue[]> {
    yield ['登记日期', '申请人', '申请人类型', '申请内容', '办理结果', '件数'];
    for (let r = 0; r < rows; r++)
      yield [`2024-${(r % 12) + 1}-${(r % 28) + 1}`, `申请人${r}`, KINDS[r % 8]!, `申请公开某项目${r}的行政许可批复`, RESULTS[r % 6]!, 1];
  }

  it('is no table: only the sheet with the report becomes a grid, and the report reads exact', async () => {
    const bytes = await ooxmlWorkbook([{ name: '登记台账', rows: registry(3000) }, tablesSheet('年报', thisYear, { title: TITLE })]);
    expect((await grids(bytes)).map((g) => g.sheet)).toEqual(['年报']);
    expect((await imported(bytes)).exact).toBe(true);
  });

  it('on the sheet of the tables, below them, the sheet is read whole and no number is wrong', async () => {
    const tables = tablesSheet('年报', thisYear, { title: TITLE });
    const bytes = await ooxmlWorkbook([{ ...tables, rows: [...tables.rows, [], ...registry(300)] }]);
    const [grid] = await grids(bytes);
    expect(grid!.sheet).toBe('年报');
    expect(at(grid!, `F${[...tables.rows].length + 2 + 300}`)!.raw).toBe(1);
    expect((await imported(bytes)).wrong).toEqual([]);
  }, 60_000);
});

// ---- values as programs write them -------------------------------------------------------------

describe('values as the file holds them', () => {
  const cells: OoxmlSheet = {
    name: '表二',
    rows: [
      ['二、主动公开政府信息情况', '信息内容', '本年废止件数', '现行有效件数'],
      [{ runs: ['本年', '制发件数'], phonetic: 'ほんねん' }, { v: 'A_x000D_B' }, { v: '3.99E+06' }, { v: 3985758, numberText: '3985758' }],
      [{ v: 21, date: true }, { v: true }, { v: '#REF!', error: true }, { v: '#DIV/0!', error: true, f: '1/0' }],
      [1, 2, { f: 'SUM(A4:B4)', shared: { si: 0, ref: 'C4:C5' } }, { v: '合计', f: '"合"&"计"' }],
      [3, 4, { shared: { si: 0 } }, { f: '[1]Sheet1!A1' }],
      [{ f: '台账!A1+1' }, { f: 'VLOOKUP(A1,台账!A:B,2,0)' }],
      [
        { v: 5, format: ';;;' },
        { v: 6, format: ';;' },
        { v: '说明', format: ';;' },
        { v: 8, format: '0"件";;' },
        { v: 9, format: '[Red];;;' },
      ],
    ],
  };
  const ledger: OoxmlSheet = { name: '台账', rows: [[41, 'x']] };
  let grid: Grid;

  beforeAll(async () => {
    grid = sheetOf(await grids(await ooxmlWorkbook([cells, ledger], { strings: 'inline', prefix: 'x' })), '表二');
  });

  it('rich text runs are joined without their phonetic guide; _xHHHH_ escapes are decoded', () => {
    expect(at(grid, 'A2')!.raw).toBe('本年制发件数');
    expect(at(grid, 'B2')!.raw).toBe('A\rB');
  });

  it('scientific notation typed as text stays that text; a number stays the number the file holds', () => {
    expect(at(grid, 'C2')).toMatchObject({ raw: '3.99E+06', isNumber: false });
    expect(at(grid, 'D2')).toMatchObject({ raw: 3985758, isNumber: true });
  });

  it('a count formatted as a date is its number, with what the cell showed', () => {
    expect(at(grid, 'A3')).toMatchObject({ raw: 21, isNumber: true, readings: [{ kind: 'date', shown: '1900-01-21' }] });
  });

  it('booleans are booleans; errors, cached or computed, are their text', () => {
    expect(at(grid, 'B3')!.raw).toBe(true);
    expect(at(grid, 'C3')).toMatchObject({ raw: '#REF!', isNumber: false });
    expect(at(grid, 'D3')).toMatchObject({ raw: '#DIV/0!', isNumber: false });
  });

  it('shared formulas without results are computed cell by cell; a formula string keeps its cached text', () => {
    expect(at(grid, 'C4')).toMatchObject({ raw: 3, formula: '=SUM(A4:B4)', uncachedFormula: false });
    expect(at(grid, 'C5')).toMatchObject({ raw: 7, formula: '=SUM(A5:B5)', uncachedFormula: false });
    expect(at(grid, 'D4')!.raw).toBe('合计');
  });

  it('a formula naming a sheet without labels is computed from that sheet; links to other files and lookups stay unknown', () => {
    expect(at(grid, 'A6')).toMatchObject({ raw: 42, uncachedFormula: false });
    expect(at(grid, 'D5')).toMatchObject({ raw: null, uncachedFormula: true });
    expect(at(grid, 'B6')).toMatchObject({ raw: null, uncachedFormula: true });
  });

  it('a value its number format shows nothing of (;;; for all, ;; for numbers) is hidden like a hidden row', () => {
    expect(['A7', 'B7', 'C7', 'D7', 'E7'].map((a) => [a, !!at(grid, a)!.hidden])).toEqual([
      ['A7', true],
      ['B7', true],
      ['C7', false],
      ['D7', false],
      ['E7', true],
    ]);
    expect(at(grid, 'A7')!.raw).toBe(5);
  });

  it.each([
    [false, 14, '1900-01-21'],
    [true, 14, '1904-01-22'],
    [false, 'yyyy"年"m"月"d"日"', '1900-01-21'],
    [false, '[$-804]yyyy"年"m"月";@', '1900-01-21'],
  ] as const)('the date shown follows the workbook (1904 system: %s, format %s)', async (date1904, dateFormat, shown) => {
    const got = sheetOf(await grids(await ooxmlWorkbook([cells], { date1904, dateFormat })), '表二');
    expect(at(got, 'A3')!.readings).toEqual([{ kind: 'date', shown }]);
  });

  it.each(['0"件"', '#,##0', '0.00E+00', '[DBNum1][$-804]General', '@'])(
    'a number format that is no date (%s) is no reading',
    async (dateFormat) => {
      const got = sheetOf(await grids(await ooxmlWorkbook([cells], { dateFormat })), '表二');
      expect(at(got, 'A3')).toMatchObject({ raw: 21 });
      expect(at(got, 'A3')!.readings).toBeUndefined();
    },
  );
});

describe('a count formatted as a date, imported', () => {
  it('reads the number, says so in the record and its notes, and every other cell stays exact', async () => {
    const dated = new Set([cellKey('requests', 'received', 'natural'), cellKey('appeals', 'review', 'upheld')]);
    const sheet = tablesSheet('年报', thisYear, { title: TITLE, cell: (key, v) => (dated.has(key) ? { v, date: true } : v) });
    const result = await importWorkbook(await ooxmlWorkbook([sheet], { strings: 'inline' }), { fileName: '日期格式.xlsx' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { report, record } = result.value;
    for (const c of CELLS) expect(report.tables[c.table][c.row]![c.col], c.key).toBe(thisYear.get(c.key));
    for (const key of dated)
      expect(record.cells[key]).toMatchObject({ status: 'matched', readings: [{ kind: 'date', shown: expect.stringMatching(/^1900-/) }] });
    expect(record.notes.find((n) => n.includes('日期格式'))).toMatch(/^2 个格子设成了日期格式，已按其中的数字读入：/);
  });
});

// ---- the limits, counted while reading -----------------------------------------------------------

/** Rows of numbers only, as a ledger exported from another system. */
function* numbers(rows: number, cols: number): Generator<number[]> {
  for (let r = 0; r < rows; r++) yield Array.from({ length: cols }, (_, c) => (r * cols + c) % 997);
}

describe('limits', () => {
  it('a workbook of more cells than one sheet may hold, the tables on one sheet, imports', async () => {
    const ledgers = Array.from({ length: 4 }, (_, i): OoxmlSheet => ({ name: `台账${i + 1}`, rows: numbers(15_000, 26) }));
    const bytes = await ooxmlWorkbook([...ledgers.slice(0, 2), tablesSheet('年报', thisYear, { title: TITLE }), ...ledgers.slice(2)]);
    expect(4 * 15_000 * 26).toBeGreaterThan(LIMITS.cells);
    const result = await importWorkbook(bytes, { fileName: '全年台账与年报.xlsx' });
    expect(result.ok).toBe(true);
    if (result.ok) for (const c of CELLS) expect(result.value.report.tables[c.table][c.row]![c.col]).toBe(thisYear.get(c.key));
  }, 120_000);

  it('tables far down a long sheet, under a ledger, are read whole', async () => {
    const ledger = [...numbers(400, 26)];
    const tables = tablesSheet('年报', thisYear, { title: TITLE });
    const shift = (ref: string) => ref.replace(/\d+/g, (n) => String(Number(n) + ledger.length));
    const sheet: OoxmlSheet = { name: '年报', rows: [...ledger, ...tables.rows], merges: (tables.merges ?? []).map(shift) };
    const result = await importWorkbook(await ooxmlWorkbook([sheet]), { fileName: '台账下的年报.xlsx' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const c of CELLS) expect(result.value.report.tables[c.table][c.row]![c.col], c.key).toBe(thisYear.get(c.key));
    expect(result.value.record.tables.requests!.range).toMatch(/^A4\d\d:/);
  }, 60_000);

  it('a merge over a whole sheet is refused like a sheet of that many cells, naming the sheet', async () => {
    const sheet = tablesSheet('年报', thisYear);
    const result = await importWorkbook(await ooxmlWorkbook([{ ...sheet, merges: [...(sheet.merges ?? []), 'P1:XFD1048576'] }]), {
      fileName: '合并.xlsx',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        `「合并.xlsx」文件过大：单元格超过 150 万个（工作表「年报」）：请删除与年报无关的工作表或数据，只保留三张表后另存再导入`,
      );
  });
});
