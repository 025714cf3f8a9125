// 表四 laid out in Word by dragging borders, its figures' row not lining up
// with its header (fixtures/documents/uneven.ts), read as Word wrote it, as
// LibreOffice saves it as a web page, and as that page re-opened by
// LibreOffice and saved as a workbook: uneven merged columns in every one.
// A figure wholly under its header is read exactly; one straddling two
// header cells is read or left unread with why; none is read wrong.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportBytes } from '../../src/main/formats/registry';
import { CELLS, cellDef, type CellKey } from '../../src/shared/model/cells';
import { isBlankLike, valueAt } from '../../src/shared/model/report';
import { DRIFTS, figuresUnderTheirHeader, unevenAppealsDocx, type Drift } from '../fixtures/documents/uneven';
import { libreoffice, write } from '../fixtures/documents/office';
import { distinctValuesReport } from './documents-fixtures';

const work = mkdtempSync(join(tmpdir(), 'nianbao-uneven-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const truth = distinctValuesReport();
type Format = 'docx' | 'html' | 'xlsx';
const files = {} as Record<Drift, Record<Format, string>>;

beforeAll(async () => {
  for (const drift of Object.keys(DRIFTS) as Drift[]) {
    const docx = write(join(work, `表四-${drift}.docx`), await unevenAppealsDocx(truth, drift));
    const html = libreoffice(docx, 'html', work);
    // Opened in Calc, as a clerk opens a saved page in a spreadsheet, then saved as a workbook.
    files[drift] = { docx, html, xlsx: libreoffice(html, 'xlsx', work, 'HTML (StarCalc)') };
  }
}, 240_000);

describe('表四 with uneven merged columns', () => {
  for (const drift of Object.keys(DRIFTS) as Drift[])
    for (const format of ['docx', 'html', 'xlsx'] as const) {
      it(`borders dragged ${drift}, as ${format}: figures under their header exact, the rest exact or named, none wrong`, async () => {
        const file = files[drift][format];
        const read = await readReportBytes(file.replace(/^.*\//, ''), readFileSync(file));
        if (!read.ok) throw new Error(read.error.message);
        const record = read.value.record!;
        const wrong: string[] = [];
        const exact: CellKey[] = [];
        for (const d of CELLS.filter((c) => c.table === 'appeals')) {
          const cell = record.cells[d.key];
          if (cell.status === 'matched' || cell.status === 'guessed') {
            const got = valueAt(read.value.report, d.key);
            const want = valueAt(truth, d.key);
            // An empty cell in a table of figures is read as 0, and the record says so.
            const placeholder = isBlankLike(want) && got === 0 && cell.readings?.some((r) => r.kind === 'placeholder');
            if (got === want || placeholder) exact.push(d.key);
            else wrong.push(`${d.name}: ${String(got)} ≠ ${String(want)}`);
          } else expect(cell.remark, d.name).toBeTruthy();
        }
        expect(wrong).toEqual([]);
        for (const key of figuresUnderTheirHeader(drift)) expect(exact, cellDef(key)!.name).toContain(key);
      });
    }
});
