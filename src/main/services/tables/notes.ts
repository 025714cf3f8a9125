// The import record's notes on cells: every way a value was read other than
// plainly (a placeholder, a unit, a note, a numeral, a formula, a heading's
// zero sum, a hidden copy, a witness between two places), counted and shown;
// and every cell not read, named in full with why. There is no silent blank.
import type { CellReading, ImportedCell } from '../../../shared/api/import';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { TABLES } from '../../../shared/template/gov2021';

const MAX_SHOWN = 8;

/** A cell as the notes name it: "表三 三、（七）总计·自然人". */
export const nameOf = (key: CellKey) => `表${TABLES[cellDef(key)!.table].title.slice(0, 1)} ${cellDef(key)!.name}`;
/** Examples of a kind of reading: the first few, and how many there are. */
const examples = (items: readonly string[]) =>
  `${items.slice(0, MAX_SHOWN).join('、')}${items.length > MAX_SHOWN ? ` 等（共 ${items.length} 个）` : ''}`;

type Read = Extract<ImportedCell, { status: 'matched' | 'guessed' }>;

/** The notes on the cells of an import; `undecided` tells the cells of a table left out as a whole (said once, with the table). */
export function cellNotes(cells: readonly ImportedCell[], undecided: (key: CellKey) => boolean): string[] {
  const notes: string[] = [];
  const read = cells.filter((c): c is Read => c.status === 'matched' || c.status === 'guessed');
  const readings = <K extends CellReading['kind']>(kind: K) =>
    read.flatMap((cell) =>
      (cell.readings ?? []).filter((x): x is Extract<CellReading, { kind: K }> => x.kind === kind).map((x) => ({ cell, x })),
    );
  const shown = ({ cell, x }: { cell: Read; x: { found: string } }) => `「${x.found}」→ ${String(cell.value)}`;

  const placeholders = readings('placeholder');
  if (placeholders.length > 0) {
    const marks = new Set(placeholders.map(({ x }) => x.found || '空白'));
    notes.push(`${placeholders.length} 个格子写的是 ${[...marks].join('、')}，按 0 读入`);
  }
  const units = readings('unit');
  const yuan = units.filter(({ x }) => x.unit === '元');
  if (yuan.length > 0) notes.push(`收费金额以元填写，已除以 10000 换算为万元：${examples(yuan.map(shown))}`);
  const written = units.filter((u) => !yuan.includes(u));
  if (written.length > 0) notes.push(`${written.length} 个格子的数字带单位，已去掉单位读入：${examples([...new Set(written.map(shown))])}`);
  const noted = readings('note');
  if (noted.length > 0)
    notes.push(`${noted.length} 个格子的数字后有括号内的说明，已按数字读入，说明记在导入记录中：${examples(noted.map(shown))}`);
  const numerals = readings('numeral');
  if (numerals.length > 0) notes.push(`${numerals.length} 个格子写的是汉字数字，已换算为数字，请核对：${examples(numerals.map(shown))}`);
  const cleaned = readings('cleaned');
  if (cleaned.length > 0)
    notes.push(
      `${cleaned.length} 个格子含有看不见的字符（零宽空格、不间断空格）或开头的撇号，已去掉后读入：${examples(cleaned.map(({ cell }) => `${nameOf(cell.key)} ${String(cell.value)}`))}`,
    );
  const merged = readings('merged');
  if (merged.length > 0)
    notes.push(
      `${merged.length} 个格子的数值写在合并的行或列中的另一格，已按合并范围读取：${examples(merged.map(({ cell, x }) => `${nameOf(cell.key)}（${x.from}）`))}`,
    );
  const formulas = readings('formula');
  if (formulas.length > 0)
    notes.push(
      `${formulas.length} 个格子是公式，文件中没有保存计算结果，已在导入时算出：${examples(formulas.map(({ cell }) => cell.source.address))}`,
    );
  const dates = readings('date');
  if (dates.length > 0)
    notes.push(
      `${dates.length} 个格子设成了日期格式，已按其中的数字读入：${examples(dates.map(({ cell, x }) => `${nameOf(cell.key)}（显示为 ${x.shown}）`))}`,
    );
  const sums = readings('sum');
  for (const heading of new Set(sums.map(({ x }) => x.heading))) {
    const mine = sums.filter(({ x }) => x.heading === heading);
    notes.push(
      `表中「${heading}」只有合计（${[...new Set(mine.map(({ x }) => x.from))].join('、')}），都是 0：其下 ${mine.length} 个格子按 0 读入`,
    );
  }
  const hidden = readings('hidden');
  if (hidden.length > 0)
    notes.push(
      `${hidden.length} 个格子只在隐藏的行、列或工作表中有数字，已读入，请核对：${examples(hidden.map(({ cell, x }) => `${nameOf(cell.key)}（${x.where}）`))}`,
    );
  for (const { cell, x } of readings('witness')) notes.push(`${nameOf(cell.key)} 取自 ${cell.source.address}：${x.reason}`);
  const guessed = read.filter((c): c is Extract<Read, { status: 'guessed' }> => c.status === 'guessed');
  if (guessed.length > 0) {
    const pairs = new Set(guessed.flatMap((c) => c.guesses.map((g) => `「${g.found}」→「${g.takenFor}」`)));
    notes.push(
      `有 ${guessed.length} 个单元格的行或列标题与模板不完全一致，按相近的标题推断，请核对：${[...pairs].slice(0, MAX_SHOWN).join('；')}`,
    );
  }

  // Cells not read: every one named, grouped by why. A table left out as a whole is said once, with the table.
  const blanks = cells.filter((c): c is Extract<ImportedCell, { status: 'left_blank' }> => c.status === 'left_blank' && !undecided(c.key));
  const uncached = blanks.filter((c) => c.cause === 'uncached_formula');
  if (uncached.length > 0) {
    notes.push(
      `${uncached.length} 个格子是公式，文件中没有保存计算结果，导入时也无法算出，已留空：${uncached.map((c) => `${c.source?.sheet ?? ''}!${c.source?.address ?? ''}`).join('、')}。请在 Excel/WPS 中打开并保存后再导入`,
    );
  }
  const byRemark = new Map<string, string[]>();
  for (const c of blanks.filter((c) => !uncached.includes(c))) byRemark.set(c.remark, [...(byRemark.get(c.remark) ?? []), nameOf(c.key)]);
  for (const [remark, names] of byRemark) notes.push(`${names.join('、')} 已留空：${remark}`);
  const missing = cells.filter((c) => c.status === 'not_found' && c.cause !== 'table_missing');
  if (missing.length > 0) {
    notes.push(`有 ${missing.length} 个单元格在表中没有找到对应的行或列，已留空：${missing.map((c) => nameOf(c.key)).join('、')}`);
  }
  return notes;
}
