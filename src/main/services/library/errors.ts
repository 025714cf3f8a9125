// SQLite failures turned into one Chinese sentence: what did not happen, that
// nothing was half-written (every change runs in one transaction), what to do.
import { fail, type Result } from '../../../shared/api/result';

export function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** True for the errors that mean the file itself is damaged (not merely busy or read-only). */
export function isDamage(err: unknown): boolean {
  const code = sqliteCode(err);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

export function storageFailure<T>(err: unknown, doing: string): Result<T> {
  const code = sqliteCode(err);
  if (code === 'SQLITE_FULL') return fail('disk_full', `磁盘空间已满，${doing}未完成，原有内容未改动：请清理磁盘后重试`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return fail('busy', `资料库正被另一个程序使用，${doing}未完成，原有内容未改动：请稍后重试`);
  if (code.startsWith('SQLITE_READONLY')) return fail('read_only', `资料库文件只读，${doing}未完成：请检查文件夹的写入权限`);
  if (isDamage(err)) return fail('damaged', `资料库文件损坏，${doing}未完成：请关闭并重新打开程序，程序会从备份自动恢复`);
  if (code.startsWith('SQLITE_IOERR'))
    return fail('io', `读写资料库出错（${code}），${doing}未完成，原有内容未改动：请重试，如反复出现请检查磁盘`);
  return fail('storage', `${doing}失败（${code}：${(err as Error)?.message ?? String(err)}），原有内容未改动：请重试`);
}
