// 还差什么 and the section statuses it reads: a section copied from last year
// is not 完成, a token text is not started, and the list goes from sections not
// started to errors, unexplained warnings and 定稿, each with its place.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/shared/rules/engine';
import { blockingFindings } from '../../src/shared/rules/explanations';
import { sectionStatuses } from '../../src/renderer/src/report/sectionStatus';
import { firstNeed, todoList } from '../../src/renderer/src/report/todo';
import { progressOf } from '../../src/renderer/src/report/progress';
import { SECTIONS } from '../../src/shared/template/gov2021';
import { previousOf, seed, withCells, withNarratives } from '../shared/fixtures';

describe('section status against last year', () => {
  it('does not call a section copied from last year’s report 完成', () => {
    const previous = previousOf(seed);
    const statuses = sectionStatuses(seed, validate(seed, { previous }), {}, previous);
    expect(statuses.overview).toBe('填写中');
    expect(statuses.requests).toBe('完成');
  });

  it('agrees with 还差什么 and 定稿: a copied section is 填写中 only while the repetition finding stands unexplained', () => {
    // 一 copied word for word, 五 and 六 rewritten: less than half of the whole text repeats, so no finding and nothing left to write.
    const previous = withNarratives(previousOf(seed), {
      problems: '上年的问题是公开内容不够丰富，栏目更新不够及时，工作人员的业务能力还需提高。'.repeat(6),
      other: '上年未收取任何费用，也没有其他需要报告的事项，特此说明。'.repeat(6),
    });
    const written = (topic: string) =>
      Array.from(
        { length: 30 },
        (_, i) => `第${i + 1}项${topic}已于${(i % 12) + 1}月完成，涉及${i * 7 + 3}个栏目和${i * 3 + 2}名工作人员。`,
      ).join('');
    const rewritten = withNarratives(seed, { problems: written('整改措施'), other: `本年度未收取信息处理费。${written('其他事项')}` });
    const clean = progressOf(rewritten, previous, '草稿');
    expect(clean.findings.filter((f) => f.rule === 'continuity.repetition')).toEqual([]);
    expect(clean.statuses.overview).toBe('完成');
    expect(clean.todo.at(-1)!.text).toBe('检查已通过：可以定稿并导出');

    // All of it copied: the finding stands, every copied section is 填写中, and 还差什么 lists them before 定稿.
    const copied = progressOf(seed, previousOf(seed), '草稿');
    const repetition = copied.findings.find((f) => f.rule === 'continuity.repetition')!;
    expect(repetition).toBeDefined();
    expect(SECTIONS.filter((s) => copied.statuses[s.id] === '填写中').map((s) => s.id)).toEqual(['overview', 'problems', 'other']);
    expect(copied.blocking).toContain(repetition);
    expect(copied.todo.at(-1)!.text).toBe('定稿（以上各项处理完后）');

    // Explained (the text is the same by rule, say), the sections are done and 定稿 is open: nothing says 填写中 beside 检查已通过.
    const explained = { ...seed, explanations: { [repetition.id]: '本机关职能未变，工作情况与上年相同，经核实文字属实' } };
    const done = progressOf(explained, previousOf(seed), '草稿');
    expect(Object.values(done.statuses)).not.toContain('填写中');
    expect(done.blocking).toEqual([]);
    expect(done.todo.at(-1)!.text).toBe('检查已通过：可以定稿并导出');
    expect(progressOf(explained, previousOf(seed), '定稿').todo).toEqual([]);
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
