// The report library's operations. Each user action is one transaction, so a
// crash or a full disk leaves the library as it was before the action or as
// it is after, never in between. Every method returns a Result; nothing is
// thrown to the caller.
import { fail, ok, type Result } from '../../../shared/api/result';
import type { CellKey } from '../../../shared/model/cells';
import { blankReport, markUnread, setCells, type CellValue, type Report } from '../../../shared/model/report';
import { cellEntries } from '../../../shared/model/cells';
import { nextYearReport } from '../../../shared/rules/carried';
import { validate } from '../../../shared/rules/engine';
import { blockingFindings, notFinalReason } from '../../../shared/rules/explanations';
import { fixAll, type AppliedFix } from '../../../shared/rules/fix-all';
import {
  createBackup,
  createBackupNow,
  listBackups,
  openSnapshotReader,
  pruneBackups,
  startSnapshotBackup,
  type BackupFile,
  type RetentionPolicy,
} from './backups';
import { storageFailure } from './errors';
import {
  AUTHOR_STATUSES,
  type AuthorStatus,
  type EditPatch,
  type ReportSummary,
  type RevisionReason,
  type RevisionSummary,
} from '../../../shared/api/contract';
import type { FormatId } from '../../../shared/formats';
import { importedStatus, isLocked, lockedMessage } from '../../../shared/model/status';
import { levelSchema, type Identity } from '../../../shared/model/identity';
import { LEVELS, type Level, type NarrativeId } from '../../../shared/template/gov2021';
import { checkMeta, checkPatch, checkReport } from './input';
import { startLog, type Db, type SqliteOptions } from './sqlite';
import { Rounds } from './rounds';
import { ReportStore, type StoredReport } from './report-sql';
import { localToday } from '../../../shared/model/dates';
import { isoTime } from './time';
import { ReportList, sortByAgencyThenYear } from './list-cache';

export interface LibrarySettings extends SqliteOptions {
  databasePath: string;
  backupDir: string;
  retention: RetentionPolicy;
  /** Take a backup at opening: the app's starts do, a command-line read does not. */
  backupAtStart: boolean;
  /** Set when the file can only be read: the sentence saying why editing is off. */
  readOnly?: string;
  /** Called once the library is closed (a read-only library's private copy goes). */
  onClose?: () => void;
  /** Minutes of editing between two revision snapshots. */
  revisionMinutes: number;
  /**
   * Milliseconds from a save to the checkpoint that syncs it to disk. A save
   * is durable against the app or the system's process dying when it returns
   * (WAL, synchronous=NORMAL: no fsync per save); against a power cut once
   * this checkpoint has run, at most this long after the save.
   */
  syncDelayMs: number;
  now: () => Date;
}

/** Last year's report: by id, or by its body and year. */
export type PreviousRef = number | { agency: string; year: number };

export interface ListOptions {
  /** Words that must each appear in the agency or the year. */
  search?: string;
  /** Reports in the recycle bin as well as the others. */
  includeDeleted?: boolean;
}

