// Facts read off the rule list rather than written again: the cells carried
// from last year, the totals, the traits the editor acts on, when a warning
// counts as explained.
import { describe, expect, it } from 'vitest';
import { CARRIED_FROM_PREVIOUS, nextYearReport } from '../../src/shared/rules/carried';
import { traitsOf } from '../../src/shared/rules/catalog';
import { blockingCounts, isExplanation, notFinalReason } from '../../src/shared/rules/explanations';
import { validate } from '../../src/shared/rules/engine';
import { TOTALS } from '../../src/shared/rules/totals';
import { bySeverity, SEVERITIES } from '../../src/shared/rules/types';
import { valueAt, setCells } from '../../src/shared/model/report';
import { REQUEST_COLS } from '../../src/shared/template/gov2021';
import { seed } from './fixtures';
import { cellKey, displayCode, rowCodeParts } from '../../src/shared/model/cells';
import { LAYOUTS } from '../../src/shared/template/layout';
import type { Finding } from '../../src/shared/rules/types';

describe('cells carried from last year', () => {
  it('are the continuity equations: 上年结转 from 结转下年度 per column, 现行有效 of 规章 and 规范性文件', () => {
    expect(CARRIED_FROM_PREVIOUS).toEqual([
      ...REQUEST_COLS.map((c) => ({ from: cellKey('requests', 'carried_forward', c.key), to: cellKey('requests', 'carried_over', c.key) })),
      { from: 'proactive.regulations.in_force', to: 'proactive.regulations.in_force' },
      { from: 'proactive.normative_docs.in_force', to: 'proactive.normative_docs.in_force' },
    ]);
  });

  it('start a next year that the continuity rules find consistent', () => {
    const last = setCells(seed, [
      ['requests.carried_forward.natural', 3],
      ['requests.carried_forward.total', 3],
      ['proactive.normative_docs.in_force', 7],
    ]);
    const next = nextYearReport(last);
    expect(next.year).toBe(last.year + 1);
    expect(valueAt(next, 'requests.carried_over.natural')).toBe(3);
    expect(valueAt(next, 'requests.received.natural')).toBeNull();
    expect(next.explanations).toEqual({});
    const continuity = validate(next, { previous: last }).filter(
      (f) => f.rule.startsWith('continuity.') && f.rule !== 'continuity.repetition',
    );
    expect(continuity).toEqual([]);
  });
});

describe('totals', () => {
  it('give the corner of table 三 both its row and its column, as the rules do', () => {
    const corner = TOTALS.requests.filter((t) => t.total === 'requests.results_total.total');
    expect(corner.map((t) => t.parts.length)).toEqual([6, 21]);
  });
});

describe('rule traits', () => {
  it('are read from the rule data', () => {
    expect(traitsOf('cell.blank')).toEqual({ unfinished: true, unmarked: true });
    expect(traitsOf('narrative.required')).toEqual({ unfinished: true });
    expect(traitsOf('requests.balance')).toEqual({});
    expect(traitsOf('no.such.rule')).toEqual({});
  });
});

describe('explanations', () => {
  it.each([
    ['', false],
    ['无', false],
    ['已核实', false],
    ['正确', false],
    ['  已核实无误。  ', false],
    ['经核实，数据无误', true],
    ['原表该格空白，已与经办人核对', true],
  ])('%j explains: %s', (text, explains) => {
    expect(isExplanation(text)).toBe(explains);
  });
});

describe('severity order', () => {
  it('puts errors, warnings, notices in that order', () => {
    expect([...SEVERITIES].reverse().sort(bySeverity)).toEqual(['error', 'warning', 'notice']);
  });
});

describe('why a report cannot be final, said once', () => {
  const finding = (severity: Finding['severity'], id: string): Finding => ({
    id,
    rule: id,
    severity,
    section: 'requests',
    cells: [],
    message: '',
  });
  it('counts only what there is, the same words for the 定稿 button, the library and the export', () => {
    expect(blockingCounts([finding('error', 'a'), finding('error', 'b'), finding('warning', 'c')])).toBe(
      '2 个错误和 1 个未写核实说明的需核实项',
    );
    expect(blockingCounts([finding('warning', 'c')])).toBe('1 个未写核实说明的需核实项');
    expect(blockingCounts([finding('error', 'a')])).toBe('1 个错误');
    expect(notFinalReason([finding('error', 'a')])).toBe('报告还有 1 个错误');
  });
});

describe('row captions', () => {
  it('come from the parts of the row code, as the messages and the printed table 三 both show them', () => {
    expect(rowCodeParts('三（三）1')).toEqual({ top: '三', sub: '（三）', num: '1' });
    expect(rowCodeParts('三（七）')).toEqual({ top: '三', sub: '（七）' });
    expect(rowCodeParts('')).toBeUndefined();
    expect(displayCode('三（三）1')).toBe('三、（三）1.');
    const labels = LAYOUTS.requests.rows.flat().flatMap((c) => (c.kind === 'label' ? [c.text] : []));
    expect(labels).toContain('（一）予以公开');
    expect(labels).toContain('1.属于国家秘密');
    expect(labels).toContain('一、本年新收政府信息公开申请数量');
  });
});
