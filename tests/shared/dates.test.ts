import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/shared/model/dates';
import { printedDate } from '../../src/shared/document/content';

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
