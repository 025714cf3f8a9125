// Chinese numerals as offices write figures and dates: 二十, 贰拾, 一百零五,
// and a year read digit by digit (二〇二五). The table reader and the date
// reader both read them here.

/** A digit written in Chinese; 〇 and the letter O as offices type it in a year. */
export const NUMERAL_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  O: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const NUMERAL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };
/** Capital numerals (贰拾) as their ordinary forms. */
const CAPITALS: Readonly<Record<string, string>> = Object.fromEntries(
  [...'零壹贰叁肆伍陆柒捌玖拾佰仟萬'].map((ch, i) => [ch, '零一二三四五六七八九十百千万'[i]!]),
);
const NUMERAL = /^[零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟萬]+$/;

/** A Chinese numeral ("二十", "贰拾", "一百零五") as its number; undefined where it is not one. */
export function chineseNumeral(text: string): number | undefined {
  if (!NUMERAL.test(text)) return undefined;
  const s = [...text].map((ch) => CAPITALS[ch] ?? ch).join('');
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in NUMERAL_DIGITS) {
      if (digit !== undefined && digit !== 0 && NUMERAL_DIGITS[ch] !== 0) return undefined; // "二三" is no numeral
      digit = NUMERAL_DIGITS[ch]!;
      continue;
    }
    const unit = NUMERAL_UNITS[ch]!;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else section += (digit ?? (unit === 10 && section === 0 ? 1 : NaN)) * unit;
    digit = undefined;
    if (Number.isNaN(section)) return undefined;
  }
  return total + section + (digit ?? 0);
}
