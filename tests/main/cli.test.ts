// The `nianbao` command as users run it: a real child process on real files
// in a temporary folder, checked by exit status, stdout and stderr.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCells, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.cjs');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function nianbao(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function seedReport(): Report {
  const read = readReportJson(JSON.parse(readFileSync(join(FIXTURES, 'seed-2022.json'), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** Exactly one line, in Chinese, and no stack trace. */
function expectOneClearLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/[\u4e00-\u9fff]/);
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
  return lines[0]!;
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  const seed = seedReport();
  writeFileSync(file('seed.json'), reportToJson(seed));
  // A balance broken in the 自然人 column: one request carried forward that came from nowhere.
  writeFileSync(
    file('broken.json'),
    reportToJson(
      setCells(seed, [
        ['requests.carried_forward.natural', 1],
        ['requests.carried_forward.total', 1],
      ]),
    ),
  );
  // Last year's report of the same body: it carried 2 requests forward and had 3 normative documents in force.
  const previous = setCells({ ...seed, year: 2021, narratives: { overview: '', problems: '', other: '' } }, [
    ['requests.carried_forward.natural', 2],
    ['requests.carried_forward.total', 2],
    ['requests.received.natural', 12],
    ['requests.received.total', 12],
    ['proactive.normative_docs.in_force', 3],
  ]);
  writeFileSync(file('previous.json'), reportToJson(previous));
  writeFileSync(file('garbage.json'), '{"format": "gov-info-disclosure/2021", "agency": ');
  writeFileSync(file('not-a-report.json'), JSON.stringify({ name: 'package', version: '1.0.0' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nianbao validate', () => {
  it('passes the seed: exit 0', async () => {
    const run = await nianbao('validate', file('seed.json'));
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('0 个错误，0 个需核实，0 个提示');
  });

  it('fails a broken report: exit 1, and --json names the rule, severity, message and cells', async () => {
    const run = await nianbao('validate', file('broken.json'), '--json');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { findings: { id: string; rule: string; severity: string; message: string; cells: string[] }[] };
    expect(out.findings.map((f) => f.id)).toEqual(['requests.balance:natural', 'requests.balance:total']);
    const [natural] = out.findings;
    expect(Object.keys(natural!).sort()).toEqual(['cells', 'id', 'message', 'rule', 'severity']);
    expect(natural).toMatchObject({
      rule: 'requests.balance',
      severity: 'error',
      cells: [
        'requests.received.natural',
        'requests.carried_over.natural',
        'requests.results_total.natural',
        'requests.carried_forward.natural',
      ],
    });
    expect(natural!.message).toContain('本年新收 10 + 上年结转 0 = 10，但办理结果总计 10 + 结转下年度 1 = 11');
  });

  it('prints one line per finding and a summary without --json', async () => {
    const run = await nianbao('validate', file('broken.json'));
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^错误 {2}requests\.balance {2}「自然人」一列不平衡/);
    expect(lines[2]).toBe('2 个错误，0 个需核实，0 个提示');
  });

  it('checks continuity against --previous: warnings, so still exit 0', async () => {
    const run = await nianbao('validate', file('seed.json'), '--previous', file('previous.json'), '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { findings: { id: string; severity: string; cells: string[] }[] };
    expect(out.findings.map((f) => [f.id, f.severity])).toEqual([
      ['continuity.carried_over', 'warning'],
      ['continuity.in_force', 'warning'],
    ]);
    expect(out.findings[0]!.cells).toEqual(['requests.carried_over.natural', 'requests.carried_over.total']);
  });

  it.each([
    ['a file that is not JSON', 'garbage.json', /「garbage\.json」不是有效的 JSON 文件/],
    ['JSON that is not a report', 'not-a-report.json', /「not-a-report\.json」不是年报数据文件/],
    ['a missing file', 'missing.json', /找不到文件「missing\.json」/],
    ['a file type no reader knows', 'report.rtf', /无法读取「report\.rtf」：目前可以读取 .*\.json/],
  ])('refuses %s: exit 2 and one clear Chinese line on stderr', async (_what, name, message) => {
    const run = await nianbao('validate', file(name));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(expectOneClearLine(run.stderr)).toMatch(message);
  });

  it('refuses an unreadable --previous the same way', async () => {
    const run = await nianbao('validate', file('seed.json'), '--previous', file('missing.json'));
    expect(run.code).toBe(2);
    expect(expectOneClearLine(run.stderr)).toMatch(/找不到文件「missing\.json」/);
  });
});

describe('nianbao inspect', () => {
  it('prints the file as report JSON', async () => {
    const run = await nianbao('inspect', file('seed.json'));
    expect(run.code).toBe(0);
    const read = readReportJson(JSON.parse(run.stdout));
    expect(read.ok && read.value).toEqual(seedReport());
  });

  it('refuses a file that is not JSON: exit 2, one line, nothing on stdout', async () => {
    const run = await nianbao('inspect', file('garbage.json'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(expectOneClearLine(run.stderr)).toMatch(/不是有效的 JSON 文件/);
  });

  it('overrides agency and year when asked', async () => {
    const run = await nianbao('inspect', file('seed.json'), '--agency', '某某局', '--year', '2023');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ agency: '某某局', year: 2023 });
  });
});

describe('nianbao export', () => {
  it('--to json round-trips the report', async () => {
    const out = file('exported.json');
    const run = await nianbao('export', file('seed.json'), '--to', 'json', '--out', out);
    expect(run.code).toBe(0);
    const read = readReportJson(JSON.parse(readFileSync(out, 'utf8')));
    expect(read.ok && read.value).toEqual(seedReport());
  });

  it('refuses a report with errors without --draft: exit 1 and nothing written', async () => {
    const sub = mkdtempSync(join(dir, 'refused-'));
    const out = join(sub, 'out.json');
    const run = await nianbao('export', file('broken.json'), '--to', 'json', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不能导出定稿');
    expect(run.stderr).toContain('--draft');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('refuses a report whose warnings carry only tokens ("无", "已核实") for 核实说明; exports it once they say why', async () => {
    const seed = seedReport();
    const blank = setCells(seed, [['appeals.review.upheld', null]]);
    writeFileSync(file('token.json'), reportToJson({ ...blank, explanations: { 'cell.blank:appeals': '已核实' } }));
    const out = file('token-out.json');
    const refused = await nianbao('export', file('token.json'), '--to', 'json', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('报告还有 1 个未写核实说明的需核实项');
    expect(existsSync(out)).toBe(false);
    writeFileSync(
      file('explained.json'),
      reportToJson({ ...blank, explanations: { 'cell.blank:appeals': '本年未发生复议，原表该格空白' } }),
    );
    const run = await nianbao('export', file('explained.json'), '--to', 'json', '--out', out);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('exports the same report as a draft with --draft: exit 0', async () => {
    const out = file('draft.json');
    const run = await nianbao('export', file('broken.json'), '--to', 'json', '--out', out, '--draft');
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('cannot write into a folder that does not exist: exit 2, one line', async () => {
    const run = await nianbao('export', file('seed.json'), '--to', 'json', '--out', join(dir, 'no-such-folder', 'x.json'));
    expect(run.code).toBe(2);
    expect(expectOneClearLine(run.stderr)).toMatch(/无法写入「x\.json」/);
  });
});

describe('nianbao validate on real published reports (tests/fixtures/real-*.md)', () => {
  // The findings each report's .md lists from checking the published tables and text by hand.
  const real: [string, string[]][] = [
    ['real-zhanjiang-dfz-2023.json', ['narrative.required:overview']],
    ['real-district-stats-2023.json', ['cell.blank:proactive', 'cell.blank:requests', 'narrative.required:overview']],
    ['real-town-2023.json', ['narrative.required:overview', 'plausibility.regulations']],
  ];

  it.each(real)('%s: exactly the inconsistencies found by hand', async (name, expected) => {
    const run = await nianbao('validate', join(FIXTURES, name), '--json');
    const out = JSON.parse(run.stdout) as { findings: { id: string; severity: string }[] };
    expect(out.findings.map((f) => f.id).sort()).toEqual([...expected].sort());
    const errors = out.findings.filter((f) => f.severity === 'error').length;
    expect(run.code).toBe(errors > 0 ? 1 : 0);
  });
});

describe('nianbao validate --fix --out', () => {
  // Last year's published text (the seed's, 2022) kept in a 2023 report whose table 三 now counts 12 received.
  const thisYear = () =>
    setCells({ ...seedReport(), year: 2023 }, [
      ['requests.received.natural', 12],
      ['requests.received.total', 12],
      ['requests.granted.natural', 11],
      ['requests.granted.total', 11],
      ['requests.results_total.natural', 12],
      // Left at last year's 10: 全部修正 recomputes it.
      ['requests.results_total.total', 10],
    ]);

  it('writes the report after 全部修正, lists each change on stderr, and prints the findings left', async () => {
    writeFileSync(file('this-year.json'), reportToJson(thisYear()));
    const run = await nianbao('validate', file('this-year.json'), '--fix', '--out', file('fixed.json'));
    const read = readReportJson(JSON.parse(readFileSync(file('fixed.json'), 'utf8')));
    if (!read.ok) throw new Error(read.error);
    const fixed = read.value;
    expect(fixed.tables.requests.results_total!.total).toBe(12);
    // The one number of the text whose phrase means one quantity (收到…申请 → 本年新收) follows the table; nothing else of the text changes.
    expect(fixed.narratives.overview).toBe(seedReport().narratives.overview.replace('申请10例', '申请12例'));
    expect(fixed.narratives.problems).toBe(seedReport().narratives.problems);
    expect(run.stderr).toContain('已修正：将总计改为 12（三、（七）总计·总计）');
    expect(run.stderr).toContain('已修正：一、总体情况「10」改为「12」（改为表中的 12）');
    expect(run.stderr).toContain('全部修正：重算总计：1 格；正文中 1 处数字已按今年表格更新；已写入「fixed.json」');
    // What no fix can decide stays a finding: "2022年，…" in a 2023 report.
    expect(run.stdout).toContain('narrative.year');
    expect(run.stdout).not.toContain('narrative.numbers');
    expect(run.code).toBe(0);
  });

  it('asks for --out, and writes nothing, when it is missing', async () => {
    const run = await nianbao('validate', file('seed.json'), '--fix');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fix 需要 --out');
  });

  it('cannot write into a folder that does not exist: exit 2, one line, nothing written', async () => {
    writeFileSync(file('this-year.json'), reportToJson(thisYear()));
    const out = join(dir, 'no-such-folder', 'fixed.json');
    const run = await nianbao('validate', file('this-year.json'), '--fix', '--out', out);
    expect(run.code).toBe(2);
    expect(expectOneClearLine(run.stderr)).toMatch(/无法写入「fixed\.json」/);
    expect(existsSync(out)).toBe(false);
  });
});
