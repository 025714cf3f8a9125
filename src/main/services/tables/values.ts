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
import { chineseNumeral } from '../../../shared/model/numerals';
import type { CellKind } from '../../../shared/template/gov2021';
import type { GridCell } from './grid';
import { INVISIBLE } from './labels';

/** The unit an amount column is written in; the report keeps 万元. */
export type AmountUnit = '元' | '万元';

export interface ReadValue {
  value: CellValue;
  readings: CellReading[];
  /** Why the value was left blank rather than guessed. */
  defect?: CellDefect;
}

/** A cell the reader would not guess at, as a value; `defectRemark` says it. */
export type CellDefect =
  | { cause: 'uncached_formula'; address: string }
  | { cause: 'scientific_notation'; text: string }
  | { cause: 'several_values'; held: readonly { address: string; text: string }[] }
  | { cause: 'covered_by_label'; address: string; master: { address: string; text: string } };

/** The remark a cell left blank gets for its defect. */
export function defectRemark(d: CellDefect): string {
  switch (d.cause) {
    case 'uncached_formula':
      return `${d.address} 是公式，文件中没有保存计算结果，也无法在导入时算出`;
    case 'scientific_notation':
      return `「${d.text}」是科学计数法显示的数字，已丢失准确的位数：请在原表中把这一格设为数值格式、显示完整数字后重新导入，或在编辑器中填写准确数字`;
    case 'several_values':
      return `同一格的合并范围内有 ${d.held.length} 个数值（${d.held.map((c) => `${c.address}「${c.text}」`).join('、')}），无法确定取哪一个`;
    case 'covered_by_label':
      return `${d.address} 被合并单元格 ${d.master.address}（「${d.master.text}」）覆盖，没有自己的数值`;
  }
}

const COUNT_UNIT = /^(.+?)\s*(件|次|个|条|项|份|宗|起|人次|人)$/;
const AMOUNT_UNIT = /^(.+?)\s*(万元|万|元)$/;
const YUAN_PER_WAN = 10_000;
/** "95（含转办1件）", "22(其中修订16件)": the number, then a note in brackets. */
const NOTED = /^([^（(]+?)\s*[（(]([^（()）]*)[)）]$/;
/** "3.99E+06": what a narrow column shows of 3985758, saved as text. */
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$/;
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
  if (cell?.uncachedFormula) return { value: null, readings, defect: { cause: 'uncached_formula', address: cell.address } };
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
      defect: { cause: 'scientific_notation', text: parsed },
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
