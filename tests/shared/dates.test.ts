import { describe, expect, it } from 'vitest';
import { localMinute, localToday, printedDate, readDate, reportingYear } from '../../src/shared/model/dates';

describe('readDate: a date as offices write it', () => {
  it.each([
    ['2025年1月20日', '2025-01-20'],
    ['2025 年 01 月 20 日', '2025-01-20'],
    ['二〇二五年一月二十日', '2025-01-20'],
    ['2025-1-20', '2025-01-20'],
    ['2025/01/20', '2025-01-20'],
    ['2025.1.20', '2025-01-20'],
    [' 2024年2月29日 ', '2024-02-29'],
  ])('%s → %s', (text, iso) => expect(readDate(text)).toBe(iso));

  it.each(['2025年2月29日', '2025年13月1日', '2025年4月31日', '2025年1月', '1月20日', '20250120', '2025-01-20 10:00', 'mm/dd/yyyy', ''])(
    'not a day: %s',
    (text) => expect(readDate(text)).toBeUndefined(),
  );

  it('prints back in the form it was read', () => {
    for (const text of ['2025年1月20日', '2024年12月3日']) expect(printedDate(readDate(text)!)).toBe(text);
  });
});

describe('the office’s calendar', () => {
  it('reports on last year before July, on this year from July', () => {
    expect(reportingYear(new Date(2026, 0, 15))).toBe(2025);
    expect(reportingYear(new Date(2026, 5, 30))).toBe(2025);
    expect(reportingYear(new Date(2026, 6, 1))).toBe(2026);
    expect(reportingYear(new Date(2026, 11, 31))).toBe(2026);
  });

  it('counts today and a time to the minute in local time', () => {
    const at = new Date(2026, 0, 21, 7, 5, 30);
    expect(localToday(at)).toBe('2026-01-21');
    expect(localMinute(at)).toBe('2026-01-21 07:05');
    expect(localMinute(at.toISOString())).toBe('2026-01-21 07:05');
  });

  it('is the date in Beijing before 08:00 Beijing time, when UTC still has yesterday', () => {
    const zone = process.env.TZ;
    // Node reads TZ again when it is set, so the test holds on a machine in any zone (CI runs in UTC).
    process.env.TZ = 'Asia/Shanghai';
    try {
      const early = new Date('2026-01-20T23:30:00Z'); // 07:30 on the 21st in Beijing
      expect(localToday(early)).toBe('2026-01-21');
      expect(localMinute(early)).toBe('2026-01-21 07:30');
      expect(early.toISOString().slice(0, 10)).toBe('2026-01-20');
      // 1 July, 00:30 in Beijing (still 30 June in UTC): the year reported on is already this one.
      expect(reportingYear(new Date('2026-06-30T16:30:00Z'))).toBe(2026);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
