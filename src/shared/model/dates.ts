// Dates as offices write them: 2025年1月20日 (digits or 二〇二五年一月二十日) or
// 2025-01-20 / 2025/1/20 / 2025.1.20. Read into the ISO date the report keeps
// (identity.ts's `date`), by the document readers for a 成文日期 and by the
// editor's date field; printed back in the Chinese form (`printedDate`).

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  O: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二四 → 2024; 十二 → 12; 二十一 → 21. */
function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return [...s].every((ch) => ch in CN_DIGITS) ? Number([...s].map((ch) => CN_DIGITS[ch]).join('')) : undefined;
  const [tens, units] = s.split('十') as [string, string];
  const t = tens === '' ? 1 : CN_DIGITS[tens];
  const u = units === '' ? 0 : CN_DIGITS[units];
  return t === undefined || u === undefined ? undefined : t * 10 + u;
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
