// The review page's channels over a real library file, through the same
// createApi the renderer uses: what the page read comes back as data and
// leaves as a 问题清单 workbook or Word document (a download in browser mode).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { FINDINGS_SHEET, HIERARCHY_SHEET, SUMMARY_SHEET } from '../../src/main/services/review';
import { createApi, type NianbaoApi } from '../../src/shared/api/channels';
import type { ExportOutcome } from '../../src/shared/api/contract';
import { setCells, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/schema';

let dir: string;
let services: OpenedServices;
let api: NianbaoApi;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-handlers-'));
  const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  services = opened.value;
  const handlers = createHandlers(services);
  api = createApi((channel, payload) => handlers[channel](payload));
});

afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

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

const broken = () => setCells({ ...seed(), agency: '余杭区审计局' }, [['requests.results_total.natural', 11], ['requests.results_total.total', 11]]);

describe('review channels', () => {
  it('give the 问题清单 workbook of what the page read, with the region beside its bodies', async () => {
    const entries = [
      { fileName: 'a.json', report: seed(), notes: [] },
      { fileName: 'b.json', report: broken(), notes: ['三张表都找到了'] },
      { fileName: 'c.xlsx', error: '「c.xlsx」已损坏' },
    ];
    const bytes = download(await api.review.workbook({ entries, previous: [], region: 0 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, FINDINGS_SHEET, HIERARCHY_SHEET]);
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getRow(4).getCell(5).value).toBe('有错误');
    expect(wb.getWorksheet(SUMMARY_SHEET)!.getRow(5).getCell(5).value).toBe('读取失败');
  });

  it('give the Word 问题清单 of the bodies asked for', async () => {
    const res = await api.review.letters({ entries: [{ fileName: 'a.json', report: seed(), notes: [] }, { fileName: 'b.json', report: broken(), notes: [] }], previous: [], indexes: [1] });
    if (res.ok && res.value.kind === 'download') expect(res.value.fileName).toBe('余杭区审计局问题清单.docx');
    const xml = await (await JSZip.loadAsync(download(res))).file('word/document.xml')!.async('string');
    expect(xml).toContain('余杭区审计局 年度报告问题清单');
    expect(xml).not.toContain('余杭区统计局 年度报告问题清单');
  });

  it('refuse what is not a report, and a body not in the review, in Chinese', async () => {
    const bad = await api.review.workbook({ entries: [{ fileName: 'x.json', report: { ...seed(), year: 1900 }, notes: [] }], previous: [] });
    expect(bad.ok || bad.error.message).toMatch(/请求内容不正确/);
    const missing = await api.review.letters({ entries: [{ fileName: 'a.json', report: seed(), notes: [] }], previous: [], indexes: [3] });
    expect(missing.ok || missing.error.message).toBe('要打印的报告不在本次审核之中：请重新选择');
  });
});
