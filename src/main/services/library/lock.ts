// Who is editing a library: the desktop app or a `nianbao serve` holds it for
// as long as it runs, so a second one opens it read-only and says who has it.
// The hold is an EXCLUSIVE transaction on a small SQLite file beside the
// library (`library.db.lock`): the operating system drops it when the process
// ends, however it ends (kill -9, a power cut), so a dead holder never leaves
// a stale lock to take over. Beside it, `library.db.lock.json` names the
// holder (program, process, port) for the message; it is only ever read for
// words, never to decide.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { openSqlite, type Db, type SqliteOptions } from './sqlite';
import { localMinute } from '../../../shared/model/dates';

export interface Holder {
  /** The program holding the library, in words ("nianbao serve", "年报编制助手"). */
  program: string;
  /** The port it serves on, once it listens. */
  port?: number;
}

interface HolderRecord extends Holder {
  pid: number;
  host: string;
  since: string;
}

export interface LibraryLock {
  /** Adds what became known after opening (the port a server listens on). */
  note(update: Partial<Holder>): void;
  release(): void;
}

export type Claim = { held: true; lock: LibraryLock } | { held: false; by: string };

const lockPath = (databasePath: string) => `${databasePath}.lock`;
const recordPath = (databasePath: string) => `${databasePath}.lock.json`;

/** Holds the library for this process, or says (in words) who holds it now. */
export function claimLibrary(databasePath: string, holder: Holder, options: SqliteOptions = {}): Claim {
  const db = openSqlite(lockPath(databasePath), options);
  try {
    // Not the library's five seconds of patience: a holder keeps its lock for hours.
    db.pragma('busy_timeout = 0');
    // Nothing is ever written in the transaction: no journal file beside the library.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return { held: false, by: describeHolder(databasePath) };
    throw err;
  }
  let record: HolderRecord = { ...holder, pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeRecord(databasePath, record);
  let released = false;
  return {
    held: true,
    lock: {
      note(update) {
        record = { ...record, ...update };
        if (!released) writeRecord(databasePath, record);
      },
      release() {
        if (released) return;
        released = true;
        rmSync(recordPath(databasePath), { force: true });
        release(db);
      },
    },
  };
}

function release(db: Db): void {
  try {
    db.exec('ROLLBACK');
  } finally {
    db.close();
  }
}

/** Written whole under a temporary name, then renamed: a reader never sees half a record. */
function writeRecord(databasePath: string, record: HolderRecord): void {
  const temp = `${recordPath(databasePath)}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(record));
    renameSync(temp, recordPath(databasePath));
  } catch {
    // The record is for the message only: the lock itself holds without it.
    rmSync(temp, { force: true });
  }
}

/** 「nianbao serve（进程 1234，端口 5173，自 12月6日 08:30 起）」, or as much as the record says. */
function describeHolder(databasePath: string): string {
  let record: Partial<HolderRecord> = {};
  try {
    record = JSON.parse(readFileSync(recordPath(databasePath), 'utf8')) as Partial<HolderRecord>;
  } catch {
    // Not written yet, or removed: the lock alone says someone holds it.
  }
  const details = [
    typeof record.pid === 'number' ? `进程 ${record.pid}` : undefined,
    record.host && record.host !== hostname() ? `计算机 ${record.host}` : undefined,
    typeof record.port === 'number' ? `端口 ${record.port}` : undefined,
    record.since ? `自 ${localMinute(new Date(record.since))} 起` : undefined,
  ].filter(Boolean);
  const program = typeof record.program === 'string' ? record.program : '另一个年报编制助手';
  return details.length > 0 ? `${program}（${details.join('，')}）` : program;
}
