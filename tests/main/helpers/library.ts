// Real libraries on real temporary files for the library tests, with a clock
// the test moves by hand (revisions and backups depend on time; no test waits).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportJson } from '../../../src/shared/model/report-json';
import type { Report } from '../../../src/shared/model/report';
import { openLibrary, type OpenOptions, type ReportLibrary } from '../../../src/main/services/library';

export const SEED_PATH = join(__dirname, '..', '..', 'fixtures', 'seed-2022.json');

export function seedReport(): Report {
  const read = readReportJson(JSON.parse(readFileSync(SEED_PATH, 'utf8')));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

export class ManualClock {
  constructor(public current = new Date('2026-11-26T02:00:00Z')) {}
  readonly now = (): Date => new Date(this.current);
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TempDir {
  dir: string;
  dbPath: string;
  remove(): void;
}

export function tempDir(prefix = 'nianbao-library-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'library.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens (and fails the test loudly if it can't) a library whose opening backup has finished. */
export async function open(dbPath: string, options: OpenOptions = {}): Promise<{ library: ReportLibrary; recovery?: string }> {
  const opened = openLibrary(dbPath, options);
  if (!opened.ok) throw new Error(`openLibrary failed: ${opened.error.message}`);
  await opened.value.library.openingBackup;
  return opened.value;
}

/** The value of a Result, or a thrown error naming the Chinese message (so a failing test says why). */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
