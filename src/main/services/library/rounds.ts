// The rounds of collection in the library (一轮收集, one per year): the roster
// of bodies a 政务公开办 expects a report from, and what happened to each — a
// report received (kept as its JSON, as it arrived), returned with the
// problems sent back, accepted with the reviewer's note. Statuses, deadlines,
// reviews and rechecks are derived from these by the shared round code, never
// stored beside them. Each action is one transaction of the library; the
// reports themselves stay out of the library's list until the reviewer opens
// a copy or sums them into a 汇总.
import { MAX_ROSTER } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import { isCellKey } from '../../../shared/model/cells';
import type { Report } from '../../../shared/model/report';
import { reportToJson } from '../../../shared/model/report-json';
import {
  nameFromFile,
  errorsLeftOut,
  nameMatcher,
  sumReports,
  tableErrors,
  type LeftOut,
  type ReviewedReport,
  type RosterEntry,
  type Recheck,
} from '../../../shared/review';
import {
  problemsSent,
  reviewRound,
  ROUND_EVENT_KINDS,
  type RoundBodyData,
  type RoundData,
  type RoundEvent,
  type RoundEventKind,
  type RoundSummary,
  type RoundView,
  type ReceiveOutcome,
} from '../../../shared/review/round';
import type { EarlierProblem } from '../../../shared/review';
import { validate } from '../../../shared/rules/engine';
import { isReportYear, YEAR_MESSAGE } from '../../../shared/model/identity';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { checkReport } from './input';
import type { Db } from './sqlite';
import type { StoredReport } from './report-sql';
import { localToday } from '../../../shared/model/dates';
import { isoTime } from './time';

/** What the library lends its rounds: its transactions, its clock, and its reports. */
export interface RoundHost {
  run<T>(doing: string, action: () => Result<T>): Result<T>;
  write<T>(doing: string, action: () => Result<T>): Result<T>;
  now(): Date;
  /** Stores a report (a 汇总, a copy to edit) as a new report of the library, within the current transaction. */
  insert(report: Report): Result<StoredReport>;
  /** The library's 汇总 of `agency` for `year`, if it holds one. */
  findSum(agency: string, year: number): Report | undefined;
  /** The library's own reports of a year (a body's last-year report where no earlier round has it). */
  reportsOfYear(year: number): { agency: string; load: () => Report | undefined }[];
}

/** A file that arrived: what it was read as. */
export type Arrival = { fileName: string; report: Report } | { fileName: string; error: string };

/** A body's review and recheck, as the 问题清单 writers need them. */
export interface LetterInput {
  bodyId: number;
  reviewed: ReviewedReport;
  recheck?: Recheck;
}

export interface RoundSumOptions {
  agency: string;
  level: Level;
  bodyIds: readonly number[];
  includeErrors: boolean;
}

export interface RoundSum {
  stored: StoredReport;
  notices: string[];
  excluded: LeftOut[];
}

interface RoundRow {
  id: number;
  year: number;
  region: string;
  created_at: string;
}

interface BodyRow {
  id: number;
  name: string;
  level: Level;
  unlisted: number;
}

interface EventRow {
  id: number;
  body_id: number;
  at: string;
  kind: RoundEventKind;
  file_name: string | null;
  report: string | null;
  problems: string | null;
  note: string | null;
}

const PREVIOUS_NOTE = '上年的报告，用作对照';

const notFound = (year: number) => fail('no_round', `还没有 ${year} 年度的收集：请先新建这一轮收集`);

/** A report as a round event keeps it, read back as it was (a cell's text stays text). */
function storedReport(json: string): Report | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const { unread, ...rest } = (raw ?? {}) as { unread?: unknown };
  const checked = checkReport(rest);
  if (!checked.ok) return undefined;
  // What the file did not give stays unknown (never 0), as it arrived.
  const kept =
    unread && typeof unread === 'object'
      ? Object.fromEntries(Object.entries(unread).filter(([k, v]) => isCellKey(k) && typeof v === 'string'))
      : {};
  return Object.keys(kept).length > 0 ? { ...checked.value, unread: kept } : checked.value;
}

function problemsOf(json: string | null): EarlierProblem[] | undefined {
  if (json === null) return undefined;
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as EarlierProblem[]) : undefined;
  } catch {
    return undefined;
  }
}

export class Rounds {
  constructor(
    private readonly db: Db,
    private readonly host: RoundHost,
  ) {}

  // ---- reading --------------------------------------------------------------

