// `nianbao review` and `sum` on the documents bodies really send: Word files,
// web pages and (where a browser can print one) PDFs, written by our own
// writers and read back through the registry like any office's file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, main, type CliIO } from '../../src/main/cli';
import { writeReportDocx, writeReportHtml } from '../../src/main/services/documents';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt, numericValue, setCells, type Report } from '../../src/shared/model/report';
import { readReportJson } from '../../src/shared/model/report-json';

const load = (file: string): Report => {
  const read = readReportJson(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', file), 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
};
const seed = load('seed-2022.json');
// Another body with its own figures, and a text that states them.
const other = setCells(
  {
    ...seed,
    agency: '余杭区财政局',
    signature: undefined,
    narratives: { ...seed.narratives, overview: seed.narratives.overview.replace('申请10例', '申请12例') },
  },
  [
    ['requests.received.natural', 12],
    ['requests.received.total', 12],
    ['requests.granted.natural', 11],
    ['requests.granted.total', 11],
    ['requests.results_total.natural', 12],
    ['requests.results_total.total', 12],
  ],
);
// 审计局's 总计 is one more than its rows: an error the review must find in the Word file.
const broken = setCells({ ...seed, agency: '余杭区审计局', signature: undefined }, [
  ['requests.results_total.natural', 11],
  ['requests.results_total.total', 11],
]);

let dir: string;
const at = (name: string) => join(dir, name);
const quiet = (): CliIO & { lines: string[]; errors: string[] } => {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(l), lines, errors };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-review-docs-'));
  for (const [name, result] of [
    ['余杭区统计局.docx', await writeReportDocx(seed, at('余杭区统计局.docx'), { draft: false })],
    ['余杭区财政局.html', await writeReportHtml(other, at('余杭区财政局.html'), { draft: false })],
    ['余杭区审计局.docx', await writeReportDocx(broken, at('余杭区审计局.docx'), { draft: false })],
  ] as const) {
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review and sum of Word files and web pages', () => {
  it('reads each document, finds the arithmetic error in the Word file, exits 1', async () => {
    const io = quiet();
    expect(await main(['review', dir, '--json'], io)).toBe(EXIT.findings);
    const out = JSON.parse(io.lines.join('\n')) as {
      reports: { file: string; agency: string; status: string; findings: { id: string; severity: string }[] }[];
    };
    // A folder is read in the order Chinese names sort (by pinyin: 财, 审, 统).
    expect(out.reports.map((r) => [r.file, r.agency, r.status])).toEqual([
      ['余杭区财政局.html', '余杭区财政局', '通过'],
      ['余杭区审计局.docx', '余杭区审计局', '有错误'],
      ['余杭区统计局.docx', '余杭区统计局', '通过'],
    ]);
    expect(out.reports[1]!.findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([
      'requests.results_total:natural',
      'requests.results_total:total',
      'requests.balance:natural',
      'requests.balance:total',
    ]);
  });

  it('sums a Word file and a web page cell by cell', async () => {
    const io = quiet();
    expect(
      await main(
        ['sum', at('余杭区统计局.docx'), at('余杭区财政局.html'), '--agency', '余杭区人民政府', '--year', '2022', '--out', at('汇总.json')],
        io,
      ),
    ).toBe(EXIT.ok);
    const read = readReportJson(JSON.parse(readFileSync(at('汇总.json'), 'utf8')));
    if (!read.ok) throw new Error(read.error);
    for (const c of CELLS) {
      const expected = (numericValue(valueAt(seed, c.key)) ?? 0) + (numericValue(valueAt(other, c.key)) ?? 0);
      expect(valueAt(read.value, c.key), c.key).toBeCloseTo(expected, 10);
    }
  });
});
