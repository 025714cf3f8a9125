// What a report's status allows, written once: the library refuses changes
// to a locked report, the editor shows it read-only, and last year's report
// is taken locked before draft.
import type { ReportStatus } from '../api/contract';
import { fileFormat, type FormatId } from '../formats';

type LockedStatus = Exclude<ReportStatus, '草稿'>;

/** Why a locked report cannot be changed, for the messages that say so. */
export const LOCKED: Readonly<Record<LockedStatus, string>> = { 定稿: '报告已定稿', 已发布: '报告是已发布的文件' };

/** 定稿 and 已发布 are read-only until the author turns them back into a 草稿. */
export const LOCKED_STATUSES = Object.keys(LOCKED) as LockedStatus[];

export function isLocked(status: ReportStatus): status is LockedStatus {
  return (LOCKED_STATUSES as readonly ReportStatus[]).includes(status);
}

/** "报告已定稿，不能修改…": what a refused change says, for either locked status. */
export function lockedMessage(status: LockedStatus): string {
  return `${LOCKED[status]}，不能修改：如需修改，请先把状态改回“草稿”`;
}

/**
 * The status a report read from a file is stored with. A published document
 * (Word, PDF, web page: `published` in the formats table) of a year before
 * the current calendar year is the report as it went out: 已发布, even when
 * its figures carry findings it was published with. This year's (or a later
 * year's) document cannot have been published yet — a draft written in Word —
 * and report JSON and workbooks are working files: those are 草稿.
 */
export function importedStatus(source: FormatId | undefined, year: number, today: Date): ReportStatus {
  return source !== undefined && fileFormat(source).published && year < today.getFullYear() ? '已发布' : '草稿';
}
