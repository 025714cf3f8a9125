// PDFs as Word and WPS write them: every cell drawing its own borders, the
// three-row headers of 三 and 四 with merged cells, 三 over two pages with a
// merged label cut at the page's foot and its header repeated, numbers
// right-aligned and centred (fixtures/documents/cell-borders.ts). Every figure
// comes back exactly or is left unread with a reason: never a wrong number.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportBytes } from '../../src/main/formats/registry';
import { CELLS } from '../../src/shared/model/cells';
import { isBlankLike, valueAt, type Report } from '../../src/shared/model/report';
import { cellBorderPdf, type BorderStyle } from '../fixtures/documents/cell-borders';
import { ARTIFACTS, distinctValuesReport, keepPagesAsPng } from './documents-fixtures';

/** What a file gave against the truth: cells read exactly, cells read as another number, cells left unread (with the record's why). */
async function compare(name: string, bytes: Buffer, truth: Report) {
  const read = await readReportBytes(name, bytes);
  if (!read.ok) throw new Error(read.error.message);
  const record = read.value.record!;
  const wrong: string[] = [];
  const unread: string[] = [];
  let exact = 0;
  for (const d of CELLS) {
    const cell = record.cells[d.key];
    if (cell.status === 'matched' || cell.status === 'guessed') {
      const got = valueAt(read.value.report, d.key);
      // A dash or an empty cell in a table of figures is read as 0, and the record says so (interchange.md).
      const placeholder = isBlankLike(valueAt(truth, d.key)) && cell.readings?.some((r) => r.kind === 'placeholder');
      if (got === valueAt(truth, d.key) || (placeholder && got === 0)) exact++;
      else wrong.push(`${d.name}: ${String(got)} ≠ ${String(valueAt(truth, d.key))}`);
    } else unread.push(`${d.name}: ${cell.remark ?? ''}`);
  }
  return { exact, wrong, unread };
}

describe('PDFs whose cells draw their own borders, as Word and WPS save them', () => {
  const truth = distinctValuesReport();
  for (const style of ['word', 'wps'] as BorderStyle[]) {
    it(`${style === 'word' ? 'Word' : 'WPS'}: every cell exact, 三 over two pages`, async () => {
      const pdf = await cellBorderPdf(truth, style);
      const path = join(ARTIFACTS, `cell-borders-${style}.pdf`);
      writeFileSync(path, pdf);
      keepPagesAsPng(path, `cell-borders-${style}`);
      const result = await compare(`cell-borders-${style}.pdf`, pdf, truth);
      expect(result.wrong).toEqual([]);
      expect(result.unread).toEqual([]);
      expect(result.exact).toBe(CELLS.length);
    });
  }

  // Where the page breaks decides which labels the next page lacks: inside （三） its rows 4.–8. stand without their group.
  for (const [split, repeatHeader] of [
    [5, true],
    [9, false],
    [16, true],
    [20, false],
  ] as const) {
    it(`三 broken after its ${split}th row, ${repeatHeader ? 'its header repeated' : 'no header on the next page'}: every cell exact`, async () => {
      const pdf = await cellBorderPdf(truth, split % 2 ? 'wps' : 'word', { split, repeatHeader });
      const result = await compare(`cell-borders-${split}.pdf`, pdf, truth);
      expect(result.wrong).toEqual([]);
      expect(result.unread).toEqual([]);
    });
  }
});
