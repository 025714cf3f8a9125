// 开始今年的报告 from the files a clerk has at hand: last year's report (as
// published, or in the library), this year's workbook and this year's draft.
// Which file is which is read from the files themselves (text or tables, the
// year and body they state), never from the order they were given in; what
// the new report will be called follows from them; and files that cannot be
// right together — a year apart by other than one, the same year twice, last
// year's figures again, another body's file — are named before anything is
// created. Pure: the dialog and the tests use it alike.
import type { ImportedFile } from '../api/contract';
import type { ImportedCell } from '../api/import';
import { CELLS, type CellDef, type CellKey } from '../model/cells';
import { CARRIED_FROM_PREVIOUS } from '../rules/carried';
import { valueOf, type Report } from '../model/report';
import { isRead } from '../model/imported';
import { isEmptyNarrative } from '../rules/engine';
import { nameMatcher } from '../review/names';
import { formatOfName } from '../formats';
import { NARRATIVE_IDS, sectionHeading, TABLE_IDS, type Level, type NarrativeId, type TableId } from '../template/gov2021';
import { inferLevel } from '../template/levels';

export type Role = 'last' | 'workbook' | 'draft';
export const ROLES: readonly Role[] = ['last', 'workbook', 'draft'];
export const ROLE_NAME: Readonly<Record<Role, string>> = { last: '上年的报告', workbook: '今年的统计表', draft: '今年的正文' };

/** A file read for the dialog: its name and what the readers made of it. */
export interface SourceFile {
  name: string;
  read: ImportedFile;
}

/** What a file is, as far as it says itself. */
export interface FileFacts {
  /** Any of 一、五、六 written (a token such as "无" is no text). */
  hasText: boolean;
  /** Any of the three tables found (a report JSON always has them). */
  hasTables: boolean;
  /** The year its title or preamble states; undefined where the reader had to assume one. */
  year?: number;
  /** The body its title, preamble or 落款 names. */
  agency?: string;
  /** A published form (PDF, web page): last year's report rather than this year's draft, where nothing else tells. */
  published: boolean;
}

export function factsOf(file: SourceFile): FileFacts {
  const { report, record } = file.read;
  const hasText = NARRATIVE_IDS.some((n) => !isEmptyNarrative(report.narratives[n]));
  const hasTables = record ? TABLE_IDS.some((t) => record.tables[t] !== null) : CELLS.some((c) => valueOf(report, c) !== null);
  const yearStated = !record || !['default', 'missing'].includes(record.year.from);
  const agencyStated = (!record || !['default', 'missing'].includes(record.agency.from)) && report.agency.trim() !== '';
  const format = formatOfName(file.name);
  return {
    hasText,
    hasTables,
    ...(yearStated ? { year: report.year } : {}),
    ...(agencyStated ? { agency: report.agency } : {}),
    published: !!format?.published && format.id !== 'docx',
  };
}

/** Which file (by its index) plays which part; files that play none are `extra`. */
export interface Roles {
  last?: number;
  workbook?: number;
  draft?: number;
  extra: number[];
}

export interface Context {
  /** The year of last year's report where the library holds it (none chosen from a file). */
  libraryYear?: number;
}

/**
 * Tells the files apart. Tables alone are a workbook; text is a report, last
 * year's or this year's by the years they state (the older is last year's),
 * else by form (a published PDF or page is last year's, a text without
 * tables is a draft), else by the order given. Two workbooks are last year's
 * and this year's by their years.
 */
export function assignRoles(files: readonly SourceFile[], context: Context = {}): Roles {
  const facts = files.map(factsOf);
  const indexes = files.map((_, i) => i);
  const texts = indexes.filter((i) => facts[i]!.hasText);
  const tables = indexes.filter((i) => !facts[i]!.hasText && facts[i]!.hasTables);
  const roles: Roles = { extra: indexes.filter((i) => !facts[i]!.hasText && !facts[i]!.hasTables) };
  const older = (a: number, b: number) => {
    const [ya, yb] = [facts[a]!.year, facts[b]!.year];
    if (ya !== undefined && yb !== undefined && ya !== yb) return ya < yb;
    if (facts[a]!.published !== facts[b]!.published) return facts[a]!.published;
    if (facts[a]!.hasTables !== facts[b]!.hasTables) return facts[a]!.hasTables;
    return a < b;
  };

  const [w1, w2, ...moreTables] = tables;
  roles.extra.push(...moreTables);
  if (w1 !== undefined && w2 !== undefined) {
    // Two workbooks: last year's and this year's; a text then can only be the draft.
    const [a, b] = older(w1, w2) ? [w1, w2] : [w2, w1];
    roles.last = a;
    roles.workbook = b;
  } else if (w1 !== undefined) roles.workbook = w1;

  const [t1, t2, ...moreTexts] = texts;
  roles.extra.push(...moreTexts);
  if (t1 !== undefined && t2 !== undefined) {
    const [a, b] = older(t1, t2) ? [t1, t2] : [t2, t1];
    if (roles.last === undefined) roles.last = a;
    else roles.extra.push(a);
    roles.draft = b;
  } else if (t1 !== undefined) {
    if (roles.last !== undefined || isThisYears(facts[t1]!, roles.workbook === undefined ? undefined : facts[roles.workbook], context))
      roles.draft = t1;
    else roles.last = t1;
  }
  roles.extra.sort((a, b) => a - b);
  return roles;
}

