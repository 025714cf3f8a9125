// The office's round, in its pure parts: the roster as offices write it, the
// deadlines by level, the statuses from the events, the recheck of a report
// that came back, the risk marks and the 汇总's refusals — on the seed and
// real reports, changed in named ways.
import { describe, expect, it } from 'vitest';
import { CELLS } from '../../src/shared/model/cells';
import { valueAt, type Report } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';
import {
  assessRisks,
  briefCellNames,
  byRisk,
  earlierOf,
  findBody,
  groupSameBodies,
  markOf,
  matchNames,
  matchRoster,
  nameFromFile,
  parseRosterText,
  recheck,
  reviewBatch,
  RISK_THRESHOLDS,
  riskFigures,
  riskValues,
  sumReports,
  tableErrors,
} from '../../src/shared/review';
import { bodyKey } from '../../src/shared/review/names';
import { splitCellNames } from '../../src/shared/review/problems';
import { deadlineFor, roundView, statusOf, type RoundEvent } from '../../src/shared/review/round';
import { validate } from '../../src/shared/rules/engine';
import { loadReport, seed, withCells } from './fixtures';

const as = (report: Report, agency: string, year = report.year): Report => ({ ...report, agency, year, signature: undefined });
const stats = loadReport('real-district-stats-2023.json');

describe('finding a body among many names', () => {
  // The rule the index must keep, written the slow way: equal keys, or the shorter one the longer with a place name left out.
  const PLACE = /(省|自治区|市|自治州|地区|盟|区|县|旗|新区|开发区)$/;
  const same = (a: string, b: string) => {
    if (a === b) return a !== '';
    const [s, l] = a.length < b.length ? [a, b] : [b, a];
    return s.length >= 3 && l.endsWith(s) && PLACE.test(l.slice(0, l.length - s.length));
  };
  const slow = (name: string, candidates: readonly string[]) => {
    const key = bodyKey(name);
    const keys = candidates.map(bodyKey);
    const exact = keys.findIndex((k) => k === key && k !== '');
    if (exact >= 0) return exact;
    const near = keys.flatMap((k, i) => (same(key, k) ? [i] : []));
    return near.length > 0 && near.every((i) => keys[i] === keys[near[0]!]) ? near[0] : undefined;
  };

  it('matches as the rule says, for names of every shape a 政务公开办 meets', () => {
    const places = ['', '杭州市', '余杭区', '杭州市余杭区', '临平区', '浙江省杭州市余杭区'];
    const bodies = ['统计局', '财政局', '人民政府', '人民政府办公室', '余杭街道办事处', '余杭街道', '瓶窑镇', '委宣传部', '局'];
    const names = places.flatMap((p) => bodies.map((b) => p + b));
    for (const name of names) expect(findBody(name, names), name).toBe(slow(name, names));
    const half = names.filter((_, i) => i % 2 === 0);
    for (const name of names) expect(matchNames([name], half)[0], name).toBe(slow(name, half));
  });

  it('groups one body’s names, however many there are', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `某区第${i}单位`);
    names.push('杭州市某区第7单位', '某区第7单位');
    const groups = groupSameBodies(names);
    expect(groups).toHaveLength(3000);
    expect(groups[7]).toEqual([7, 3000, 3001]);
  });
});

