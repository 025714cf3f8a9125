// Reads the three tables out of any source's grids (a workbook's sheets, a
// Word file's tables, a web page's tables, a PDF's pages): wherever they sit,
// however they are laid out or spelt. Every place a number may stand is
// matched by the labels that govern it (placements.ts); places become tables
// and copies (places.ts, choose.ts); then each cell of the template is read
// where its place is certain, and left unread — named, with why — where not.
import type { CellReading, ImportedCell, ImportRecord, MetaSource, SourceCell, TableLocation } from '../../../shared/api/import';
import { fail, ok, type Result } from '../../../shared/api/result';
import { CELLS, cellDef, type CellDef, type CellKey } from '../../../shared/model/cells';
import { reportingYear } from '../../../shared/model/dates';
import { blankReport, markUnread, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { tableName, TABLE_IDS, type Level, type TableId } from '../../../shared/template/gov2021';
import { inferLevel } from '../../../shared/template/levels';
import { choose, found, type Choice, type Found } from './choose';
import type { CopyHint } from './copies';
import { addressAt, rangeName, type Grid } from './grid';
import { blocksOf, placesOf, tablesOf, type Place } from './places';
import { resolveTable, type CellOutcome } from './resolve';
import { findLevel, findTitle } from './title';
import { holdsNumber } from './values';
import { cellNotes } from './notes';

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

function where(c: Found, marks: Map<Found, CopyHint>): string {
  const mark = marks.get(c);
  return `「${c.grid.sheet}」${rangeName(c.top, c.left, c.bottom, c.right)}${mark ? `（${mark.text}）` : ''}`;
}

/** What a workbook hides is not the table: a hidden place of a cell is dropped where a visible one exists. */
function withoutHiddenCopies(places: readonly Place[]): { kept: Place[]; skipped: Place[] } {
  const visible = new Set<string>();
  for (const p of places) if (!p.hidden) for (const o of p.options) visible.add(o.path.key);
  const visibleTables = new Set(places.filter((p) => !p.hidden).map((p) => p.table));
  const skipped = places.filter(
    (p) => p.hidden && (p.options.length > 0 ? p.options.some((o) => visible.has(o.path.key)) : visibleTables.has(p.table)),
  );
  return { kept: places.filter((p) => !skipped.includes(p)), skipped };
}

/** Reads the three tables out of a source's grids into a report and the record of how. */
export function readTables(grids: readonly Grid[], options: ReadTablesOptions): Result<Imported> {
  const name = options.fileName;
  const { kept, skipped } = withoutHiddenCopies(grids.flatMap(placesOf));
  const candidates = tablesOf(blocksOf(kept));
  const all = Object.fromEntries(
    TABLE_IDS.map((t) => {
      const mine = candidates.filter((c) => c.table === t);
      return [t, mine.map((c) => found(c, mine)).filter((c) => c.byKey.size > 0)];
    }),
  ) as Record<TableId, Found[]>;
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
    const choice = choose(all[t], year, year !== undefined);
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
    if (taken && t !== 'appeals' && readAcross(taken)) notes.push(`${tableName(t)}是横竖颠倒填写的（项目写在列上）：已按转置读取，请核对`);
    if (!taken && !choice.undecided) notes.push(`没有找到${tableName(t)}：其单元格留空，请在编辑器中填写`);
  }
  const hiddenNote = hiddenSkipped(skipped, choices);
  if (hiddenNote) notes.push(hiddenNote);

  // Without a year stated, the year that marks the copy taken ("2024年") is the report's.
  const marked = TABLE_IDS.map((t) => (choices[t].taken ? choices[t].marks.get(choices[t].taken) : undefined)).find(
    (h) => h?.year !== undefined,
  );
  // What is said of the body, year and level is kept apart too: a dialog that settles them itself shows its own words instead.
  const identityNotes: string[] = [];
  const meta = resolveMeta(options, title, identityNotes, marked);
  const level = resolveLevel(options, grids, meta.agency.value, identityNotes);
  notes.push(...identityNotes);
  let report = blankReport({ agency: meta.agency.value, year: meta.year.value, level: level.value });

  // The three tables are one form, and a copy beside them (上年) is the same form: a table
  // of dashes among tables of numbers is a table of zeros.
  const holds = TABLE_IDS.some((t) => [choices[t].taken, ...choices[t].copies].some((c) => c && holdsNumbers(c)));
  const outcomes = new Map<CellKey, CellOutcome>();
  for (const t of TABLE_IDS) {
    const choice = choices[t];
    const defs = CELLS.filter((c) => c.table === t);
    if (choice.undecided) {
      for (const def of defs)
        outcomes.set(def.key, { status: 'left_blank', remark: `有 ${choice.copies.length} 份表格，${choice.undecided}` });
      continue;
    }
    if (!choice.taken) {
      for (const def of defs) outcomes.set(def.key, { status: 'not_found', remark: `没有找到${tableName(t)}`, cause: 'table_missing' });
      continue;
    }
    for (const [key, outcome] of resolveTable(choice.taken, defs, holds)) outcomes.set(key, outcome);
  }

  const cells = {} as Record<CellKey, ImportedCell>;
  const values: [CellKey, CellValue][] = [];
  const unread: [CellKey, string][] = [];
  for (const def of CELLS) {
    const o = outcomes.get(def.key)!;
    cells[def.key] = recordCell(def, o);
    if (o.status === 'matched' || o.status === 'guessed') values.push([def.key, o.value ?? null]);
    else unread.push([def.key, o.remark ?? '文件中没有这一格']);
  }
  report = markUnread(setCells(report, values), unread);

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
  for (const note of cellNotes(listed, (key) => choices[cellDef(key)!.table].undecided !== undefined)) notes.push(note);
  const tables = Object.fromEntries(TABLE_IDS.map((t) => [t, locationOf(t, choices[t], all[t].length)])) as Record<
    TableId,
    TableLocation | null
  >;
  return ok({
    report,
    record: { fileName: name, tables, cells, agency: meta.agency, year: meta.year, level, counts, notes, identityNotes },
  });
}