/** One text file: this year's draft where it has no tables yet, or is a Word file of this year; else last year's report. */
function isThisYears(text: FileFacts, workbook: FileFacts | undefined, context: Context): boolean {
  if (!text.hasTables) return true;
  // A PDF or a web page is what a body published: last year's report, never this year's draft.
  if (text.published) return false;
  if (text.year === undefined) return false;
  if (workbook?.year !== undefined) return text.year === workbook.year;
  return context.libraryYear !== undefined && text.year === context.libraryYear + 1;
}

// ---- the new report's identity ----------------------------------------------------

export interface Proposed<T> {
  value: T;
  /** Where it came from, in words ("上年报告 2024 年 + 1", "今年正文的标题"). */
  from: string;
}

export interface ProposedIdentity {
  agency: Proposed<string>;
  year: Proposed<number>;
  /** null: the name does not tell and nothing else does; the author chooses. */
  level: Proposed<Level | null>;
}

export interface LastYear {
  report: Report;
  /** How it is called: 「file name」 or 报告库. */
  label: string;
  /** From the library: its level was the author's to set. A file's level is only as good as the reader's guess. */
  inLibrary: boolean;
  /** Its level was stated in the file (not guessed from the name or taken by default). */
  levelStated?: boolean;
  /** False where the file named no year and the reader assumed one: then it is taken as the year before this year's. */
  yearStated: boolean;
}

/** Last year's report as a file gives it: its year and level only where the file states them. */
export function lastYearOf(file: SourceFile): LastYear {
  const facts = factsOf(file);
  const from = file.read.record?.level?.from;
  return {
    report: file.read.report,
    label: `「${file.name}」`,
    inLibrary: false,
    levelStated: !file.read.record || from === 'file' || from === 'option',
    yearStated: facts.year !== undefined,
  };
}

/**
 * What the new report is called. The year is the one this year's files state,
 * else last year's + 1; the body is last year's, else what this year's files
 * name, written as the library already writes it; the level is what the name
 * says, else last year's where someone set it, else asked.
 */
export function proposeIdentity(input: {
  last?: LastYear;
  draft?: SourceFile;
  workbook?: SourceFile;
  /** The bodies the library knows, to write a body as the library does (淮安市洪泽区人民政府 → 洪泽区人民政府). */
  libraryAgencies: readonly string[];
  /** The year reported on where nothing else tells (the year before the current one, in the first half of a year). */
  fallbackYear: number;
}): ProposedIdentity {
  const draft = input.draft ? factsOf(input.draft) : undefined;
  const workbook = input.workbook ? factsOf(input.workbook) : undefined;
  const last = input.last;
  const year: Proposed<number> =
    draft?.year !== undefined
      ? { value: draft.year, from: `今年的正文「${input.draft!.name}」写明` }
      : workbook?.year !== undefined
        ? { value: workbook.year, from: `今年的统计表「${input.workbook!.name}」写明` }
        : last?.yearStated
          ? { value: last.report.year + 1, from: `上年的报告是 ${last.report.year} 年的` }
          : { value: input.fallbackYear, from: '文件都没有写明，按今天的日期' };
  const named: Proposed<string> | undefined = last?.report.agency
    ? { value: last.report.agency, from: `按上年的报告${last.label}` }
    : draft?.agency
      ? { value: draft.agency, from: `按今年的正文「${input.draft!.name}」` }
      : workbook?.agency
        ? { value: workbook.agency, from: `按今年的统计表「${input.workbook!.name}」` }
        : undefined;
  let agency: Proposed<string> = named ?? { value: '', from: '文件都没有写明，请填写' };
  const known = named ? input.libraryAgencies[nameMatcher(input.libraryAgencies)(named.value) ?? -1] : undefined;
  if (known && known !== named!.value)
    agency = { value: known, from: `按报告库中的写法（${named!.from.slice(1)}是「${named!.value}」，同一机关）` };
  const inferred = inferLevel(agency.value);
  const level: Proposed<Level | null> = inferred.inferred
    ? { value: inferred.level, from: '按机关名称' }
    : last && (last.inLibrary || last.levelStated)
      ? { value: last.report.level, from: `与上年的报告${last.label}相同` }
      : { value: null, from: inferred.reason };
  return { agency, year, level };
}

