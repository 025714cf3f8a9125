// The roster of a round: the bodies a 政务公开办 expects a report from, each
// with its level (which decides its deadline). Offices keep it as a list in
// a document, a column of a workbook (often after a 序号 column, under a
// header), or lines pasted from either; each line may carry the level. Read
// here once for the page's paste, the workbook import and `review --roster`.
import { LEVELS, type Level } from '../template/gov2021';
import { inferLevel, isLevel } from '../template/levels';
import { bodyKey, groupSameBodies, nameMatcher } from './names';
import { deadlineFor } from './round';

export interface RosterEntry {
  name: string;
  level: Level;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  /** Lines not taken, each with why (the same body twice, a header). */
  skipped: string[];
  /** Names whose level was read from the name, not given. */
  inferred: string[];
}

/** Header cells of a roster column: never a body. */
const HEADERS = new Set([
  '单位',
  '单位名称',
  '机关',
  '机关名称',
  '名称',
  '部门',
  '部门名称',
  '报送单位',
  '序号',
  '层级',
  '机关层级',
  '备注',
  '名单',
]);

/** A roster's title row ("2024年度报送单位名单"), never a body. */
const TITLE = /名单|清单|一览表|统计表|报送情况/;
/** A level after a name on the same field ("余杭区统计局 县区部门"). */
const TRAILING_LEVEL = new RegExp(`^(.*\\S)\\s+(${LEVELS.join('|')})$`);

/** "1.", "1、", "（1）", "01" before a name: numbering, not part of it. */
const NUMBERING = /^[（(]?\d{1,4}[）).、．,，\s]*/;
/** One name per line (or per item of a list written 、 ， ； between names); within a line, fields split by tabs, commas (CSV) or runs of spaces. */
const LINE_SPLIT = /[\r\n]+|[；;、，]/;
const FIELD_SPLIT = /\t|,|\s{2,}/;

/** The fields of a pasted or typed text, one line a row. */
export function rosterRows(text: string): string[][] {
  return text
    .split(LINE_SPLIT)
    .map((line) => line.split(FIELD_SPLIT).map((f) => f.trim()))
    .filter((fields) => fields.some((f) => f !== ''));
}

/** A row's body and level: the first field that is a name (numbers are a 序号), and a field that is a level. */
function entryOf(fields: readonly string[]): { name: string; level?: Level } | undefined {
  let name: string | undefined;
  let level: Level | undefined;
  for (const raw of fields) {
    let field = raw.replace(/\s+/g, ' ').trim();
    if (field === '' || /^\d+(\.\d+)?$/.test(field)) continue;
    const trailing = TRAILING_LEVEL.exec(field);
    if (trailing) {
      field = trailing[1]!;
      level ??= trailing[2] as Level;
    }
    if (isLevel(field)) level ??= field;
    else name ??= field.replace(NUMBERING, '').trim();
  }
  return name ? { name, ...(level ? { level } : {}) } : undefined;
}

/** The roster from rows of fields (typed lines, or a workbook's rows): each body once, with its level. */
export function parseRoster(rows: readonly (readonly string[])[]): ParsedRoster {
  const found: { name: string; level?: Level }[] = [];
  const skipped: string[] = [];
  for (const fields of rows) {
    const entry = entryOf(fields);
    if (!entry) continue;
    if (HEADERS.has(entry.name) || TITLE.test(entry.name)) continue;
    found.push(entry);
  }
  const entries: RosterEntry[] = [];
  const inferred: string[] = [];
  for (const group of groupSameBodies(found.map((f) => f.name))) {
    const first = found[group[0]!]!;
    for (const i of group.slice(1)) skipped.push(`「${found[i]!.name}」与「${first.name}」是同一单位，只保留一次`);
    const level = first.level ?? found.find((f, i) => group.includes(i) && f.level)?.level;
    if (!level) inferred.push(first.name);
    entries.push({ name: first.name, level: level ?? inferLevel(first.name).level });
  }
  return { entries, skipped, inferred };
}

/** A roster from the text a person typed or pasted. */
export function parseRosterText(text: string): ParsedRoster {
  return parseRoster(rosterRows(text));
}

/** "余杭区统计局\t县区部门": the roster as lines, as the page shows it for editing and as it pastes back. */
export function rosterText(entries: readonly RosterEntry[]): string {
  return entries.map((e) => `${e.name}\t${e.level}`).join('\n');
}

/** The levels in the words a roster may use, for messages. */
export const ROSTER_LEVELS = LEVELS.join('、');

/** What a report of the batch offers for matching: the body it names, or only its file's name. */
export interface Arrival {
  agency?: string;
  fileName: string;
}

/** The name a file's own name gives ("统计局/余杭区统计局2024年报.xlsx" → "余杭区统计局"), for a file whose report names no body. */
export function nameFromFile(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? fileName;
  return base
    .replace(/\.[^.]+$/, '')
    .replace(/(19|20)\d{2}\s*年?(度)?/g, '')
    .replace(/(政府信息公开)?(工作)?(年度)?报告|年报|问题清单|[（(].*?[）)]|\s+/g, '');
}

export interface RosterMatch {
  /** For each roster entry, the arrivals (by position) that are its reports. */
  byEntry: number[][];
  /** Arrivals that match no entry. */
  unlisted: number[];
}

/**
 * Which arrivals are whose: by the body the report names (全称 or 简称), or,
 * for a file whose report names none or could not be read, by the file's
 * name. Each arrival goes to one entry at most.
 */
export function matchRoster(entries: readonly RosterEntry[], arrivals: readonly Arrival[]): RosterMatch {
  const find = nameMatcher(entries.map((e) => e.name));
  const byEntry = entries.map((): number[] => []);
  const unlisted: number[] = [];
  arrivals.forEach((a, i) => {
    const named = a.agency && bodyKey(a.agency) !== '' ? find(a.agency) : undefined;
    const hit = named ?? (a.agency ? undefined : find(nameFromFile(a.fileName)));
    if (hit === undefined) unlisted.push(i);
    else byEntry[hit]!.push(i);
  });
  return { byEntry, unlisted };
}

/** A body's deadline for a year, and whether `today` is past it with no report in. */
export function overdue(entry: RosterEntry, year: number, today: string, received: boolean): { deadline: string; overdue: boolean } {
  const deadline = deadlineFor(entry, year);
  return { deadline, overdue: !received && today > deadline };
}
