// The KPI definitions on real published reports, every expected value worked
// out by hand from the fixture's cells (written beside it), and the edge cases
// the issue names: a zero denominator and a text cell show "—", never NaN or ∞.
import { describe, expect, it } from 'vitest';
import { computeKpis, formatChange, formatKpi, kpi, KPIS, type KpiValue } from '../../src/shared/kpi';
import type { Report } from '../../src/shared/model/report';
import { changeLine } from '../../src/shared/infographic/page';
import { loadReport, seed, withCells } from './fixtures';

const town = loadReport('real-town-2023.json');
const district = loadReport('real-district-stats-2023.json');
const zhanjiang = loadReport('real-zhanjiang-dfz-2023.json');

function shown(report: Report, previous?: Report): Record<string, { value: string; previous?: string; change?: string }> {
  return Object.fromEntries(
    computeKpis(report, previous).map((k: KpiValue) => [
      k.def.id,
      previous
        ? { value: formatKpi(k.def, k.value), previous: formatKpi(k.def, k.previous), change: formatChange(k.def, k.change) }
        : { value: formatKpi(k.def, k.value) },
    ]),
  );
}

describe('KPIs of the seed (余杭区统计局 2022)', () => {
  // Table 三 总计: 新收 10, 上年结转 0, 予以公开 9, 部分公开 0, 本机关不掌握 1, 办理结果总计 10, 结转下年 0.
  const k = shown(seed);

  it('counts the requests', () => {
    expect(k.received!.value).toBe('10 件');
    expect(k.accepted!.value).toBe('10 件'); // 10 + 0
    expect(k.closed!.value).toBe('10 件');
  });

  it('gives the shares of the results', () => {
    expect(k.disclosure_rate!.value).toBe('90.0%'); // (9 + 0) ÷ 10
    expect(k.denied_share!.value).toBe('0.0%'); // 0 ÷ 10
    expect(k.unable_share!.value).toBe('10.0%'); // (1 + 0 + 0) ÷ 10
    expect(k.not_held_share!.value).toBe('100.0%'); // 1 ÷ 1
    expect(k.carried_forward_share!.value).toBe('0.0%'); // 0 ÷ (10 + 0)
  });

  it('has no appeals, so no correction rate: "—" rather than 0 ÷ 0', () => {
    expect(k.review_cases!.value).toBe('0 件');
    expect(k.suit_cases!.value).toBe('0 件'); // 0 + 0
    expect(k.review_correction_rate!.value).toBe('—'); // 0 ÷ (0 − 0)
    expect(k.suit_correction_rate!.value).toBe('—');
  });

  it('reads the 主动公开 figures', () => {
    expect(k.penalty!.value).toBe('6 件');
    expect(k.normative_in_force!.value).toBe('0 件');
    expect(k.fees!.value).toBe('0 万元');
  });
});

describe('KPIs of real reports with nothing to divide by', () => {
  it('a town with no request at all: every request ratio is "—"', () => {
    // 某镇 2023: every cell of table 三 is 0; table 二 prints 规章 现行有效 6.
    const k = shown(town);
    expect(k.received!.value).toBe('0 件');
    for (const id of ['disclosure_rate', 'denied_share', 'unable_share', 'not_held_share', 'carried_forward_share'])
      expect(k[id]!.value).toBe('—');
    expect(k.regulations_in_force!.value).toBe('6 件');
  });

  it('blank cells and "/" count as 0, as the rules treat them', () => {
    // 区统计局 2023: 规章 published as "/ / /", the applicant cells of rows 一 and 二 left blank, 总计 0.
    const k = shown(district);
    expect(k.regulations_issued!.value).toBe('0 件');
    expect(k.received!.value).toBe('0 件');
    expect(k.accepted!.value).toBe('0 件');
    expect(k.disclosure_rate!.value).toBe('—');
  });

  it('no value is ever NaN or ∞ on any real report', () => {
    for (const report of [seed, town, district, zhanjiang]) {
      for (const v of computeKpis(report, seed)) {
        for (const x of [v.value, v.previous, v.change]) if (x !== null && x !== undefined) expect(Number.isFinite(x)).toBe(true);
        expect(formatKpi(v.def, v.value)).not.toMatch(/NaN|Infinity|∞/);
        expect(formatChange(v.def, v.change)).not.toMatch(/NaN|Infinity|∞/);
      }
    }
  });
});

