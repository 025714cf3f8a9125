// `nianbao review` and `nianbao sum` on a folder of real files as a 政务公开办
// receives them: report JSON, workbooks written by our own exporter, the same
// body twice, a file that can't be read, another year's report. The 问题清单
// workbook is read back with exceljs, the Word 问题清单 unzipped.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT, main, type CliIO } from '../../src/main/cli';
import { exportWorkbook } from '../../src/main/services/excel';
import { FINDINGS_SHEET, HIERARCHY_SHEET, problemLetterDocx, SUMMARY_SHEET } from '../../src/main/services/review';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt, numericValue, setCells, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';
import { reviewBatch, sumReports } from '../../src/shared/review';
import { validate } from '../../src/shared/rules/engine';

const FIXTURES = join(__dirname, '..', 'fixtures');
const load = (file: string): Report => {
  const read = readReportJson(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
};
const seed = load('seed-2022.json');
const as = (report: Report, agency: string, year = report.year): Report => ({ ...report, agency, year, signature: undefined });

function capture(): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(l), lines, errors };
}

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);
/** Bodies of 2022; 临平区财政局's table 三 does not add up (办理结果总计 one more than its rows). */
const linpingFinance = setCells(as(seed, '临平区财政局'), [
  ['requests.results_total.natural', 11],
  ['requests.results_total.total', 11],
  ['requests.received.natural', 11],
  ['requests.received.total', 11],
]);
const linpingStats = setCells(as(seed, '临平区统计局'), [
  ['requests.received.commercial', 2],
  ['requests.received.total', 12],
  ['requests.granted.commercial', 2],
  ['requests.granted.total', 11],
  ['requests.results_total.commercial', 2],
  ['requests.results_total.total', 12],
  ['proactive.fees.amount', 0.5],
]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  mkdirSync(at('bodies', '子目录'), { recursive: true });
  mkdirSync(at('good'));
  mkdirSync(at('previous'));
  writeFileSync(at('bodies', '余杭区统计局.json'), reportToJson(seed));
  writeFileSync(at('bodies', '临平区财政局.json'), reportToJson(linpingFinance));
  const xlsx = await exportWorkbook(linpingStats, { findings: [], draft: false });
  writeFileSync(at('bodies', '临平区统计局.xlsx'), xlsx);
  writeFileSync(at('bodies', '损坏的文件.xlsx'), 'not a workbook');
  writeFileSync(at('bodies', '说明.txt'), 'not a report, not read');
  // The same body again, under its full name, in a subfolder.
  writeFileSync(at('bodies', '子目录', '余杭区统计局.json'), reportToJson(as(seed, '杭州市余杭区统计局')));
  writeFileSync(at('good', 'a.json'), reportToJson(seed));
  writeFileSync(at('good', 'b.xlsx'), xlsx);
  // Last year: 余杭区统计局 carried 2 requests forward, so this year's 上年结转 0 wants checking.
  writeFileSync(
    at('previous', '上年余杭.json'),
    reportToJson(
      setCells(as(seed, '余杭区统计局', 2021), [
        ['requests.carried_forward.natural', 2],
        ['requests.carried_forward.total', 2],
      ]),
    ),
  );
  writeFileSync(at('previous', '上年民政.json'), reportToJson(as(seed, '临平区民政局', 2021)));
  writeFileSync(at('2023.json'), reportToJson(load('real-district-stats-2023.json')));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetRows(path: string, name: string): Promise<ExcelJS.Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row, n) => n > 2 && rows.push(row));
  return rows;
}

