// Dates as offices write them: 2025年1月20日 (digits or 二〇二五年一月二十日) or
// 2025-01-20 / 2025/1/20 / 2025.1.20. Read into the ISO date the report keeps
// (identity.ts's `date`), by the document readers for a 成文日期 and by the
// editor's date field; printed back in the Chinese form (`printedDate`).
// Today and the year being reported on are the office's calendar, in local
// time: a day stamped from UTC would be yesterday before 08:00 in Beijing.
import { chineseNumeral, NUMERAL_DIGITS } from './numerals';

/** 二〇二四 → 2024 (a year, digit by digit); 十二 → 12; 二十一 → 21. */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((ch) => ch in NUMERAL_DIGITS)) return Number([...s].map((ch) => NUMERAL_DIGITS[ch]).join(''));
  return chineseNumeral(s);
}

const CHINESE_DATE =
  /^([\d〇零一二三四五六七八九OＯ]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日$/;
const ISO_LIKE_DATE = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$/;

/** A date written alone ("2025年1月20日", "2025-1-20"), as ISO "2025-01-20"; undefined when it is none or no such day exists. */
export function readDate(text: string): string | undefined {
  const s = text.trim();
  const m = CHINESE_DATE.exec(s) ?? ISO_LIKE_DATE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [chineseNumber(m[1]!), chineseNumber(m[2]!), chineseNumber(m[3]!)];
  if (y === undefined || mo === undefined || d === undefined || mo < 1 || mo > 12 || d < 1) return undefined;
  // 2月30日 is no day: the month's last day is day 0 of the next month.
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today as ISO YYYY-MM-DD in local time (the office's calendar day, not UTC's). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2026-11-26 10:05" in local time, to the minute, as a person reads a time. */
export function localMinute(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${localToday(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The year a report written now is about: reports are written in the first months of the next year, so before July it is last year. */
export function reportingYear(now = new Date()): number {
  return now.getFullYear() - (now.getMonth() < 6 ? 1 : 0);
}

/** An ISO date as GB/T 9704 prints a 成文日期: "2025-01-20" → "2025年1月20日". */
export function printedDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso.trim();
}