function recordCell(def: CellDef, o: CellOutcome): ImportedCell {
  const readings = o.readings && o.readings.length > 0 ? { readings: o.readings } : {};
  if (o.status === 'matched') return { key: def.key, status: 'matched', source: o.source!, value: o.value!, ...readings };
  if (o.status === 'guessed')
    return { key: def.key, status: 'guessed', source: o.source!, value: o.value!, guesses: o.guesses!, ...readings };
  if (o.status === 'left_blank')
    return {
      key: def.key,
      status: 'left_blank',
      ...(o.source ? { source: o.source } : {}),
      remark: o.remark ?? '',
      ...(o.cause && o.cause !== 'table_missing' ? { cause: o.cause } : {}),
    };
  return {
    key: def.key,
    status: 'not_found',
    ...(o.remark ? { remark: o.remark } : {}),
    ...(o.cause === 'table_missing' ? { cause: o.cause } : {}),
  };
}

/** Whether a table holds at least one number: only then do the form's dashes and empty cells mean 0. */
function holdsNumbers(c: Found): boolean {
  for (const [key, list] of c.byKey) for (const p of list) if (holdsNumber(p.values[0], cellDef(key)!.kind)) return true;
  return false;
}

/** A table read across: its rows' labels stand above the numbers, its columns' to the left. */
function readAcross(c: Found): boolean {
  const options = [...c.byKey.values()].flatMap((list) => list.flatMap((p) => p.options));
  return options.filter((o) => o.rowDir === 'above' && o.colDir === 'left').length > options.length / 2;
}

function locationOf(table: TableId, choice: Choice, candidates: number): TableLocation | null {
  const c = choice.taken;
  if (!c) return null;
  const options = [...c.byKey.values()].flatMap((list) => list.flatMap((p) => p.options));
  const across = table !== 'appeals' && readAcross(c);
  // 四's three kinds of case above the numbers (one row of 15) or beside them (3 rows × 5).
  const shape =
    table === 'appeals' ? (options.filter((o) => o.rowDir === 'above').length > options.length / 2 ? '1x15' : '3x5') : undefined;
  return {
    table,
    sheet: c.grid.sheet,
    range: rangeName(c.top, c.left, c.bottom, c.right),
    ...(shape ? { appealsShape: shape } : {}),
    candidates,
    ...(across ? { transposed: true } : {}),
    ...(choice.copy ? { copy: choice.copy } : {}),
  };
}

/** Hidden rows, columns or sheets holding a copy of cells read from the visible table, said once. */
function hiddenSkipped(skipped: readonly Place[], choices: Record<TableId, Choice>): string | undefined {
  const relevant = skipped.filter((p) => choices[p.table].taken);
  if (relevant.length === 0) return undefined;
  const sheets = [...new Set(relevant.filter((p) => p.grid.hidden).map((p) => p.grid.sheet))];
  const cells = relevant.filter((p) => !p.grid.hidden).map((p) => `「${p.grid.sheet}」${addressAt(p.grid, p.top, p.left)}`);
  const parts = [
    ...(sheets.length > 0 ? [`隐藏的工作表${sheets.map((s) => `「${s}」`).join('、')}`] : []),
    ...(cells.length > 0 ? [`隐藏的行或列中的 ${cells.length} 个格子（${listOf(cells)}）`] : []),
  ];
  return `${parts.join('和')}也写有这些表格的数字（常是往年的），未采用：已按可见的表格读取`;
}

const MAX_LISTED = 8;
const listOf = (items: readonly string[]) =>
  `${items.slice(0, MAX_LISTED).join('、')}${items.length > MAX_LISTED ? ` 等（共 ${items.length} 个）` : ''}`;

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
    year = reportingYear();
    yearFrom = 'default';
    notes.push(`文件中没有写明报告年度，暂按 ${year} 年导入：请核对年度`);
  }
  const agency = options.agency ?? title?.agency ?? '';
  if (!agency) notes.push('文件中没有写明机关名称：请在导入时填写机关名称');
  const source: { source?: SourceCell } = title ? { source: title.source } : {};
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
