// A long request register on the sheet of the tables, as offices keep it:
// the tables end where the form ends, whatever stands below or beside them.
// Every cell exact, no other copy of a table reported, and the register's
// words (自然人, 予以公开 down its columns) never taken for the form's labels.
// Its speed is printed by `npm run bench` (excel), never asserted here.
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { CELLS } from '../../src/shared/model/cells';
import { figures } from '../fixtures/xlsx/figures';
import { wanted } from '../fixtures/xlsx/layouts';
import { withRegister } from '../fixtures/xlsx/register';

const F = figures(17);
const ROWS = 3000;

describe('a request register on the sheet of the tables', () => {
  it.each([
    ['1x15', 'below'],
    ['3x5', 'below'],
    ['15x1', 'below'],
    ['1x15', 'beside'],
    ['3x5', 'beside'],
  ] as const)('四 as %s, %s the tables: every cell exact, the register no part of any table', async (shape, where) => {
    const wb = withRegister(F, shape, where, ROWS);
    const r = await importWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), { agency: '某某区某某局', year: 2024 });
    if (!r.ok) throw new Error(r.error.message);
    const { report, record } = r.value;
    const wrong: string[] = [];
    const unread: string[] = [];
    for (const c of CELLS) {
      const got = report.tables[c.table][c.row]![c.col];
      if (got === null) unread.push(c.key);
      else if (got !== wanted(F.get(c.key) ?? null)) wrong.push(`${c.key}: ${String(got)}`);
    }
    expect({ wrong, unread }).toEqual({ wrong: [], unread: [] });
    // The register holds no table: no copies, no second place like a table.
    expect(record.notes.filter((n) => n.includes('份') || n.includes('像表'))).toEqual([]);
    for (const t of ['proactive', 'requests', 'appeals'] as const) expect(record.tables[t]?.candidates).toBe(1);
  });
});
