// Batch review, the 汇总 and the hierarchy check on real reports (the seed and
// the transcribed real reports of tests/fixtures), changed in named ways.
import { describe, expect, it } from 'vitest';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt, numericValue, type Report } from '../../src/shared/model/report';
import { bodyKey, hierarchyFindings, matchNames, problemRows, reviewBatch, sumReports, type ReviewInput } from '../../src/shared/review';
import { STOCK_CELLS } from '../../src/shared/review/stocks';
import { validate } from '../../src/shared/rules/engine';
import { loadReport, seed, withCells } from './fixtures';

const stats = loadReport('real-district-stats-2023.json');
const dfz = loadReport('real-zhanjiang-dfz-2023.json');
const as = (report: Report, agency: string, year = report.year): Report => ({ ...report, agency, year });
const input = (fileName: string, report: Report): ReviewInput => ({ fileName, report, notes: [] });

describe('matching a body by name', () => {
  it.each([
    ['杭州市余杭区统计局', '余杭区统计局'],
    ['中共杭州市余杭区委宣传部', '余杭区委宣传部'],
    ['中国共产党余杭区委员会办公室', '中共余杭区委员会办公室'],
    ['余杭区人民政府', '余杭区政府'],
    ['余杭区人民政府办公室', '余杭区政府办'],
    ['余杭街道办事处', '余杭区余杭街道'],
    ['瓶窑镇人民政府', '瓶窑镇'],
    ['杭州市余杭区市场监督管理局', '余杭区市场监督管理局'],
    ['余杭区统计局（区普查中心）', '余杭区统计局'],
    [' 余杭区 统计局 ', '余杭区统计局'],
  ])('takes 「%s」 and 「%s」 for one body', (a, b) => {
    expect(matchNames([a], [b])).toEqual([0]);
    expect(matchNames([b], [a])).toEqual([0]);
  });

  it.each([
    ['余杭区统计局', '临平区统计局'],
    ['杭州市统计局', '余杭区统计局'],
    ['余杭区人民政府', '余杭区人民政府办公室'],
    ['余杭区卫生健康局', '余杭区卫生健康局疾控中心'],
    ['统计局', '局'],
    // A name that leaves its place out may be any district's.
    ['余杭区统计局', '区统计局'],
    ['余杭镇', '余杭区'],
  ])('never takes 「%s」 for 「%s」', (a, b) => {
    expect(matchNames([a], [b])).toEqual([undefined]);
    expect(matchNames([b], [a])).toEqual([undefined]);
  });

  it('leaves a name that fits two bodies unmatched rather than guessing', () => {
    expect(matchNames(['统计局'], ['余杭区统计局', '临平区统计局'])).toEqual([undefined]);
    // The exact name still wins over the near ones.
    expect(matchNames(['余杭区统计局'], ['杭州市余杭区统计局', '余杭区统计局'])).toEqual([1]);
  });

  it('gives one key to the long and short forms', () => {
    expect(bodyKey('中共余杭区委')).toBe(bodyKey('余杭区委'));
    expect(bodyKey('余杭区统计局')).not.toBe(bodyKey('临平区统计局'));
  });
});

