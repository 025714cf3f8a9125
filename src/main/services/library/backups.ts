// Backups with SQLite's online backup API: a consistent copy taken while the
// library is open, written beside as a temporary file, checked with
// `integrity_check`, and only then given its final name. The newest N are kept.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { describeFsError } from '../fs/files';
import { isGoodLibraryFile, openSqlite, type Db, type SqliteOptions } from './sqlite';
import { fileStamp, parseFileStamp } from './time';

export interface BackupFile {
  path: string;
  takenAt: Date;
}

const TEMP_SUFFIX = '.partial';

/** Backups of `library.db` are `library-<UTC stamp>.db`, so several libraries can share a folder. */
function stemOf(databasePath: string): string {
  const name = basename(databasePath);
  return name.slice(0, name.length - extname(name).length) || name;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** This library's finished backups, newest first. */
export function listBackups(dir: string, databasePath: string): BackupFile[] {
  const prefix = `${stemOf(databasePath)}-`;
  const backups: BackupFile[] = [];
  for (const name of listDir(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.db')) continue;
    const takenAt = parseFileStamp(name.slice(prefix.length, -'.db'.length));
    if (takenAt) backups.push({ path: join(dir, name), takenAt });
  }
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Copies a backup left unfinished by a crash: never a good backup, only our own debris. */
export function removeUnfinishedBackups(dir: string, databasePath: string): void {
  const prefix = `${stemOf(databasePath)}-`;
  for (const name of listDir(dir)) {
    if (name.startsWith(prefix) && name.includes(`.db${TEMP_SUFFIX}`)) rmSync(join(dir, name), { force: true });
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable where the system allows it (not on Windows, where renames are). */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories can't be opened for fsync on Windows; NTFS journals the rename itself.
  }
}

export async function createBackup(db: Db, dir: string, databasePath: string, at: Date, options: SqliteOptions): Promise<Result<BackupFile>> {
  const target = join(dir, `${stemOf(databasePath)}-${fileStamp(at)}.db`);
  const temp = target + TEMP_SUFFIX;
  try {
    await db.backup(temp);
    // A backup is a plain single file: no write-ahead log to carry around.
    const copy = openSqlite(temp, { ...options, fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    if (!isGoodLibraryFile(temp, options)) {
      rmSync(temp, { force: true });
      return fail('backup_bad', '备份副本未通过完整性检查，已丢弃：资料库本身未改动，程序会在下次启动时再试');
    }
    fsyncFile(temp);
    renameSync(temp, target);
    fsyncDir(dir);
    return ok({ path: target, takenAt: at });
  } catch (err) {
    rmSync(temp, { force: true });
    const e = describeFsError(err, target, 'write');
    return fail('backup_failed', `备份资料库失败：${e.message}`);
  }
}

/** Deletes our own oldest backups beyond `keep`; never touches anything else in the folder. */
export function pruneBackups(dir: string, databasePath: string, keep: number): void {
  for (const old of listBackups(dir, databasePath).slice(Math.max(1, keep))) rmSync(old.path, { force: true });
}

export function newestGoodBackup(dir: string, databasePath: string, options: SqliteOptions): BackupFile | undefined {
  return listBackups(dir, databasePath).find((b) => isGoodLibraryFile(b.path, options));
}
