// Opening the library: a file that is newer than this program is refused and
// left untouched; a damaged or foreign file is moved aside (never deleted)
// and the newest good backup put in its place; then the schema is brought up
// to date (and, at the app's start, a backup taken). A file that may not be
// written (read-only, on a read-only disk or folder) is opened read-only from
// a private copy, so not even SQLite's side files appear beside it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { describeFsError, existingAncestor, writabilityOf } from '../fs/files';
import { createBackupNow, fsyncDir, fsyncFile, listBackups, newestGoodBackup, pruneBackups, removeUnfinishedBackups } from './backups';
import { isDamage, storageFailure } from './errors';
import { DAMAGE_DESCRIPTION, inspectFile, type DamageKind } from './health';
import { ReportLibrary, type LibrarySettings } from './library';
import { APPLICATION_ID, SCHEMA_VERSION, migrate } from './migrations';
import { integrityOk, openSqlite, startLog, type Db, type SqliteOptions } from './sqlite';
import { localMinute } from '../../../shared/model/dates';
import { fileStamp } from './time';
import { claimLibrary, type Holder, type LibraryLock } from './lock';

export interface OpenOptions extends SqliteOptions {
  /** Default: a `backups` folder beside the database. */
  backupDir?: string;
  /** Days (on which the library was written) whose daily backup is kept (default 14). */
  keepDays?: number;
  /** Starts of the app whose backup is kept (default 3). */
  keepStarts?: number;
  /** Take a backup now, in the background: the app's start does; a command that only reads does not. */
  backupAtStart?: boolean;
  /** Minutes of editing between two revision snapshots (default 5). */
  revisionMinutes?: number;
  /** Milliseconds from a save to the checkpoint that puts it on disk, safe from a power cut (default 1000). */
  syncDelayMs?: number;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /**
   * The program that edits the library for as long as it runs (the desktop
   * app, `nianbao serve`): it holds the library, and a second such program
   * opens it read-only, told who holds it. A command that saves once (import)
   * names none: SQLite's own locking and the revisions keep its save safe.
   */
  holder?: Holder;
}

export interface OpenedLibrary {
  library: ReportLibrary;
  /** Set when the file had to be replaced: one sentence for the user. */
  recovery?: string;
  /** Set when the library could be opened only for reading: why, and what to do. */
  readOnly?: string;
  /** This process's hold on the library (with `holder`); released when the library closes. */
  lock?: LibraryLock;
}

type Opened = { kind: 'open'; db: Db } | { kind: 'damaged'; damage: DamageKind } | { kind: 'refused'; result: Result<never> };

const CREATING = '.creating-';

const atLeastOne = (n: number | undefined, fallback: number) => Math.max(1, Math.floor(n ?? fallback));

/**
 * Synchronous, so the app can open its library before its first window; the
 * backup of the app's start runs in the background (`library.openingBackup`).
 */
