// The office's round from the command line, on folders as a 政务公开办 gets
// them: report JSON and workbooks, a roster saved by Notepad in GBK or kept in
// a workbook after a 序号 column, a second round with fixed, unfixed and new
// problems (against the first round's --json output and its workbook), a
// 汇总 with an erroneous report and one that overflows, links and a pipe in
// the folder. Files are written, read back and the command run in-process.
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main, type CliIO } from '../../src/main/cli';
import { exportWorkbook } from '../../src/main/services/excel';
import { FINDINGS_SHEET, SUMMARY_SHEET } from '../../src/main/services/review';
import { setCells, valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';

const load = (file: string): Report => {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
};
const seed = load('seed-2022.json');
const as = (report: Report, agency: string): Report => ({ ...report, agency, signature: undefined });

/** 审计局's 总计 is one more than its rows; 财政局's 新收 total one more than its columns. */
const audit = setCells(as(seed, '余杭区审计局'), [
  ['requests.results_total.natural', 11],
  ['requests.results_total.total', 11],
]);
const finance = setCells(as(seed, '余杭区财政局'), [['requests.received.total', 11]]);

function capture(): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(...l.split('\n')), lines, errors };
}

let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

interface JsonReview {
  reports: {
    file: string;
    error?: string;
    agency?: string;
    status: string;
    round?: string;
    risk?: { figures: { id: string; mark: string | null }[] };
    recheck?: { closed: boolean; problems: { mark: string; rule: string }[]; changed: { key: string }[] | null };
  }[];
  missing?: { body: string; level: string; status: string; deadline: string; overdue: boolean }[];
  skipped: { name: string; reason: string }[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-round-'));
  mkdirSync(at('round1'));
  mkdirSync(at('round2'));
  writeFileSync(at('round1', '余杭区统计局.json'), reportToJson(as(seed, '余杭区统计局')));
  writeFileSync(at('round1', '余杭区财政局.json'), reportToJson(finance));
  writeFileSync(at('round1', '余杭区审计局.json'), reportToJson(audit));
  // The second round: 审计局 fixed, 财政局 sent the same again, 统计局 with a new problem, 民政局 late but there.
  writeFileSync(at('round2', '审计局（改）.json'), reportToJson(as(seed, '余杭区审计局')));
  writeFileSync(at('round2', '余杭区财政局.json'), reportToJson(finance));
  writeFileSync(
    at('round2', '余杭区统计局.json'),
    reportToJson(setCells(as(seed, '余杭区统计局'), [['proactive.penalty.decisions', '六十']])),
  );
  writeFileSync(at('round2', '余杭区民政局.xlsx'), await exportWorkbook(as(seed, '余杭区民政局'), { findings: [], draft: false }));
  // The roster as Notepad saves it on a Chinese Windows: GBK, CRLF, a header line.
  writeFileSync(
    at('名单.txt'),
    Buffer.from(
      'b5a5cebbc3fbb3c60d0ad3e0babcc7f8cdb3bcc6bed60d0ad3e0babcc7f8b2c6d5febed60d0ad3e0babcc7f8c9f3bcc6bed60d0ad3e0babcc7f8c3f1d5febed60d0ab2d6c7b0bdd6b5c00d0a',
      'hex',
    ),
  );
  // The same roster in a workbook: a title, 序号 first, the level beside some names.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['2022年度政府信息公开工作年度报告报送单位名单']);
  ws.addRow(['序号', '单位名称', '层级', '联系人']);
  ['余杭区统计局', '余杭区财政局', '余杭区审计局', '余杭区民政局', '仓前街道'].forEach((name, i) =>
    ws.addRow([i + 1, name, name.endsWith('街道') ? '乡镇街道' : '县区部门', '张三']),
  );
  await wb.xlsx.writeFile(at('名单.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review --roster', () => {
  it('lists each body on the roster with no report as 未报送, 逾期 past its level’s deadline', async () => {
    for (const roster of ['名单.txt', '名单.xlsx']) {
      const io = capture();
      expect(await main(['review', at('round1'), '--roster', at(roster), '--as-of', '2023-02-15'], io)).toBe(EXIT.findings);
      const missing = io.lines.filter((l) => l.startsWith('未报送\t'));
      expect(missing, roster).toEqual([
        '未报送\t余杭区民政局\t县区部门\t应于 2023年1月31日前报送\t逾期',
        '未报送\t仓前街道\t乡镇街道\t应于 2023年3月31日前报送',
      ]);
      expect(io.lines).toContain('名单 5 个单位：已报送 3，未报送 2（其中逾期 1）');
      expect(io.lines.find((l) => l.includes('余杭区统计局'))).toContain('收集：已报送');
    }
  });

  it('gives the roster and the missing bodies in --json, and a row for each in the 问题清单 workbook', async () => {
    const io = capture();
    const out = at('roster.xlsx');
    await main(['review', at('round1'), '--roster', at('名单.txt'), '--as-of', '2023-02-15', '--json', '--out', out], io);
    const json = JSON.parse(io.lines.join('\n')) as JsonReview;
    expect(json.missing).toEqual([
      { body: '余杭区民政局', level: '县区部门', status: '未报送', deadline: '2023-01-31', overdue: true },
      { body: '仓前街道', level: '乡镇街道', status: '未报送', deadline: '2023-03-31', overdue: false },
    ]);
    expect(json.reports.map((r) => r.round)).toEqual(['已报送', '已报送', '已报送']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: string[][] = [];
    wb.getWorksheet(SUMMARY_SHEET)!.eachRow((row, n) => n > 2 && rows.push([row.getCell(2).text, row.getCell(5).text]));
    expect(rows).toEqual([
      ['余杭区统计局', '已报送'],
      ['余杭区财政局', '已报送'],
      ['余杭区审计局', '已报送'],
      ['余杭区民政局', '未报送（逾期）'],
      ['仓前街道', '未报送'],
    ]);
  });

  it('refuses a roster it cannot read, in one line naming it', async () => {
    writeFileSync(at('空名单.txt'), '\r\n\r\n');
    const io = capture();
    expect(await main(['review', at('round1'), '--roster', at('空名单.txt')], io)).toBe(EXIT.unreadable);
    expect(io.errors).toEqual([expect.stringContaining('「空名单.txt」中没有单位名称')]);
  });
});

describe('review --against', () => {
  let earlierJson: string;
  let earlierBook: string;

  beforeAll(async () => {
    const io = capture();
    earlierBook = at('第一轮问题清单.xlsx');
    await main(['review', at('round1'), '--json', '--out', earlierBook], io);
    earlierJson = at('第一轮.json');
    writeFileSync(earlierJson, io.lines.join('\n'));
  });

  it('marks each earlier problem 已整改 or 仍存在 and each new one 新发现, from the earlier --json or its workbook', async () => {
    for (const against of [earlierJson, earlierBook]) {
      const io = capture();
      expect(await main(['review', at('round2'), '--against', against, '--json'], io)).toBe(EXIT.findings);
      const json = JSON.parse(io.lines.join('\n')) as JsonReview;
      const byBody = new Map(json.reports.map((r) => [r.agency, r.recheck]));
      const marks = (body: string) => [...new Set(byBody.get(body)!.problems.map((p) => `${p.mark} ${p.rule}`))];
      expect(marks('余杭区审计局'), against).toEqual(['已整改 requests.results_total', '已整改 requests.balance']);
      expect(byBody.get('余杭区审计局')!.closed).toBe(true);
      expect(marks('余杭区财政局')).toEqual(['仍存在 requests.row_total', '仍存在 requests.balance', '仍存在 narrative.numbers']);
      expect(byBody.get('余杭区财政局')!.closed).toBe(false);
      expect(marks('余杭区统计局')).toEqual(['新发现 cell.type']);
      // The cells that changed, against the figures the earlier round kept.
      expect(byBody.get('余杭区审计局')!.changed!.map((c) => c.key)).toEqual([
        'requests.results_total.natural',
        'requests.results_total.total',
      ]);
      expect(byBody.get('余杭区统计局')!.changed!.map((c) => c.key)).toEqual(['proactive.penalty.decisions']);
      expect(byBody.get('余杭区民政局')).toBeUndefined();
    }
  });

  it('says it line by line, and writes the marks into the new 问题清单', async () => {
    const io = capture();
    const out = at('第二轮问题清单.xlsx');
    await main(['review', at('round2'), '--against', earlierJson, '--roster', at('名单.txt'), '--out', out], io);
    const audit2 = io.lines.find((l) => l.includes('余杭区审计局') && l.startsWith('通过'))!;
    expect(audit2).toContain('收集：已整改');
    expect(audit2).toContain('对照上轮：已整改 4 项，仍存在 0 项，新发现 0 项');
    expect(io.lines).toContain('  改动的格子：三、（七）总计·自然人 11→10；三、（七）总计·总计 11→10');
    expect(io.lines.some((l) => l.startsWith('  仍存在\t错误\t'))).toBe(true);
    expect(io.lines.find((l) => l.includes('余杭区民政局'))).toContain('上轮没有这个单位');
    expect(io.lines).toContain('对照 第一轮.json：已整改 4 项，仍存在 3 项，新发现 1 项');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const header: string[] = [];
    wb.getWorksheet(FINDINGS_SHEET)!
      .getRow(2)
      .eachCell((c) => header.push(c.text));
    const markCol = header.indexOf('对照上轮') + 1;
    const marks: string[] = [];
    wb.getWorksheet(FINDINGS_SHEET)!.eachRow((row, n) => n > 2 && marks.push(`${row.getCell(2).text} ${row.getCell(markCol).text}`));
    expect(marks).toContain('余杭区审计局 已整改（已改正）');
    expect(marks).toContain('余杭区财政局 仍存在');
  });

  it('in a second round, counts a body that sent in the first as sent, and one that had to send again and did not as 退回修改', async () => {
    mkdirSync(at('round2-partial'), { recursive: true });
    writeFileSync(at('round2-partial', '审计局.json'), reportToJson(as(seed, '余杭区审计局')));
    const io = capture();
    await main(
      ['review', at('round2-partial'), '--against', earlierJson, '--roster', at('名单.txt'), '--as-of', '2023-02-15', '--json'],
      io,
    );
    const json = JSON.parse(io.lines.join('\n')) as JsonReview & {
      roster: { body: string; status: string; earlierRound?: boolean }[];
      against: { notResubmitted: string[] };
    };
    const status = new Map(json.roster.map((r) => [r.body, r.status]));
    expect(status.get('余杭区审计局')).toBe('已整改');
    // Sent in the first round with errors, nothing since: still with the body to correct.
    expect(status.get('余杭区财政局')).toBe('退回修改');
    // Sent in the first round, nothing to correct: not missing.
    expect(status.get('余杭区统计局')).toBe('已报送');
    expect(json.missing!.map((m) => m.body)).toEqual(['余杭区民政局', '仓前街道']);
    expect(json.against.notResubmitted).toEqual(['余杭区财政局']);

    const text = capture();
    await main(['review', at('round2-partial'), '--against', earlierJson, '--roster', at('名单.txt'), '--as-of', '2023-02-15'], text);
    expect(text.lines.filter((l) => l.startsWith('未报送\t')).map((l) => l.split('\t')[1])).toEqual(['余杭区民政局', '仓前街道']);
    expect(text.lines).toContain('上轮有错误应退回修改、本轮未重新报送：余杭区财政局');
    expect(text.lines).toContain('名单 5 个单位：本轮报送 1，上轮已报送 2（其中应退回修改而未重新报送 1），未报送 2（其中逾期 1）');
  });

  it('refuses a file that is no earlier round', async () => {
    const io = capture();
    expect(await main(['review', at('round2'), '--against', at('round1', '余杭区统计局.json')], io)).toBe(EXIT.unreadable);
    expect(io.errors).toEqual([expect.stringContaining('「余杭区统计局.json」不能用作上一轮的审核结果')]);
  });
});

describe('sum', () => {
  it('leaves out a report with errors and says so; --include-errors puts it in', async () => {
    const io = capture();
    const out = at('汇总.json');
    expect(await main(['sum', at('round1'), '--agency', '余杭区人民政府', '--year', '2022', '--out', out], io)).toBe(EXIT.ok);
    const summed = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(summed.kind).toBe('sum');
    expect(summed.members).toEqual([{ agency: '余杭区统计局', level: '县区部门' }]);
    expect(io.errors).toContain('计入（1）：余杭区统计局');
    expect(io.errors).toContain('未计入：余杭区财政局（余杭区财政局.json）：统计表有 2 个错误');
    expect(io.errors).toContain('未计入：余杭区审计局（余杭区审计局.json）：统计表有 4 个错误');
    const all = capture();
    expect(await main(['sum', at('round1'), '--agency', '余杭区人民政府', '--year', '2022', '--include-errors'], all)).toBe(EXIT.ok);
    expect((JSON.parse(all.lines.join('\n')) as Report).members).toHaveLength(3);
  });

  it('refuses a sum that does not fit a number: exit 2, one line, nothing written', async () => {
    mkdirSync(at('huge'));
    for (const name of ['余杭区统计局', '余杭区财政局'])
      writeFileSync(at('huge', `${name}.json`), reportToJson(setCells(as(seed, name), [['proactive.penalty.decisions', 1e308]])));
    const io = capture();
    const out = at('溢出.json');
    expect(await main(['sum', at('huge'), '--agency', '余杭区人民政府', '--year', '2022', '--out', out], io)).toBe(EXIT.unreadable);
    expect(io.errors).toEqual([expect.stringMatching(/^不能汇总：「行政处罚」各单位相加超出了能准确表示的数字范围/)]);
    expect(() => statSync(out)).toThrow();
  });

  it('is checked against last year’s 汇总 only: a body’s own report there is refused', async () => {
    const lastYear = at('2021汇总.json');
    mkdirSync(at('y2021'));
    writeFileSync(
      at('y2021', '余杭区统计局.json'),
      reportToJson(
        setCells({ ...as(seed, '余杭区统计局'), year: 2021 }, [
          ['requests.carried_forward.natural', 3],
          ['requests.carried_forward.total', 3],
          ['requests.received.natural', 13],
          ['requests.received.total', 13],
        ]),
      ),
    );
    expect(await main(['sum', at('y2021'), '--agency', '余杭区人民政府', '--year', '2021', '--out', lastYear], capture())).toBe(EXIT.ok);
    const io = capture();
    expect(await main(['sum', at('round1'), '--agency', '余杭区人民政府', '--year', '2022', '--previous', lastYear], io)).toBe(EXIT.ok);
    expect(io.errors).toContain('与上年汇总（余杭区人民政府 2021 年）对照：1 项');
    expect(io.errors.some((l) => l.includes('上年结转') && l.includes('2021'))).toBe(true);
    const own = capture();
    expect(
      await main(
        ['sum', at('round1'), '--agency', '余杭区人民政府', '--year', '2022', '--previous', at('y2021', '余杭区统计局.json')],
        own,
      ),
    ).toBe(EXIT.unreadable);
    expect(own.errors).toEqual([expect.stringContaining('不是汇总：汇总只与上年的汇总对照')]);
    // The 汇总 of a folder is never the body's: its document is titled so.
    const summed = JSON.parse(readFileSync(lastYear, 'utf8')) as Report;
    expect(valueAt(summed, 'requests.carried_forward.total')).toBe(3);
  });
});

describe('what is not read', () => {
  it('lists links, pipes and other files with the reason, and reads the rest', async () => {
    mkdirSync(at('odd'));
    writeFileSync(at('odd', '余杭区统计局.json'), reportToJson(as(seed, '余杭区统计局')));
    symlinkSync(at('round1', '余杭区审计局.json'), at('odd', '审计局的链接.json'));
    execFileSync('mkfifo', [at('odd', '管道.json')]);
    writeFileSync(at('odd', '说明.txt'), '各单位报告');
    const io = capture();
    expect(await main(['review', at('odd'), '--json'], io)).toBe(EXIT.ok);
    const json = JSON.parse(io.lines.join('\n')) as JsonReview;
    expect(json.reports.map((r) => r.file)).toEqual(['余杭区统计局.json']);
    expect(json.skipped).toEqual([
      { name: '管道.json', reason: '不是普通文件（是管道或套接字），未读取' },
      { name: '审计局的链接.json', reason: '是快捷方式（链接），未读取：请把报告文件本身放进文件夹' },
      { name: '说明.txt', reason: '不是报告文件（.txt），未读取' },
    ]);
    const text = capture();
    await main(['review', at('odd')], text);
    expect(text.lines).toContain('未读取\t管道.json\t不是普通文件（是管道或套接字），未读取');
  });

  it('gives each bad file of a folder one line naming it and what to do, and reviews the rest', async () => {
    mkdirSync(at('bad'));
    writeFileSync(at('bad', '余杭区统计局.json'), reportToJson(as(seed, '余杭区统计局')));
    // A workbook cut short in transit, a scan with no text layer, another program's JSON, a link that leads to itself.
    const book = await exportWorkbook(as(seed, '余杭区财政局'), { findings: [], draft: false });
    writeFileSync(at('bad', '财政局.xlsx'), book.subarray(0, 2000));
    const scan = await PDFDocument.create();
    const pageOfScan = scan.addPage([595, 842]);
    for (let y = 100; y < 700; y += 24) pageOfScan.drawLine({ start: { x: 60, y }, end: { x: 530, y }, thickness: 0.5 });
    writeFileSync(at('bad', '扫描件.pdf'), await scan.save());
    writeFileSync(at('bad', 'package.json'), JSON.stringify({ name: 'some-app', version: '1.0.0', dependencies: {} }));
    symlinkSync(at('bad', '循环.xlsx'), at('bad', '循环.xlsx'));
    const io = capture();
    expect(await main(['review', at('bad'), '--json'], io)).toBe(EXIT.findings);
    const json = JSON.parse(io.lines.join('\n')) as JsonReview;
    const errorOf = new Map(json.reports.map((r) => [r.file, r.error]));
    expect(errorOf.get('余杭区统计局.json')).toBeUndefined();
    expect(errorOf.get('财政局.xlsx')).toMatch(/^「财政局\.xlsx」已损坏或不是 Excel 工作簿.*请在 Excel\/WPS 中打开确认，另存为 \.xlsx/);
    expect(errorOf.get('扫描件.pdf')).toMatch(/^「扫描件\.pdf」.*扫描件，没有文字层：请/);
    expect(errorOf.get('package.json')).toMatch(
      /^「package\.json」不是年报数据文件：.*可能是其他程序的 JSON 文件。请选择年报编制助手导出的 \.json/,
    );
    expect(json.skipped).toEqual([{ name: '循环.xlsx', reason: '是快捷方式（链接），未读取：请把报告文件本身放进文件夹' }]);
    // One line each: no stack, no internal error.
    for (const error of errorOf.values()) if (error) expect(error).not.toMatch(/\n|at .*\.(js|ts|cjs):\d|内部错误/);
  });
});