describe('text where a number belongs makes a KPI unknown', () => {
  // "十" in 部分公开·总计: the numerator of 实质公开率 is unknown; 新收 and 受理合计 do not use that cell.
  const k = shown(withCells(seed, { 'requests.partial.total': '十' }));
  it('shows "—" for what uses the cell, the value for what does not', () => {
    expect(k.disclosure_rate!.value).toBe('—');
    expect(k.accepted!.value).toBe('10 件');
  });
  it('a text cell inside a group makes its share unknown', () => {
    const j = shown(withCells(seed, { 'requests.unable_to_create.total': '若干' }));
    expect(j.unable_share!.value).toBe('—');
    expect(j.not_held_share!.value).toBe('—');
    expect(j.denied_share!.value).toBe('0.0%');
  });
});

describe('correction rates count closed cases only', () => {
  const withAppeals = withCells(seed, {
    // 行政复议: 维持 2, 纠正 1, 其他 0, 未审结 1, 总计 4 → 纠错率 1 ÷ (4 − 1) = 33.3%.
    'appeals.review.upheld': 2,
    'appeals.review.corrected': 1,
    'appeals.review.pending': 1,
    'appeals.review.total': 4,
    // 直接起诉: 维持 1, 总计 1; 复议后起诉: 纠正 1, 未审结 1, 总计 2 → (0 + 1) ÷ ((1 + 2) − (0 + 1)) = 50.0%.
    'appeals.suit_direct.upheld': 1,
    'appeals.suit_direct.total': 1,
    'appeals.suit_after_review.corrected': 1,
    'appeals.suit_after_review.pending': 1,
    'appeals.suit_after_review.total': 2,
  });
  it('divides the corrected by the cases decided', () => {
    const k = shown(withAppeals);
    expect(k.review_cases!.value).toBe('4 件');
    expect(k.review_correction_rate!.value).toBe('33.3%');
    expect(k.suit_cases!.value).toBe('3 件');
    expect(k.suit_correction_rate!.value).toBe('50.0%');
  });
  it('all cases still pending: nothing decided, no rate', () => {
    const k = shown(withCells(seed, { 'appeals.review.pending': 2, 'appeals.review.total': 2 }));
    expect(k.review_correction_rate!.value).toBe('—'); // 0 ÷ (2 − 2)
  });
  it('more pending than the total (figures that do not add up) gives no rate, not a negative one', () => {
    const k = shown(withCells(seed, { 'appeals.review.corrected': 1, 'appeals.review.pending': 3, 'appeals.review.total': 2 }));
    expect(k.review_correction_rate!.value).toBe('—'); // 1 ÷ (2 − 3) has no meaning
  });
});

describe('beside last year', () => {
  it('without last year’s report there is no previous value and no change', () => {
    for (const v of computeKpis(seed)) {
      expect(v.previous).toBeUndefined();
      expect(v.change).toBeUndefined();
    }
  });

  it('the town against the seed: counts change in 件, ratios in 个百分点, unknown where either year has no value', () => {
    // This year the town (新收 0, 规章现行有效 6), last year the seed (新收 10, 实质公开率 90%).
    const k = shown(town, seed);
    expect(k.received).toEqual({ value: '0 件', previous: '10 件', change: '−10 件' });
    expect(k.regulations_in_force).toEqual({ value: '6 件', previous: '0 件', change: '+6 件' });
    expect(k.penalty).toEqual({ value: '0 件', previous: '6 件', change: '−6 件' });
    expect(k.disclosure_rate).toEqual({ value: '—', previous: '90.0%', change: '—' }); // 0 ÷ 0 this year
    expect(k.fees!.change).toBe('持平');
  });

  it('a ratio’s change is in percentage points', () => {
    // Last year the seed (9 ÷ 10 = 90%); this year 部分公开 +1 and 本机关不掌握 −1 of the same 10: (9 + 1) ÷ 10 = 100%.
    const now = withCells(seed, {
      'requests.partial.natural': 1,
      'requests.partial.total': 1,
      'requests.unable_not_held.natural': 0,
      'requests.unable_not_held.total': 0,
    });
    const k = shown(now, seed);
    expect(k.disclosure_rate).toEqual({ value: '100.0%', previous: '90.0%', change: '+10.0 个百分点' });
    expect(k.not_held_share).toEqual({ value: '—', previous: '100.0%', change: '—' }); // 0 ÷ 0 this year
  });
});