describe('the roster', () => {
  it('reads a list as offices write it: a title, a header, 序号, levels beside some names, the same body twice', () => {
    const roster = parseRosterText(
      [
        '2024年度政府信息公开工作年度报告报送单位名单',
        '序号\t单位名称\t层级',
        '1\t余杭区统计局\t县区部门',
        '2、杭州市余杭区统计局',
        '3. 余杭区人民政府',
        '瓶窑镇 乡镇街道',
        '余杭区财政局，余杭区民政局',
        '',
      ].join('\r\n'),
    );
    expect(roster.entries).toEqual([
      { name: '余杭区统计局', level: '县区部门' },
      { name: '余杭区人民政府', level: '县区政府' },
      { name: '瓶窑镇', level: '乡镇街道' },
      { name: '余杭区财政局', level: '县区部门' },
      { name: '余杭区民政局', level: '县区部门' },
    ]);
    expect(roster.skipped).toEqual(['「杭州市余杭区统计局」与「余杭区统计局」是同一单位，只保留一次']);
    expect(roster.inferred).toEqual(['余杭区人民政府', '余杭区财政局', '余杭区民政局']);
  });

  it('places each arrival with its body, by the name its report gives or else its file’s name', () => {
    const { entries } = parseRosterText('余杭区统计局\n余杭区财政局\n仓前街道');
    const match = matchRoster(entries, [
      { agency: '杭州市余杭区统计局', fileName: 'a.json' },
      { fileName: '财政局/余杭区财政局2024年度报告.xlsx' },
      { agency: '余杭区水利局', fileName: 'c.json' },
    ]);
    expect(match.byEntry).toEqual([[0], [1], []]);
    expect(match.unlisted).toEqual([2]);
    expect(nameFromFile('仓前街道2024年政府信息公开工作年度报告（定稿）.docx')).toBe('仓前街道');
  });
});

describe('deadlines by level', () => {
  it('are the schedule.deadline rule’s: 31 January for departments and 31 March for governments, of the year after', () => {
    expect(deadlineFor({ name: '余杭区统计局', level: '县区部门' }, 2024)).toBe('2025-01-31');
    expect(deadlineFor({ name: '杭州市统计局', level: '市级部门' }, 2024)).toBe('2025-01-31');
    expect(deadlineFor({ name: '仓前街道', level: '乡镇街道' }, 2024)).toBe('2025-03-31');
    expect(deadlineFor({ name: '余杭区人民政府', level: '县区政府' }, 2024)).toBe('2025-03-31');
    // 省级 is both: a province's government and its departments.
    expect(deadlineFor({ name: '浙江省人民政府', level: '省级' }, 2024)).toBe('2025-03-31');
    expect(deadlineFor({ name: '浙江省统计局', level: '省级' }, 2024)).toBe('2025-01-31');
  });
});

describe('statuses', () => {
  const e = (id: number, kind: RoundEvent['kind']): RoundEvent => ({ id, kind, at: `2025-01-${10 + id}T08:00:00Z` });

  it('go 未报送 → 已报送 → 退回修改 → 已整改 → 通过', () => {
    expect(statusOf([], undefined)).toBe('未报送');
    expect(statusOf([e(1, 'received')], undefined)).toBe('已报送');
    expect(statusOf([e(1, 'received'), e(2, 'returned')], undefined)).toBe('退回修改');
    // Sent again: 已整改 only when every problem sent back is closed.
    expect(statusOf([e(1, 'received'), e(2, 'returned'), e(3, 'received')], true)).toBe('已整改');
    expect(statusOf([e(1, 'received'), e(2, 'returned'), e(3, 'received')], false)).toBe('已报送');
    expect(statusOf([e(1, 'received'), e(2, 'returned'), e(3, 'received'), e(4, 'accepted')], true)).toBe('通过');
    // An acceptance taken back, or a report sent after it, wants looking at again.
    expect(statusOf([e(1, 'received'), e(2, 'accepted'), e(3, 'reopened')], undefined)).toBe('已报送');
    expect(statusOf([e(1, 'received'), e(2, 'accepted'), e(3, 'received')], undefined)).toBe('已报送');
  });
});

