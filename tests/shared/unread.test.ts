// A cell the file did not give is unknown, never 0: no sum counts it, no fix
// fills it, and no total is changed around it. A blank part of a sum that does
// not add up is named as the likelier fault, not answered with a new total.
import { describe, expect, it } from 'vitest';
import { isUnread, markUnread, setCells, unreadCells, valueAt } from '../../src/shared/model/report';
import { readReportJson, reportToJson } from '../../src/shared/model/report-json';
import { validate } from '../../src/shared/rules/engine';
import { fixAll } from '../../src/shared/rules/fix-all';
import { kpi } from '../../src/shared/kpi';
import { seed, withCells } from './fixtures';

/** The seed (10 received, 9 granted, 1 not held) with 予以公开·自然人 not read from its file. */
const grantedUnread = markUnread(seed, [['requests.granted.natural', '第 3 页：数字压在合并的标签上，无法确定位置']]);

describe('an unread cell', () => {
  it('is blank, keeps its reason, and is read again once anything writes it', () => {
    expect(valueAt(grantedUnread, 'requests.granted.natural')).toBeNull();
    expect(unreadCells(grantedUnread).map((u) => [u.cell.key, u.reason])).toEqual([
      ['requests.granted.natural', '第 3 页：数字压在合并的标签上，无法确定位置'],
    ]);
    const typed = setCells(grantedUnread, [['requests.granted.natural', 9]]);
    expect(isUnread(typed, 'requests.granted.natural')).toBe(false);
    expect(typed.unread).toBeUndefined();
    expect(isUnread(grantedUnread, 'requests.granted.natural')).toBe(true);
  });

  it('survives the report JSON, and a value given in the same file wins over a stale mark', () => {
    const back = readReportJson(JSON.parse(reportToJson(grantedUnread)));
    expect(back.ok && back.value.unread).toEqual(grantedUnread.unread);
    const stale = readReportJson({ ...JSON.parse(reportToJson(seed)), unread: { 'requests.granted.natural': '旧的标记' } });
    expect(stale.ok && stale.value.unread).toBeUndefined();
    const unknownKey = readReportJson({ ...JSON.parse(reportToJson(seed)), unread: { 'requests.bogus.total': '？' } });
    expect(unknownKey.ok).toBe(false);
  });

  it('is not summed: the row and column it stands in raise no error, and it is listed apart from the blanks, with no fix', () => {
    const findings = validate(grantedUnread);
    expect(findings.filter((f) => f.rule.startsWith('requests.'))).toEqual([]);
    const listed = findings.filter((f) => f.rule === 'cell.blank');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: 'cell.blank:requests:unread', cells: ['requests.granted.natural'] });
    expect(listed[0]!.message).toContain('没能从文件读出');
    expect(listed[0]!.fix).toBeUndefined();
  });

  it('is never filled by 全部修正, and no total beside it is changed', () => {
    const blanksElsewhere = withCells(grantedUnread, { 'appeals.review.other': null });
    const { report, applied } = fixAll(blanksElsewhere);
    expect(valueAt(report, 'requests.granted.natural')).toBeNull();
    expect(isUnread(report, 'requests.granted.natural')).toBe(true);
    expect(valueAt(report, 'requests.granted.total')).toBe(9);
    expect(valueAt(report, 'requests.results_total.natural')).toBe(10);
    // The blank that 0 fits is still filled.
    expect(valueAt(report, 'appeals.review.other')).toBe(0);
    expect(applied.flatMap((a) => a.cells)).toEqual(['appeals.review.other']);
  });

  it('makes the figures it enters unknown, not smaller', () => {
    const unreadReceived = markUnread(seed, [['requests.received.total', '未读出']]);
    expect(kpi('received').value(seed)).toBe(10);
    expect(kpi('received').value(unreadReceived)).toBeNull();
    expect(kpi('accepted').value(unreadReceived)).toBeNull();
  });
});

describe('a blank part of a sum that does not add up', () => {
  // 予以公开 has 9 in 总计 but 自然人 left blank: the blank, not the total, is the likely fault.
  const blankPart = withCells(seed, { 'requests.granted.natural': null });

  it('is named in the finding, and no new total is offered', () => {
    const row = validate(blankPart).find((f) => f.id === 'requests.row_total:granted')!;
    expect(row.message).toContain('三、（一）予以公开·自然人');
    expect(row.message).toContain('空着');
    expect(row.message).not.toContain('将总计改为');
    expect(row.fix).toBeUndefined();
  });

  it('is not filled with 0 by 全部修正, and the totals keep their figures', () => {
    const { report } = fixAll(blankPart);
    expect(valueAt(report, 'requests.granted.natural')).toBeNull();
    expect(valueAt(report, 'requests.granted.total')).toBe(9);
    expect(valueAt(report, 'requests.results_total.natural')).toBe(10);
  });

  it('while a blank total of parts that are all there is computed as before', () => {
    const blankTotal = withCells(seed, { 'requests.granted.total': null });
    const row = validate(blankTotal).find((f) => f.id === 'requests.row_total:granted')!;
    expect(row.fix).toEqual({ label: '将总计改为 9', changes: [{ cell: 'requests.granted.total', value: 9 }] });
    expect(valueAt(fixAll(blankTotal).report, 'requests.granted.total')).toBe(9);
  });
});

describe('a total that is wrong beside a total that is right', () => {
  // 予以公开 总计 typed 8 where its parts add to 9; 办理结果总计 10 is right.
  const wrongRow = withCells(seed, { 'requests.granted.total': 8 });

  it('is the one offered a new figure; the right total beside it is not, and its finding says a part is off', () => {
    const findings = validate(wrongRow);
    expect(findings.find((f) => f.id === 'requests.row_total:granted')!.fix).toEqual({
      label: '将总计改为 9',
      changes: [{ cell: 'requests.granted.total', value: 9 }],
    });
    const corner = findings.find((f) => f.id === 'requests.results_total:total')!;
    expect(corner.fix).toBeUndefined();
    expect(corner.message).toContain('应是某一项有误');
  });

  it('is mended by 全部修正 without touching the right one', () => {
    const { report } = fixAll(wrongRow);
    expect(valueAt(report, 'requests.granted.total')).toBe(9);
    expect(valueAt(report, 'requests.results_total.total')).toBe(10);
    expect(validate(report).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