describe('formatting', () => {
  it('large counts get thousands separators, amounts keep their decimals', () => {
    expect(formatKpi(kpi('received'), 3985758)).toBe('3,985,758 件');
    expect(formatKpi(kpi('fees'), 9.6)).toBe('9.6 万元');
    expect(formatKpi(kpi('fees'), 0.0123)).toBe('0.0123 万元');
    expect(formatChange(kpi('fees'), -1.25)).toBe('−1.25 万元');
  });
  it('万元 with separators too; a figure no report holds says so instead of 309 digits or a minus count', () => {
    expect(formatKpi(kpi('fees'), 96171.6)).toBe('96,171.6 万元');
    expect(formatKpi(kpi('received'), 1e308)).toBe('数值过大');
    expect(formatKpi(kpi('received'), Infinity)).toBe('数值过大');
    expect(formatKpi(kpi('received'), -17)).toBe('数值有误');
    expect(formatKpi(kpi('disclosure_rate'), 1e308)).toBe('数值过大');
    expect(formatChange(kpi('received'), 1e308)).toBe('—');
  });
  it('no change is given from or to a wrong figure', () => {
    const wrong = withCells(seed, { 'requests.received.total': -17, 'requests.carried_over.total': 1e308 });
    const k = shown(wrong, seed);
    expect(k.received).toEqual({ value: '数值有误', previous: '10 件', change: '—' });
    expect(k.accepted!.change).toBe('—');
  });
  it('a change too small to show is 持平, never "+0.0 个百分点"', () => {
    expect(formatChange(kpi('disclosure_rate'), 0.0004)).toBe('持平');
    expect(formatChange(kpi('disclosure_rate'), 0.0006)).toBe('+0.1 个百分点');
    expect(formatChange(kpi('received'), 0)).toBe('持平');
  });
  it('every KPI states its definition', () => {
    for (const def of KPIS) expect(def.definition.length).toBeGreaterThan(4);
  });
});

describe('every ratio says when it is not computed', () => {
  it('its definition names the case of a zero denominator', () => {
    for (const def of KPIS.filter((k) => k.unit === '%')) expect(def.definition, def.id).toMatch(/不计算/);
  });
});

describe('against last year’s report whose published total contradicts its own parts', () => {
  // As issue 22 found it: last year's 行政复议 总计 published as 0 beside parts adding up to 11.
  const lastYear = withCells(
    { ...seed, year: seed.year - 1 },
    { 'appeals.review.upheld': 5, 'appeals.review.corrected': 6, 'appeals.review.total': 0 },
  );
  const thisYear = withCells(seed, { 'appeals.review.upheld': 2, 'appeals.review.total': 2 });

  it('compares with the parts, and says which figure and why', () => {
    const review = computeKpis(thisYear, lastYear).find((k) => k.def.id === 'review_cases')!;
    expect([review.previous, review.change]).toEqual([11, -9]);
    expect(review.previousNote).toBe('上年报告中行政复议·总计写作 0，与其各项之和 11 不符：上年按各项之和计');
    expect(changeLine(review)).toBe('较上年 −9 件（上年按各项之和）');
    // The 纠错率 is worked out from the parts too: 6 corrected of 11 closed last year.
    const rate = computeKpis(thisYear, lastYear).find((k) => k.def.id === 'review_correction_rate')!;
    expect(rate.previous).toBeCloseTo(6 / 11);
    expect(rate.previousNote).toContain('行政复议·总计写作 0');
  });

  it('leaves a figure alone that the wrong total does not touch, and a report whose totals agree', () => {
    const received = computeKpis(thisYear, lastYear).find((k) => k.def.id === 'received')!;
    expect(received.previousNote).toBeUndefined();
    expect(computeKpis(seed, { ...seed, year: seed.year - 1 }).every((k) => k.previousNote === undefined)).toBe(true);
  });
});
