// Archives that lie about their parts' sizes, and Zip64 archives: the parts
// are inflated under a hard budget, so a bomb is refused with little memory
// spent, and an honest Zip64 workbook still reads.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/main/services/excel';
import { exportWorkbook } from '../../src/main/services/excel';
import { scanZip } from '../../src/main/services/zip';
import { readReportBytes } from '../../src/main/formats/registry';
import { zeroBomb, zip } from '../fixtures/xlsx/zip';
import { seed } from '../shared/fixtures';

const GB = 1024 * 1024 * 1024;

async function officialParts(): Promise<Record<string, Buffer>> {
  const archive = await JSZip.loadAsync(await exportWorkbook(seed, { findings: [], draft: false }));
  const parts: Record<string, Buffer> = {};
  for (const [name, file] of Object.entries(archive.files)) if (!file.dir) parts[name] = await file.async('nodebuffer');
  return parts;
}

const bombPart = (inflated: number) => ({ data: Buffer.alloc(100), packed: zeroBomb(inflated), declaredSize: 100 });

/** The official workbook with one more sheet, named by the workbook, whose part declares 100 bytes and inflates to `inflated` zeros. */
async function lyingBomb(inflated: number, options: { zip64?: boolean } = {}): Promise<Buffer> {
  const parts = await officialParts();
  const workbook = parts['xl/workbook.xml']!.toString().replace('</sheets>', '<sheet name="炸弹" sheetId="9" r:id="rIdBomb"/></sheets>');
  const rels = parts['xl/_rels/workbook.xml.rels']!.toString().replace(
    '</Relationships>',
    `<Relationship Id="rIdBomb" Type="${WORKSHEET}" Target="worksheets/sheet9.xml"/></Relationships>`,
  );
  return zip(
    {
      ...parts,
      'xl/workbook.xml': Buffer.from(workbook),
      'xl/_rels/workbook.xml.rels': Buffer.from(rels),
      'xl/worksheets/sheet9.xml': bombPart(inflated),
    },
    options,
  );
}
const WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

describe('a zip part that lies about its size', () => {
  it.each([{ zip64: false }, { zip64: true }])('is refused while inflating, with little memory spent (zip64: $zip64)', async (options) => {
    const bomb = await lyingBomb(GB, options);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const result = await importWorkbook(bomb, { fileName: '炸弹.xlsx' });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^「炸弹\.xlsx」/);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it.each([
    ['lies about its size', 100, /^「炸弹\.xlsx」已损坏/],
    ['declares its size', GB, /^「炸弹\.xlsx」解压后过大/],
  ])('in the shared strings, one that %s is refused too', async (_, declaredSize, message) => {
    const parts = await officialParts();
    const strings = { ...bombPart(GB), declaredSize };
    const result = await importWorkbook(zip({ ...parts, 'xl/sharedStrings.xml': strings }, { zip64: true }), { fileName: '炸弹.xlsx' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('in a part the workbook never names, is never inflated: the tables read as they are', async () => {
    const parts = await officialParts();
    const result = await importWorkbook(zip({ ...parts, 'xl/worksheets/sheet9.xml': bombPart(GB) }), { fileName: '多余部件.xlsx' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.report.tables).toEqual(seed.tables);
  });

  it('an honest part over the budget is stopped at the budget, not read to its end', async () => {
    const archive = zip({ 'big.xml': { data: Buffer.alloc(0), packed: zeroBomb(64 * 1024 * 1024), declaredSize: 64 * 1024 * 1024 } });
    const scan = await scanZip(archive, { limits: { totalBytes: 8 * 1024 * 1024, entries: 10 }, keep: () => true });
    expect(scan).toEqual({ ok: false, failure: 'too_large' });
    const within = await scanZip(archive, { limits: { totalBytes: 65 * 1024 * 1024, entries: 10 }, keep: () => true });
    expect(within.ok && within.value.kept.get('big.xml')?.length).toBe(64 * 1024 * 1024);
  });
});

describe('a part that nests elements without end', () => {
  it('is refused at the first element too deep, not parsed for hours', async () => {
    const archive = await JSZip.loadAsync(await exportWorkbook(seed, { findings: [], draft: false }));
    archive.file('xl/worksheets/sheet2.xml', `<worksheet><sheetData>${'<row>'.repeat(5_000_000)}</sheetData></worksheet>`);
    const bomb = await archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const result = await importWorkbook(bomb, { fileName: '嵌套.xlsx' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^「嵌套\.xlsx」已损坏或不是 Excel 工作簿/);
  });
});

describe('Word files get the same limits', () => {
  const rels = Buffer.from(
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );

  it('a document part that declares 100 bytes and inflates to 1 GB is refused, with little memory spent', async () => {
    const bomb = zip({ '_rels/.rels': rels, 'word/document.xml': { data: Buffer.alloc(100), packed: zeroBomb(GB), declaredSize: 100 } });
    const before = process.memoryUsage().rss;
    const result = await readReportBytes('炸弹.docx', bomb);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe('「炸弹.docx」已损坏或不是 Word 文档（.docx）：请在 Word/WPS 中打开确认，另存为 .docx 后再导入');
  });

  it('an honest document part larger than any report is refused before it is inflated', async () => {
    const big = zip(
      {
        '_rels/.rels': rels,
        'word/document.xml': { data: Buffer.alloc(0), packed: zeroBomb(64 * 1024 * 1024), declaredSize: 64 * 1024 * 1024 },
      },
      { zip64: true },
    );
    const result = await readReportBytes('巨大.docx', big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('too_large');
  });
});

describe('Zip64', () => {
  it('a workbook written with Zip64 records reads like any other', async () => {
    const result = await importWorkbook(zip(await officialParts(), { zip64: true }), { fileName: 'zip64.xlsx' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.report.tables).toEqual(seed.tables);
  });
});
