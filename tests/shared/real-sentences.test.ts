// Narrative rules on sentences from published reports (tests/fixtures/
// real-sentences.md): silent when the tables hold the figures the same report
// states, and naming the sentence when one of those figures is changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankReport, setCells, type Report } from '../../src/shared/model/report';
import { CELLS, cellKey, type CellKey } from '../../src/shared/model/cells';
import { validate } from '../../src/shared/rules/engine';
import { RULES } from '../../src/shared/rules/catalog';
import { FIXTURES } from './fixtures';

type Quantity = 'received' | 'carried_over' | 'results_total' | 'carried_forward' | 'review' | 'suits';
type Figures = Partial<Record<Quantity, number>>;

interface RealSentence {
  source: string;
  agency: string;
  year: number;
  text: string;
  figures: Figures;
  /** Phrase of the text → the quantity it states ('handled': received, received + carried over or results). */
  phrases: Record<string, Quantity | 'handled'>;
}

const { sentences } = JSON.parse(readFileSync(join(FIXTURES, 'real-sentences.json'), 'utf8')) as { sentences: RealSentence[] };
const NARRATIVE_RULES = RULES.filter((r) => r.id === 'narrative.numbers' || r.id === 'narrative.year');

/** A balanced report holding the figures (in the 自然人 column and 总计), the text as its overview. */
function reportWith(s: RealSentence, figures: Figures): Report {
  const received = figures.received ?? 0;
  const carriedOver = figures.carried_over ?? 0;
  const forward = figures.carried_forward ?? 0;
  const results = figures.results_total ?? received + carriedOver - forward;
  const both = (row: string, v: number): [CellKey, number][] => [
    [cellKey('requests', row, 'natural'), v],
    [cellKey('requests', row, 'total'), v],
  ];
  const appeal = (row: string, v: number): [CellKey, number][] => [
    [cellKey('appeals', row, 'upheld'), v],
    [cellKey('appeals', row, 'total'), v],
  ];
  const report = setCells(blankReport({ agency: s.agency, year: s.year, level: '县区部门' }), [
    ...CELLS.map((c) => [c.key, 0] as const),
    ...both('received', received),
    ...both('carried_over', carriedOver),
    ...both('granted', results),
    ...both('results_total', results),
    ...both('carried_forward', forward),
    ...appeal('review', figures.review ?? 0),
    ...appeal('suit_direct', figures.suits ?? 0),
  ]);
  return { ...report, narratives: { ...report.narratives, overview: s.text } };
}

/** The figures with one quantity one higher, the table kept balanced. */
function bumped(figures: Figures, q: Quantity): Figures {
  const f = { ...figures };
  f.results_total ??= (f.received ?? 0) + (f.carried_over ?? 0) - (f.carried_forward ?? 0);
  f[q] = (f[q] ?? 0) + 1;
  if (q === 'received' || q === 'carried_over') f.results_total += 1;
  if (q === 'results_total' || q === 'carried_forward') f.received = (f.received ?? 0) + 1;
  return f;
}

const findings = (report: Report) => validate(report, {}, NARRATIVE_RULES);

describe.each(sentences.map((s) => ({ ...s, name: `${s.agency} ${s.year}` })))('$name', (s) => {
  it('stays silent when the tables hold the figures the report states', () => {
    const { results_total: _unknown, ...stated } = s.figures;
    // 长春市体育局: the results total is not in the stored copy; a total of 2 makes "受理…2件" right.
    const figures = s.agency === '长春市体育局' ? { ...stated, results_total: 2, carried_forward: 1 } : s.figures;
    expect(findings(reportWith(s, figures))).toEqual([]);
  });

  const phrases = Object.entries(s.phrases).filter(([, q]) => q !== 'handled') as [string, Quantity][];
  if (phrases.length > 0) {
    it.each(phrases)('names "%s" when %s is changed', (phrase, quantity) => {
      const found = findings(reportWith(s, bumped(s.figures, quantity))).filter((f) => f.rule === 'narrative.numbers');
      expect(found.some((f) => f.message.includes(phrase))).toBe(true);
    });
  }
});

describe('长春市体育局 2023: "共受理政府信息公开申请2件" beside 本年新收 3', () => {
  const s = sentences.find((x) => x.agency === '长春市体育局')!;

  it('is a narrative.numbers warning when all 3 requests were handled this year', () => {
    const found = findings(reportWith(s, { received: 3, carried_over: 0, results_total: 3, carried_forward: 0 }));
    expect(found.map((f) => f.rule)).toEqual(['narrative.numbers']);
    expect(found[0]!.message).toBe(
      '一、总体情况写「本年度,共受理政府信息公开申请2件」，但表中本年新收 3 件，或新收加上年结转 3 件，或办理结果总计 3 件：请核对文字或表格',
    );
  });
});
