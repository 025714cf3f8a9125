// Reads the three tables out of any source's grids (a workbook's sheets, a
// Word file's tables, a web page's tables, a PDF's pages): wherever they sit,
// however they are spelt. Each table is found by its labels in every grid;
// where several places look like it, the one holding most of the table and
// its numbers wins, and the record says which was taken and why.
import type { ImportedCell, ImportRecord, MetaSource, SourceCell, TableLocation } from '../../../shared/api/import';
import { fail, ok, type Result } from '../../../shared/api/result';
import { CELLS, type CellKey } from '../../../shared/model/cells';
import { blankReport, parseCellInput, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { TABLES, TABLE_IDS, type Level, type TableId } from '../../../shared/template/gov2021';
import { candidateScore, type Candidate } from './candidate';
import { findAppeals } from './find-appeals';
import { findProactive } from './find-proactive';
import { findRequests } from './find-requests';
import { columnName, rangeName, type Grid } from './grid';
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

const FINDERS: Record<TableId, (grid: Grid) => Candidate[]> = {
  proactive: findProactive,
  requests: findRequests,
  appeals: findAppeals,
};

const tableName = (t: TableId) => `表${TABLES[t].title.slice(0, 1)}（${TABLES[t].title.slice(2)}）`;

function pick(candidates: Candidate[], year: number | undefined): Candidate | undefined {
  const ranked = candidates
    .map((c) => ({ c, score: candidateScore(c) }))
    .filter((x) => x.score > 0)
    .sort(
      (a, b) =>
        Number(b.c.yearHint !== undefined && b.c.yearHint === year) - Number(a.c.yearHint !== undefined && a.c.yearHint === year) ||
        b.score - a.score ||
        (b.c.yearHint ?? 0) - (a.c.yearHint ?? 0),
    );
  return ranked[0]?.c;
}

function where(c: Candidate): string {
  return `「${c.grid.sheet}」${rangeName(c.top, c.left, c.bottom, c.right)}${c.yearHint ? `（${c.yearHint}年）` : ''}`;
}

function sourceOf(c: Candidate, r: number, col: number): SourceCell {
  return { sheet: c.grid.sheet, address: `${columnName(col)}${r}`, raw: c.grid.at(r, col)?.text ?? '' };
}

/** Reads the three tables out of a source's grids into a report and the record of how. */
export function readTables(grids: readonly Grid[], options: ReadTablesOptions): Result<Imported> {
  const name = options.fileName;
  const all = Object.fromEntries(TABLE_IDS.map((t) => [t, grids.flatMap(FINDERS[t])])) as Record<TableId, Candidate[]>;
  const tablesFound = TABLE_IDS.filter((t) => all[t].some((c) => candidateScore(c) > 0));
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
  const chosen = {} as Record<TableId, Candidate | undefined>;
  for (const t of TABLE_IDS) {
    const best = pick(all[t], year);
    chosen[t] = best;
    const others = all[t].filter((c) => c !== best && candidateScore(c) > 0);
    if (best && others.length > 0) {
      notes.push(`工作簿中有 ${others.length + 1} 处像${tableName(t)}的表格：采用了${where(best)}，未采用${others.map(where).join('、')}`);
    }
    if (!best) notes.push(`没有找到${tableName(t)}：其单元格留空，请在编辑器中填写`);
  }

  const meta = resolveMeta(options, title, notes);
  let report = blankReport({ agency: meta.agency.value, year: meta.year.value, level: options.level ?? findLevel(grids) ?? inferLevel(meta.agency.value).level });
  const cells: Record<CellKey, ImportedCell> = {};
  const values: [CellKey, CellValue][] = [];
  const uncached: string[] = [];
  for (const def of CELLS) {
    const cand = chosen[def.table];
    const placement = cand?.placements.get(def.key);
    if (!cand || !placement) {
      cells[def.key] = { key: def.key, status: 'not_found' };
      continue;
    }
    const cell = cand.grid.at(placement.r, placement.c);
    const value = parseCellInput(cell?.master ? null : (cell?.raw ?? null));
    if (cell?.uncachedFormula) uncached.push(`${cand.grid.sheet}!${cell.address}`);
    values.push([def.key, value]);
    const source = sourceOf(cand, placement.r, placement.c);
    cells[def.key] =
      placement.guesses.length > 0
        ? { key: def.key, status: 'guessed', source, value, guesses: placement.guesses }
        : { key: def.key, status: 'matched', source, value };
  }
  report = setCells(report, values);

  const listed = Object.values(cells);
  const counts = {
    matched: listed.filter((c) => c.status === 'matched').length,
    guessed: listed.filter((c) => c.status === 'guessed').length,
    notFound: listed.filter((c) => c.status === 'not_found').length,
  };
  for (const note of cellNotes(listed, chosen, uncached)) notes.push(note);
  const tables = Object.fromEntries(TABLE_IDS.map((t) => [t, locationOf(t, chosen[t], all[t].length)])) as Record<TableId, TableLocation | null>;
  return ok({ report, record: { fileName: name, tables, cells, agency: meta.agency, year: meta.year, counts, notes } });
}

function locationOf(table: TableId, c: Candidate | undefined, candidates: number): TableLocation | null {
  if (!c) return null;
  return {
    table,
    sheet: c.grid.sheet,
    range: rangeName(c.top, c.left, c.bottom, c.right),
    ...(c.appealsShape ? { appealsShape: c.appealsShape } : {}),
    candidates,
  };
}

function resolveMeta(options: ReadTablesOptions, title: ReturnType<typeof findTitle>, notes: string[]): Pick<ImportRecord, 'agency' | 'year'> {
  const from = (given: unknown, found: unknown): MetaSource => (given !== undefined ? 'option' : found !== undefined ? 'title' : 'missing');
  const agencyFrom = from(options.agency, title?.agency);
  let yearFrom = from(options.year, title?.year);
  if (options.year !== undefined && title?.year !== undefined && options.year !== title.year) {
    notes.push(`文件标题写的是 ${title.year} 年（「${title.source.sheet}」${title.source.address}），按指定的 ${options.year} 年导入`);
  }
  let year = options.year ?? title?.year;
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
    year: { value: year, from: yearFrom, ...(yearFrom === 'title' ? source : {}), ...(title?.year !== undefined ? { stated: title.year } : {}) },
  };
}

