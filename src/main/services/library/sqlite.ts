// Opening SQLite files the one way the library does: with the caller's native
// binding (the Electron app passes its Electron-built better-sqlite3 binary).
import Database from 'better-sqlite3';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

export interface SqliteOptions {
  /** Path of a better-sqlite3 `.node` binary built for the running runtime. */
  nativeBinding?: string;
}

export function openSqlite(path: string, options: SqliteOptions & { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    // Another process (the CLI beside the app) may hold the write lock briefly.
    timeout: 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * Starts the write-ahead log now, so that the next save need not. The first
 * page written after the log is created (the first save after opening) or
 * restarted (the first after a checkpoint copied all of it) comes with a sync
 * of the log's header, and of the folder when the log is new: milliseconds of
 * disk that would otherwise fall inside that save. Writes page 1 unchanged
 * (the application id it holds already), which is a commit like any other.
 */
export function startLog(db: Db): void {
  db.pragma(`application_id = ${APPLICATION_ID}`);
}

export function integrityOk(db: Db): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]!.integrity_check === 'ok';
}

/** A complete copy of one of our libraries that this program can read: what a backup must be. */
export function isGoodLibraryFile(path: string, options: SqliteOptions): boolean {
  let db: Db | undefined;
  try {
    db = openSqlite(path, { ...options, readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    return appId === APPLICATION_ID && version >= 1 && version <= SCHEMA_VERSION && integrityOk(db);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
