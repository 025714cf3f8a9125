// Reading the value of one placed cell the way offices write it
// (interchange.md, "Reading a table from an office's workbook or document"):
// in a table that holds numbers, "—", "/", "无" and empty cells are 0; a unit
// in the cell or the header is applied; a note in brackets is kept beside the
// number; invisible characters and a leading apostrophe are dropped; Chinese
// numerals are read. Scientific notation typed as text has lost its digits
// and is never read as a number. Each such reading is listed; a value that
// can't be read stays text.
import type { CellReading } from '../../../shared/api/import';
import { BLANK_MARKS, parseCellInput, type CellValue } from '../../../shared/model/report';
import type { CellKind } from '../../../shared/template/gov2021';
import type { GridCell } from './grid';
import { INVISIBLE } from './labels';

/** The unit an amount column is written in; the report keeps 万元. */
export type AmountUnit = '元' | '万元';

export interface ReadValue {
  value: CellValue;
  readings: CellReading[];
  /** Why the value was left blank rather than guessed. */
  defect?: string;
}

const COUNT_UNIT = /^(.+?)\s*(件|次|个|条|项|份|宗|起|人次|人)$/;
const AMOUNT_UNIT = /^(.+?)\s*(万元|万|元)$/;
const YUAN_PER_WAN = 10_000;
/** "95（含转办1件）", "22(其中修订16件)": the number, then a note in brackets. */
const NOTED = /^([^（(]+?)\s*[（(]([^（()）]*)[)）]$/;
/** "3.99E+06": what a narrow column shows of 3985758, saved as text. */
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$/;
const NUMERAL_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
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

/** The text with what shows nothing dropped: invisible characters, and the apostrophe Excel users type to keep a number as text. */
function cleaned(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ')
    .trim()
    .replace(/^['‘’`]\s*(?=[-+\d０-９])/, '');
}

const numberOf = (text: string): number | undefined => {
  const v = parseCellInput(text);
  return typeof v === 'number' ? v : undefined;
};

/** Whether a text is a value as offices write one (a number, a placeholder, a number with its unit or note), not a label. */
export function isValueText(raw: string): boolean {
  const text = cleaned(raw);
  if (
    text === '' ||
    numberOf(text) !== undefined ||
    BLANK_MARKS.includes(text) ||
    SCIENTIFIC.test(text) ||
    /^#[A-Z0-9/]+[!?]?$/i.test(text)
  )
    return true;
  const head = (NOTED.exec(text)?.[1] ?? text).trim();
  const bare = COUNT_UNIT.exec(head)?.[1] ?? AMOUNT_UNIT.exec(head)?.[1] ?? head;
  return numberOf(bare.trim()) !== undefined || chineseNumeral(bare.trim()) !== undefined;
}

/** Rounds away float noise of a unit conversion (0.35 / 10000 etc.), keeping every real digit. */
const tidy = (n: number) => Number(n.toPrecision(12));

/** The value of one placed cell, read as the office meant it. */
export function readCell(cell: GridCell | undefined, kind: CellKind, holdsNumbers: boolean, amountUnit: AmountUnit | undefined): ReadValue {
  // How the source itself read the value (a count its workbook formats as a date) comes first.
  const readings: CellReading[] = [...(cell?.readings ?? [])];
  if (cell?.uncachedFormula) return { value: null, readings, defect: `${cell.address} 是公式，文件中没有保存计算结果，也无法在导入时算出` };
  if (cell?.formula) readings.push({ kind: 'formula', formula: cell.formula });
  const raw = cell?.raw ?? null;
  if (typeof raw === 'number') return scaled(raw, String(raw), kind, amountUnit, readings);
  if (typeof raw === 'boolean') return { value: String(raw), readings };
  const original = raw ?? '';
  const text = cleaned(original);
  if (text !== original.trim()) readings.push({ kind: 'cleaned', found: original });
  const parsed = parseCellInput(text);
  if (typeof parsed === 'number') return scaled(parsed, text, kind, amountUnit, readings);
  if (parsed === null || BLANK_MARKS.includes(parsed)) {
    if (!holdsNumbers) return { value: parsed, readings };
    readings.push({ kind: 'placeholder', found: parsed ?? '' });
    return { value: 0, readings };
  }
  if (SCIENTIFIC.test(parsed))
    return {
      value: null,
      readings,
      defect: `「${parsed}」是科学计数法显示的数字，已丢失准确的位数：请在原表中把这一格设为数值格式、显示完整数字后重新导入，或在编辑器中填写准确数字`,
    };
  const noted = NOTED.exec(parsed);
  const head = noted ? noted[1]!.trim() : parsed;
  if (noted && (numberOf(head) !== undefined || chineseNumeral(head) !== undefined || COUNT_UNIT.test(head))) {
    readings.push({ kind: 'note', found: parsed, note: noted[2]!.trim() });
  }
  const value = readFigure(noted && readings.at(-1)?.kind === 'note' ? head : parsed, kind, amountUnit, readings);
  return value ?? { value: parsed, readings: readings.filter((r) => r.kind !== 'note') };
}

/** A number, a number with its unit, a Chinese numeral: read, each listed; undefined where the text is none of these. */
function readFigure(text: string, kind: CellKind, amountUnit: AmountUnit | undefined, readings: CellReading[]): ReadValue | undefined {
  const n = numberOf(text);
  if (n !== undefined) return scaled(n, text, kind, amountUnit, readings);
  const unit = (kind === 'amount' ? AMOUNT_UNIT : COUNT_UNIT).exec(text);
  const figure = unit?.[1]!.trim();
  // Only a plain figure before the unit: "+1件" or "-3次" is not how anyone writes a count.
  const u = figure && /^\d/.test(figure) ? numberOf(figure) : undefined;
  if (unit && u !== undefined) {
    readings.push({ kind: 'unit', found: text, unit: unit[2]! });
    return { value: unit[2] === '元' ? tidy(u / YUAN_PER_WAN) : u, readings };
  }
  const numeral = chineseNumeral(figure ?? text);
  if (numeral !== undefined && kind === 'count') {
    readings.push({ kind: 'numeral', found: text });
    if (unit) readings.push({ kind: 'unit', found: text, unit: unit[2]! });
    return { value: numeral, readings };
  }
  return undefined;
}

function scaled(n: number, found: string, kind: CellKind, amountUnit: AmountUnit | undefined, readings: CellReading[]): ReadValue {
  if (kind === 'amount' && amountUnit === '元') {
    readings.push({ kind: 'unit', found, unit: '元' });
    return { value: tidy(n / YUAN_PER_WAN), readings };
  }
  return { value: n, readings };
}

/** Whether a cell's value reads as a number (placeholders count only in a table that has one). */
export function holdsNumber(cell: GridCell | undefined, kind: CellKind): boolean {
  return typeof readCell(cell, kind, false, undefined).value === 'number';
}

const UNIT_NOTE = /单位\s*[:：]?\s*(万元|元)|[(（]\s*(万元|元)\s*[)）]/;

/** The amount unit a header or a note names ("本年收费金额（单位：元）", "单位：元"), if any. */
export function amountUnitIn(text: string): AmountUnit | undefined {
  const m = UNIT_NOTE.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? ((m[1] ?? m[2]) as AmountUnit) : undefined;
}