describe('nianbao review', () => {
  it('reviews a folder: one line per report, a summary, exit 1 as one has errors, and the 问题清单 workbook', async () => {
    const io = capture();
    const out = at('问题清单.xlsx');
    const code = await main(['review', at('bodies'), '--previous', at('previous'), '--out', out, '--word', at('问题清单.docx')], io);
    expect(code).toBe(EXIT.findings);
    const statusLines = io.lines.filter((l) => /^(通过|待核实|有错误|读取失败)\t/.test(l));
    expect(statusLines.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual([
      '有错误 临平区财政局',
      '通过 临平区统计局',
      '读取失败 损坏的文件.xlsx',
      '待核实 余杭区统计局',
      '待核实 杭州市余杭区统计局',
    ]);
    expect(statusLines[3]).toContain('对照上年：上年余杭.json');
    expect(statusLines[3]).toContain('与 子目录/余杭区统计局.json 重复');
    expect(io.lines.at(-1)).toBe('共 5 份报告：通过 1，待核实 2，有错误 1，读取失败 1');
    expect(readdirSync(at('bodies')).sort()).toEqual([
      '临平区统计局.xlsx',
      '临平区财政局.json',
      '余杭区统计局.json',
      '子目录',
      '损坏的文件.xlsx',
      '说明.txt',
    ]);

    const summary = await sheetRows(out, SUMMARY_SHEET);
    expect(summary.map((r) => [r.getCell(2).value, r.getCell(5).value])).toEqual([
      ['临平区财政局', '有错误'],
      ['临平区统计局', '通过'],
      ['损坏的文件.xlsx', '读取失败'],
      ['余杭区统计局', '待核实'],
      ['杭州市余杭区统计局', '待核实'],
    ]);
    // 受理合计 and 实质公开率 as numbers the office can sort by.
    expect([summary[1]!.getCell(10).value, summary[1]!.getCell(12).value]).toEqual([12, 11 / 12]);
    const findings = await sheetRows(out, FINDINGS_SHEET);
    const finance = findings.filter((r) => r.getCell(2).value === '临平区财政局');
    const expected = validate(linpingFinance);
    expect(finance.map((r) => r.getCell(9).value)).toEqual(expected.map((f) => f.rule));
    const results = finance.find((r) => r.getCell(9).value === 'requests.results_total')!;
    expect(results.getCell(3).value).toBe('错误');
    expect(results.getCell(4).value).toBe('三、收到和处理政府信息公开申请情况');
    expect(results.getCell(5).text).toMatch(/^三、（七）总计·自然人、三、（一）予以公开·自然人/);
    // The finding's own advice: check the parts, or make the total their sum.
    expect(results.getCell(7).value).toBe('请核对各项或将总计改为 10');
    expect(findings.some((r) => r.getCell(2).value === '损坏的文件.xlsx' && r.getCell(3).value === '读取失败')).toBe(true);
    // The Word 问题清单: one section per file reviewed.
    const word = await (await JSZip.loadAsync(readFileSync(at('问题清单.docx')))).file('word/document.xml')!.async('string');
    expect(word.match(/<w:sectPr/g)).toHaveLength(5);
  });

  it('exits 0 when no report has errors, and --json gives every report with its findings and figures', async () => {
    const io = capture();
    expect(await main(['review', at('good', 'a.json'), at('good', 'b.xlsx'), '--json'], io)).toBe(EXIT.ok);
    const out = JSON.parse(io.lines.join('\n')) as {
      counts: Record<string, number>;
      reports: { file: string; agency: string; status: string; kpis: Record<string, number | null>; findings: unknown[] }[];
    };
    expect(out.counts).toEqual({ 读取失败: 0, 有错误: 0, 待核实: 0, 通过: 2 });
    expect(out.reports.map((r) => [r.file, r.agency, r.status])).toEqual([
      ['a.json', '余杭区统计局', '通过'],
      ['b.xlsx', '临平区统计局', '通过'],
    ]);
    expect(out.reports[1]!.kpis).toEqual({
      accepted: 12,
      closed: 12,
      disclosure_rate: 11 / 12,
      review_correction_rate: null,
      suit_correction_rate: null,
    });
  });

  it('stamps the office’s calendar day, not UTC’s: at 07:30 in Beijing the 问题清单 is dated today, not yesterday', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-20T23:30:00Z')); // 2026-01-21 07:30 in Beijing
    try {
      const word = at('清单-早晨.docx');
      await main(['review', at('good', 'a.json'), '--out', at('清单-早晨.xlsx'), '--word', word], capture());
      const xml = await (await JSZip.loadAsync(readFileSync(word))).file('word/document.xml')!.async('string');
      expect(xml).toContain('2026-01-21');
      expect(xml).not.toContain('2026-01-20');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(at('清单-早晨.xlsx'));
      expect(book.getWorksheet(SUMMARY_SHEET)!.getCell('A1').text).toContain('2026-01-21');
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('exits 2 and writes nothing when nothing could be read', async () => {
    const io = capture();
    const out = at('nothing.xlsx');
    expect(await main(['review', at('bodies', '损坏的文件.xlsx'), '--out', out], io)).toBe(EXIT.unreadable);
    expect(io.errors.join('\n')).toContain('损坏的文件.xlsx');
    expect(readdirSync(dir)).not.toContain('nothing.xlsx');
    expect(await main(['review', at('missing-folder')], capture())).toBe(EXIT.unreadable);
  });

  it('exits 2 with one line in Chinese when the 问题清单 can’t be written', async () => {
    const io = capture();
    expect(await main(['review', at('good'), '--out', at('no-such-folder', 'x.xlsx')], io)).toBe(EXIT.unreadable);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toContain('x.xlsx');
    const sum = capture();
    expect(await main(['sum', at('good'), '--agency', '临平区', '--year', '2022', '--out', at('no-such-folder', 's.json')], sum)).toBe(
      EXIT.unreadable,
    );
    expect(sum.errors.at(-1)).toContain('s.json');
  });

  it('checks the region’s own report against its bodies’ sum with --region', async () => {
    const summed = sumReports(
      [
        { fileName: 'a.json', report: seed },
        { fileName: 'b.xlsx', report: linpingStats },
      ],
      { agency: '临平区人民政府', year: 2022, level: '县区政府' },
    );
    if (!summed.ok) throw new Error(summed.error.message);
    const region = setCells(summed.value.report, [['requests.received.natural', 30]]);
    // The region's own file may sit in the folder of its bodies: it is not one of them.
    mkdirSync(at('region'));
    writeFileSync(at('region', 'a.json'), reportToJson(seed));
    writeFileSync(at('region', 'b.xlsx'), await exportWorkbook(linpingStats, { findings: [], draft: false }));
    writeFileSync(at('region', 'region.json'), reportToJson(region));
    const io = capture();
    const out = at('region.xlsx');
    await main(['review', at('region'), '--region', at('region', 'region.json'), '--out', out], io);
    expect(io.lines).toContain('本级报告 临平区人民政府 与各单位合计：1 个格子不一致');
    expect(io.lines.join('\n')).toContain('一、本年新收申请·自然人：本级报告填 30，2 个单位合计 20，多 10');
    expect((await sheetRows(out, HIERARCHY_SHEET)).map((r) => r.getCell(4).value)).toEqual(['一、本年新收申请·自然人']);
  });

  it('writes text that looks like a formula as text', async () => {
    const review = reviewBatch([{ fileName: '=cmd.json', report: as(seed, '=HYPERLINK("http://x","点击")'), notes: ['+1'] }]);
    const { problemWorkbook } = await import('../../src/main/services/review');
    const path = at('formula.xlsx');
    writeFileSync(path, await problemWorkbook(review, { title: '@审核', date: '2025-01-20' }));
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheets = Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'));
    for (const s of sheets) expect(await zip.file(s)!.async('string')).not.toContain('<f>');
    const rows = await sheetRows(path, SUMMARY_SHEET);
    expect(rows[0]!.getCell(2).value).toBe('=HYPERLINK("http://x","点击")');
  });
});

describe('nianbao sum', () => {
  it('sums a JSON report and a workbook cell by cell into the region’s report', async () => {
    const out = at('汇总.json');
    const io = capture();
    expect(await main(['sum', at('good'), '--agency', '临平区人民政府', '--year', '2022', '--out', out], io)).toBe(EXIT.ok);
    const read = readReportJson(JSON.parse(readFileSync(out, 'utf8')));
    if (!read.ok) throw new Error(read.error);
    expect(read.value).toMatchObject({ agency: '临平区人民政府', year: 2022, level: '县区政府' });
    for (const c of CELLS) {
      const expected = (numericValue(valueAt(seed, c.key)) ?? 0) + (numericValue(valueAt(linpingStats, c.key)) ?? 0);
      expect(valueAt(read.value, c.key), c.key).toBeCloseTo(expected, 10);
    }
    expect(io.errors.join('\n')).toContain('现行有效件数是年末存量');
  });

  it('writes the 汇总 as any export format, a document marked 草稿', async () => {
    const out = at('汇总.docx');
    expect(
      await main(['sum', at('good'), '--agency', '临平区人民政府', '--year', '2022', '--level', '县区政府', '--out', out], capture()),
    ).toBe(EXIT.ok);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('临平区人民政府');
  });

  it('refuses reports of different years, the same body twice, and a file that can’t be read: exit 2, nothing written', async () => {
    const out = at('refused.json');
    for (const args of [
      [at('good', 'a.json'), at('2023.json')],
      [at('bodies', '余杭区统计局.json'), at('bodies', '子目录')],
      [at('good'), at('bodies', '损坏的文件.xlsx')],
    ]) {
      const io = capture();
      expect(await main(['sum', ...args, '--agency', '临平区', '--year', '2022', '--out', out], io)).toBe(EXIT.unreadable);
      expect(io.errors).toHaveLength(1);
    }
    expect(() => statSync(out)).toThrow();
  });
});

describe('the Word 问题清单', () => {
  it('lists each body’s problems with the cells and the fix, a body to a section', async () => {
    const review = reviewBatch([
      { fileName: 'f.json', report: linpingFinance, notes: [] },
      { fileName: 'bad.xlsx', error: '「bad.xlsx」已损坏' },
    ]);
    const zip = await JSZip.loadAsync(
      await problemLetterDocx(
        review.reports.map((reviewed) => ({ reviewed })),
        { date: '2025-01-20' },
      ),
    );
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('临平区财政局 年度报告问题清单');
    expect(xml).toContain('三、（七）总计·自然人');
    expect(xml).toContain('将总计改为 10');
    expect(xml).toContain('「bad.xlsx」已损坏');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
  });
});
