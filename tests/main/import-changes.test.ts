// What an import writes (shared/model/imported.ts), from workbooks read by the
// real importer: the cells the file gave, and only those; a cell it lacks or
// left blank keeps what the report holds (unknown is never written as 0).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import type { ImportedFile } from '../../src/shared/api/contract';
import { CELLS } from '../../src/shared/model/cells';
import { cellsToWrite, importCells, isRead } from '../../src/shared/model/imported';
import { valueAt } from '../../src/shared/model/report';
import { figures } from '../fixtures/xlsx/figures';
import { proactive, Sheet } from '../fixtures/xlsx/layouts';
import { seed } from '../shared/fixtures';

async function read(input: string | Buffer): Promise<ImportedFile> {
  const result = await importWorkbook(input, { agency: seed.agency, year: seed.year });
  if (!result.ok) throw new Error(result.error.message);
  return { report: result.value.report, record: result.value.record, notes: result.value.record.notes };
}

describe('what an import writes', () => {
  it('writes every cell a full workbook gives, and as a change only those that differ from the report', async () => {
    const file = await read(join(__dirname, '../fixtures/xlsx/three-sheets.xlsx'));
    const cells = importCells(seed, file);
    expect(cells.map((c) => c.key)).toEqual(CELLS.map((c) => c.key));
    const all = cellsToWrite(cells, { all: true });
    const readKeys = CELLS.filter((c) => isRead(file.record!.cells[c.key])).map((c) => c.key);
    expect(all.map(([key]) => key)).toEqual(readKeys);
    for (const [key, value] of all) expect(value).toBe(valueAt(file.report, key));
    const changes = cellsToWrite(cells);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes).toEqual(all.filter(([key, value]) => valueAt(seed, key) !== value));
  });

  it('leaves the cells of tables the workbook lacks as the report has them', async () => {
    // An office's workbook with 表二 alone.
    const wb = new ExcelJS.Workbook();
    proactive(new Sheet(wb.addWorksheet('主动公开')), 1, 1, figures(3));
    const file = await read(Buffer.from(await wb.xlsx.writeBuffer()));
    const written = new Set(cellsToWrite(importCells(seed, file), { all: true }).map(([key]) => key));
    for (const c of CELLS) {
      if (c.table === 'proactive') expect(written.has(c.key)).toBe(true);
      else {
        expect(isRead(file.record!.cells[c.key])).toBe(false);
        expect(written.has(c.key)).toBe(false);
        expect(importCells(seed, file).find((x) => x.key === c.key)).toMatchObject({
          before: valueAt(seed, c.key),
          after: valueAt(seed, c.key),
        });
      }
    }
  });
});
