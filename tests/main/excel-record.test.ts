// The import record says what the import did wherever it was not simply
// reading a number: placeholders read as 0, units applied, which copy was
// taken and why, a table read across, a merge that hides a value, an old
// layout that can't be split, formulas computed or not, the level inferred.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { CELLS } from '../../src/shared/model/cells';
import { parseCellInput } from '../../src/shared/model/report';
import { figures } from '../fixtures/xlsx/figures';
import { oneSheet, proactive, Sheet } from '../fixtures/xlsx/layouts';

const DIR = join(__dirname, '../fixtures/xlsx/corpus');

/** The corpus workbook of a layout filled with distinct (or real) figures, as exceljs or LibreOffice wrote it. */
function corpusFile(layout: string, producer: 'exceljs' | 'libreoffice' = 'exceljs', figureSet = 'distinct'): string {
  const name = readdirSync(DIR).find(
    (f) =>
      f.startsWith(`${layout}--${figureSet}`) &&
      f.endsWith(producer === 'exceljs' ? '.xlsx' : '.lo.xlsx') &&
      (producer === 'libreoffice' || !f.endsWith('.lo.xlsx')),
  );
  if (!name) throw new Error(`no corpus file for ${layout}`);
  return join(DIR, name);
}

async function read(input: string | Buffer, options = {}) {
  const result = await importWorkbook(input, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('placeholders', () => {
  it('reads —, /, 无, - and empty cells as 0, marks each and counts them once', async () => {
    // Real published figures: mostly zeros, written here as the marks offices use.
    const { record } = await read(corpusFile('placeholders', 'exceljs', 'real'));
    const marked = Object.values(record.cells).filter(
      (c) => (c.status === 'matched' || c.status === 'guessed') && c.readings?.some((x) => x.kind === 'placeholder'),
    );
    expect(marked.length).toBeGreaterThan(20);
    for (const c of marked) expect(c).toMatchObject({ value: 0 });
    expect(record.counts.placeholders).toBe(marked.length);
    const marks = new Set(
      marked.flatMap((c) =>
        (c.status === 'matched' || c.status === 'guessed' ? (c.readings ?? []) : []).map((x) =>
          x.kind === 'placeholder' ? x.found || '空白' : '',
        ),
      ),
    );
    expect([...marks].sort()).toEqual(['-', '/', '—', '无', '空白'].sort());
    expect(record.notes.filter((n) => n.includes('按 0 读入'))).toEqual([
      `${marked.length} 个格子写的是 ${[...marks].join('、')}，按 0 读入`,
    ]);
  });

  it('keeps them as text in a form that holds no number at all', async () => {
    const wb = new ExcelJS.Workbook();
    const f = new Map([...figures(1)].map(([k]) => [k, '—']));
    oneSheet(new Sheet(wb.addWorksheet('表')), 1, 1, f, '3x5');
    const { report, record } = await read(await bytesOf(wb), { agency: '某某镇人民政府', year: 2024 });
    expect(report.tables.requests.received!.natural).toBe('—');
    expect(record.counts.placeholders).toBe(0);
  });
});

describe('units', () => {
  it('divides a fee under 单位：元 into 万元 and reads "21件", listing both', async () => {
    const { record } = await read(corpusFile('units'));
    const fee = record.cells['proactive.fees.amount'];
    expect(fee.status).toBe('matched');
    if (fee.status !== 'matched') return;
    expect(fee.readings).toEqual([{ kind: 'unit', found: fee.source.raw, unit: '元' }]);
    expect(fee.value).toBe(Number(fee.source.raw) / 10_000);
    const natural = record.cells['requests.received.natural'];
    expect(natural).toMatchObject({ status: 'matched', readings: [{ kind: 'unit', unit: '件' }] });
    if (natural.status === 'matched') expect(`${String(natural.value)}件`).toBe(natural.source.raw);
    expect(record.counts.units).toBe(CELLS.length);
    expect(record.notes).toContain(`收费金额以元填写，已除以 10000 换算为万元：「${fee.source.raw}」→ ${String(fee.value)}`);
    expect(record.notes.some((n) => n.startsWith(`${CELLS.length - 1} 个格子的数字带单位，已去掉单位读入：「`))).toBe(true);
  });

  it('reads "0.35万元" under a 万元 header as 0.35', async () => {
    const { record } = await read(corpusFile('units-wan'));
    const fee = record.cells['proactive.fees.amount'];
    expect(fee).toMatchObject({ readings: [{ kind: 'unit', unit: '万元' }] });
    if (fee.status === 'matched') expect(`${String(fee.value)}万元`).toBe(fee.source.raw);
  });
});

describe('copies', () => {
  it('takes the copy marked 本年 and says which and why, side by side under one title', async () => {
    const { record } = await read(corpusFile('copies-side-by-side-0'));
    expect(record.tables.requests!.copy).toEqual({ label: '本年', reason: '标有「本年」' });
    expect(record.tables.requests!.range).toMatch(/^Q/);
    const note = record.notes.find((n) => n.includes('表三'))!;
    expect(note).toMatch(/采用了「对比」Q\d+:Z\d+（本年），因为标有「本年」；未采用「对比」A\d+:J\d+（上年）/);
  });

  it('tells two sheets apart by their names when both carry the same title', async () => {
    const { record } = await read(corpusFile('copies-two-sheets', 'libreoffice'));
    for (const t of ['proactive', 'requests', 'appeals'] as const)
      expect(record.tables[t]).toMatchObject({ sheet: '本年度', copy: { label: '本年度' } });
  });

  async function twoCopies(second: number) {
    const wb = new ExcelJS.Workbook();
    oneSheet(new Sheet(wb.addWorksheet('甲')), 1, 1, figures(3), '3x5');
    oneSheet(new Sheet(wb.addWorksheet('乙')), 1, 1, figures(second), '3x5');
    return read(await bytesOf(wb), { agency: '某某县某某局', year: 2024 });
  }

  it('leaves a table blank, saying why, where nothing tells copies with different figures apart', async () => {
    const { report, record } = await twoCopies(4);
    for (const c of CELLS) {
      expect(record.cells[c.key]).toMatchObject({ status: 'left_blank' });
      expect(report.tables[c.table][c.row]![c.col]).toBeNull();
    }
    expect(record.tables.requests).toBeNull();
    expect(
      record.notes.some((n) => n.startsWith('工作簿中有 2 份表三') && n.includes('没有标明哪一份是本年度的') && n.includes('已留空')),
    ).toBe(true);
  });

  it('takes either of two copies whose figures agree', async () => {
    const { record } = await twoCopies(3);
    expect(record.tables.requests!.copy).toEqual({ reason: '各份的数字相同' });
    expect(record.counts.leftBlank).toBe(0);
  });
});

describe('layouts read across and merged', () => {
  it('reads 三 with applicant types as rows, marks it transposed, and names the source cells', async () => {
    const file = corpusFile('requests-across');
    const { record } = await read(file);
    expect(record.tables.requests).toMatchObject({ transposed: true });
    expect(record.notes).toContain('表三（收到和处理政府信息公开申请情况）是横竖颠倒填写的（项目写在列上）：已按转置读取，请核对');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    // Every source address holds the value read from it.
    for (const c of CELLS.filter((x) => x.table === 'requests')) {
      const cell = record.cells[c.key];
      if (cell.status !== 'matched') throw new Error(`${c.key} ${cell.status}`);
      expect(parseCellInput(wb.getWorksheet(cell.source.sheet)!.getCell(cell.source.address).value)).toBe(cell.value);
    }
  });

  it('leaves a value hidden under a label merged over it blank, with the merge named', async () => {
    const wb = new ExcelJS.Workbook();
    const s = new Sheet(wb.addWorksheet('表二'));
    const f = figures(9);
    proactive(s, 1, 1, f);
    // 行政许可's label merged over the value column: the row has no value of its own.
    const r = 7;
    expect(s.ws.getCell(r, 1).value).toBe('行政许可');
    s.ws.unMergeCells(r, 2, r, 4);
    s.ws.getCell(r, 2).value = null;
    s.ws.mergeCells(r, 1, r, 2);
    const { record } = await read(await bytesOf(wb), { agency: '某某县某某局', year: 2024 });
    expect(record.cells['proactive.licensing.decisions']).toMatchObject({
      status: 'left_blank',
      remark: expect.stringContaining('被合并单元格 A7'),
    });
    expect(record.notes.find((n) => n.includes('已留空：B7'))).toBe(
      '表二 行政许可 已留空：B7 被合并单元格 A7（「行政许可」）覆盖，没有自己的数值',
    );
  });

  it('keeps the three rows of an old single （六）其他处理 blank and says what it held', async () => {
    const { record } = await read(corpusFile('old-other-row', 'libreoffice'));
    const cell = record.cells['requests.other_other.total'];
    expect(cell).toMatchObject({
      status: 'left_blank',
      remark: expect.stringMatching(
        /^表中「（六）其他处理」只有一行（旧版格式，B\d+），写的是 自然人 \d+、.*总计 \d+；现行格式分为逾期不补正、逾期未缴费、其他三项，无法拆分/,
      ),
    });
    expect(record.counts.leftBlank).toBe(21);
    expect(record.notes.filter((n) => n.includes('旧版格式'))).toHaveLength(1);
  });
});

describe('formulas without results', () => {
  it('computes SUM, + and references to other sheets, and lists every one that stays blank', async () => {
    const { record } = await read(corpusFile('formulas'));
    expect(record.cells['requests.received.total']).toMatchObject({
      status: 'matched',
      readings: [{ kind: 'formula', formula: expect.stringMatching(/^=D5\+E5/) }],
    });
    expect(record.cells['proactive.fees.amount']).toMatchObject({
      status: 'matched',
      readings: [{ kind: 'formula', formula: '=数据!A1' }],
    });
    expect(record.cells['requests.carried_forward.total']).toMatchObject({
      status: 'left_blank',
      cause: 'uncached_formula',
      remark: expect.stringContaining('公式'),
    });
    expect(record.notes).toContain(
      '1 个格子是公式，文件中没有保存计算结果，导入时也无法算出，已留空：表三!J29。请在 Excel/WPS 中打开并保存后再导入',
    );
  });

  it('names all of many formulas it can’t compute, not only the first eight', async () => {
    const wb = new ExcelJS.Workbook();
    const s = new Sheet(wb.addWorksheet('表'));
    oneSheet(s, 1, 1, figures(5), '3x5');
    const first = CELLS.filter((c) => c.table === 'requests').length;
    expect(first).toBeGreaterThan(12);
    // Twelve cells of 三's 总计 column as lookups nobody computes here.
    let n = 0;
    s.ws.eachRow((row, r) => {
      if (n < 12 && typeof row.getCell(10).value === 'number' && r > 18) {
        row.getCell(10).value = { formula: `VLOOKUP(A${r},A1:B2,2,FALSE)`, date1904: false };
        n++;
      }
    });
    const { record } = await read(await bytesOf(wb), { agency: '某某县某某局', year: 2024 });
    const note = record.notes.find((x) => x.includes('导入时也无法算出'))!;
    expect(note.startsWith('12 个格子是公式')).toBe(true);
    expect(note.split('、')).toHaveLength(12);
  });
});

describe('the level', () => {
  it('is inferred from the body’s name where the workbook does not state it, and says so', async () => {
    const { report, record } = await read(corpusFile('official'));
    expect(record.level).toEqual({ value: '县区部门', from: 'name' });
    expect(report.level).toBe('县区部门');
    expect(record.notes).toContain('文件中没有写明机关层级，按机关名称「某某区某某局」推断为「县区部门」：如不对请在报告信息中修改');
    const town = await read(corpusFile('official'), { agency: '某某街道办事处' });
    expect(town.record.level).toEqual({ value: '乡镇街道', from: 'name' });
    expect((await read(corpusFile('official'), { level: '市政府' })).record.level).toEqual({ value: '市政府', from: 'option' });
  });
});
