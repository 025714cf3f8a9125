// Excel import speed. Goals: the official layout imports in ≤ 100 ms; a
// ~5 MB workbook of 30 sheets with the tables on one of them imports in
// ≤ 0.5 × the time exceljs alone takes to load the same file (it builds all
// 30 sheets; the import reads the one that holds the tables); and a ~20 MB
// workbook of many sheets, the tables on one, imports at all.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook, importWorkbook } from '../src/main/services/excel';
import { readReportJson } from '../src/shared/model/report-json';
import { CELLS } from '../src/shared/model/cells';
import { ooxmlWorkbook, tablesSheet, type OoxmlSheet, type OoxmlValue } from '../tests/fixtures/xlsx/ooxml';
import { figures } from '../tests/fixtures/xlsx/figures';
import { withRegister } from '../tests/fixtures/xlsx/register';
import { median } from './timing';

const BIG = join(tmpdir(), 'nianbao-bench-30-sheets.xlsx');
const HUGE = join(tmpdir(), 'nianbao-bench-20mb-v3.xlsx');

function seed() {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '../tests/fixtures/seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Ledger-like random rows, as offices keep beside the report. */
function* ledger(rows: number, salt: number): Generator<OoxmlValue[]> {
  let x = 7 + salt;
  const rand = () => (x = (x * 48271) % 2147483647);
  yield ['日期', '事项', '科室', '金额', '数量', '备注', '编号', '单价', '经办', '状态', '类别', '合计'];
  for (let r = 0; r < rows; r++) {
    yield [
      `2023-${(r % 12) + 1}-${(r % 28) + 1}`,
      `事项${rand() % 5000}`,
      `科室${rand() % 40}`,
      (rand() % 1e7) / 100,
      rand() % 1000,
      r % 7 ? null : `备注${rand() % 100}`,
      rand(),
      (rand() % 1e5) / 100,
      `经办${rand() % 60}`,
      rand() % 2 ? '已办' : '在办',
      `类${rand() % 9}`,
      (rand() % 1e8) / 100,
    ];
  }
}

/** 29 sheets of ledger-like data around one sheet holding the three tables (built once, kept in the temp folder). */
async function bigWorkbook(official: Uint8Array): Promise<Buffer> {
  if (existsSync(BIG)) return readFileSync(BIG);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(official) as unknown as ArrayBuffer);
  for (let s = 1; s <= 26; s++) {
    const ws = wb.addWorksheet(`台账${s}`);
    for (const row of ledger(2800, 0)) ws.addRow(row.map((v) => v ?? ''));
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(BIG, bytes);
  return bytes;
}

/** ~20 MB: the three tables on one sheet among 88 ledger sheets (built once, kept in the temp folder). */
async function hugeWorkbook(): Promise<Buffer> {
  if (existsSync(HUGE)) return readFileSync(HUGE);
  const figures = new Map(CELLS.map((c, i) => [c.key, i % 13]));
  const sheets: OoxmlSheet[] = [];
  for (let s = 1; s <= 88; s++) {
    if (s === 44) sheets.push(tablesSheet('年报三张表', figures));
    sheets.push({ name: `台账${s}`, rows: ledger(2800, s) });
  }
  const bytes = await ooxmlWorkbook(sheets);
  writeFileSync(HUGE, bytes);
  return bytes;
}

export async function run(): Promise<void> {
  const official = await exportWorkbook(seed(), { findings: [], draft: false });
  const bytes = Buffer.from(official);
  await importWorkbook(bytes); // warm up
  const small = await median(21, () => importWorkbook(bytes));
  console.log(`import, official layout (3 sheets):      ${small.toFixed(1)} ms   goal ≤ 100 ms`);

  const big = await bigWorkbook(official);
  const bare = await median(3, () => new ExcelJS.Workbook().xlsx.readFile(BIG));
  const ours = await median(3, async () => {
    const r = await importWorkbook(BIG);
    if (!r.ok) throw new Error(r.error.message);
  });
  console.log(`workbook: ${(big.length / 1024 / 1024).toFixed(1)} MB, 30 sheets, the tables on 3`);
  console.log(`exceljs load alone (readFile):           ${bare.toFixed(0)} ms`);
  console.log(`import (read the sheets with the tables): ${ours.toFixed(0)} ms   ratio ${(ours / bare).toFixed(2)}   goal ≤ 0.5`);

  // A 3,000-row request register on the sheet of the tables: the tables end where the form ends.
  for (const where of ['below', 'beside'] as const) {
    const register = Buffer.from(await withRegister(figures(17), '1x15', where, 3000).xlsx.writeBuffer());
    await importWorkbook(register); // warm up
    const [started, spent] = [performance.now(), process.cpuUsage()];
    const runs = 3;
    for (let i = 0; i < runs; i++) await importWorkbook(register);
    const cpu = process.cpuUsage(spent);
    console.log(
      `tables with a 3,000-row register ${where === 'below' ? 'below' : 'beside'}:  ${((performance.now() - started) / runs).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000 / runs).toFixed(0)} ms CPU   goal: well under 1 s`,
    );
  }

  const huge = await hugeWorkbook();
  const hugeTime = await median(1, async () => {
    const r = await importWorkbook(HUGE);
    if (!r.ok) throw new Error(r.error.message);
  });
  console.log(`workbook: ${(huge.length / 1024 / 1024).toFixed(1)} MB, 89 sheets, the tables on 1`);
  console.log(`import:                                   ${hugeTime.toFixed(0)} ms   goal: imports (it did)`);
}
