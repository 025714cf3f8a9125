// When a body's annual report is due (条例 第四十九条): a department
// (县区部门, 市级部门, a provincial department) hands it to its government's
// 政务公开 office and publishes it by 31 January of the next year; a
// government (乡镇街道, 县区政府, 市政府, a provincial government) publishes
// its own by 31 March. The dates are data, read by the review's round (who is
// 逾期) and by the rules (a report exported as final after its date).
import type { Level } from './gov2021';

export type DeadlineKind = 'department' | 'government';

export interface Deadline {
  kind: DeadlineKind;
  /** Who it binds, in the words a message uses. */
  label: string;
  /** Month and day of `year + 1`. */
  month: number;
  day: number;
}

export const DEADLINES: Readonly<Record<DeadlineKind, Deadline>> = {
  department: { kind: 'department', label: '政府部门', month: 1, day: 31 },
  government: { kind: 'government', label: '人民政府', month: 3, day: 31 },
};

/** The levels that are governments; 省级 is both (a province's government and its departments): its name decides. */
const GOVERNMENT_LEVELS: readonly Level[] = ['乡镇街道', '县区政府', '市政府'];
const GOVERNMENT_NAME = /(人民政府|政府)$/;

/** Which deadline binds a body of this level and name. */
export function deadlineKind(level: Level, agency = ''): DeadlineKind {
  if (GOVERNMENT_LEVELS.includes(level)) return 'government';
  if (level === '省级' && GOVERNMENT_NAME.test(agency.replace(/\s+/g, ''))) return 'government';
  return 'department';
}

/** The last day (ISO, YYYY-MM-DD) a report for `year` is due from bodies of this kind. */
export function deadlineDate(kind: DeadlineKind, year: number): string {
  const d = DEADLINES[kind];
  return `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The last day (ISO, YYYY-MM-DD) a body's report for `year` is due. */
export function deadlineOf(body: { level: Level; agency?: string; year: number }): string {
  return deadlineDate(deadlineKind(body.level, body.agency), body.year);
}

/** Whether `today` (ISO) is past the body's deadline. */
export function isPastDeadline(body: { level: Level; agency?: string; year: number }, today: string): boolean {
  return today > deadlineOf(body);
}

/** "2025年1月31日": a deadline as the page and the 问题清单 print it. */
export function deadlineText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