  list(): Result<RoundSummary[]> {
    return this.host.run('读取收集轮次', () =>
      ok(
        this.db
          .prepare<[], RoundRow>('SELECT id, year, region, created_at FROM rounds ORDER BY year DESC')
          .all()
          .map((r) => this.summaryOf(r)),
      ),
    );
  }

  /** The round of a year as the page shows it. */
  view(year: number): Result<RoundView> {
    return this.host.run('打开收集', () => {
      const data = this.data(year);
      return data ? ok(this.reviewed(data).view) : notFound(year);
    });
  }

  /** Each chosen body's review and recheck (the 问题清单 of a 退回 or a print). */
  letters(year: number, bodyIds: readonly number[]): Result<LetterInput[]> {
    return this.host.run('准备问题清单', () => {
      const data = this.data(year);
      if (!data) return notFound(year);
      const { view, reviewed } = this.reviewed(data);
      const out: LetterInput[] = [];
      for (const id of bodyIds) {
        const body = view.bodies.find((b) => b.id === id);
        const r = reviewed.get(id);
        if (!body) return fail('no_body', '名单中没有这个单位：请刷新后重试');
        if (!r) return fail('not_received', `${body.name} 还没有报送报告，没有问题清单可以退回`);
        out.push({ bodyId: id, reviewed: r, ...(body.recheck ? { recheck: body.recheck } : {}) });
      }
      return ok(out);
    });
  }

  /** The whole round reviewed, for the 问题清单 workbook: each body's review with its report, its recheck. */
  reviewedRound(year: number): Result<{ view: RoundView; reviewed: ReadonlyMap<number, ReviewedReport> }> {
    return this.host.run('审核收集', () => {
      const data = this.data(year);
      return data ? ok(this.reviewed(data)) : notFound(year);
    });
  }

  // ---- the roster -------------------------------------------------------------

  /** A new round for `year`: its roster given, or carried from last year's round (its bodies and their levels). */
  create(input: { year: number; region: string; roster: readonly RosterEntry[]; fromPrevious?: boolean }): Result<RoundView> {
    const region = input.region.trim();
    if (!isReportYear(input.year)) return fail('invalid_input', YEAR_MESSAGE);
    if (region === '') return fail('invalid_input', '请填写本地区的名称（汇总报告的机关，如 余杭区人民政府）');
    return this.host.write('新建收集', () => {
      if (this.round(input.year)) return fail('exists', `${input.year} 年度的收集已经建立：请直接打开它`);
      let roster = input.roster;
      if (input.fromPrevious) {
        const last = this.round(input.year - 1);
        if (!last) return fail('no_previous', `没有 ${input.year - 1} 年度的收集，无法沿用上年名单：请输入或导入名单`);
        // Last year's bodies (those it added because their report came, too), then any given now.
        const carried = this.bodies(last.id).filter((b) => !b.unlisted || this.hasReport(b.id));
        roster = [...carried.map(({ name, level }) => ({ name, level })), ...roster];
      }
      const id = Number(
        this.db.prepare('INSERT INTO rounds (year, region, created_at) VALUES (?, ?, ?)').run(input.year, region, isoTime(this.host.now()))
          .lastInsertRowid,
      );
      const added = this.addBodies(id, roster, false);
      if (!added.ok) return added;
      return ok(this.reviewed(this.data(input.year)!).view);
    });
  }

  /** Bodies added to the roster, taken off it, or given another level. */
  setRoster(
    year: number,
    change: { add?: readonly RosterEntry[]; remove?: readonly number[]; levels?: readonly { id: number; level: Level }[] },
  ): Result<RoundView> {
    return this.host.write('修改名单', () => {
      const round = this.round(year);
      if (!round) return notFound(year);
      const bodies = new Map(this.bodies(round.id).map((b) => [b.id, b]));
      for (const id of change.remove ?? []) {
        if (!bodies.has(id)) continue;
        if (this.hasReport(id)) return fail('has_reports', `${bodies.get(id)!.name} 已经报送了报告，不能从名单中去掉`);
        this.db.prepare('DELETE FROM round_bodies WHERE id = ?').run(id);
      }
      for (const { id, level } of change.levels ?? []) {
        if (!(LEVELS as readonly string[]).includes(level)) return fail('invalid_input', `机关层级应为${LEVELS.join('、')}之一`);
        this.db.prepare('UPDATE round_bodies SET level = ?, unlisted = 0 WHERE id = ? AND round_id = ?').run(level, id, round.id);
      }
      const added = this.addBodies(round.id, change.add ?? [], false);
      if (!added.ok) return added;
      return ok(this.reviewed(this.data(year)!).view);
    });
  }

  // ---- events -------------------------------------------------------------------

