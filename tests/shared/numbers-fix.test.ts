// The narrative.numbers quick fix on real sentences (tests/fixtures/real-
// sentences.json): last year's published text kept in this year's report, whose
// tables have moved on. 全部修正 (and refreshNumbers, on creation) set every
// number whose phrase means one quantity to this year's figure and change
// nothing else of the text; a number whose phrase may mean several stays a
// finding, with no fix to guess.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankReport, setCells, type Report } from '../../src/shared/model/report';
import { CELLS, cellKey, type CellKey } from '../../src/shared/model/cells';
import { validate, applyFix } from '../../src/shared/rules/engine';
import { fixAll, refreshNumbers, describeFixes } from '../../src/shared/rules/fix-all';
import { FIXTURES, loadReport } from './fixtures';

interface RealSentence {
  agency: string;
  year: number;
  text: string;
  figures: Partial<Record<'received' | 'carried_over' | 'results_total' | 'carried_forward' | 'review' | 'suits', number>>;
}
const { sentences } = JSON.parse(readFileSync(join(FIXTURES, 'real-sentences.json'), 'utf8')) as { sentences: RealSentence[] };

/** This year's tables: every figure of last year's plus 3 (the table balanced), last year's text as the overview. */
function thisYear(s: RealSentence): Report {
  const f = s.figures;
  const received = (f.received ?? 0) + 3;
  const carriedOver = (f.carried_over ?? 0) + 3;
  const forward = (f.carried_forward ?? 0) + 3;
  const results = received + carriedOver - forward;
  const both = (row: string, v: number): [CellKey, number][] => [
    [cellKey('requests', row, 'natural'), v],
    [cellKey('requests', row, 'total'), v],
  ];
  const appeal = (row: string, v: number): [CellKey, number][] => [
    [cellKey('appeals', row, 'upheld'), v],
    [cellKey('appeals', row, 'total'), v],
  ];
  const report = setCells(blankReport({ agency: s.agency, year: s.year + 1, level: '县区部门' }), [
    ...CELLS.map((c) => [c.key, 0] as const),
    ...both('received', received),
    ...both('carried_over', carriedOver),
    ...both('granted', results),
    ...both('results_total', results),
    ...both('carried_forward', forward),
    ...appeal('review', (f.review ?? 0) + 3),
    ...appeal('suit_direct', (f.suits ?? 0) + 3),
  ]);
  return { ...report, narratives: { ...report.narratives, overview: s.text } };
}

const numbers = (r: Report) => validate(r).filter((f) => f.rule === 'narrative.numbers');
const withoutDigits = (t: string) => t.replace(/\d+/g, '#');

describe.each(sentences.filter((s) => Object.keys(s.figures).length > 0).map((s) => ({ ...s, name: `${s.agency} ${s.year}` })))(
  '$name, last year’s text beside this year’s tables',
  (s) => {
    const report = thisYear(s);
    const before = numbers(report);
    const fixable = before.filter((f) => f.fix);

    it('全部修正 updates every number whose phrase means one quantity, and nothing else of the text', () => {
      const { report: fixed, applied } = fixAll(report);
      expect(withoutDigits(fixed.narratives.overview)).toBe(withoutDigits(s.text));
      // What is left has no fix: its phrase may mean more than one figure.
      expect(numbers(fixed).filter((f) => f.fix)).toEqual([]);
      expect(numbers(fixed).length).toBe(before.length - fixable.length);
      if (fixable.length > 0) expect(describeFixes(applied)).toBe(`正文中 ${fixable.length} 处数字已按今年表格更新`);
      expect(refreshNumbers(report).report).toEqual(fixed);
    });

    it.each(fixable.map((f) => ({ label: f.fix!.label, f })))('$label replaces the stated number in place', ({ f }) => {
      const fixed = applyFix(report, f.fix!);
      const edit = f.fix!.edits![0]!;
      expect(fixed.narratives.overview).toBe(s.text.slice(0, edit.start) + edit.value + s.text.slice(edit.end));
      expect(numbers(fixed).map((x) => x.id)).not.toContain(f.id);
    });
  },
);

describe('real mismatches as published', () => {
  it('长春市体育局 2023 "共受理政府信息公开申请2件" beside 3 received: a warning, and no fix (受理 may mean three figures)', () => {
    const s = sentences.find((x) => x.agency === '长春市体育局')!;
    const report = thisYear({ ...s, figures: { received: 0, carried_over: -3, carried_forward: -3 } });
    const found = numbers(report);
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
  });

  it('洪泽区 2024 "区政府办代表区政府受理政府信息公开申请17件" beside 95: a warning, and no fix (the 17 may be a part of the 95)', () => {
    const found = numbers(loadReport('real-hongze-2024.json'));
    expect(found.map((f) => f.fix)).toEqual([undefined]);
    expect(refreshNumbers(loadReport('real-hongze-2024.json')).message).toBeNull();
  });

  it('高平市 2023 "收到和办理依申请公开9件" with 12 received this year: 改为表中的 12', () => {
    const s = sentences.find((x) => x.agency === '高平市人民政府办公室')!;
    const found = numbers(thisYear(s)).find((f) => f.message.includes('收到和办理依申请公开9件'))!;
    expect(found.fix!.label).toBe('改为表中的 12');
    expect(applyFix(thisYear(s), found.fix!).narratives.overview).toContain('全年共收到和办理依申请公开12件');
  });
});