describe('a report that comes back', () => {
  const broken = withCells(as(seed, '余杭区审计局'), {
    'requests.results_total.natural': 11,
    'requests.results_total.total': 11,
    'requests.carried_over.natural': '—',
  });
  const first = reviewBatch([{ fileName: '审计局.json', report: broken, notes: [] }]);
  const earlier = earlierOf(first.reports, '第一轮').reports[0]!;

  it('has each earlier problem 已整改 or 仍存在, each new one 新发现, and the cells that changed', () => {
    // The total fixed, the blank left, a new text in a cell.
    const again = withCells(broken, {
      'requests.results_total.natural': 10,
      'requests.results_total.total': 10,
      'proactive.penalty.decisions': '六',
    });
    const second = reviewBatch([{ fileName: '审计局2.json', report: again, notes: [] }]).reports[0]!;
    const r = recheck(earlier, second);
    const marks = r.problems.map((p) => [p.mark, p.rule]);
    expect(marks).toContainEqual(['已整改', 'requests.results_total']);
    expect(marks).toContainEqual(['仍存在', 'cell.blank']);
    expect(marks).toContainEqual(['新发现', 'cell.type']);
    expect(r.closed).toBe(false);
    expect(r.changed!.map((c) => [c.key, c.before, c.after])).toEqual([
      ['proactive.penalty.decisions', 6, '六'],
      ['requests.results_total.natural', 11, 10],
      ['requests.results_total.total', 11, 10],
    ]);
  });

  it('names the cells of a problem sent back briefly, each name whole though names hold 、 themselves', () => {
    const sum = earlier.problems.find((p) => p.rule === 'requests.results_total')!;
    const names = splitCellNames(sum.cells);
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((n) => CELLS.some((c) => c.name === n))).toBe(true);
    expect(names.join('、')).toBe(sum.cells);
    expect(briefCellNames(sum.cells)).toBe(`${names.slice(0, 3).join('、')} 等 ${names.length} 个格子`);
    // An older 问题清单's own wording is kept whole where it names no cell of the template.
    expect(splitCellNames('第三张表、三、（七）总计·自然人')).toEqual(['第三张表', '三、（七）总计·自然人']);
  });

  it('is 已整改 when every error is fixed and every warning fixed or explained', () => {
    const fixed = withCells(broken, { 'requests.results_total.natural': 10, 'requests.results_total.total': 10 });
    const blank = validate(fixed).find((f) => f.rule === 'cell.blank')!;
    const explained = { ...fixed, explanations: { [blank.id]: '上年结转申请栏按模板应填 0，已核实本单位无上年结转' } };
    const second = reviewBatch([{ fileName: '审计局2.json', report: explained, notes: [] }]).reports[0]!;
    const r = recheck(earlier, second);
    expect(r.closed).toBe(true);
    expect(r.problems.find((p) => p.rule === 'cell.blank')).toMatchObject({ mark: '已整改', how: '已写核实说明' });
  });
});

describe('risk', () => {
  it('marks the figures by thresholds that are data', () => {
    const disclosure = RISK_THRESHOLDS.find((t) => t.kpi === 'disclosure_rate')!;
    expect([0.5, 0.45, 0.44, 0.4, 0.39].map((v) => markOf(disclosure, v))).toEqual([null, null, 'yellow', 'yellow', 'red']);
    const correction = RISK_THRESHOLDS.find((t) => t.kpi === 'review_correction_rate')!;
    expect([0.1, 0.11, 0.15, 0.16, null].map((v) => markOf(correction, v))).toEqual([null, 'yellow', 'yellow', 'red', null]);
  });

  it('ranks worst first: red, then yellow, then the figure nearest its line', () => {
    const figures = (disclosure: number | null, review: number | null) => ({
      figures: riskFigures({ disclosure_rate: disclosure, review_correction_rate: review, suit_correction_rate: null }),
    });
    const bodies = {
      calm: { red: 0, yellow: 0, ...figures(0.95, null) },
      lowish: { red: 0, yellow: 0, ...figures(0.6, null) },
      correcting: { red: 0, yellow: 0, ...figures(0.95, 0.09) },
      none: { red: 0, yellow: 0, ...figures(null, null) },
      yellow: { red: 0, yellow: 1, ...figures(0.44, null) },
      red: { red: 1, yellow: 0, ...figures(0.3, null) },
    };
    const ranked = Object.entries(bodies)
      .sort(([, a], [, b]) => byRisk(a, b))
      .map(([name]) => name);
    expect(ranked).toEqual(['red', 'yellow', 'correcting', 'lowish', 'calm', 'none']);
  });

  it('flags a zero where most bodies of the same level have a value, and only then', () => {
    const towns = [3, 5, 2, 0, 4].map((n, i) =>
      withCells({ ...as(seed, `第${i}街道`), level: '乡镇街道' as const }, { 'proactive.penalty.decisions': n }),
    );
    const risks = assessRisks(towns.map((r) => ({ level: r.level, values: riskValues(r), findings: [] })));
    expect(risks[3]!.flags.map((f) => f.message)).toContainEqual(
      expect.stringContaining('行政处罚为 0，而同为「乡镇街道」的 5 个单位中有 4 个不为 0'),
    );
    expect(risks[0]!.flags.filter((f) => f.kind === 'peer_zero')).toEqual([]);
    // Three bodies are no pattern.
    const few = assessRisks(towns.slice(2).map((r) => ({ level: r.level, values: riskValues(r), findings: [] })));
    expect(few.flatMap((r) => r.flags).filter((f) => f.kind === 'peer_zero')).toEqual([]);
  });

  it('marks a 纠错率 red on a real report’s figures, and shows the jump against last year', () => {
    const corrected = withCells(stats, { 'appeals.review.upheld': 3, 'appeals.review.corrected': 1, 'appeals.review.total': 4 });
    const review = reviewBatch(
      [{ fileName: 's.json', report: corrected, notes: [] }],
      [{ fileName: 'p.json', report: withCells({ ...stats, year: 2022 }, { 'requests.received.total': 500 }), notes: [] }],
    );
    const risk = review.reports[0]!.risk!;
    expect(risk.figures.find((f) => f.id === 'review_correction_rate')).toMatchObject({ text: '25.0%', mark: 'red' });
    expect(risk.flags.some((f) => f.kind === 'jump')).toBe(true);
  });
});

