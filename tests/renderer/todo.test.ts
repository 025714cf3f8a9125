// 还差什么 and the section statuses it reads: a section copied from last year
// is not 完成, a token text is not started, and the list goes from sections not
// started to errors, unexplained warnings and 定稿, each with its place.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/shared/rules/engine';
import { blockingFindings } from '../../src/shared/rules/explanations';
import { sectionStatuses } from '../../src/renderer/src/report/sectionStatus';
import { firstNeed, todoList } from '../../src/renderer/src/report/todo';
import { previousOf, seed, withCells, withNarratives } from '../shared/fixtures';

describe('section status against last year', () => {
  it('does not call a section copied from last year’s report 完成', () => {
    const previous = previousOf(seed);
    const statuses = sectionStatuses(seed, validate(seed, { previous }), {}, previous);
    expect(statuses.overview).toBe('填写中');
    expect(statuses.requests).toBe('完成');
  });

  it('reads a token text as not started', () => {
    const report = withNarratives(seed, { other: '（文字描述）' });
    expect(sectionStatuses(report, validate(report), {}).other).toBe('未开始');
  });
});

describe('还差什么', () => {
  it('lists sections not started, then errors and warnings per section, then 定稿, each with its place', () => {
    const report = withNarratives(withCells(seed, { 'requests.received.natural': 12, 'proactive.fees.amount': null }), { problems: '' });
    const findings = validate(report);
    const blocking = blockingFindings(findings, report.explanations);
    const items = todoList(sectionStatuses(report, findings, report.explanations), blocking, '草稿');
    expect(items.map((i) => i.key)).toEqual(['section:problems', 'error:requests', 'warning:proactive', 'final']);
    expect(items[1]!.text).toMatch(/^三、收到和处理政府信息公开申请情况：\d+ 个错误$/);
    expect(items[1]!.place).toMatchObject({ section: 'requests', cell: expect.stringMatching(/^requests\./) });
    expect(firstNeed(items)).toEqual({ section: 'problems' });
  });

  it('is empty for a final report and says 检查已通过 for a clean draft', () => {
    const statuses = sectionStatuses(seed, validate(seed), {});
    expect(todoList(statuses, [], '定稿')).toEqual([]);
    expect(todoList(statuses, [], '草稿')).toEqual([{ key: 'final', kind: 'final', text: '检查已通过：可以定稿并导出', place: null }]);
  });
});
