// 全部修正 over real figures: every unambiguous quick fix at once (blanks to 0,
// totals recomputed, 上年结转 from last year's 结转下年度), one new report, and
// an account of what changed; what no fix can settle stays for the author.
import { describe, expect, it } from 'vitest';
import { valueAt } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { describeFixes, fixAll } from '../../src/shared/rules/fix-all';
import { previousOf, seed, withCells, withNarratives } from './fixtures';

const lastYear = withNarratives(
  previousOf(seed, {
    'requests.carried_forward.natural': 2,
    'requests.carried_forward.total': 2,
    'requests.received.natural': 12,
    'requests.received.total': 12,
  }),
  {
    overview: '',
    problems: '',
    other: '',
  },
);

describe('fixAll', () => {
  it('fills blanks, recomputes totals and takes last year’s 结转下年度, leaving a clean report', () => {
    const broken = withCells(seed, {
      'requests.granted.research': '—',
      'requests.partial.legal': null,
      'appeals.review.other': '/',
      'requests.received.total': null,
      'requests.carried_over.natural': null,
    });
    // Received 10 + carried 2 = results 12: the balance holds once the fixes are in.
    const balanced = withCells(broken, {
      'requests.received.natural': 10,
      'requests.granted.natural': 11,
      'requests.granted.total': 11,
      'requests.results_total.natural': 12,
      'requests.results_total.total': 12,
    });
    expect(
      validate(balanced, { previous: lastYear })
        .filter((f) => f.fix)
        .map((f) => f.rule),
    ).toContain('continuity.carried_over');

    const { report, applied } = fixAll(balanced, { previous: lastYear });
    expect(validate(report, { previous: lastYear })).toEqual([]);
    expect(valueAt(report, 'requests.carried_over.natural')).toBe(2);
    expect(valueAt(report, 'requests.carried_over.total')).toBe(2);
    expect(valueAt(report, 'requests.received.total')).toBe(10);
    expect(valueAt(report, 'requests.granted.research')).toBe(0);
    expect(new Set(applied.map((a) => a.rule))).toEqual(new Set(['cell.blank', 'continuity.carried_over', 'requests.row_total']));
    const told = describeFixes(applied);
    expect(told).toContain('空格填 0');
    expect(told).toContain('按上年“结转下年度”填入：2 格');
  });

  it('changes nothing and says nothing for a report with nothing to fix', () => {
    const { report, applied } = fixAll(seed);
    expect(report).toBe(seed);
    expect(applied).toEqual([]);
    expect(describeFixes(applied)).toBe('');
  });

  it('leaves an unbalanced column to the author: no fix guesses which figure is wrong', () => {
    const unbalanced = withCells(seed, { 'requests.received.natural': 11, 'requests.received.total': 11 });
    const { report, applied } = fixAll(unbalanced);
    expect(applied).toEqual([]);
    expect(validate(report).map((f) => f.rule)).toContain('requests.balance');
    expect(report).toBe(unbalanced);
  });

  it('does not take last year’s figure where last year left the cell blank', () => {
    const blankLastYear = withCells(lastYear, { 'requests.carried_forward.total': null });
    const finding = validate(seed, { previous: blankLastYear }).find((f) => f.rule === 'continuity.carried_over')!;
    expect(finding.fix).toBeUndefined();
  });
});
