// The editor's pure parts: totals from the rule list, the parts of 一、总体情况,
// the grid matrix for keyboard and clipboard, clipboard text, save patches.
import { describe, expect, it } from 'vitest';
import { seed, withCells, withNarratives } from '../shared/fixtures';
import { validate } from '../../src/shared/rules/engine';
import { blankReport, valueAt } from '../../src/shared/model/report';
import { TOTALS, TOTAL_CELLS } from '../../src/shared/rules/totals';
import { recomputeTotals, totalsConsistent } from '../../src/renderer/src/report/autoTotals';
import { OVERVIEW_PARTS, composeOverview, parseOverview, withOpening, withPart } from '../../src/renderer/src/report/overviewParts';
import { GRIDS, block, moveFrom, pasteTargets } from '../../src/renderer/src/report/gridModel';
import { parseTsv, toTsv } from '../../src/renderer/src/report/clipboard';
import { applyPatch, diffReports } from '../../src/renderer/src/report/saveDiff';
import { sectionStatuses } from '../../src/renderer/src/report/sectionStatus';

describe('totals', () => {
  it('knows the totals of the three tables from the rules that offer to recompute them', () => {
    expect(TOTALS.proactive).toEqual([]);
    expect(TOTALS.appeals.map((t) => t.total)).toEqual([
      'appeals.review.total',
      'appeals.suit_direct.total',
      'appeals.suit_after_review.total',
    ]);
    // 25 row totals and 7 column totals, the corner counted by both.
    expect(TOTALS.requests).toHaveLength(32);
    expect(TOTAL_CELLS.has('requests.results_total.total')).toBe(true);
    expect(TOTAL_CELLS.has('requests.received.natural')).toBe(false);
  });

  it('recomputes the seed exactly, and fills row, column and corner totals from parts alone', () => {
    expect(recomputeTotals(seed, ['requests', 'appeals'])).toBe(seed);
    const parts = withCells(seed, { 'requests.granted.commercial': 2, 'requests.received.commercial': 2 });
    const next = recomputeTotals(parts, ['requests']);
    expect(valueAt(next, 'requests.granted.total')).toBe(11);
    expect(valueAt(next, 'requests.results_total.commercial')).toBe(2);
    expect(valueAt(next, 'requests.results_total.total')).toBe(12);
    expect(validate(next).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves totals of untouched parts blank and totals over text parts as they are', () => {
    const fresh = blankReport({ agency: '某局', year: 2023, level: '县区部门' });
    expect(recomputeTotals(fresh, ['requests', 'appeals'])).toBe(fresh);
    const text = withCells(seed, { 'appeals.review.upheld': '十' });
    expect(valueAt(recomputeTotals(text, ['appeals']), 'appeals.review.total')).toBe(0);
  });

  it('tells a table whose typed totals disagree with its parts', () => {
    expect(totalsConsistent(seed, 'requests')).toBe(true);
    expect(totalsConsistent(withCells(seed, { 'requests.received.total': 11 }), 'requests')).toBe(false);
    expect(totalsConsistent(withCells(seed, { 'appeals.review.total': null }), 'appeals')).toBe(false);
  });
});

describe('the five parts of 一、总体情况', () => {
  it('parses the seed (half-width brackets) and gives the same text back', () => {
    const text = seed.narratives.overview;
    const parsed = parseOverview(text);
    expect(parsed.opening).toHaveLength(1);
    expect(parsed.parts.map((p) => p.heading)).toEqual([
      '(一)主动公开',
      '(二)依申请公开',
      '(三)政府信息管理',
      '(四)政府信息公开平台建设',
      '(五)监督保障',
    ]);
    expect(composeOverview(parsed)).toBe(text);
  });

  it.each([
    '',
    '只有一段开头',
    '开头\n\n（一）主动公开\n\n正文\n（三）政府信息管理\n',
    '（二）依申请公开\n甲\n（一）主动公开\n乙',
    '（一）主动公开。本年度我局主动公开信息 20 条。\n（二）依申请公开',
  ])('gives back any text unchanged: %j', (text) => {
    expect(composeOverview(parseOverview(text))).toBe(text);
  });

  it('adds the official sub-heading when a missing part is written, in its place', () => {
    const parsed = parseOverview('开头\n（一）主动公开\n甲\n（三）政府信息管理\n丙');
    const text = composeOverview(withPart(parsed, 1, '乙一\n乙二'));
    expect(text).toBe(`开头\n（一）主动公开\n甲\n${OVERVIEW_PARTS[1]!.heading}\n乙一\n乙二\n（三）政府信息管理\n丙`);
    expect(composeOverview(withOpening(parseOverview(text), ''))).toBe(text.slice('开头\n'.length));
  });

  it('does not take a later heading out of order, so nothing is reordered', () => {
    const parsed = parseOverview('（二）依申请公开\n甲\n（一）主动公开\n乙');
    expect(parsed.parts[0]!.heading).toBeNull();
    expect(parsed.parts[1]!.lines).toEqual(['甲', '（一）主动公开', '乙']);
  });
});

describe('grid matrix', () => {
  it('gives table 三 as 25 rows of 7 and table 四 as one row of 15', () => {
    expect(GRIDS.requests.rows).toHaveLength(25);
    expect(GRIDS.requests.rows.every((r) => r.length === 7)).toBe(true);
    expect(GRIDS.appeals.rows).toEqual([expect.any(Array)]);
    expect(GRIDS.appeals.rows[0]).toHaveLength(15);
  });

  it('moves like a spreadsheet, across rows of different shapes in table 二', () => {
    const g = GRIDS.proactive;
    expect(moveFrom(g, 'proactive.regulations.in_force', 'down')).toBe('proactive.normative_docs.in_force');
    expect(moveFrom(g, 'proactive.normative_docs.repealed', 'down')).toBe('proactive.licensing.decisions');
    expect(moveFrom(g, 'proactive.licensing.decisions', 'up')).toBe('proactive.normative_docs.issued');
    expect(moveFrom(g, 'proactive.regulations.in_force', 'next')).toBe('proactive.normative_docs.issued');
    expect(moveFrom(g, 'proactive.fees.amount', 'next')).toBeNull();
    expect(moveFrom(g, 'proactive.regulations.issued', 'prev')).toBeNull();
    expect(moveFrom(g, 'proactive.regulations.issued', 'up')).toBe('proactive.regulations.issued');
  });

  it('takes rectangular blocks and places pasted blocks from the active cell', () => {
    expect(block(GRIDS.requests, 'requests.granted.research', 'requests.received.natural')).toEqual([
      ['requests.received.natural', 'requests.received.commercial', 'requests.received.research'],
      ['requests.carried_over.natural', 'requests.carried_over.commercial', 'requests.carried_over.research'],
      ['requests.granted.natural', 'requests.granted.commercial', 'requests.granted.research'],
    ]);
    const { targets, outside } = pasteTargets(GRIDS.requests, 'requests.carried_forward.total', [
      ['1', '2'],
      ['3', ''],
    ]);
    expect(targets).toEqual([['requests.carried_forward.total', '1']]);
    expect(outside).toBe(2);
  });
});

describe('clipboard text', () => {
  it('reads what Excel copies: CRLF rows, a closing line break, quoted cells', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n\t')).toEqual([
      ['a\tb', 'say "hi"'],
      ['', ''],
    ]);
    expect(parseTsv('5')).toEqual([['5']]);
  });

  it('writes blocks that read back the same', () => {
    const rows = [
      [1, null, '—'],
      ['a\tb', 0.5, 'x"y'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows.map((r) => r.map((v) => (v === null ? '' : String(v)))));
  });
});

