// Reads the three tables out of any source's grids (a workbook's sheets, a
// Word file's tables, a web page's tables, a PDF's pages): wherever they sit,
// however they are spelt. Each table is found by its labels in every grid;
// where several places look like it, the one holding most of the table and
// its numbers wins, and the record says which was taken and why.
import type { CellReading, ImportedCell, ImportRecord, MetaSource, SourceCell, TableLocation } from '../../../shared/api/import';
import { fail, ok, type Result } from '../../../shared/api/result';
import { CELLS, cellDef, type CellKey } from '../../../shared/model/cells';
import { blankReport, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { tableName, TABLES, TABLE_IDS, type Level, type TableId } from '../../../shared/template/gov2021';
import type { Candidate } from './candidate';
import { choose, gather, type Choice } from './choose';
import type { CopyHint } from './copies';
import { addressAt, rangeOf, type Grid } from './grid';
import { holdsNumber, readPlacement } from './values';
import { findLevel, findTitle } from './title';
import { inferLevel } from '../../../shared/template/levels';

export interface ReadTablesOptions {
  /** The name shown in messages. */
  fileName: string;
  /** Used where the source has no title naming them; given, they win over it. */
  agency?: string;
  year?: number;
  level?: Level;
}

export interface Imported {
  report: Report;
  record: ImportRecord;
}

function where(c: Candidate, marks: Map<Candidate, CopyHint>): string {
  const mark = marks.get(c);
  return `「${c.grid.sheet}」${rangeOf(c.grid, c.top, c.left, c.bottom, c.right)}${mark ? `（${mark.text}）` : ''}`;
}

function sourceOf(c: Candidate, r: number, col: number): SourceCell {
  return { sheet: c.grid.sheet, address: addressAt(c.grid, r, col), raw: c.grid.at(r, col)?.text ?? '' };
}

/** Reads the three tables out of a source's grids into a report and the record of how. */
export function readTables(grids: readonly Grid[], options: ReadTablesOptions): Result<Imported> {
  const name = options.fileName;
  const { all, origin } = gather(grids);
  const tablesFound = TABLE_IDS.filter((t) => all[t].length > 0);
  if (tablesFound.length === 0) {
    return fail(
      'no_tables',
      `「${name}」中没有找到年报的三张表（主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议行政诉讼情况）：请确认选择的是年报统计表，并保留表格原有的行、列标题`,
    );
  }
  const provisional = new Set(tablesFound.flatMap((t) => all[t].map((c) => c.grid.sheet)));
  const title = findTitle(grids, provisional);
  const notes: string[] = [];

  const year = options.year ?? title?.year;
  const choices = {} as Record<TableId, Choice>;
  for (const t of TABLE_IDS) {
    const choice = choose(all[t], origin, year, year !== undefined);
    choices[t] = choice;
    const { taken, others, marks } = choice;
    if (choice.undecided) {
      notes.push(
        `工作簿中有 ${choice.copies.length} 份${tableName(t)}：${choice.copies.map((c) => where(c, marks)).join('、')}，${choice.undecided}，已留空：请删去不用的一份后重新导入，或在编辑器中填写`,
      );
    } else if (taken && choice.copy) {
      notes.push(
        `工作簿中有 ${choice.copies.length} 份${tableName(t)}：采用了${where(taken, marks)}，因为${choice.copy.reason}；未采用${others.map((c) => where(c, marks)).join('、')}`,
      );
    } else if (taken && others.length > 0) {
      notes.push(
        `工作簿中有 ${others.length + 1} 处像${tableName(t)}的表格：采用了${where(taken, marks)}，未采用${others.map((c) => where(c, marks)).join('、')}`,
      );
    }
    if (taken?.grid.transposed) notes.push(`${tableName(t)}是横竖颠倒填写的（项目写在列上）：已按转置读取，请核对`);
    for (const remark of taken?.remarks ?? []) notes.push(`${tableName(t)}：${remark}`);
    if (!taken && !choice.undecided) notes.push(`没有找到${tableName(t)}：其单元格留空，请在编辑器中填写`);
  }

  // Without a year stated, the year that marks the copy taken ("2024年") is the report's.
  const marked = TABLE_IDS.map((t) => (choices[t].taken ? choices[t].marks.get(choices[t].taken) : undefined)).find(
    (h) => h?.year !== undefined,
  );
  const meta = resolveMeta(options, title, notes, marked);
  const level = resolveLevel(options, grids, meta.agency.value, notes);
  let report = blankReport({ agency: meta.agency.value, year: meta.year.value, level: level.value });
  const cells = {} as Record<CellKey, ImportedCell>;
  const values: [CellKey, CellValue][] = [];
  // The three tables are one form, and a copy beside them (上年) is the same form: a table
  // of dashes among tables of numbers is a table of zeros.
  const holds =
    TABLE_IDS.some((t) => choices[t].taken && holdsNumbers(choices[t].taken)) ||
    TABLE_IDS.some((t) => choices[t].copies.some(holdsNumbers));
  const claimedBy = new Map(
    TABLE_IDS.map((t) => [t, new Set([...(choices[t].taken?.placements.values() ?? [])].map((p) => `${p.r},${p.c}`))]),
  );
  for (const def of CELLS) {
    const choice = choices[def.table];
    const cand = choice.taken;
    if (choice.undecided) {
      cells[def.key] = { key: def.key, status: 'left_blank', remark: `有 ${choice.copies.length} 份表格，${choice.undecided}` };
      continue;
    }
    const placement = cand?.placements.get(def.key);
    const blank = cand?.blanks?.get(def.key);
    if (cand && blank) {
      cells[def.key] = { key: def.key, status: 'left_blank', remark: blank };
      continue;
    }
    if (!cand || !placement) {
      cells[def.key] = { key: def.key, status: 'not_found' };
      continue;
    }
    const claimed = claimedBy.get(def.table)!;
    const read = readPlacement(cand.grid, placement, def.kind, holds, cand.amountUnit, (r, c) => claimed.has(`${r},${c}`));
    const at = read.cell ?? cand.grid.at(placement.r, placement.c);
    const source = at ? { sheet: cand.grid.sheet, address: at.address, raw: at.text } : sourceOf(cand, placement.r, placement.c);
    if (read.defect) {
      cells[def.key] = { key: def.key, status: 'left_blank', source, remark: read.defect };
      continue;
    }
    values.push([def.key, read.value]);
    const readings = read.readings.length > 0 ? { readings: read.readings } : {};
    cells[def.key] =
      placement.guesses.length > 0
        ? { key: def.key, status: 'guessed', source, value: read.value, guesses: placement.guesses, ...readings }
        : { key: def.key, status: 'matched', source, value: read.value, ...readings };
  }
  report = setCells(report, values);

  const listed = Object.values(cells);
  const readingsOf = (kind: CellReading['kind']) => listed.filter((c) => 'readings' in c && c.readings?.some((x) => x.kind === kind));
  const counts = {
    matched: listed.filter((c) => c.status === 'matched').length,
    guessed: listed.filter((c) => c.status === 'guessed').length,
    notFound: listed.filter((c) => c.status === 'not_found').length,
    leftBlank: listed.filter((c) => c.status === 'left_blank').length,
    placeholders: readingsOf('placeholder').length,
    units: readingsOf('unit').length,
  };
  for (const note of cellNotes(listed, choices)) notes.push(note);
  const tables = Object.fromEntries(TABLE_IDS.map((t) => [t, locationOf(t, choices[t], all[t].length)])) as Record<
    TableId,
    TableLocation | null
  >;
  return ok({ report, record: { fileName: name, tables, cells, agency: meta.agency, year: meta.year, level, counts, notes } });
}

/** Whether a table holds at least one number: only then do the form's dashes and empty cells mean 0. */
function holdsNumbers(c: Candidate | undefined): boolean {
  if (!c) return false;
  for (const [key, p] of c.placements) if (holdsNumber(c.grid, p, cellDef(key)!.kind)) return true;
  return false;
}

function locationOf(table: TableId, choice: Choice, candidates: number): TableLocation | null {
  const c = choice.taken;
  if (!c) return null;
  return {
    table,
    sheet: c.grid.sheet,
    range: rangeOf(c.grid, c.top, c.left, c.bottom, c.right),
    ...(c.appealsShape ? { appealsShape: c.appealsShape } : {}),
    candidates,
    ...(c.grid.transposed ? { transposed: true } : {}),
    ...(choice.copy ? { copy: choice.copy } : {}),
  };
}

function resolveLevel(
  options: ReadTablesOptions,
  grids: readonly Grid[],
  agency: string,
  notes: string[],
): NonNullable<ImportRecord['level']> {
  if (options.level) return { value: options.level, from: 'option' };
  const stated = findLevel(grids);
  if (stated) return { value: stated, from: 'file' };
  const inferred = inferLevel(agency);
  if (inferred.inferred) {
    notes.push(`文件中没有写明机关层级，按机关名称「${agency}」推断为「${inferred.level}」：如不对请在报告信息中修改`);
    return { value: inferred.level, from: 'name' };
  }
  notes.push(
    `文件中没有写明机关层级，${agency ? `从机关名称「${agency}」` : '因没有机关名称，'}也看不出，暂按「${inferred.level}」：请在报告信息中核对`,
  );
  return { value: inferred.level, from: 'default' };
}

function resolveMeta(
  options: ReadTablesOptions,
  title: ReturnType<typeof findTitle>,
  notes: string[],
  marked: CopyHint | undefined,
): Pick<ImportRecord, 'agency' | 'year'> {
  const from = (given: unknown, found: unknown): MetaSource => (given !== undefined ? 'option' : found !== undefined ? 'title' : 'missing');
  const agencyFrom = from(options.agency, title?.agency);
  let yearFrom = from(options.year, title?.year);
  if (options.year !== undefined && title?.year !== undefined && options.year !== title.year) {
    notes.push(`文件标题写的是 ${title.year} 年（「${title.source.sheet}」${title.source.address}），按指定的 ${options.year} 年导入`);
  }
  let year = options.year ?? title?.year;
  if (year === undefined && marked?.year !== undefined) {
    year = marked.year;
    yearFrom = 'default';
    notes.push(`文件中没有写明报告年度，按所采用的表格上标的「${marked.text}」暂按 ${year} 年导入：请核对年度`);
  }
  if (year === undefined) {
    year = new Date().getFullYear() - 1;
    yearFrom = 'default';
    notes.push(`文件中没有写明报告年度，暂按 ${year} 年导入：请核对年度`);
  }
  const agency = options.agency ?? title?.agency ?? '';
  if (!agency) notes.push('文件中没有写明机关名称：请在导入时填写机关名称');
  const source = title ? { source: title.source } : {};
  return {
    agency: { value: agency, from: agencyFrom, ...(agencyFrom === 'title' ? source : {}) },
    year: {
      value: year,
      from: yearFrom,
      ...(yearFrom === 'title' ? source : {}),
      ...(title?.year !== undefined ? { stated: title.year } : {}),
    },
  };
}

const MAX_LISTED = 8;

const nameOf = (key: CellKey) => `表${TABLES[cellDef(key)!.table].title.slice(0, 1)} ${cellDef(key)!.name}`;
const listOf = (items: readonly string[]) =>
  `${items.slice(0, MAX_LISTED).join('、')}${items.length > MAX_LISTED ? ` 等（共 ${items.length} 个）` : ''}`;

function cellNotes(cells: ImportedCell[], choices: Record<TableId, Choice>): string[] {
  const notes: string[] = [];
  const readings = (kind: CellReading['kind']) =>
    cells.flatMap((c) => ('readings' in c && c.readings ? c.readings.filter((x) => x.kind === kind).map((x) => ({ cell: c, x })) : []));
  const placeholders = readings('placeholder');
  if (placeholders.length > 0) {
    const marks = new Set(placeholders.map(({ x }) => (x.kind === 'placeholder' && x.found ? x.found : '空白')));
    notes.push(`${placeholders.length} 个格子写的是 ${[...marks].join('、')}，按 0 读入`);
  }
  const units = readings('unit');
  const shownUnit = ({ cell, x }: { cell: ImportedCell; x: CellReading }) =>
    x.kind === 'unit' && 'value' in cell ? `「${x.found}」→ ${String(cell.value)}` : '';
  const yuan = units.filter(({ x }) => x.kind === 'unit' && x.unit === '元');
  if (yuan.length > 0) notes.push(`收费金额以元填写，已除以 10000 换算为万元：${listOf(yuan.map(shownUnit))}`);
  const written = units.filter((u) => !yuan.includes(u));
  if (written.length > 0)
    notes.push(`${written.length} 个格子的数字带单位，已去掉单位读入：${listOf([...new Set(written.map(shownUnit))])}`);
  const merged = readings('merged');
  if (merged.length > 0) {
    notes.push(
      `${merged.length} 个格子的数值写在合并的行或列中的另一格，已按合并范围读取：${listOf(merged.map(({ cell, x }) => `${nameOf(cell.key)}（${x.kind === 'merged' ? x.from : ''}）`))}`,
    );
  }
  const formulas = readings('formula');
  if (formulas.length > 0) {
    notes.push(
      `${formulas.length} 个格子是公式，文件中没有保存计算结果，已在导入时算出：${listOf(formulas.map(({ cell }) => ('source' in cell && cell.source ? cell.source.address : nameOf(cell.key))))}`,
    );
  }
  const dates = readings('date');
  if (dates.length > 0) {
    notes.push(
      `${dates.length} 个格子设成了日期格式，已按其中的数字读入：${listOf(dates.map(({ cell, x }) => `${nameOf(cell.key)}（显示为 ${x.kind === 'date' ? x.shown : ''}）`))}`,
    );
  }
  const guessed = cells.filter((c) => c.status === 'guessed');
  if (guessed.length > 0) {
    const pairs = new Set(guessed.flatMap((c) => c.guesses.map((g) => `「${g.found}」→「${g.takenFor}」`)));
    notes.push(
      `有 ${guessed.length} 个单元格的行或列标题与模板不完全一致，按相近的标题推断，请核对：${[...pairs].slice(0, MAX_LISTED).join('；')}`,
    );
  }
  // Blanks of a table left out as a whole are said once, with the table.
  const blanks = cells.filter(
    (c): c is Extract<ImportedCell, { status: 'left_blank' }> => c.status === 'left_blank' && !choices[cellDef(c.key)!.table].undecided,
  );
  const uncached = blanks.filter((c) => c.remark.includes('公式'));
  if (uncached.length > 0) {
    notes.push(
      `${uncached.length} 个格子是公式，文件中没有保存计算结果，导入时也无法算出，已留空：${uncached.map((c) => `${c.source?.sheet ?? ''}!${c.source?.address ?? ''}`).join('、')}。请在 Excel/WPS 中打开并保存后再导入`,
    );
  }
  const byRemark = new Map<string, string[]>();
  for (const c of blanks.filter((c) => !uncached.includes(c) && !choices[cellDef(c.key)!.table].taken?.blanks?.has(c.key))) {
    byRemark.set(c.remark, [...(byRemark.get(c.remark) ?? []), nameOf(c.key)]);
  }
  for (const [remark, names] of byRemark) notes.push(`${listOf(names)} 已留空：${remark}`);
  const missing = cells.filter((c) => c.status === 'not_found' && choices[cellDef(c.key)!.table].taken);
  if (missing.length > 0) {
    notes.push(`有 ${missing.length} 个单元格在表中没有找到对应的行或列，已留空：${listOf(missing.map((c) => nameOf(c.key)))}`);
  }
  return notes;
}