describe('reviewing a batch', () => {
  const broken = withCells(seed, { 'requests.results_total.natural': 11, 'requests.results_total.total': 11 });

  it('gives each report a status, its counts and the four figures', () => {
    const review = reviewBatch([
      input('seed.json', seed),
      input('broken.json', as(broken, '临平区统计局')),
      input('stats.json', stats),
      { fileName: 'bad.xlsx', error: '「bad.xlsx」不是有效的 Excel 文件' },
    ]);
    expect(review.reports.map((r) => r.status)).toEqual(['通过', '有错误', '待核实', '读取失败']);
    expect(review.counts).toEqual({ 读取失败: 1, 有错误: 1, 待核实: 1, 通过: 1 });
    const [clean, wrong, , unread] = review.reports;
    expect(clean!.kpis.map((k) => [k.label, k.text])).toEqual([
      ['受理合计', '10 件'],
      ['办结', '10 件'],
      ['实质公开率', '90.0%'],
      ['复议纠错率', '—'],
      ['诉讼纠错率', '—'],
    ]);
    expect(wrong!.counts.error).toBe(validate(broken).filter((f) => f.severity === 'error').length);
    expect(wrong!.counts.error).toBeGreaterThan(0);
    expect(unread!.error).toContain('bad.xlsx');
    expect(problemRows(unread!)).toHaveLength(1);
  });

  it('checks each report against its own body’s last-year report, matched by 全称/简称', () => {
    const lastYear = withCells(as(seed, '杭州市余杭区统计局', 2021), {
      'requests.carried_forward.natural': 2,
      'requests.carried_forward.total': 2,
    });
    const other = withCells(as(seed, '临平区统计局', 2021), { 'requests.carried_forward.natural': 5, 'requests.carried_forward.total': 5 });
    const review = reviewBatch(
      [input('余杭.json', seed), input('临平.json', as(seed, '临平区统计局'))],
      [input('上年余杭.json', lastYear), input('上年临平.json', other)],
    );
    expect(review.reports.map((r) => r.previousFile)).toEqual(['上年余杭.json', '上年临平.json']);
    const carried = review.reports.map((r) => r.findings.find((f) => f.rule === 'continuity.carried_over')?.message ?? '');
    expect(carried[0]).toContain('上年结转下年度为 2');
    expect(carried[1]).toContain('上年结转下年度为 5');
    expect(review.reports[0]!.status).toBe('待核实');
  });

  it('takes no last-year report of another year or another body', () => {
    const review = reviewBatch(
      [input('a.json', seed)],
      [input('same-year.json', seed), input('other.json', as(seed, '临平区统计局', 2021))],
    );
    expect(review.reports[0]!.previousFile).toBeUndefined();
  });

  it('flags the same body’s report twice', () => {
    const review = reviewBatch([input('a.json', seed), input('b.json', as(seed, '杭州市 余杭区统计局')), input('c.json', dfz)]);
    expect(review.reports.map((r) => r.duplicates)).toEqual([['b.json'], ['a.json'], []]);
    expect(problemRows(review.reports[0]!)[0]!.message).toContain('b.json');
  });
});