const MAX_LISTED = 8;

function cellNotes(cells: ImportedCell[], chosen: Record<TableId, Candidate | undefined>, uncached: string[]): string[] {
  const notes: string[] = [];
  const guessed = cells.filter((c) => c.status === 'guessed');
  if (guessed.length > 0) {
    const pairs = new Set(guessed.flatMap((c) => c.guesses.map((g) => `「${g.found}」→「${g.takenFor}」`)));
    notes.push(`有 ${guessed.length} 个单元格的行或列标题与模板不完全一致，按相近的标题推断，请核对：${[...pairs].slice(0, MAX_LISTED).join('；')}`);
  }
  const missing = cells.filter((c) => c.status === 'not_found' && chosen[c.key.split('.')[0] as TableId]);
  if (missing.length > 0) {
    const names = missing.slice(0, MAX_LISTED).map((c) => CELLS.find((d) => d.key === c.key)!.name);
    notes.push(`有 ${missing.length} 个单元格在表中没有找到对应的行或列，已留空：${names.join('、')}${missing.length > MAX_LISTED ? ' 等' : ''}`);
  }
  if (uncached.length > 0) {
    notes.push(`${uncached.slice(0, MAX_LISTED).join('、')} 是公式但文件中没有保存计算结果，已留空：请在 Excel/WPS 中打开并保存后再导入`);
  }
  return notes;
}