// ---- files that cannot be right --------------------------------------------------

export interface StartProblem {
  key: string;
  message: string;
  /** Nothing is created while it stands: the files are wrong, not merely unusual. */
  blocking: boolean;
  /** The two parts whose files look given the wrong way round. */
  swap?: [Role, Role];
}

/** Numbers read in both: this year's figures the very same as last year's are last year's figures again. */
const MIN_SAME = 3;

function readValue(file: SourceFile, cell: CellDef): number | undefined {
  const c: ImportedCell | undefined = file.read.record?.cells[cell.key];
  if (!isRead(c)) return undefined;
  const v = valueOf(file.read.report, cell);
  return typeof v === 'number' ? v : undefined;
}

/** How many numbers other than 0 this year's figures share with last year's, and whether they are all the same. */
function sameFigures(thisYear: SourceFile, last: Report): { same: number; all: boolean } {
  let same = 0;
  let differ = 0;
  for (const cell of CELLS) {
    const now = readValue(thisYear, cell);
    const before = valueOf(last, cell);
    if (now === undefined || typeof before !== 'number' || (now === 0 && before === 0)) continue;
    if (now === before) same++;
    else differ++;
  }
  return { same, all: differ === 0 };
}

export function startProblems(input: {
  files: readonly SourceFile[];
  roles: Roles;
  last?: LastYear;
  /** The year the new report will be for. */
  year: number;
}): StartProblem[] {
  const { files, roles, last } = input;
  const problems: StartProblem[] = [];
  const file = (role: Role) => {
    const i = roles[role];
    return i === undefined ? undefined : { file: files[i]!, facts: factsOf(files[i]!) };
  };
  const draft = file('draft');
  const workbook = file('workbook');
  const thisYears = [
    ['draft', draft],
    ['workbook', workbook],
  ] as const;

  if (last?.yearStated) {
    const l = last.report.year;
    for (const [role, f] of thisYears) {
      const y = f?.facts.year;
      if (!f || y === undefined) continue;
      const name = `${ROLE_NAME[role]}「${f.file.name}」`;
      if (y === l)
        problems.push({
          key: `same-year:${role}`,
          blocking: true,
          message: `上年的报告${last.label}和${name}都是 ${y} 年的：上年的报告应是 ${y - 1} 年的。请换上正确的文件`,
        });
      else if (y < l)
        problems.push({
          key: `order:${role}`,
          blocking: true,
          message: `${name}是 ${y} 年的，比上年的报告${last.label}（${l} 年）还早：两个文件像是放反了`,
          ...(!last.inLibrary ? { swap: ['last', role] as [Role, Role] } : {}),
        });
      else if (y > l + 1)
        problems.push({
          key: `gap:${role}`,
          blocking: false,
          message: `上年的报告${last.label}是 ${l} 年的，${name}是 ${y} 年的，中间隔了 ${y - l - 1} 年：新报告仍以它为底稿，但上年结转、现行有效件数等不与它对照`,
        });
    }
  }
  if (last) {
    const figures = workbook ?? (draft?.facts.hasTables ? draft : undefined);
    if (figures) {
      const { same, all } = sameFigures(figures.file, last.report);
      if (all && same >= MIN_SAME)
        problems.push({
          key: 'same-figures',
          blocking: true,
          message: `「${figures.file.name}」的数字与上年的报告${last.label}完全相同（${same} 个不为 0 的格子都一样）：这是上年的数字，请换上今年的统计表`,
        });
    }
  }
  if (draft?.facts.year !== undefined && workbook?.facts.year !== undefined && draft.facts.year !== workbook.facts.year)
    problems.push({
      key: 'draft-workbook-year',
      blocking: true,
      message: `今年的正文「${draft.file.name}」是 ${draft.facts.year} 年的，今年的统计表「${workbook.file.name}」是 ${workbook.facts.year} 年的：请换上同一年的文件`,
    });

  // The draft's own tables beside the workbook: the workbook's figures are taken, and where they differ the author should know.
  if (draft?.facts.hasTables && workbook) {
    const differ = CELLS.filter((c) => {
      const [a, b] = [readValue(draft.file, c), readValue(workbook.file, c)];
      return a !== undefined && b !== undefined && a !== b;
    });
    if (differ.length > 0)
      problems.push({
        key: 'draft-tables',
        blocking: false,
        message: `今年的正文「${draft.file.name}」里的表格与今年的统计表有 ${differ.length} 处不同（${differ
          .slice(0, 3)
          .map((c) => c.name)
          .join('、')}${differ.length > 3 ? ' 等' : ''}）：数字以统计表为准，请记得改正文里的表格`,
      });
  }

  // Another body's file: the names each file states must be one body's (全称 or 简称).
  const named = [
    ...(last?.report.agency ? [{ label: `上年的报告${last.label}`, agency: last.report.agency }] : []),
    ...thisYears.flatMap(([role, f]) =>
      f?.facts.agency ? [{ label: `${ROLE_NAME[role]}「${f.file.name}」`, agency: f.facts.agency }] : [],
    ),
  ];
  const [first, ...others] = named;
  for (const other of others) {
    if (first && nameMatcher([first.agency])(other.agency) === undefined)
      problems.push({
        key: `body:${other.label}`,
        blocking: true,
        message: `${first.label}是「${first.agency}」的，${other.label}是「${other.agency}」的：不是同一个机关，请换上本机关的文件`,
      });
  }

  const unused = roles.extra.map((i) => `「${files[i]!.name}」`);
  if (unused.length > 0)
    problems.push({
      key: 'extra',
      blocking: false,
      message: `${unused.join('、')}没有用上：只用得上上年的报告、今年的统计表和今年的正文各一个${roles.extra.some((i) => !factsOf(files[i]!).hasText && !factsOf(files[i]!).hasTables) ? '（读不到正文，也读不到表格的文件不算）' : ''}`,
    });
  if (roles.last !== undefined && roles.workbook !== undefined && !factsOf(files[roles.last]!).hasText) {
    const [a, b] = [factsOf(files[roles.last]!).year, factsOf(files[roles.workbook]!).year];
    if (a === undefined || b === undefined)
      problems.push({
        key: 'two-workbooks',
        blocking: false,
        message: `两个统计表都没有写明年度，看不出哪个是上年的：已把「${files[roles.last]!.name}」当作上年的，「${files[roles.workbook]!.name}」当作今年的`,
        swap: ['last', 'workbook'],
      });
  }
  return problems;
}

