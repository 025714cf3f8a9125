// Import of hand-made workbooks in the layouts offices use (fixtures built by
// tests/fixtures/xlsx/build.ts, one made by LibreOffice from an HTML page):
// every cell of the template must come out exactly as the workbook holds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { CELLS } from '../../src/shared/model/cells';
import type { CellValue } from '../../src/shared/model/report';

const DIR = join(__dirname, '../fixtures/xlsx');

interface Expected {
  agency: string;
  year: number;
  options?: { agency: string; year: number };
  tables: Record<string, { sheet: string; appealsShape?: string }>;
  cells: Record<string, CellValue>;
  guessed: string[];
}

const expectedOf = (name: string): Expected => JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;

async function load(name: string) {
  const expected = expectedOf(name);
  const result = await importWorkbook(join(DIR, `${name}.xlsx`), expected.options ?? {});
  if (!result.ok) throw new Error(result.error.message);
  return { expected, ...result.value };
}

describe.each(['three-sheets', 'one-sheet-messy', 'two-years', 'foreign-libreoffice'])('import of %s.xlsx', (name) => {
  it('reads every cell of the three tables exactly', async () => {
    const { expected, report } = await load(name);
    const got = Object.fromEntries(CELLS.map((c) => [c.key, report.tables[c.table][c.row]![c.col]]));
    expect(got).toEqual(expected.cells);
  });

  it('finds each table on its sheet, in its shape, and names body and year', async () => {
    const { expected, record, report } = await load(name);
    for (const [table, where] of Object.entries(expected.tables)) {
      const found = record.tables[table as keyof typeof record.tables]!;
      if (where.sheet !== '*') expect(found.sheet).toBe(where.sheet);
      expect(found.appealsShape).toBe(where.appealsShape);
    }
    expect(report.agency).toBe(expected.agency);
    expect(report.year).toBe(expected.year);
  });

  it('marks as guesses exactly the cells whose labels only resemble the template', async () => {
    const { expected, record } = await load(name);
    const guessed = Object.values(record.cells)
      .filter((c) => c.status === 'guessed')
      .map((c) => c.key);
    expect(guessed.sort()).toEqual([...expected.guessed].sort());
    expect(record.counts).toMatchObject({
      matched: CELLS.length - expected.guessed.length,
      guessed: expected.guessed.length,
      notFound: 0,
      leftBlank: 0,
    });
  });
});

describe('the import record', () => {
  it('gives each cell its source address and raw text', async () => {
    const { record } = await load('three-sheets');
    // 表三 starts at row 2: three header rows, then 一、本年新收 on row 5, columns D–J.
    expect(record.cells['requests.received.natural']).toMatchObject({ status: 'matched', source: { sheet: '表三', address: 'D5' } });
    expect(record.cells['appeals.suit_after_review.total']).toMatchObject({ status: 'matched', source: { sheet: '表四', address: 'O5' } });
    expect(record.tables.requests).toMatchObject({ sheet: '表三', range: 'A2:J29', candidates: 1 });
    expect(record.agency).toMatchObject({ value: '某某市某某局', from: 'title', source: { sheet: '表二', address: 'A1' } });
  });

  it('says which label a guess matched and what it was taken for', async () => {
    const { record } = await load('one-sheet-messy');
    const cell = record.cells['requests.denied_enforcement.natural'];
    expect(cell.status).toBe('guessed');
    if (cell.status !== 'guessed') return;
    expect(cell.guesses[0]).toMatchObject({ found: '属于行政执法案卷宗', takenFor: '属于行政执法案卷' });
    expect(cell.source.raw).toBe(String(cell.value));
    expect(record.notes.join('\n')).toContain('「属于行政执法案卷宗」→「属于行政执法案卷」');
  });

  it('reads dashes and 无 as 0 and says so, reads full-width digits, spaced and separated numbers', async () => {
    const { record } = await load('one-sheet-messy');
    const issued = record.cells['proactive.regulations.issued'];
    expect(issued.status).toBe('matched');
    if (issued.status !== 'matched') return;
    expect(issued.source.raw).toMatch(/^[０-９]+$/);
    expect(issued.value).toBe(Number(issued.source.raw.normalize('NFKC')));
    expect(record.cells['proactive.licensing.decisions']).toMatchObject({ value: 1234, source: { raw: '1,234' } });
    expect(record.cells['proactive.coercion.decisions']).toMatchObject({
      value: 0,
      source: { raw: '无' },
      readings: [{ kind: 'placeholder', found: '无' }],
    });
    expect(record.cells['proactive.normative_docs.repealed']).toMatchObject({ value: 0, readings: [{ kind: 'placeholder', found: '/' }] });
    expect(record.counts.placeholders).toBe(3);
    expect(record.notes).toContain('3 个格子写的是 —、/、无，按 0 读入');
    expect(record.cells['proactive.fees.amount']).toMatchObject({ value: 0.35, source: { raw: '0.35' } });
  });

  it('takes the year asked for among two side by side, and says what it left', async () => {
    const { record } = await load('two-years');
    expect(record.tables.requests).toMatchObject({ range: 'C13:J40', candidates: 2 });
    const note = record.notes.find((n) => n.includes('表三'))!;
    expect(note).toContain('采用了「历年对比」C13:J40（2023年）');
    expect(note).toContain('未采用「历年对比」N13:U40（2022年）');
    // The notes sheet names the labels but holds no table: it is not taken.
    expect(record.tables.proactive!.sheet).toBe('历年对比');
    expect(record.notes.find((n) => n.includes('表二'))).toContain('未采用「历年对比」L3:O11（2022年）');
    expect(record.tables.requests!.copy).toEqual({ label: '2023年', reason: '标有「2023年」，与报告年度 2023 年一致' });
  });

  it('takes the other year when the caller asks for it', async () => {
    const result = await importWorkbook(join(DIR, 'two-years.xlsx'), { year: 2022 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { record } = result.value;
    expect(record.tables.requests!.range).toBe('N13:U40');
    expect(record.tables.appeals!.range).toBe('L43:Q46');
    expect(record.year).toEqual({ value: 2022, from: 'option', stated: 2023 });
    expect(record.notes.some((n) => n.includes('文件标题写的是 2023 年') && n.includes('按指定的 2022 年导入'))).toBe(true);
  });

  it('leaves body and year to the caller when no title names them', async () => {
    const result = await importWorkbook(join(DIR, 'one-sheet-messy.xlsx'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.record.agency).toEqual({ value: '', from: 'missing' });
    expect(result.value.record.year.from).toBe('default');
    expect(result.value.record.notes).toContain('文件中没有写明机关名称：请在导入时填写机关名称');
  });
});
