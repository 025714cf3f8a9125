// Backups: a consistent copy taken while the library is open, written beside
// as a temporary file, checked with `integrity_check`, and only then given its
// final name. Two kinds, kept by two rules, so reading a library never rolls
// its history away: one backup per day on which the library was written (the
// state before that day's first change), the newest N days of them; and one
// at each start of the app, the newest few of them.
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { describeFsError } from '../fs/files';
import { isGoodLibraryFile, openSqlite, type Db, type SqliteOptions } from './sqlite';
import { localToday } from '../../../shared/model/dates';
import { fileStamp, parseFileStamp } from './time';

/** 'daily': before the day's first change; 'start': when the app started. */
export type BackupKind = 'daily' | 'start';

export interface BackupFile {
  path: string;
  takenAt: Date;
  kind: BackupKind;
}

export interface RetentionPolicy {
  /** Days (on which the library was written) that keep their daily backup. */
  days: number;
  /** Starts of the app that keep their backup. */
  starts: number;
}

const TEMP_SUFFIX = '.partial';
/** `library-<stamp>.db` is a daily backup (as every backup was before starts had their own); `library-<stamp>-start.db` a start's. */
const START_SUFFIX = '-start';

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
    const stamp = name.slice(prefix.length, -'.db'.length);
    const kind: BackupKind = stamp.endsWith(START_SUFFIX) ? 'start' : 'daily';
    const takenAt = parseFileStamp(kind === 'start' ? stamp.slice(0, -START_SUFFIX.length) : stamp);
    if (takenAt) backups.push({ path: join(dir, name), takenAt, kind });
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

/** A backup to take: of which library, into which folder, when and why; the three ways of copying share it. */
export interface BackupOf {
  databasePath: string;
  dir: string;
  at: Date;
  kind: BackupKind;
  options: SqliteOptions;
}

function backupTarget({ dir, databasePath, at, kind }: BackupOf): string {
  return join(dir, `${stemOf(databasePath)}-${fileStamp(at)}${kind === 'start' ? START_SUFFIX : ''}.db`);
}

/** The start's backup: SQLite's online backup API, in steps, so the app's first window is not held up. */
export async function createBackup(db: Db, backup: BackupOf): Promise<Result<BackupFile>> {
  const target = backupTarget(backup);
  try {
    await db.backup(target + TEMP_SUFFIX);
  } catch (err) {
    return backupFailed(err, target);
  }
  return finishBackup(target, backup);
}

/** Pages copied per step of a background backup: a few milliseconds each, so saves in between are not held up. */
const PAGES_PER_STEP = 256;

/**
 * The read-only connection a snapshot backup reads from. Opening it (the file,
 * its schema) is the slow part of starting one, so the library opens it ahead.
 */
export function openSnapshotReader(databasePath: string, options: SqliteOptions): Db {
  const reader = openSqlite(databasePath, { ...options, readonly: true, fileMustExist: true });
  try {
    // Its first read parses the schema: now, not in the snapshot's read (outside a transaction, it holds no snapshot).
    reader.prepare(SNAPSHOT_READ).get();
  } catch (err) {
    reader.close();
    throw err;
  }
  return reader;
}

/** The snapshot's one read: a deferred transaction takes its snapshot there. */
const SNAPSHOT_READ = 'SELECT 1 FROM reports LIMIT 1';

/**
 * A backup of the library as it stands now, copied in the background. The
 * reader (a second, read-only connection) opens a read transaction before this
 * returns: in WAL mode that transaction sees exactly the commits made before
 * it, for as long as it stays open, whatever is committed after it. The copy is
 * taken from it step by step (SQLite's online backup API) and the transaction
 * ends only when the copy is complete. So a caller that starts this before
 * writing gets a backup without that write, and the write need not wait for
 * the copy. Undefined, with no transaction left open, when the library holds
 * no report: nothing worth a backup yet. The reader stays open, for the next.
 */
export function startSnapshotBackup(reader: Db, backup: BackupOf): Promise<Result<BackupFile>> | undefined {
  const target = backupTarget(backup);
  const temp = target + TEMP_SUFFIX;
  try {
    reader.exec('BEGIN');
    // A deferred transaction takes its snapshot at its first read: now, before the caller writes (one row is enough).
    if (reader.prepare(SNAPSHOT_READ).get() === undefined) {
      reader.exec('COMMIT');
      return undefined;
    }
  } catch (err) {
    if (reader.inTransaction) reader.exec('ROLLBACK');
    return Promise.resolve(backupFailed(err, target));
  }
  return (async () => {
    try {
      // The snapshot is held: clearing the way and starting the copy (file-system work) wait until the caller has written.
      await nextTurn();
      rmSync(temp, { force: true });
      await reader.backup(temp, { progress: () => PAGES_PER_STEP });
    } catch (err) {
      return backupFailed(err, target);
    } finally {
      if (reader.open && reader.inTransaction) reader.exec('COMMIT');
    }
    return finishBackup(target, backup);
  })();
}

/**
 * The day's backup, taken synchronously just before the day's first change is
 * written, so it holds the library exactly as it was before that day. `VACUUM
 * INTO` reads one consistent snapshot; it cannot run inside a transaction.
 */
export function createBackupNow(db: Db, backup: BackupOf): Result<BackupFile> {
  const target = backupTarget(backup);
  const temp = target + TEMP_SUFFIX;
  try {
    rmSync(temp, { force: true });
    db.prepare('VACUUM INTO ?').run(temp);
  } catch (err) {
    return backupFailed(err, target);
  }
  return finishBackup(target, backup);
}

function finishBackup(target: string, { at, kind, options }: BackupOf): Result<BackupFile> {
  const temp = target + TEMP_SUFFIX;
  try {
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
    fsyncDir(dirname(target));
    return ok({ path: target, takenAt: at, kind });
  } catch (err) {
    return backupFailed(err, target);
  }
}

function backupFailed(err: unknown, target: string): Result<never> {
  rmSync(target + TEMP_SUFFIX, { force: true });
  const e = describeFsError(err, target, 'write');
  return fail('backup_failed', `备份资料库失败：${e.message}`);
}

/**
 * Which backups the policy keeps: the newest daily backup of each of the
 * newest `days` days that have one (counted in days the library was written,
 * not calendar days, so a library left alone for a month keeps its history),
 * and the newest `starts` backups of starts.
 */
export function backupsToKeep(backups: readonly BackupFile[], policy: RetentionPolicy): Set<string> {
  const keep = new Set<string>();
  const days = new Set<string>();
  let starts = 0;
  for (const b of [...backups].sort((x, y) => y.takenAt.getTime() - x.takenAt.getTime())) {
    if (b.kind === 'start') {
      if (starts++ < policy.starts) keep.add(b.path);
      continue;
    }
    const day = localToday(b.takenAt);
    if (days.has(day) || days.size >= policy.days) continue;
    days.add(day);
    keep.add(b.path);
  }
  return keep;
}

/** Deletes our own backups the policy no longer keeps; never touches anything else in the folder. */
export function pruneBackups(dir: string, databasePath: string, policy: RetentionPolicy): void {
  const backups = listBackups(dir, databasePath);
  const keep = backupsToKeep(backups, policy);
  for (const old of backups) if (!keep.has(old.path)) rmSync(old.path, { force: true });
}

export function newestGoodBackup(dir: string, databasePath: string, options: SqliteOptions): BackupFile | undefined {
  return listBackups(dir, databasePath).find((b) => isGoodLibraryFile(b.path, options));
}
