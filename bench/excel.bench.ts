// Excel import speed. Goals: the official layout imports in ≤ 100 ms; a
// ~5 MB workbook of 30 sheets with the tables on one of them imports in
// ≤ 1.25 × the time exceljs alone takes to load it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { exportWorkbook, importWorkbook } from '../src/main/services/excel';
import { readReportJson } from '../src/shared/model/schema';
import { median } from './timing';

const BIG = join(tmpdir(), 'nianbao-bench-30-sheets.xlsx');

function seed() {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '../tests/fixtures/seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** 29 sheets of ledger-like data around one sheet holding the three tables (built once, kept in the temp folder). */
async function bigWorkbook(official: Uint8Array): Promise<Buffer> {
  if (existsSync(BIG)) return readFileSync(BIG);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(official) as unknown as ArrayBuffer);
  let x = 7;
  const rand = () => (x = (x * 48271) % 2147483647);
  for (let s = 1; s <= 26; s++) {
    const ws = wb.addWorksheet(`台账${s}`);
    ws.addRow(['日期', '事项', '科室', '金额', '数量', '备注', '编号', '单价', '经办', '状态', '类别', '合计']);
    for (let r = 0; r < 2800; r++) {
      ws.addRow([
        `2023-${(r % 12) + 1}-${(r % 28) + 1}`,
        `事项${rand() % 5000}`,
        `科室${rand() % 40}`,
        (rand() % 1e7) / 100,
        rand() % 1000,
        r % 7 ? '' : `备注${rand() % 100}`,
        rand(),
        (rand() % 1e5) / 100,
        `经办${rand() % 60}`,
        rand() % 2 ? '已办' : '在办',
        `类${rand() % 9}`,
        (rand() % 1e8) / 100,
      ]);
    }
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  writeFileSync(BIG, bytes);
  return bytes;
}

export async function run(): Promise<void> {
  const official = await exportWorkbook(seed(), { findings: [], draft: false });
  const bytes = Buffer.from(official);
  await importWorkbook(bytes); // warm up
  const small = await median(21, () => importWorkbook(bytes));
  console.log(`import, official layout (3 sheets):      ${small.toFixed(1)} ms   goal ≤ 100 ms`);

  const big = await bigWorkbook(official);
  const sheets = 3 + 26 + 1;
  const bare = await median(3, () => new ExcelJS.Workbook().xlsx.load(big as unknown as ArrayBuffer));
  const ours = await median(3, async () => {
    const r = await importWorkbook(big, { fileName: 'big.xlsx' });
    if (!r.ok) throw new Error(r.error.message);
  });
  console.log(`workbook: ${(big.length / 1024 / 1024).toFixed(1)} MB, ${sheets} sheets`);
  console.log(`exceljs load alone:                      ${bare.toFixed(0)} ms`);
  console.log(`import (guard + load + find):            ${ours.toFixed(0)} ms   ratio ${(ours / bare).toFixed(2)}   goal ≤ 1.25`);
}