  /**
   * Reports that arrived, each put with its body on the roster (by the name it
   * gives, 全称 or 简称, or its file's name); a report of a body not on the
   * roster adds the body, marked 名单外. `asPrevious`: last year's reports, put
   * into last year's round (made for them where there is none) as accepted,
   * for this year's continuity checks.
   */
  receive(year: number, arrivals: readonly Arrival[], options: { asPrevious?: boolean } = {}): Result<ReceiveOutcome[]> {
    return this.host.write('接收报告', () => {
      const current = this.round(options.asPrevious ? year + 1 : year);
      if (!current) return notFound(options.asPrevious ? year + 1 : year);
      const round = options.asPrevious ? (this.round(year) ?? this.insertRound(year, current.region)) : current;
      const bodies = this.bodies(round.id);
      const find = nameMatcher(bodies.map((b) => b.name));
      const at = isoTime(this.host.now());
      const outcomes: ReceiveOutcome[] = [];
      for (const a of arrivals) {
        if ('error' in a) {
          outcomes.push(a);
          continue;
        }
        const refused = this.refusal(a, year);
        if (refused) {
          outcomes.push({ fileName: a.fileName, error: refused });
          continue;
        }
        const named = a.report.agency.trim();
        let index = named ? find(named) : find(nameFromFile(a.fileName));
        let added = false;
        if (index === undefined) {
          const name = named || nameFromFile(a.fileName);
          if (!name) {
            outcomes.push({ fileName: a.fileName, error: `「${a.fileName}」没有写明是哪个单位的报告：请让报送单位在报告中写明机关名称` });
            continue;
          }
          const body = this.insertBody(round.id, { name, level: a.report.level }, !options.asPrevious);
          bodies.push(body);
          index = bodies.length - 1;
          added = true;
        }
        const body = bodies[index]!;
        const again = this.hasReport(body.id);
        this.insertEvent(body.id, at, 'received', { fileName: a.fileName, report: reportToJson(a.report) });
        if (options.asPrevious) this.insertEvent(body.id, at, 'accepted', { note: PREVIOUS_NOTE });
        outcomes.push({ fileName: a.fileName, body: body.name, bodyId: body.id, added, again });
      }
      // A name that matched nothing may match a body added after it: the next arrival finds it exactly.
      return ok(outcomes);
    });
  }

  /** The chosen bodies returned (退回修改) with the problems of their last report, as the 问题清单 sent says them. */
  markReturned(year: number, bodyIds: readonly number[], note = ''): Result<RoundView> {
    return this.host.write('退回修改', () => {
      const data = this.data(year);
      if (!data) return notFound(year);
      const { view } = this.reviewed(data);
      const at = isoTime(this.host.now());
      for (const id of bodyIds) {
        const body = view.bodies.find((b) => b.id === id);
        if (!body) return fail('no_body', '名单中没有这个单位：请刷新后重试');
        if (body.status === '未报送') return fail('not_received', `${body.name} 还没有报送报告，不能退回`);
        if (body.status === '通过') return fail('accepted', `${body.name} 已经通过，不能退回：如需退回，请先撤销通过`);
        this.insertEvent(id, at, 'returned', { problems: JSON.stringify(problemsSent(body.problems)), note });
      }
      return ok(this.reviewed(this.data(year)!).view);
    });
  }

  /** 通过: the reviewer accepts the chosen bodies' last reports, on this day, with a note. */
  accept(year: number, bodyIds: readonly number[], note: string): Result<RoundView> {
    return this.host.write('通过', () => {
      const round = this.round(year);
      if (!round) return notFound(year);
      const bodies = new Map(this.bodies(round.id).map((b) => [b.id, b]));
      const at = isoTime(this.host.now());
      for (const id of bodyIds) {
        const body = bodies.get(id);
        if (!body) return fail('no_body', '名单中没有这个单位：请刷新后重试');
        if (!this.hasReport(id)) return fail('not_received', `${body.name} 还没有报送报告，不能通过`);
        this.insertEvent(id, at, 'accepted', { note: note.trim() });
      }
      return ok(this.reviewed(this.data(year)!).view);
    });
  }

  /** Takes an acceptance back: the body's last report is to be looked at again. */
  reopen(year: number, bodyId: number): Result<RoundView> {
    return this.host.write('撤销通过', () => {
      const data = this.data(year);
      if (!data) return notFound(year);
      const body = this.reviewed(data).view.bodies.find((b) => b.id === bodyId);
      if (!body) return fail('no_body', '名单中没有这个单位：请刷新后重试');
      if (body.status !== '通过') return fail('not_accepted', `${body.name} 尚未通过，无须撤销`);
      this.insertEvent(bodyId, isoTime(this.host.now()), 'reopened', {});
      return ok(this.reviewed(this.data(year)!).view);
    });
  }

