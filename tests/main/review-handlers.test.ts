// The review page's channels over a real library file, through the same
// createApi the renderer uses: what the page read comes back as data and
// leaves as a 问题清单 workbook or Word document (a download in browser mode).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOverLibrary } from '../helpers/api';
import { FINDINGS_SHEET, HIERARCHY_SHEET, SUMMARY_SHEET } from '../../src/main/services/review';
import type { ExportOutcome } from '../../src/shared/api/contract';
import { setCells, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';

const fx = apiOverLibrary('nianbao-review-handlers-');

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

function download(res: { ok: true; value: ExportOutcome } | { ok: false; error: { message: string } }): Buffer {
  if (!res.ok) throw new Error(res.error.message);
  if (res.value.kind !== 'download') throw new Error(`expected a download, got ${res.value.kind}`);
  return Buffer.from(res.value.data, 'base64');
}

const broken = () =>
  setCells({ ...seed(), agency: '余杭区审计局' }, [
    ['requests.results_total.natural', 11],
    ['requests.results_total.total', 11],
  ]);

describe('review channels', () => {
  it('give the 问题清单 workbook of what the page read, with the region beside its bodies', async () => {
    const entries = [
      { fileName: 'a.json', report: seed(), notes: [] },
      { fileName: 'b.json', report: broken(), notes: ['三张表都找到了'] },
      { fileName: 'c.xlsx', error: '「c.xlsx」已损坏' },
    ];
    const bytes = download(await fx.api.review.workbook({ entries, previous: [], region: 0 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, FINDINGS_SHEET, HIERARCHY_SHEET]);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getRow(4).getCell(5).value).toBe('有错误');
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getRow(5).getCell(5).value).toBe('读取失败');
  });

  it('give the Word 问题清单 of the bodies asked for', async () => {
    const res = await fx.api.review.letters({
      entries: [
        { fileName: 'a.json', report: seed(), notes: [] },
        { fileName: 'b.json', report: broken(), notes: [] },
      ],
      previous: [],
      indexes: [1],
    });
    if (res.ok && res.value.kind === 'download') expect(res.value.fileName).toBe('余杭区审计局问题清单.docx');
    const xml = await (await JSZip.loadAsync(download(res))).file('word/document.xml')!.async('string');
    expect(xml).toContain('余杭区审计局 年度报告问题清单');
    expect(xml).not.toContain('余杭区统计局 年度报告问题清单');
  });

  it('refuse what is not a report, and a body not in the review, in Chinese', async () => {
    const bad = await fx.api.review.workbook({
      entries: [{ fileName: 'x.json', report: { ...seed(), year: 1900 }, notes: [] }],
      previous: [],
    });
    expect(bad.ok || bad.error.message).toMatch(/请求内容不正确/);
    const missing = await fx.api.review.letters({
      entries: [{ fileName: 'a.json', report: seed(), notes: [] }],
      previous: [],
      indexes: [3],
    });
    expect(missing.ok || missing.error.message).toBe('要打印的报告不在本次审核之中：请重新选择');
  });
});