describe('the 汇总', () => {
  const a = seed;
  const b = withCells(as(seed, '临平区统计局'), { 'proactive.fees.amount': -5 });

  it('is a report of its own kind, with its members, read back from its JSON as such', () => {
    const summed = sumReports([{ fileName: 'a.json', report: a }], { agency: '余杭区人民政府', year: 2022, level: '县区政府' });
    if (!summed.ok) throw new Error(summed.error.message);
    expect(summed.value.report).toMatchObject({ kind: 'sum', members: [{ agency: '余杭区统计局', level: '县区部门' }] });
    const back = readReportJson(JSON.parse(reportToJson(summed.value.report)));
    expect(back.ok && back.value).toMatchObject({ kind: 'sum', members: [{ agency: '余杭区统计局' }] });
  });

  it('leaves out a report whose tables have errors, unless the reviewer includes it, and says which', () => {
    const parts = [a, b].map((report, i) => ({ fileName: `${i}.json`, report, errors: tableErrors(validate(report)).length }));
    expect(parts[1]!.errors).toBe(1);
    const left = sumReports(parts, { agency: '余杭区', year: 2022, level: '县区政府' });
    if (!left.ok) throw new Error(left.error.message);
    expect(left.value.included.map((p) => p.fileName)).toEqual(['0.json']);
    expect(left.value.excluded).toEqual([{ fileName: '1.json', agency: '临平区统计局', reason: '统计表有 1 个错误', errors: 1 }]);
    expect(left.value.notices.join('\n')).toContain('未计入 1 个单位：临平区统计局（统计表有 1 个错误）。有错误的请先让单位改正');
    expect(valueAt(left.value.report, 'proactive.fees.amount')).toBe(valueAt(a, 'proactive.fees.amount'));
    const all = sumReports(parts, { agency: '余杭区', year: 2022, level: '县区政府', includeErrors: true });
    expect(all.ok && all.value.included).toHaveLength(2);
  });

  it('refuses a sum that does not fit a number, naming the cell and the body, never writing a blank', () => {
    const huge = withCells(as(seed, '临平区财政局'), { 'proactive.penalty.decisions': 1e308 });
    for (const parts of [
      [huge, as(huge, '临平区民政局')],
      [a, huge],
    ]) {
      const summed = sumReports(
        parts.map((report, i) => ({ fileName: `${i}.json`, report })),
        { agency: '余杭区', year: 2022, level: '县区政府' },
      );
      expect(summed.ok).toBe(false);
      expect(summed.ok || summed.error).toMatchObject({ code: 'sum_too_large' });
      expect(summed.ok || summed.error.message).toMatch(/「行政处罚」.*临平区财政局.*1\.000e\+308/);
    }
    // The largest exact count still sums.
    const big = withCells(as(seed, '临平区财政局'), { 'proactive.penalty.decisions': Number.MAX_SAFE_INTEGER - 6 });
    const fits = sumReports(
      [
        { fileName: 'a', report: a },
        { fileName: 'b', report: big },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    expect(fits.ok && valueAt(fits.value.report, 'proactive.penalty.decisions')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses to add a 汇总 to bodies’ reports', () => {
    const summed = sumReports([{ fileName: 'a', report: a }], { agency: '余杭区', year: 2022, level: '县区政府' });
    if (!summed.ok) throw new Error(summed.error.message);
    const again = sumReports(
      [
        { fileName: 'sum.json', report: summed.value.report },
        { fileName: 'b', report: as(seed, '临平区统计局') },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    expect(again.ok || again.error).toMatchObject({ code: 'sum_of_sums' });
  });

  it('keeps a cell unread in a part unknown in the 汇总, never 0', () => {
    const unread = { ...as(seed, '临平区统计局'), unread: { 'requests.received.natural': '表中没有找到这一格' } };
    const summed = sumReports(
      [
        { fileName: 'a', report: a },
        { fileName: 'b', report: unread },
      ],
      { agency: '余杭区', year: 2022, level: '县区政府' },
    );
    if (!summed.ok) throw new Error(summed.error.message);
    expect(valueAt(summed.value.report, 'requests.received.natural')).toBeNull();
    expect(Object.keys(summed.value.report.unread ?? {})).toEqual(['requests.received.natural']);
    expect(CELLS.filter((c) => valueAt(summed.value.report, c.key) === null).map((c) => c.key)).toEqual(['requests.received.natural']);
  });
});

describe('the round as the page shows it', () => {
  it('gives each body its status, its deadline, 逾期 when past it, and the recheck of a report that came back', () => {
    const broken = withCells(as(seed, '余杭区审计局'), { 'requests.results_total.natural': 11, 'requests.results_total.total': 11 });
    const problems = earlierOf(reviewBatch([{ fileName: 'x', report: broken, notes: [] }]).reports, 'x').reports[0]!.problems;
    const view = roundView(
      {
        year: 2022,
        region: '余杭区',
        bodies: [
          { id: 1, name: '余杭区统计局', level: '县区部门', unlisted: false, events: [], latest: undefined },
          {
            id: 2,
            name: '余杭区审计局',
            level: '县区部门',
            unlisted: false,
            events: [
              { id: 1, kind: 'received', at: '2023-01-20T02:00:00Z', fileName: '审计局.json' },
              { id: 2, kind: 'returned', at: '2023-01-21T02:00:00Z', problems },
              { id: 3, kind: 'received', at: '2023-02-03T02:00:00Z', fileName: '审计局（改）.json' },
            ],
            latest: as(seed, '余杭区审计局'),
            returnedReport: broken,
          },
          { id: 3, name: '仓前街道', level: '乡镇街道', unlisted: false, events: [] },
        ],
      },
      { today: '2023-02-10' },
    );
    expect(view.bodies.map((b) => [b.name, b.status, b.deadline, b.overdue])).toEqual([
      ['余杭区统计局', '未报送', '2023-01-31', true],
      ['余杭区审计局', '已整改', '2023-01-31', false],
      ['仓前街道', '未报送', '2023-03-31', false],
    ]);
    expect(view.counts).toMatchObject({ 未报送: 2, 已整改: 1 });
    expect(view.overdue).toBe(1);
    const audit = view.bodies[1]!;
    expect(audit.recheck).toMatchObject({ closed: true, remaining: 0 });
    expect(audit.recheck!.changed!.map((c) => c.key)).toEqual(['requests.results_total.natural', 'requests.results_total.total']);
    expect(audit.submissions).toBe(2);
    expect(audit.review).not.toHaveProperty('report');
  });
});