  // ---- what leaves the round ---------------------------------------------------

  /** A body's last report, stored in the library as a report of its own to open in the editor (the round keeps its copy). */
  copyToLibrary(year: number, bodyId: number): Result<StoredReport> {
    return this.host.write('存入报告库', () => {
      const data = this.data(year);
      const body = data?.bodies.find((b) => b.id === bodyId);
      if (!data) return notFound(year);
      if (!body?.latest) return fail('not_received', '这个单位还没有报送报告');
      return this.host.insert(body.latest);
    });
  }

  /**
   * The 汇总 of the chosen bodies' last reports, stored in the library as a
   * report of its own kind; reports whose tables have errors are left out
   * unless included. Checked, like any report, against last year's 汇总 of
   * the same region when the library opens it.
   */
  sum(year: number, options: RoundSumOptions): Result<RoundSum> {
    return this.host.write('生成汇总', () => {
      const data = this.data(year);
      if (!data) return notFound(year);
      const fileOf = (b: RoundBodyData) => b.events.findLast((e) => e.kind === 'received')?.fileName ?? b.name;
      const parts = data.bodies
        .filter((b) => options.bodyIds.includes(b.id) && b.latest)
        .map((b) => ({ fileName: fileOf(b), report: b.latest!, errors: tableErrors(validate(b.latest!)).length }));
      // Every body of the roster the 汇总 does not count is named, with why.
      const leftOut = data.bodies
        .filter((b) => !options.bodyIds.includes(b.id) || !b.latest)
        .map((b) => {
          const errors = b.latest ? tableErrors(validate(b.latest)).length : 0;
          return {
            fileName: b.latest ? fileOf(b) : '',
            agency: b.name,
            ...(!b.latest ? { reason: '未报送' } : errors > 0 ? errorsLeftOut(errors) : { reason: '审核人未选' }),
          };
        });
      const previous = this.host.findSum(options.agency, year - 1);
      const summed = sumReports(parts, {
        agency: options.agency,
        year,
        level: options.level,
        includeErrors: options.includeErrors,
        previous,
        leftOut,
      });
      if (!summed.ok) return summed;
      const stored = this.host.insert(summed.value.report);
      if (!stored.ok) return stored;
      return ok({ stored: stored.value, notices: summed.value.notices, excluded: [...summed.value.excluded] });
    });
  }

  // ---- helpers ----------------------------------------------------------------

  private round(year: number): RoundRow | undefined {
    return this.db.prepare<[number], RoundRow>('SELECT id, year, region, created_at FROM rounds WHERE year = ?').get(year);
  }

  private insertRound(year: number, region: string): RoundRow {
    const at = isoTime(this.host.now());
    const id = Number(
      this.db.prepare('INSERT INTO rounds (year, region, created_at) VALUES (?, ?, ?)').run(year, region, at).lastInsertRowid,
    );
    return { id, year, region, created_at: at };
  }

  private bodies(roundId: number): (BodyRow & RosterEntry)[] {
    return this.db
      .prepare<[number], BodyRow>('SELECT id, name, level, unlisted FROM round_bodies WHERE round_id = ? ORDER BY position, id')
      .all(roundId);
  }

  private hasReport(bodyId: number): boolean {
    return !!this.db.prepare("SELECT 1 FROM round_events WHERE body_id = ? AND kind = 'received' LIMIT 1").get(bodyId);
  }

  private insertBody(roundId: number, entry: RosterEntry, unlisted: boolean): BodyRow {
    const { n } = this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM round_bodies WHERE round_id = ?').get(roundId)!;
    const id = Number(
      this.db
        .prepare('INSERT INTO round_bodies (round_id, position, name, level, unlisted) VALUES (?, ?, ?, ?, ?)')
        .run(roundId, n, entry.name, entry.level, unlisted ? 1 : 0).lastInsertRowid,
    );
    return { id, name: entry.name, level: entry.level, unlisted: unlisted ? 1 : 0 };
  }