describe('save patches', () => {
  it('sends only what changed, and nothing when nothing did', () => {
    expect(diffReports(seed, seed)).toBeNull();
    const edited = withNarratives(withCells(seed, { 'requests.received.natural': 11, 'appeals.review.total': '无' }), { other: '已改' });
    const patch = diffReports(seed, { ...edited, explanations: { 'cell.blank:appeals': '核实无误' }, level: '市级部门' })!;
    expect(patch).toEqual({
      cells: { 'requests.received.natural': 11, 'appeals.review.total': '无' },
      narratives: { other: '已改' },
      explanations: { 'cell.blank:appeals': '核实无误' },
      meta: { level: '市级部门' },
    });
    expect(
      diffReports(applyPatch(seed, patch), { ...edited, explanations: { 'cell.blank:appeals': '核实无误' }, level: '市级部门' }),
    ).toBeNull();
  });

  it('sends 落款, 成文日期 and the preamble, and null where they were cleared', () => {
    const closing = { ...seed, signature: '某区统计局办公室', date: '2023-01-20', preamble: '本报告根据条例编制。' };
    const patch = diffReports(seed, closing)!;
    expect(patch).toEqual({ meta: { signature: '某区统计局办公室', date: '2023-01-20', preamble: '本报告根据条例编制。' } });
    const saved = applyPatch(seed, patch);
    expect(saved).toEqual(closing);
    const cleared = diffReports(saved, seed)!;
    expect(cleared).toEqual({ meta: { signature: null, date: null, preamble: null } });
    expect(applyPatch(saved, cleared)).toEqual(seed);
  });

  it('removes an emptied explanation and holds back a name the library would refuse', () => {
    const saved = { ...seed, explanations: { a: 'x' } };
    expect(diffReports(saved, { ...saved, explanations: {} })).toEqual({ explanations: { a: null } });
    expect(diffReports(saved, { ...saved, agency: '  ' })).toBeNull();
    expect(diffReports(saved, { ...saved, agency: ' 新局 ', year: 2023 })).toEqual({ meta: { agency: '新局', year: 2023 } });
  });
});