// ---- what was not read, and which text goes where ----------------------------------

/** Each table's cells a file did not give, by name; a table not found at all is named once. */
export function unreadCells(read: ImportedFile): { table: TableId; whole: boolean; names: string[] }[] {
  const record = read.record;
  if (!record) return [];
  return TABLE_IDS.flatMap((t) => {
    const cells = CELLS.filter((c) => c.table === t);
    const missing = cells.filter((c) => !isRead(record.cells[c.key]));
    if (missing.length === 0) return [];
    return [{ table: t, whole: record.tables[t] === null || missing.length === cells.length, names: missing.map((c) => c.name) }];
  });
}

export function tableHeading(table: TableId): string {
  return sectionHeading(table);
}

const CARRIED = new Set(CARRIED_FROM_PREVIOUS.map((c) => c.to));

/**
 * This year's cells the figures file did not give, with the reason the author
 * is shown: unknown in the new report, never 0. A cell carried from last
 * year's report (上年结转, 现行有效件数) is known from it, where there is one.
 */
export function unreadOfFigures(figures: SourceFile, withLastYear: boolean): Partial<Record<CellKey, string>> {
  const record = figures.read.record;
  if (!record) return {};
  return Object.fromEntries(
    CELLS.flatMap((c) => {
      const cell = record.cells[c.key];
      if (!cell || (withLastYear && CARRIED.has(c.key))) return [];
      if (cell.status === 'left_blank') return [[c.key, `「${figures.name}」中${cell.remark}`]];
      if (cell.status === 'not_found') return [[c.key, `「${figures.name}」中没有这个格子`]];
      return [];
    }),
  );
}

/** The sections of this year's draft that have text, as they go into the new report. */
export function draftTexts(draft: SourceFile): Partial<Record<NarrativeId, string>> {
  const { report } = draft.read;
  return Object.fromEntries(NARRATIVE_IDS.filter((n) => !isEmptyNarrative(report.narratives[n])).map((n) => [n, report.narratives[n]]));
}