describe('the 汇总', () => {
  const a = seed;
  const b = withCells(as(seed, '临平区统计局'), {
    'requests.received.commercial': 3,
    'requests.received.total': 13,
    'requests.granted.commercial': 3,
    'requests.granted.total': 12,
    'requests.results_total.commercial': 3,
    'requests.results_total.total': 13,
    'proactive.fees.amount': 1.2345,
    'proactive.normative_docs.in_force': 4,
    'appeals.review.corrected': 1,
    'appeals.review.total': 1,
  });
  const c = withCells(as(seed, '余杭区财政局'), { 'proactive.fees.amount': 0.0001, 'proactive.penalty.decisions': '—' });

  it('adds every cell of the three tables, body by body', () => {
    const summed = sumReports(
      [
        { fileName: 'a.json', report: a },
        { fileName: 'b.json', report: b },
        { fileName: 'c.json', report: c },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    if (!summed.ok) throw new Error(summed.error.message);
    const { report } = summed.value;
    expect(report).toMatchObject({ agency: '余杭区', year: 2022, level: '县区政府' });
    for (const cell of CELLS) {
      const expected = [a, b, c].reduce((s, r) => s + (numericValue(valueAt(r, cell.key)) ?? 0), 0);
      expect(valueAt(report, cell.key), cell.key).toBeCloseTo(expected, 10);
    }
    expect(valueAt(report, 'proactive.fees.amount')).toBe(1.2346);
    expect(valueAt(report, 'proactive.penalty.decisions')).toBe(12);
    // Sums of reports whose totals add up add up too: no arithmetic error in the 汇总.
    expect(validate(report).filter((f) => f.severity === 'error' && f.rule !== 'narrative.empty')).toEqual([]);
    expect(summed.value.notices.join('\n')).toMatch(/现行有效件数.*存量/);
    expect(summed.value.notices.join('\n')).toContain('按 0 计入');
  });

  it('leaves a cell unknown where an included body wrote text, and names it', () => {
    const summed = sumReports(
      [
        { fileName: 'a.json', report: a },
        { fileName: 'c.json', report: withCells(c, { 'requests.granted.natural': '九' }) },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    if (!summed.ok) throw new Error(summed.error.message);
    expect(valueAt(summed.value.report, 'requests.granted.natural')).toBeNull();
    // Unknown, never 0: the 汇总 marks the cell unread, with whose cell it was.
    expect(summed.value.report.unread?.['requests.granted.natural']).toContain('余杭区财政局');
    expect(summed.value.notices.join('\n')).toMatch(/三、（一）予以公开·自然人（余杭区财政局）/);
  });

  it('refuses reports of different years and the same body twice', () => {
    const years = sumReports(
      [
        { fileName: 'a.json', report: a },
        { fileName: '2023.json', report: stats },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    expect(years.ok || years.error).toMatchObject({ code: 'years_differ' });
    expect(years.ok || years.error.message).toContain('「2023.json」是 2023 年度');
    const twice = sumReports(
      [
        { fileName: 'a.json', report: a },
        { fileName: 'a2.json', report: as(a, '杭州市余杭区统计局') },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    expect(twice.ok || twice.error).toMatchObject({ code: 'duplicate_body' });
  });

  it('names the bodies that came or went since last year’s 汇总', () => {
    const lastYear = sumReports(
      [
        { fileName: 'p1.json', report: as(a, '杭州市余杭区统计局', 2021) },
        { fileName: 'p2.json', report: as(a, '余杭区民政局', 2021) },
      ],
      { agency: '余杭区', year: 2021, level: '县区政府' },
    );
    if (!lastYear.ok) throw new Error(lastYear.error.message);
    const previous = lastYear.value.report;
    const summed = sumReports(
      [
        { fileName: 'a.json', report: a },
        { fileName: 'b.json', report: b },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府', previous },
    );
    if (!summed.ok) throw new Error(summed.error.message);
    const text = summed.value.notices.join('\n');
    expect(text).toMatch(/上年汇总有、今年没有计入的单位：余杭区民政局。/);
    expect(text).toMatch(/今年新计入的单位（上年汇总中没有）：临平区统计局。/);
  });
});

describe('the hierarchy check', () => {
  it('finds each cell where the region’s figure is not its bodies’ sum, with the difference and the bodies', () => {
    const bodies = [
      { fileName: 'a.json', report: seed },
      { fileName: 'b.json', report: as(seed, '余杭区财政局') },
    ];
    const summed = sumReports(bodies, { agency: '余杭区人民政府', year: 2022, level: '县区政府' });
    if (!summed.ok) throw new Error(summed.error.message);
    expect(hierarchyFindings(summed.value.report, bodies)).toEqual([]);
    const region = withCells(summed.value.report, { 'requests.received.natural': 25, 'proactive.normative_docs.in_force': 3 });
    const findings = hierarchyFindings(region, bodies);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['hierarchy.sum:proactive.normative_docs.in_force', 'notice'],
      ['hierarchy.sum:requests.received.natural', 'warning'],
    ]);
    expect(findings[1]!.message).toBe(
      '一、本年新收申请·自然人：本级报告填 25，2 个单位合计 20，多 5（其中 余杭区统计局 10、余杭区财政局 10）：请核对本级数字，或说明差额的来源',
    );
    expect(findings[1]!.cells).toEqual(['requests.received.natural']);
  });
});

describe('stocks', () => {
  it('are the cells the continuity rules carry on from the same cell last year: 现行有效件数', () => {
    expect([...STOCK_CELLS].sort()).toEqual(['proactive.normative_docs.in_force', 'proactive.regulations.in_force']);
  });
});