describe('section status', () => {
  it('reads 完成 for the clean seed and says what each broken section needs', () => {
    const clean = sectionStatuses(seed, validate(seed), {});
    expect(Object.values(clean)).toEqual(['完成', '完成', '完成', '完成', '完成', '完成']);
    const broken = withNarratives(withCells(seed, { 'requests.received.natural': 12, 'proactive.fees.amount': null }), { problems: '' });
    const findings = validate(broken);
    const status = sectionStatuses(broken, findings, {});
    expect(status.requests).toBe('有错误');
    expect(status.proactive).toBe('填写中');
    expect(status.problems).toBe('未开始');
    const blankFinding = findings.find((f) => f.rule === 'cell.blank')!;
    expect(sectionStatuses(broken, findings, { [blankFinding.id]: '本年无收费，确认为空' }).proactive).toBe('完成');
  });
});

describe('the closing lines and preamble in a patch', () => {
  it('sends 落款, 成文日期 and the preamble when they change, null when emptied, and applies them back', () => {
    const saved = seed;
    const written = { ...saved, signature: '余杭区统计局办公室', date: '2023-01-20', preamble: '本报告根据《条例》编制。' };
    const patch = diffReports(saved, written)!;
    expect(patch.meta).toEqual({ signature: '余杭区统计局办公室', date: '2023-01-20', preamble: '本报告根据《条例》编制。' });
    expect(applyPatch(saved, patch)).toMatchObject({
      signature: '余杭区统计局办公室',
      date: '2023-01-20',
      preamble: '本报告根据《条例》编制。',
    });
    const emptied = { ...written, signature: '', date: '', preamble: '' };
    const removal = diffReports(written, emptied)!;
    expect(removal.meta).toEqual({ signature: null, date: null, preamble: null });
    const after = applyPatch(written, removal);
    expect([after.signature, after.date, after.preamble]).toEqual([undefined, undefined, undefined]);
    expect(diffReports(after, { ...after })).toBeNull();
  });
});