  /** Adds the entries not on the roster yet (the same body by 全称 or 简称 once). */
  private addBodies(roundId: number, entries: readonly RosterEntry[], unlisted: boolean): Result<void> {
    const names = this.bodies(roundId).map((b) => b.name);
    if (names.length + entries.length > MAX_ROSTER) return fail('too_many', `一轮收集最多 ${MAX_ROSTER} 个单位`);
    for (const e of entries) {
      const name = e.name.trim();
      if (name === '' || nameMatcher(names)(name) !== undefined) continue;
      if (!(LEVELS as readonly string[]).includes(e.level)) return fail('invalid_input', `「${name}」的层级应为${LEVELS.join('、')}之一`);
      this.insertBody(roundId, { name, level: e.level }, unlisted);
      names.push(name);
    }
    return ok(undefined);
  }

  private insertEvent(
    bodyId: number,
    at: string,
    kind: RoundEventKind,
    fields: { fileName?: string; report?: string; problems?: string; note?: string },
  ) {
    this.db
      .prepare('INSERT INTO round_events (body_id, at, kind, file_name, report, problems, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(bodyId, at, kind, fields.fileName ?? null, fields.report ?? null, fields.problems ?? null, fields.note ?? null);
  }

  /** Why an arrival is not a report of this round. */
  private refusal(a: { fileName: string; report: Report }, year: number): string | undefined {
    if (a.report.kind === 'sum') return `「${a.fileName}」是汇总（${a.report.agency}），不是单位自己的报告，未接收`;
    if (a.report.year !== year)
      return `「${a.fileName}」是 ${a.report.year} 年度的报告，本轮收集的是 ${year} 年度，未接收：请让报送单位核对年度`;
    return undefined;
  }

  private summaryOf(r: RoundRow): RoundSummary {
    const { view } = this.reviewed(this.data(r.year)!);
    return { year: r.year, region: r.region, bodies: view.bodies.length, counts: view.counts, createdAt: r.created_at };
  }

  /** The round's bodies with their events, their last report and the report their last 退回 was about. */
  private data(year: number): RoundData | undefined {
    const round = this.round(year);
    if (!round) return undefined;
    const events = new Map<number, EventRow[]>();
    for (const e of this.db
      .prepare<[number], EventRow>(
        `SELECT e.id, e.body_id, e.at, e.kind, e.file_name, NULL AS report, e.problems, e.note
         FROM round_events e JOIN round_bodies b ON b.id = e.body_id WHERE b.round_id = ? ORDER BY e.id`,
      )
      .iterate(round.id)) {
      const list = events.get(e.body_id);
      if (list) list.push(e);
      else events.set(e.body_id, [e]);
    }
    const reportOf = this.db.prepare<[number], { report: string }>('SELECT report FROM round_events WHERE id = ?');
    const bodies = this.bodies(round.id).map((b): RoundBodyData => {
      const rows = events.get(b.id) ?? [];
      const list = rows.map((e): RoundEvent => ({
        id: e.id,
        kind: (ROUND_EVENT_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'received',
        at: e.at,
        ...(e.file_name !== null ? { fileName: e.file_name } : {}),
        ...(e.note ? { note: e.note } : {}),
        ...(e.kind === 'returned' ? { problems: problemsOf(e.problems) ?? [] } : {}),
      }));
      const latest = list.findLast((e) => e.kind === 'received');
      const lastReturn = latest ? list.findLast((e) => e.kind === 'returned' && e.id < latest.id) : undefined;
      const returnedFrom = lastReturn ? list.findLast((e) => e.kind === 'received' && e.id < lastReturn.id) : undefined;
      const load = (e: RoundEvent | undefined) => (e ? storedReport(reportOf.get(e.id)?.report ?? '') : undefined);
      return {
        id: b.id,
        name: b.name,
        level: b.level,
        unlisted: b.unlisted === 1,
        events: list,
        ...(latest ? { latest: load(latest) } : {}),
        ...(returnedFrom ? { returnedReport: load(returnedFrom) } : {}),
      };
    });
    return { year, region: round.region, bodies };
  }

  private reviewed(data: RoundData) {
    return reviewRound(data, { today: localToday(this.host.now()), previous: this.previousLookup(data.year) });
  }

  /** Last year's report of a body: its report in last year's round, or else the library's own report of last year. */
  private previousLookup(year: number): (body: RoundBodyData) => Report | undefined {
    const last = this.data(year - 1);
    const fromRound = last?.bodies.filter((b) => b.latest) ?? [];
    const inRound = nameMatcher(fromRound.map((b) => b.name));
    const library = this.host.reportsOfYear(year - 1);
    const inLibrary = nameMatcher(library.map((r) => r.agency));
    return (body) => {
      const i = inRound(body.latest?.agency || body.name);
      if (i !== undefined) return fromRound[i]!.latest;
      const j = inLibrary(body.latest?.agency || body.name);
      return j === undefined ? undefined : library[j]!.load();
    };
  }
}
