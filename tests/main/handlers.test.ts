// The handlers over a real library file, called through the same createApi
// the renderer uses (here with an in-process transport).
import { describe, expect, it } from 'vitest';
import { apiOverLibrary, value } from '../helpers/api';
import { CHANNELS } from '../../src/shared/api/channels';
import { inputs } from '../../src/shared/api/contract';
import ExcelJS from 'exceljs';
import { AUDIT_SHEET_NAME, exportWorkbook, ONE_SHEET_NAME, SHEET_NAMES } from '../../src/main/services/excel';
import { readReportJson } from '../../src/shared/model/report-json';
import { valueAt } from '../../src/shared/model/report';
import { readFileSync } from 'node:fs';

const fx = apiOverLibrary('nianbao-handlers-');

describe('handlers', () => {
  it('cover every channel of the contract, and the preload list names them all', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(inputs).sort());
    expect(Object.keys(fx.handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuse a payload that does not match the schema, with a Chinese message', async () => {
    const res = await fx.handlers['library.edit']({ id: 1, patch: { cells: { 'requests.nonsense.total': 3 } } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bad_request');
      expect(res.error.message).toContain('请求内容不正确');
    }
    const empty = await fx.api.library.create({ agency: '  ', year: 2025, level: '县区部门' });
    expect(empty.ok).toBe(false);
  });

  it('create, list, open, edit and reopen a report', async () => {
    const created = value(await fx.api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区部门' }));
    expect(created.status).toBe('草稿');
    value(
      await fx.api.library.edit({
        id: created.id,
        revision: created.revision,
        patch: { cells: { 'requests.received.natural': 3 }, narratives: { other: '本单位未收取信息处理费。' } },
      }),
    );
    const opened = value(await fx.api.library.open({ id: created.id }));
    expect(valueAt(opened.report, 'requests.received.natural')).toBe(3);
    expect(opened.report.narratives.other).toBe('本单位未收取信息处理费。');
    expect(opened.previous).toBeNull();
    expect(value(await fx.api.library.list({})).map((r) => r.id)).toEqual([created.id]);
  });

  it('refuse 定稿 while errors remain, saying why', async () => {
    const created = value(await fx.api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区部门' }));
    value(
      await fx.api.library.edit({
        id: created.id,
        revision: created.revision,
        patch: { cells: { 'requests.received.natural': 3, 'requests.received.total': 5 } },
      }),
    );
    const res = await fx.api.library.setStatus({ id: created.id, status: '定稿' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/错误/);
  });

  it('show only deleted reports in the recycle bin, and the rest outside it', async () => {
    const a = value(await fx.api.library.create({ agency: '甲局', year: 2025, level: '县区部门' }));
    const b = value(await fx.api.library.create({ agency: '乙局', year: 2025, level: '县区部门' }));
    value(await fx.api.library.remove({ id: a.id }));
    expect(value(await fx.api.library.list({})).map((r) => r.id)).toEqual([b.id]);
    expect(value(await fx.api.library.list({ deleted: true })).map((r) => r.id)).toEqual([a.id]);
  });

  it("create from last year's report with the level the author chose", async () => {
    const last = value(await fx.api.library.create({ agency: '余杭区统计局', year: 2024, level: '县区部门' }));
    value(await fx.api.library.edit({ id: last.id, revision: last.revision, patch: { cells: { 'requests.carried_forward.natural': 2 } } }));
    const next = value(await fx.api.library.create({ agency: '余杭区统计局', year: 2025, level: '县区政府', fromPrevious: true }));
    expect(next.level).toBe('县区政府');
    const opened = value(await fx.api.library.open({ id: next.id }));
    expect(valueAt(opened.report, 'requests.carried_over.natural')).toBe(2);
    expect(opened.previous?.year).toBe(2024);
    // Made with its level in one step: no version "before editing" of a report that did not exist yet.
    expect(value(await fx.api.library.revisions({ id: next.id }))).toEqual([]);
  });

  it('an import is one edit: its changes and the version before them, together', async () => {
    const created = value(await fx.api.library.create({ agency: '某局', year: 2024, level: '县区部门' }));
    value(
      await fx.api.library.edit({
        id: created.id,
        revision: created.revision,
        patch: { cells: { 'requests.received.natural': 1 } },
        keepBefore: 'replace',
      }),
    );
    const revisions = value(await fx.api.library.revisions({ id: created.id }));
    expect(revisions.map((r) => r.reason)).toEqual(['replace']);
    expect(
      valueAt(value(await fx.api.library.revision({ id: created.id, revisionId: revisions[0]!.id })), 'requests.received.natural'),
    ).toBeNull();
    expect(valueAt(value(await fx.api.library.open({ id: created.id })).report, 'requests.received.natural')).toBe(1);
  });

  describe('files', () => {
    const seed = readReportJson(JSON.parse(readFileSync('tests/fixtures/seed-2022.json', 'utf8')));
    if (!seed.ok) throw new Error(seed.error);

    it('read a workbook picked in the app, with the record of what was matched', async () => {
      const bytes = await exportWorkbook(seed.value, { findings: [], draft: false });
      const read = value(await fx.api.files.read({ fileName: '2022年报表.xlsx', data: Buffer.from(bytes).toString('base64') }));
      expect(read.report.tables).toEqual(seed.value.tables);
      expect(read.record?.counts.notFound).toBe(0);
    });

    it('refuse a legacy .xls with advice, naming the file', async () => {
      const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
      const res = await fx.api.files.read({ fileName: '旧表.xls', data: ole.toString('base64') });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toMatch(/旧表\.xls.*另存为 \.xlsx/);
    });

    it('export a clean report for the browser to download, and refuse a final export with errors', async () => {
      const stored = fx.services.library.add(seed.value);
      if (!stored.ok) throw new Error(stored.error.message);
      const notFinal = await fx.api.files.exportDocument({ id: stored.value.id, format: 'docx', draft: false });
      expect(notFinal.ok).toBe(false);
      if (!notFinal.ok) expect(notFinal.error.message).toContain('报告尚未定稿，只能导出草稿');
      value(await fx.api.library.setStatus({ id: stored.value.id, status: '定稿' }));
      const docx = value(await fx.api.files.exportDocument({ id: stored.value.id, format: 'docx', draft: false }));
      expect(docx.kind).toBe('download');
      if (docx.kind === 'download') {
        expect(docx.fileName).toBe('余杭区统计局2022年政府信息公开工作年度报告.docx');
        expect(Buffer.from(docx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
      }
      const draftAgain = value(await fx.api.library.setStatus({ id: stored.value.id, status: '草稿' }));
      value(
        await fx.api.library.edit({
          id: stored.value.id,
          revision: draftAgain.revision,
          patch: { cells: { 'requests.received.total': 11 } },
        }),
      );
      const draft = value(await fx.api.files.exportDocument({ id: stored.value.id, format: 'html', draft: true }));
      if (draft.kind !== 'download') throw new Error('expected a download');
      expect(draft.fileName).toContain('（草稿）');
      expect(Buffer.from(draft.data, 'base64').toString('utf8')).toContain('草稿');
    });

    it('export the tables as a workbook with a sheet each, or all on one sheet', async () => {
      const stored = fx.services.library.add(seed.value);
      if (!stored.ok) throw new Error(stored.error.message);
      value(await fx.api.library.setStatus({ id: stored.value.id, status: '定稿' }));
      const sheets = async (oneSheet: boolean) => {
        const out = value(await fx.api.files.exportDocument({ id: stored.value.id, format: 'xlsx', draft: false, oneSheet }));
        if (out.kind !== 'download') throw new Error('expected a download');
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(out.data, 'base64') as unknown as ArrayBuffer);
        return wb.worksheets.map((w) => w.name);
      };
      expect(await sheets(false)).toEqual([...Object.values(SHEET_NAMES), AUDIT_SHEET_NAME]);
      expect(await sheets(true)).toEqual([ONE_SHEET_NAME, AUDIT_SHEET_NAME]);
    });

    it('cannot reveal a file in the browser mode, and says where to look', async () => {
      const res = await fx.api.files.reveal({ path: '/tmp/x.docx' });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toContain('下载');
    });
  });
});
