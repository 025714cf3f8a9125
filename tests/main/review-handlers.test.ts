// The round's channels over a real library file, through the same createApi
// the renderer uses: a roster, files arriving as the page sends them (base64
// of real files), 退回 with its Word 问题清单 (a download in browser mode), a
// report that comes back fixed, 通过 with a note, the round's workbook, and
// the 汇总 stored as a report of its own kind, checked against last year's 汇总.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOverLibrary, value } from '../helpers/api';
import { exportWorkbook } from '../../src/main/services/excel';
import { SUMMARY_SHEET } from '../../src/main/services/review';
import type { ExportOutcome } from '../../src/shared/api/contract';
import { documentTitle, setCells, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';

const fx = apiOverLibrary('nianbao-round-handlers-');

function seed(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}
const as = (agency: string, year = 2022): Report => ({ ...seed(), agency, year, signature: undefined });
const file = (fileName: string, report: Report) => ({ fileName, data: Buffer.from(reportToJson(report)).toString('base64') });

function download(res: ExportOutcome): Buffer {
  if (res.kind !== 'download') throw new Error(`expected a download, got ${res.kind}`);
  return Buffer.from(res.data, 'base64');
}

const broken = setCells(as('余杭区审计局'), [
  ['requests.results_total.natural', 11],
  ['requests.results_total.total', 11],
]);

async function startRound() {
  const { api } = fx;
  const roster = value(
    await api.rounds.rosterFile({ fileName: '名单.txt', data: Buffer.from('余杭区统计局\n余杭区审计局\n仓前街道\n').toString('base64') }),
  );
  return value(await api.rounds.create({ year: 2022, region: '余杭区人民政府', roster: roster.entries }));
}

describe('a round through the API', () => {
  it('takes a roster, puts each arriving report with its body, and shows who is missing', async () => {
    const { api } = fx;
    const created = await startRound();
    expect(created.bodies.map((b) => [b.name, b.level, b.status])).toEqual([
      ['余杭区统计局', '县区部门', '未报送'],
      ['余杭区审计局', '县区部门', '未报送'],
      ['仓前街道', '乡镇街道', '未报送'],
    ]);
    const xlsx = Buffer.from(await exportWorkbook(as('杭州市余杭区统计局'), { findings: [], draft: false })).toString('base64');
    expect(value(await api.rounds.receive({ year: 2022, fileName: '统计局.xlsx', data: xlsx }))).toMatchObject({
      body: '余杭区统计局',
      added: false,
    });
    expect(value(await api.rounds.receive({ year: 2022, ...file('审计局.json', broken) }))).toMatchObject({ body: '余杭区审计局' });
    // A body not on the roster comes in marked so; another year's report and a 汇总 are not taken.
    expect(value(await api.rounds.receive({ year: 2022, ...file('水利局.json', as('余杭区水利局')) }))).toMatchObject({ added: true });
    expect(value(await api.rounds.receive({ year: 2022, ...file('2021.json', as('余杭区统计局', 2021)) }))).toMatchObject({
      error: expect.stringContaining('是 2021 年度的报告，本轮收集的是 2022 年度'),
    });
    const view = value(await api.rounds.open({ year: 2022 }));
    expect(view.bodies.map((b) => [b.name, b.status, b.unlisted])).toEqual([
      ['余杭区统计局', '已报送', false],
      ['余杭区审计局', '已报送', false],
      ['仓前街道', '未报送', false],
      ['余杭区水利局', '已报送', true],
    ]);
    expect(view.counts).toMatchObject({ 未报送: 1, 已报送: 3 });
    expect(view.bodies[1]!.review!.counts.error).toBe(4);
    expect(view.deadlines).toEqual([
      { who: '政府', date: '2023-03-31' },
      { who: '部门', date: '2023-01-31' },
    ]);
  });

  it('退回 gives the body’s Word 问题清单 and records it; the report that comes back is rechecked; 通过 keeps date and note', async () => {
    const { api } = fx;
    const created = await startRound();
    const audit = created.bodies.find((b) => b.name === '余杭区审计局')!;
    await api.rounds.receive({ year: 2022, ...file('审计局.json', broken) });
    const returned = value(await api.rounds.return({ year: 2022, bodyIds: [audit.id], note: '请于本周五前改正后重报' }));
    const xml = await (await JSZip.loadAsync(download(returned.outcome))).file('word/document.xml')!.async('string');
    expect(xml).toContain('余杭区审计局 年度报告问题清单');
    expect(xml).toContain('三、（七）总计·自然人');
    expect(xml).toContain('请于本周五前改正后重报');
    expect(returned.view.bodies.find((b) => b.id === audit.id)!.status).toBe('退回修改');

    await api.rounds.receive({ year: 2022, ...file('审计局（改）.json', as('余杭区审计局')) });
    const again = value(await api.rounds.open({ year: 2022 })).bodies.find((b) => b.id === audit.id)!;
    expect(again.status).toBe('已整改');
    expect(again.submissions).toBe(2);
    expect(again.recheck).toMatchObject({ closed: true, fixed: 4, remaining: 0, added: 0 });
    expect(again.recheck!.changed!.map((c) => c.name)).toEqual(['三、（七）总计·自然人', '三、（七）总计·总计']);

    const accepted = value(await api.rounds.accept({ year: 2022, bodyIds: [audit.id], note: '已按要求改正' }));
    const done = accepted.bodies.find((b) => b.id === audit.id)!;
    expect(done.status).toBe('通过');
    expect(done.accepted!.note).toBe('已按要求改正');
    expect(done.accepted!.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    // A body accepted is not returned; one with nothing in is neither returned nor accepted.
    expect((await api.rounds.return({ year: 2022, bodyIds: [audit.id] })).ok).toBe(false);
    const missing = accepted.bodies.find((b) => b.name === '仓前街道')!;
    const refused = await api.rounds.accept({ year: 2022, bodyIds: [missing.id], note: '' });
    expect(refused.ok || refused.error.message).toContain('仓前街道 还没有报送报告');
    expect(value(await api.rounds.reopen({ year: 2022, bodyId: audit.id })).bodies.find((b) => b.id === audit.id)!.status).toBe('已整改');
  });

  it('gives the round’s 问题清单 workbook, every body on the roster a row', async () => {
    const { api } = fx;
    await startRound();
    await api.rounds.receive({ year: 2022, ...file('审计局.json', broken) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download(value(await api.rounds.workbook({ year: 2022 }))) as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet(SUMMARY_SHEET)!.eachRow((row, n) => n > 2 && rows.push(`${row.getCell(2).text} ${row.getCell(5).text}`));
    expect(rows).toEqual(['余杭区统计局 未报送（逾期）', '余杭区审计局 已报送', '仓前街道 未报送（逾期）']);
  });

  it('sums into a 汇总 of its own kind, leaving out a report with errors, checked against last year’s 汇总 only', async () => {
    const { api, services } = fx;
    // Last year: the district's own report, and last year's 汇总 of the same name.
    const own = setCells(as('余杭区人民政府', 2021), [['requests.carried_forward.total', 500]]);
    value(await api.library.import({ report: own }));
    const lastSum = {
      ...setCells(as('余杭区人民政府', 2021), [
        ['requests.carried_forward.natural', 1],
        ['requests.carried_forward.total', 1],
      ]),
      kind: 'sum' as const,
      members: [{ agency: '余杭区统计局', level: '县区部门' as const }],
    };
    value(await api.library.import({ report: lastSum }));
    const created = await startRound();
    await api.rounds.receive({ year: 2022, ...file('统计局.json', as('余杭区统计局')) });
    await api.rounds.receive({ year: 2022, ...file('审计局.json', broken) });
    const ids = created.bodies.map((b) => b.id);
    const summed = value(
      await api.rounds.sum({ year: 2022, agency: '余杭区人民政府', level: '县区政府', bodyIds: ids, includeErrors: false }),
    );
    expect(summed.summary.kind).toBe('sum');
    expect(summed.excluded).toEqual([
      { fileName: '审计局.json', agency: '余杭区审计局', reason: '统计表有 4 个错误', errors: 4 },
      { fileName: '', agency: '仓前街道', reason: '未报送' },
    ]);
    const opened = value(await api.library.open({ id: summed.summary.id }));
    expect(opened.report.members).toEqual([{ agency: '余杭区统计局', level: '县区部门' }]);
    expect(documentTitle(opened.report)).toBe('余杭区人民政府2022年政府信息公开工作年度报告（汇总）');
    // Its last year is last year's 汇总 (carried forward 1), never the district's own report (500).
    expect(valueAt(opened.previous!, 'requests.carried_forward.total')).toBe(1);
    const list = value(await api.library.list({}));
    expect(list.filter((r) => r.agency === '余杭区人民政府').map((r) => [r.year, r.kind])).toEqual([
      [2022, 'sum'],
      [2021, 'report'],
      [2021, 'sum'],
    ]);
    // The library's own report of 2022 for the district is found as a body's report, never the 汇总.
    expect(value(services.library.findReport('余杭区人民政府', 2022))).toBeNull();
  });

  it('checks a body’s report against last year’s, dropped as last year’s reports', async () => {
    const { api } = fx;
    await startRound();
    const lastYear = setCells(as('余杭区统计局', 2021), [
      ['requests.carried_forward.natural', 2],
      ['requests.carried_forward.total', 2],
    ]);
    expect(value(await api.rounds.receive({ year: 2022, ...file('2021统计局.json', lastYear), asPrevious: true }))).toMatchObject({
      body: '余杭区统计局',
    });
    await api.rounds.receive({ year: 2022, ...file('统计局.json', as('余杭区统计局')) });
    const body = value(await api.rounds.open({ year: 2022 })).bodies.find((b) => b.name === '余杭区统计局')!;
    expect(body.problems.map((p) => p.rule)).toContain('continuity.carried_over');
    expect(value(await api.rounds.list({})).map((r) => [r.year, r.bodies])).toEqual([
      [2022, 3],
      [2021, 1],
    ]);
    // Next year's round carries this year's roster.
    const next = value(await api.rounds.create({ year: 2023, region: '余杭区人民政府', roster: [], fromPrevious: true }));
    expect(next.bodies.map((b) => b.name)).toEqual(['余杭区统计局', '余杭区审计局', '仓前街道']);
  });
});