export function openLibrary(path: string, options: OpenOptions = {}): Result<OpenedLibrary> {
  const databasePath = resolve(path);
  const settings: LibrarySettings = {
    databasePath,
    backupDir: resolve(options.backupDir ?? join(dirname(databasePath), 'backups')),
    retention: { days: atLeastOne(options.keepDays, 14), starts: atLeastOne(options.keepStarts, 3) },
    backupAtStart: !!options.backupAtStart,
    revisionMinutes: options.revisionMinutes ?? 5,
    syncDelayMs: Math.max(0, options.syncDelayMs ?? 1000),
    now: options.now ?? (() => new Date()),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  let recovery: string | undefined;
  let opened: Opened;
  let lock: LibraryLock | undefined;
  try {
    // Before anything else is written beside it: a newer program's file stays as it is.
    const state = inspectFile(databasePath);
    if (state.kind === 'newer') return refuseNewer(databasePath, state.version);
    if (state.kind !== 'missing') {
      const readOnly = readOnlyReason(databasePath);
      if (readOnly) return openReadOnly(databasePath, state.kind === 'damaged', readOnly, settings);
    } else {
      const folder = existingAncestor(databasePath);
      if (writabilityOf(folder) === 'read_only' && listBackups(settings.backupDir, databasePath).length === 0)
        return fail(
          'read_only',
          `无法新建资料库「${databasePath}」：文件夹 ${folder} 是只读的，不能在其中新建文件：请换一个可以写入的文件夹（命令行可用 --db 指定）`,
        );
    }
    mkdirSync(dirname(databasePath), { recursive: true });
    if (options.holder) {
      const claim = claimOrNone(databasePath, options.holder, settings);
      if (claim && !claim.held) return openShared(databasePath, claim.by, settings);
      lock = claim?.lock;
    }
    mkdirSync(settings.backupDir, { recursive: true });
    removeUnfinishedBackups(settings.backupDir, databasePath);
    removeUnfinishedCreation(databasePath);
    if (state.kind === 'damaged') recovery = recover(databasePath, state.damage, settings);
    if (state.kind === 'missing') recovery = restoreMissing(databasePath, settings);
    opened = openChecked(databasePath, settings);
    if (opened.kind === 'damaged' && recovery === undefined) {
      recovery = recover(databasePath, opened.damage, settings);
      opened = openChecked(databasePath, settings);
    }
  } catch (err) {
    lock?.release();
    return fail('cannot_open', `无法打开资料库：${describeFsError(err, databasePath, 'write').message}`);
  }
  if (opened.kind !== 'open') lock?.release();
  if (opened.kind === 'refused') return opened.result;
  if (opened.kind === 'damaged')
    return fail('damaged', `资料库文件损坏，且无法从备份恢复：请把文件夹 ${dirname(databasePath)} 交给技术人员检查`);

  // The program that edits the library while it runs: its first save need not start the log (a command's one save may).
  if (lock) startLogOrNot(opened.db);
  const library = new ReportLibrary(opened.db, lock ? { ...settings, onClose: () => lock.release() } : settings);
  return ok({ library, ...(recovery ? { recovery } : {}), ...(lock ? { lock } : {}) });
}

function startLogOrNot(db: Db): void {
  try {
    startLog(db);
  } catch {
    // A busy or failing disk: the first save starts the log, and says so if it fails too.
  }
}

/** The hold on the library; none where the lock file cannot be made (the library still opens: SQLite keeps each save whole). */
function claimOrNone(databasePath: string, holder: Holder, settings: LibrarySettings): ReturnType<typeof claimLibrary> | undefined {
  try {
    return claimLibrary(databasePath, holder, settings);
  } catch {
    return undefined;
  }
}

/**
 * The library another program holds, opened read-only in place: SQLite lets a
 * reader share a live file with its writer (no private copy, which could catch
 * the writer mid-save), so this window sees every save the other one makes.
 */
function openShared(path: string, holder: string, settings: LibrarySettings): Result<OpenedLibrary> {
  let db: Db | undefined;
  try {
    db = openSqlite(path, { ...settings, readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || version !== SCHEMA_VERSION) {
      db.close();
      return fail(
        'in_use',
        `资料库「${path}」正由 ${holder} 打开，且它的数据版本与本程序不同，无法同时查看：请先关闭那个程序，再打开本程序`,
      );
    }
    const readOnly = `资料库正由 ${holder} 打开并编辑，为免两处同时修改，本窗口已以只读方式打开：可以查看、校验和导出报告，不能修改。要修改，请到那个窗口操作，或关闭它后重新打开本程序`;
    return ok({ library: new ReportLibrary(db, { ...settings, backupAtStart: false, readOnly }), readOnly });
  } catch (err) {
    db?.close();
    return fail('cannot_open', `无法打开资料库：${describeFsError(err, path, 'read').message}`);
  }
}

interface ReadOnly {
  /** Why the file may not be written. */
  why: string;
  /** What to do to edit it again. */
  advice: string;
}

/** Why the library file may not be written, in words for its user; undefined when it may. */
function readOnlyReason(path: string): ReadOnly | undefined {
  if (writabilityOf(path) === 'read_only')
    return { why: `资料库文件「${path}」是只读的`, advice: '去掉文件的只读属性（或取得写入权限）后重新打开程序' };
  // SQLite writes its log beside the file: a folder that can't be written makes a read-only library too.
  if (writabilityOf(dirname(path)) === 'read_only')
    return {
      why: `资料库所在的文件夹 ${dirname(path)} 不能写入（只读的文件夹、光盘或写保护的 U 盘）`,
      advice: '把资料库文件复制到可以写入的文件夹后再打开',
    };
  return undefined;
}

/**
 * A private copy, opened read-only: the original and its folder stay exactly
 * as they are (SQLite would otherwise create its log files beside it, or fail
 * to open at all on a read-only disk). The copy goes when the library closes.
 */
function openReadOnly(path: string, damaged: boolean, { why, advice }: ReadOnly, settings: LibrarySettings): Result<OpenedLibrary> {
  const unrecoverable = () => fail('damaged', `资料库文件损坏，且${why}，无法自动从备份恢复：请把文件夹 ${dirname(path)} 交给技术人员检查`);
  if (damaged) return unrecoverable();
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-readonly-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let db: Db | undefined;
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    db = openSqlite(copy, { ...settings, readonly: true, fileMustExist: true });
    const refused =
      db.pragma('application_id', { simple: true }) !== APPLICATION_ID || !integrityOk(db)
        ? unrecoverable()
        : db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION
          ? fail('read_only', `资料库由旧版本的年报编制助手保存，须先升级才能打开，但${why}：请${advice}`)
          : undefined;
    if (refused) {
      db.close();
      remove();
      return refused;
    }
    const readOnly = `${why}，已以只读方式打开：可以查看、校验和导出报告，不能修改。要修改，请${advice}`;
    return ok({ library: new ReportLibrary(db, { ...settings, backupAtStart: false, readOnly, onClose: remove }), readOnly });
  } catch (err) {
    db?.close();
    remove();
    return isDamage(err) ? unrecoverable() : fail('cannot_open', `无法打开资料库：${describeFsError(err, path, 'read').message}`);
  }
}

function refuseNewer(path: string, version: number): Result<never> {
  return fail(
    'newer_version',
    `资料库「${path}」由更新版本的年报编制助手保存（数据版本 ${version}，本程序只认识到 ${SCHEMA_VERSION}）：请安装最新版本后再打开，文件未做任何改动`,
  );
}

/** Opens a file that looked plausible, and lets SQLite judge it: ours, readable, intact. */
function openChecked(path: string, options: LibrarySettings): Opened {
  if (!existsSync(path)) createEmpty(path, options);
  let db: Db;
  try {
    db = openSqlite(path, { ...options, fileMustExist: true });
  } catch (err) {
    return isDamage(err) ? { kind: 'damaged', damage: 'corrupt' } : { kind: 'refused', result: storageFailure(err, '打开资料库') };
  }
  try {
    // Read before any pragma that writes, so a file we refuse stays byte-identical.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      db.close();
      return { kind: 'refused', result: refuseNewer(path, version) };
    }
    const appId = db.pragma('application_id', { simple: true }) as number;
    const blank = appId === 0 && version === 0 && (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n === 0;
    if (appId !== APPLICATION_ID && !blank) {
      db.close();
      return { kind: 'damaged', damage: 'foreign' };
    }
    if (!integrityOk(db)) {
      db.close();
      return { kind: 'damaged', damage: 'corrupt' };
    }
    // WAL with synchronous=NORMAL: a commit is in the write-ahead log when the save returns, safe from the app or
    // the system's process dying; the log reaches the disk at the checkpoint a moment later (ReportLibrary's
    // syncDelayMs), so a power cut loses at most the saves of that last moment, never the file's consistency.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The library as this version found it, kept before its schema changes (the day's backup, if the day has none).
    if (version >= 1 && version < SCHEMA_VERSION) backupBeforeUpgrade(db, path, options);
    migrate(db);
    return { kind: 'open', db };
  } catch (err) {
    db.close();
    if (isDamage(err)) return { kind: 'damaged', damage: 'corrupt' };
    return { kind: 'refused', result: storageFailure(err, '打开并升级资料库') };
  }
}

function backupBeforeUpgrade(db: Db, path: string, settings: LibrarySettings): void {
  const made = createBackupNow(db, { databasePath: path, dir: settings.backupDir, at: settings.now(), kind: 'daily', options: settings });
  // The upgrade runs in one transaction either way; a backup that could not be made does not stop it.
  if (made.ok) pruneBackups(settings.backupDir, path, settings.retention);
}

/**
 * A new library is built under a temporary name and renamed into place, so a
 * crash while creating it never leaves a half-made file under the real name.
 */
function createEmpty(path: string, options: SqliteOptions): void {
  const temp = `${path}${CREATING}${process.pid}`;
  rmSync(temp, { force: true });
  const db = openSqlite(temp, options);
  try {
    migrate(db);
  } finally {
    db.close();
  }
  fsyncFile(temp);
  renameSync(temp, path);
  fsyncDir(dirname(path));
}

function removeUnfinishedCreation(path: string): void {
  const prefix = basename(path) + CREATING;
  for (const name of readdirSync(dirname(path))) if (name.startsWith(prefix)) rmSync(join(dirname(path), name), { force: true });
}

/** Renames the file and its write-ahead log aside; returns the new file name. */
function moveAside(path: string, at: Date): string {
  let aside = `${path}.damaged-${fileStamp(at)}`;
  for (let n = 2; existsSync(aside); n++) aside = `${path}.damaged-${fileStamp(at)}-${n}`;
  renameSync(path, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  fsyncDir(dirname(path));
  return basename(aside);
}

function putInPlace(backup: string, path: string): void {
  const temp = `${path}.restoring`;
  copyFileSync(backup, temp);
  fsyncFile(temp);
  renameSync(temp, path);
  fsyncDir(dirname(path));
}

function recover(path: string, damage: DamageKind, settings: LibrarySettings): string {
  const aside = moveAside(path, settings.now());
  const backup = newestGoodBackup(settings.backupDir, path, settings);
  if (!backup) return `${DAMAGE_DESCRIPTION[damage]}，已另存为「${aside}」；没有可用的备份，已新建一个空的资料库`;
  putInPlace(backup.path, path);
  return `${DAMAGE_DESCRIPTION[damage]}，已另存为「${aside}」，并从 ${localMinute(backup.takenAt)} 的备份恢复；此后所做的修改需要重新录入`;
}

/** The file is gone but backups remain (deleted by mistake, lost in a copy): bring the newest back. */
function restoreMissing(path: string, settings: LibrarySettings): string | undefined {
  if (listBackups(settings.backupDir, path).length === 0) return undefined;
  const backup = newestGoodBackup(settings.backupDir, path, settings);
  if (!backup) return undefined;
  // A write-ahead log without its database belongs to no file we could open.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}.orphan-${fileStamp(settings.now())}${suffix}`);
  }
  putInPlace(backup.path, path);
  return `未找到资料库文件，已从 ${localMinute(backup.takenAt)} 的备份恢复；此后所做的修改需要重新录入`;
}