export class ReportLibrary {
  private readonly store: ReportStore;
  /** The rounds of collection (一轮收集) and their rosters: rounds.ts, on this library's transactions. */
  readonly rounds: Rounds;
  private readonly listed: ReportList;
  private closed = false;
  /** The checkpoint that will sync the saves made since the last one, once due. */
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  /** The local day whose backup is already taken (or not needed): later changes that day take none. */
  private backedUpDay: string | undefined;
  /**
   * Made ready ahead of the day's first change (at opening, then after each
   * day's backup), so that change only takes its snapshot: the connection the
   * snapshot is read from (undefined while a copy holds it), and the days the
   * backup folder holds a daily backup of, with the data_version they were
   * listed at (another program takes its day's backup just before it commits:
   * once data_version moves, the folder is listed again).
   */
  private snapshotReader: Db | undefined;
  private daysBackedUp: { days: ReadonlySet<string>; version: number } | undefined;
  /**
   * The backup of the app's start, running in the background (resolves at
   * once with null when the library was opened without one). Await it before
   * closing; closing earlier abandons it.
   */
  readonly openingBackup: Promise<Result<BackupFile | null>>;
  /**
   * The day's backup, once the day's first change has started it: it holds the
   * library as the day found it and is copied in the background (see
   * startSnapshotBackup). Undefined until then.
   */
  dailyBackup: Promise<Result<BackupFile | null>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly settings: LibrarySettings,
  ) {
    this.store = new ReportStore(db);
    this.rounds = new Rounds(db, {
      run: (doing, action) => this.run(doing, action),
      write: (doing, action) => this.write(doing, action),
      now: () => this.now(),
      insert: (report) => this.inserted(report),
      findSum: (agency, year) => {
        const found = this.store.find(agency, year, 'sum');
        return found && this.store.load(found.id)?.report;
      },
      reportsOfYear: (year) =>
        this.store
          .summaries(String(year), false)
          .filter((r) => r.year === year && r.kind === 'report')
          .map((r) => ({ agency: r.agency, load: () => this.store.load(r.id)?.report })),
    });
    this.listed = new ReportList(this.store, () => this.dataVersion());
    this.openingBackup = settings.backupAtStart ? this.backupAtStart() : Promise.resolve(ok(null));
    if (!settings.readOnly) this.readyForDailyBackup();
  }

  // ---- reading --------------------------------------------------------------

  list(options: ListOptions = {}): Result<ReportSummary[]> {
    const search = options.search?.trim() ?? '';
    return this.run('读取报告列表', () =>
      ok(search ? sortByAgencyThenYear(this.store.summaries(search, !!options.includeDeleted)) : this.listed.all(!!options.includeDeleted)),
    );
  }

  get(id: number): Result<StoredReport> {
    return this.run('打开报告', () => this.existing(id));
  }

  findReport(agency: string, year: number): Result<ReportSummary | null> {
    return this.run('查找报告', () => ok(this.store.find(agency.trim(), year) ?? null));
  }

  /** The same body's report for year − 1 (not in the recycle bin), if the library has it. */
  previousOf(id: number): Result<StoredReport | null> {
    return this.run('查找上年报告', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      return ok(this.previousReport(current.value));
    });
  }

  // ---- creating -------------------------------------------------------------

  create(meta: Identity): Result<StoredReport> {
    const checked = checkMeta(meta);
    if (!checked.ok) return checked;
    const { signature, date, ...names } = checked.value;
    const report: Report = {
      ...blankReport(names),
      ...(signature !== undefined ? { signature } : {}),
      ...(date !== undefined ? { date } : {}),
    };
    return this.write('新建报告', () => this.inserted(report));
  }

  /** Stores a whole report (an import) as a new report: 已发布 when `source` is the published document of a past year, else a draft. */
  add(report: Report, source?: FormatId): Result<StoredReport> {
    const checked = checkReport(report);
    if (!checked.ok) return checked;
    return this.write('保存导入的报告', () => this.inserted(checked.value, source));
  }

  /**
   * Next year's report from last year's: narratives as a starting point,
   * 上年结转 from last year's 结转下年度, 现行有效件数 carried; the rest blank.
   * `previous` is last year's report: by id, or by its body and year. A
   * `level` given wins over last year's (the author's choice), in the same
   * transaction: the new report never exists with the wrong level.
   */
  createFromPrevious(previous: PreviousRef, options: { level?: Level } = {}): Result<StoredReport> {
    const level = options.level === undefined ? undefined : levelSchema.safeParse(options.level);
    if (level && !level.success) return fail('invalid_input', `无法新建报告：机关层级应为${LEVELS.join('、')}之一`);
    return this.write('以上年报告为底稿新建', () => {
      const found = this.resolvePrevious(previous);
      if (!found.ok) return found;
      const next = nextYearReport(found.value.report);
      return this.inserted(level ? { ...next, level: level.data } : next);
    });
  }

  /**
   * 开始今年的报告, one transaction: last year's report (in the library, or
   * read from a file and stored now; none for a body's first report here),
   * this year's from it with the body, year and level the author confirmed,
   * this year's figures (a workbook) and this year's text (the draft: its
   * sections, preamble, 落款 and 成文日期) on top.
   */
  startYear(input: {
    previous?: PreviousRef | Report;
    /** The format of the file `previous` was read from, when it is a report read now. */
    source?: FormatId;
    meta: { agency: string; year: number; level: string };
    cells: Partial<Record<CellKey, CellValue>>;
    /** This year's text from the draft; a section not given keeps last year's as a starting point. */
    narratives?: Partial<Record<NarrativeId, string>>;
    closing?: { preamble?: string; signature?: string; date?: string };
    /** Cells this year's files did not give, with the reason: unknown in the new report, never 0 (no 全部修正 fills them). */
    unread?: Partial<Record<CellKey, string>>;
    /** Apply every unambiguous quick fix (全部修正) to the new report before it is stored. */
    fixAll?: boolean;
  }): Result<{ stored: StoredReport; fixed: readonly AppliedFix[] }> {
    const meta = checkMeta(input.meta);
    if (!meta.ok) return meta;
    const patch = checkPatch({ cells: input.cells, unread: input.unread, narratives: input.narratives, meta: input.closing });
    if (!patch.ok) return patch;
    const given = typeof input.previous === 'object' && 'format' in input.previous ? checkReport(input.previous) : undefined;
    if (given && !given.ok) return given;
    return this.write('开始今年的报告', () => {
      const found = given
        ? this.inserted(given.value, input.source)
        : input.previous === undefined
          ? ok(null)
          : this.resolvePrevious(input.previous);
      if (!found.ok) return found;
      const last = found.value?.report;
      const { cells, unread, narratives, meta: closing } = patch.value;
      const start = last ? { ...nextYearReport(last), ...meta.value } : blankReport(meta.value);
      const next: Report = {
        ...markUnread(setCells(start, cellEntries(cells ?? {})), cellEntries(unread ?? {})),
        narratives: { ...start.narratives, ...Object.fromEntries(Object.entries(narratives ?? {}).filter(([, t]) => t !== undefined)) },
        ...(closing?.preamble ? { preamble: closing.preamble } : {}),
        ...(closing?.signature ? { signature: closing.signature } : {}),
        ...(closing?.date ? { date: closing.date } : {}),
      };
      // Judged against last year's report when it stays last year's (same body, the year before).
      const previous = last && last.agency === next.agency && last.year === next.year - 1 ? last : null;
      const fixed = input.fixAll ? fixAll(next, { previous }) : { report: next, applied: [] };
      const stored = this.inserted(fixed.report);
      return stored.ok ? ok({ stored: stored.value, fixed: fixed.applied }) : stored;
    });
  }

  duplicate(id: number): Result<StoredReport> {
    return this.write('复制报告', () => {
      const source = this.existing(id);
      if (!source.ok) return source;
      return this.inserted(source.value.report);
    });
  }

  // ---- editing --------------------------------------------------------------

  /**
   * One user action's changes, in one transaction. `revision`: the report's
   * revision the change was made on (what the last open or save answered);
   * when another window saved since, the change is refused, never written
   * over the other's. `keepBefore` keeps the report as it stood as a version
   * first (an import: its changes and the version before them land together
   * or not at all); otherwise a version is kept when the last is N minutes old.
   */
  applyEdit(id: number, patch: EditPatch, options: { revision?: number; keepBefore?: RevisionReason } = {}): Result<ReportSummary> {
    const checked = checkPatch(patch);
    if (!checked.ok) return checked;
    const { cells, unread, narratives, explanations, meta } = checked.value;
    return this.write('保存修改', () => {
      const editable = this.editable(id);
      if (!editable.ok) return editable;
      if (options.revision !== undefined && editable.value.revision !== options.revision)
        return fail(
          'conflict',
          '这份报告已在别处（另一个窗口或浏览器标签页）修改并保存过，本次修改未保存：请重新载入报告，看过别处的修改后再改',
        );
      const at = this.now();
      if (options.keepBefore) this.snapshot(id, options.keepBefore, at);
      else if (this.revisionDue(id, at)) this.snapshot(id, 'edit', at);
      if (cells) this.store.setCells(id, cellEntries(cells));
      if (unread) this.store.setUnread(id, cellEntries(unread));
      if (narratives) this.store.setNarratives(id, narratives);
      if (explanations) this.store.setExplanations(id, Object.entries(explanations));
      if (meta) this.store.setMeta(id, meta);
      this.store.touchUpdated(id, isoTime(at));
      return ok(this.store.summary(id)!);
    });
  }

  /** Replaces the whole content (an import over an open report); the state before is kept as a revision. */
  replace(id: number, report: Report): Result<ReportSummary> {
    const checked = checkReport(report);
    if (!checked.ok) return checked;
    return this.write('替换报告内容', () => {
      const editable = this.editable(id);
      if (!editable.ok) return editable;
      this.overwrite(id, checked.value, 'replace');
      return ok(this.store.summary(id)!);
    });
  }

  /**
   * 定稿 only when no error and no warning without a 核实说明 remains, judged
   * against the same body's previous year in the library. Every change of
   * status is kept as a revision.
   */
  setStatus(id: number, status: AuthorStatus): Result<ReportSummary> {
    if (!(AUTHOR_STATUSES as readonly string[]).includes(status))
      return fail('invalid_input', `状态只能是${AUTHOR_STATUSES.map((s) => `“${s}”`).join('或')}`);
    return this.write('更改报告状态', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      const stored = current.value;
      if (stored.deletedAt) return inRecycleBin();
      if (stored.status === status) return ok(stored);
      if (status === '定稿') {
        const findings = validate(stored.report, { previous: this.previousReport(stored)?.report ?? null });
        const blocking = blockingFindings(findings, stored.report.explanations);
        if (blocking.length > 0) {
          return fail('not_final', `${notFinalReason(blocking)}，不能定稿：请修改错误，并为需核实项填写核实说明后再定稿`);
        }
      }
      const at = this.now();
      this.store.setStatus(id, status, isoTime(at));
      this.snapshot(id, 'status', at);
      return ok(this.store.summary(id)!);
    });
  }

  // ---- recycle bin ----------------------------------------------------------

  remove(id: number): Result<ReportSummary> {
    return this.write('移到回收站', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      if (!current.value.deletedAt) this.store.setDeleted(id, isoTime(this.now()));
      return ok(this.store.summary(id)!);
    });
  }

  restore(id: number): Result<ReportSummary> {
    return this.write('从回收站恢复', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      this.store.setDeleted(id, null);
      return ok(this.store.summary(id)!);
    });
  }

  /** Deletes for good; only what is already in the recycle bin, so nothing goes by one slip. */
  purge(id: number): Result<void> {
    return this.write('彻底删除', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      if (!current.value.deletedAt) return fail('not_in_recycle_bin', '只能彻底删除回收站中的报告：请先把报告移到回收站');
      this.store.purge(id);
      return ok(undefined);
    });
  }

  // ---- revisions ------------------------------------------------------------

  listRevisions(id: number): Result<RevisionSummary[]> {
    return this.run('读取历史版本', () => {
      const current = this.existing(id);
      if (!current.ok) return current;
      return ok(this.store.revisions(id));
    });
  }

  getRevision(id: number, revisionId: number): Result<Report> {
    return this.run('读取历史版本', () => this.revisionReport(id, revisionId));
  }

  /** Brings back an earlier version; the current one is kept as a revision first. */
  restoreRevision(id: number, revisionId: number): Result<StoredReport> {
    return this.write('恢复历史版本', () => {
      const editable = this.editable(id);
      if (!editable.ok) return editable;
      const earlier = this.revisionReport(id, revisionId);
      if (!earlier.ok) return earlier;
      this.overwrite(id, earlier.value, 'restore');
      return ok(this.store.load(id)!);
    });
  }

  // ---- backups --------------------------------------------------------------

  /**
   * The day's backup, when this day (local time) has none yet: taken before
   * the day's first change, so it holds the library as the day found it.
   * Every write calls it; after the first of the day it costs nothing.
   */
  backupToday(now: Date = this.now()): Result<BackupFile | null> {
    if (this.closed) return closedLibrary();
    const day = localToday(now);
    if (this.settings.readOnly || this.backedUpDay === day) return ok(null);
    // Nothing to keep yet (a new library): the day's next change, once there is something, takes it.
    if (this.store.isEmpty()) return ok(null);
    const { backupDir, databasePath } = this.settings;
    // Tried once a day: a folder that refuses backups must not make every save slow.
    this.backedUpDay = day;
    const taken = listBackups(backupDir, databasePath).some((b) => b.kind === 'daily' && localToday(b.takenAt) === day);
    if (taken) return ok(null);
    return this.kept(createBackupNow(this.db, { databasePath, dir: backupDir, at: now, kind: 'daily', options: this.settings }));
  }

  /**
   * Starts the day's backup when this day (local time) has none yet, from a
   * snapshot taken before the change about to be written: the change does not
   * wait for the copy, and the copy never holds it. After the day's first
   * change it costs nothing.
   */
  private startDailyBackup(now: Date = this.now()): void {
    const day = localToday(now);
    if (this.settings.readOnly || this.backedUpDay === day) return;
    const { backupDir, databasePath } = this.settings;
    // Tried once a day: a folder that refuses backups must not make every save slow.
    this.backedUpDay = day;
    if (this.daysBackedUp?.version !== this.dataVersion()) this.listDaysBackedUp();
    if (this.daysBackedUp?.days.has(day)) return;
    const reader = this.snapshotReader ?? openSnapshotReader(databasePath, this.settings);
    this.snapshotReader = undefined;
    const copying = startSnapshotBackup(reader, { databasePath, dir: backupDir, at: now, kind: 'daily', options: this.settings });
    if (!copying) {
      // Nothing to keep yet (a new library): the day's next change, once there is something, takes it.
      this.backedUpDay = undefined;
      this.snapshotReader = reader;
      return;
    }
    this.dailyBackup = copying.then((made) => {
      const kept = this.kept(made);
      this.readyForDailyBackup(reader);
      return kept;
    });
  }

  /**
   * Opens the snapshot's connection (or keeps `finished`, the one a copy is
   * done with) and lists the days backed up, ahead of the next day's first
   * change. A connection that cannot be opened now is tried again then.
   */
  private readyForDailyBackup(finished?: Db): void {
    const wanted = !this.closed && !this.snapshotReader;
    // Not one left in its transaction: its copy failed half-way, and so did ending it.
    const reused = wanted && finished && !finished.inTransaction ? finished : undefined;
    if (finished && !reused) finished.close();
    if (!wanted) return;
    this.listDaysBackedUp();
    try {
      this.snapshotReader = reused ?? openSnapshotReader(this.settings.databasePath, this.settings);
    } catch {
      // The day's first change opens it, and says so if it still fails.
    }
  }

  private listDaysBackedUp(): void {
    const version = this.dataVersion();
    const days = new Set(this.listBackups().flatMap((b) => (b.kind === 'daily' ? [localToday(b.takenAt)] : [])));
    this.daysBackedUp = { days, version };
  }

  /** Moves when another connection (another program) commits to the file; never for this library's own commits. */
  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Resolves once the backups under way (the start's, the day's) are finished: wait for it before closing. */
  async backupsDone(): Promise<void> {
    await this.openingBackup;
    await this.dailyBackup;
  }

  private async backupAtStart(): Promise<Result<BackupFile | null>> {
    if (this.store.isEmpty()) return ok(null);
    const { backupDir, databasePath } = this.settings;
    const made = await createBackup(this.db, { databasePath, dir: backupDir, at: this.now(), kind: 'start', options: this.settings });
    if (this.closed && !made.ok) return fail('closed', '资料库在备份完成前已关闭，本次备份未完成：下次打开时会重新备份');
    return this.kept(made);
  }

  /** After a new backup: the ones the retention policy no longer keeps go. */
  private kept(made: Result<BackupFile>): Result<BackupFile> {
    if (made.ok) pruneBackups(this.settings.backupDir, this.settings.databasePath, this.settings.retention);
    return made;
  }

  /** Why the library can only be read, when it can; undefined when it can be edited. */
  get readOnly(): string | undefined {
    return this.settings.readOnly;
  }

  listBackups(): BackupFile[] {
    return listBackups(this.settings.backupDir, this.settings.databasePath);
  }

  close(): void {
    if (this.closed) return;
    // Another process may keep the file open, so SQLite's checkpoint at the last close may not run here.
    this.syncSaves(true);
    this.closed = true;
    // A copy under way keeps its connection and closes it when done (readyForDailyBackup).
    this.snapshotReader?.close();
    this.snapshotReader = undefined;
    this.db.close();
    this.settings.onClose?.();
  }

  // ---- durability -----------------------------------------------------------

  /**
   * Syncs the saves made since the last checkpoint: SQLite fsyncs the log,
   * copies it into the file and fsyncs that. Runs a fixed delay after the
   * first save not yet synced (not after the last, so steady typing cannot put
   * it off); where a reader's snapshot (a backup being copied) holds part of
   * the log back, it is tried again after the same delay. Once all of the log
   * is copied, the log is started again here (`startLog`), not in the next save.
   */
  syncSaves(closing = false): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (this.closed || this.settings.readOnly) return;
    try {
      const [result] = this.db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      if (result && result.checkpointed < result.log) this.syncSoon();
      else if (!closing) startLog(this.db);
    } catch {
      // A busy or failing disk: the next save tries again, and the saves are in the log meanwhile.
    }
  }

  private syncSoon(): void {
    if (this.syncTimer || this.closed) return;
    this.syncTimer = setTimeout(() => this.syncSaves(), this.settings.syncDelayMs);
    // A command that saves once and exits does not wait for it: close() syncs.
    this.syncTimer.unref?.();
  }

  // ---- helpers --------------------------------------------------------------

  private now(): Date {
    return this.settings.now();
  }

  private run<T>(doing: string, action: () => Result<T>): Result<T> {
    if (this.closed) return closedLibrary();
    try {
      return action();
    } catch (err) {
      return storageFailure(err, doing);
    }
  }

  /** One transaction; a failed Result rolls it back as surely as an exception. */
  private write<T>(doing: string, action: () => Result<T>): Result<T> {
    if (this.settings.readOnly) return fail('read_only', `${doing}未完成：${this.settings.readOnly}`);
    return this.run(doing, () => {
      // The day's backup starts from a snapshot taken before the transaction; a failed one does not stop the change.
      try {
        this.startDailyBackup();
      } catch {
        // Only a busy or failing disk gets here, and the change itself will say so if it fails too.
      }
      let result: Result<T> | undefined;
      try {
        this.db
          .transaction(() => {
            result = action();
            if (!result.ok) throw new Refused();
          })
          .immediate();
      } catch (err) {
        if (!(err instanceof Refused)) throw err;
      }
      if (result?.ok) {
        this.syncSoon();
        this.listed.wrote();
      }
      return result!;
    });
  }

  private existing(id: number): Result<StoredReport> {
    const stored = Number.isSafeInteger(id) ? this.store.load(id) : undefined;
    return stored ? ok(stored) : fail('not_found', `资料库中没有编号为 ${id} 的报告：它可能已被彻底删除，请刷新报告列表`);
  }

  private editable(id: number): Result<ReportSummary> {
    const summary = Number.isSafeInteger(id) ? this.store.summary(id) : undefined;
    if (!summary) return fail('not_found', `资料库中没有编号为 ${id} 的报告：它可能已被彻底删除，请刷新报告列表`);
    if (summary.deletedAt) return inRecycleBin();
    if (isLocked(summary.status)) return fail('final', lockedMessage(summary.status));
    return ok(summary);
  }

  private inserted(report: Report, source?: FormatId): Result<StoredReport> {
    const at = this.now();
    const id = this.store.insert(report, importedStatus(source, report.year, at), isoTime(at));
    return ok(this.store.load(id)!);
  }

  /** Last year's report of the same kind: a 汇总 is checked against last year's 汇总, a body's report against its own. */
  private previousReport(current: ReportSummary): StoredReport | null {
    const previous = this.store.find(current.agency, current.year - 1, current.kind);
    return previous ? this.store.load(previous.id)! : null;
  }

  private resolvePrevious(ref: PreviousRef): Result<StoredReport> {
    if (typeof ref === 'number') {
      const found = this.existing(ref);
      if (found.ok && found.value.deletedAt) return inRecycleBin();
      return found;
    }
    const agency = String(ref?.agency ?? '').trim();
    const year = Number(ref?.year);
    const summary = this.store.find(agency, year);
    if (!summary) return fail('no_previous', `资料库中没有「${agency}」${year}年的报告，无法以它为底稿：请先导入或新建${year}年的报告`);
    return ok(this.store.load(summary.id)!);
  }

  private revisionDue(id: number, at: Date): boolean {
    const last = this.store.lastRevisionAt(id);
    return !last || at.getTime() - new Date(last).getTime() >= this.settings.revisionMinutes * 60_000;
  }

  /** Keeps the content as it stands as a revision (`reason`), then writes `report` over it. */
  private overwrite(id: number, report: Report, reason: RevisionReason): void {
    const at = this.now();
    this.snapshot(id, reason, at);
    this.store.writeContent(id, report);
    this.store.touchUpdated(id, isoTime(at));
  }

  private snapshot(id: number, reason: RevisionReason, at: Date): void {
    this.store.addRevision(id, reason, this.store.load(id)!, isoTime(at));
  }

  private revisionReport(id: number, revisionId: number): Result<Report> {
    const snapshot = this.store.revisionSnapshot(id, revisionId);
    if (snapshot === undefined) return fail('no_revision', `找不到这个历史版本（编号 ${revisionId}）：请刷新历史版本列表`);
    // Not readReportJson: it would turn a cell's text "12" into the number 12.
    return checkReport(JSON.parse(snapshot));
  }
}

class Refused extends Error {}

function inRecycleBin<T>(): Result<T> {
  return fail('in_recycle_bin', '报告在回收站中：请先从回收站恢复，再进行操作');
}

function closedLibrary<T>(): Result<T> {
  return fail('closed', '资料库已关闭：请重新打开程序');
}
