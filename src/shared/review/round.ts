// A round of collection (一轮收集): the bodies a 政务公开办 expects a report
// from for one year, and what happened to each — received, returned with its
// 问题清单, received again, accepted. The library keeps the events; the
// status of each body, its deadline, its review, the recheck of a report that
// came back and the risk across the round are derived here from them, pure,
// so the page, the 问题清单 and the tests read one account.
import type { Report } from '../model/report';
import type { Level } from '../template/gov2021';
import { ruleOfKind } from '../rules/catalog';
import { dueDate } from '../rules/deadline';
import { cellValues, recheck, type EarlierProblem, type Recheck } from './against';
import { problemRows, type ProblemRow } from './problems';
import type { BodyRisk } from './risk';
import { finishReview, reviewOne, type ReviewedReport } from './review';

/** report-format.md, Statuses: a body on the roster, from nothing in to accepted. */
export const ROUND_STATUSES = ['未报送', '已报送', '退回修改', '已整改', '通过'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** What may happen to a body in a round; `reopened` takes back an acceptance. */
export const ROUND_EVENT_KINDS = ['received', 'returned', 'accepted', 'reopened'] as const;
export type RoundEventKind = (typeof ROUND_EVENT_KINDS)[number];

export const EVENT_LABEL: Record<RoundEventKind, string> = {
  received: '收到报告',
  returned: '退回修改',
  accepted: '通过',
  reopened: '撤销通过',
};

export interface RoundEvent {
  id: number;
  kind: RoundEventKind;
  /** ISO time. */
  at: string;
  fileName?: string;
  note?: string;
  /** For `returned`: the problems sent back, as the 问题清单 listed them. */
  problems?: readonly EarlierProblem[];
}

/** A body of the round as the library holds it: its events in order, and the reports the account needs. */
export interface RoundBodyData {
  id: number;
  name: string;
  level: Level;
  /** Added because its report arrived, not because the roster named it. */
  unlisted: boolean;
  events: readonly RoundEvent[];
  /** The report of its last `received` event. */
  latest?: Report;
  /** The report its last `returned` event was about: the figures the recheck compares with. */
  returnedReport?: Report;
}

export interface RoundData {
  year: number;
  /** The region the round collects for (its 汇总's body): "余杭区". */
  region: string;
  bodies: readonly RoundBodyData[];
}

/** One body as the page and the 问题清单 show it. */
export interface RoundBody {
  id: number;
  name: string;
  level: Level;
  unlisted: boolean;
  status: RoundStatus;
  deadline: string;
  /** 未报送 and past its deadline. */
  overdue: boolean;
  /** Days after its deadline its first report arrived (a late report); absent when on time or none yet. */
  lateDays?: number;
  /** When its last report arrived, and as which file. */
  receivedAt?: string;
  fileName?: string;
  /** How many times it sent a report. */
  submissions: number;
  /** The review of its last report (without the report itself: the page asks for that when it opens a copy). */
  review?: Omit<ReviewedReport, 'report'> & { agency: string; year: number; level: Level };
  problems: readonly ProblemRow[];
  risk?: BodyRisk;
  /** Its last report beside the 问题清单 it was returned with, where it came back after a 退回. */
  recheck?: Recheck;
  /** When it was accepted (通过), with the reviewer's note. */
  accepted?: { at: string; note: string };
  history: readonly RoundEvent[];
}

export interface RoundView {
  year: number;
  region: string;
  today: string;
  /** The deadlines of the year, as the schedule.deadline rule has them: who, and by when (ISO). */
  deadlines: readonly { who: string; date: string }[];
  bodies: readonly RoundBody[];
  counts: Record<RoundStatus, number>;
  overdue: number;
}

/** What became of a file dropped on the round: put with a body (added to the roster, or sent again), or why not. */
export type ReceiveOutcome =
  { fileName: string; body: string; bodyId: number; added: boolean; again: boolean } | { fileName: string; error: string };

export interface RoundSummary {
  year: number;
  region: string;
  bodies: number;
  counts: Record<RoundStatus, number>;
  createdAt: string;
}

const last = <T>(list: readonly T[], test: (t: T) => boolean): T | undefined => {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
  return undefined;
};

/** The status the events give, once the recheck of a report that came back is known (closed: every problem sent back is). */
export function statusOf(events: readonly RoundEvent[], closedSinceReturn: boolean | undefined): RoundStatus {
  const received = last(events, (e) => e.kind === 'received');
  if (!received) return '未报送';
  const decision = last(events, (e) => e.id > received.id && e.kind !== 'received');
  if (decision?.kind === 'accepted') return '通过';
  if (decision?.kind === 'returned') return '退回修改';
  return closedSinceReturn ? '已整改' : '已报送';
}

const dayOf = (iso: string) => iso.slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export interface RoundOptions {
  today: string;
  /** Last year's report of a body, where one is known (last year's round, or the library). */
  previous?: (body: RoundBodyData) => Report | undefined;
}

/** The round as the page shows it (see reviewRound). */
export function roundView(data: RoundData, options: RoundOptions): RoundView {
  return reviewRound(data, options).view;
}

/**
 * The round: each body's status, deadline, review of its last report (against
 * last year's report of the same body), the recheck against what it was sent
 * back with, and risk across the round — as the page shows it, and with each
 * body's review whole (its report included) for the 问题清单 writers.
 */
export function reviewRound(data: RoundData, options: RoundOptions): { view: RoundView; reviewed: ReadonlyMap<number, ReviewedReport> } {
  const reviewed = data.bodies.map((b, index) => {
    if (!b.latest) return undefined;
    const received = last(b.events, (e) => e.kind === 'received')!;
    const prev = options.previous?.(b);
    return reviewOne(
      { fileName: received.fileName ?? b.name, report: b.latest, notes: [] },
      index,
      prev ? { fileName: `${prev.year} 年报告`, report: prev, notes: [] } : undefined,
    );
  });
  // Risk across the round: each body beside the others of its level.
  const present = reviewed.filter((r): r is ReviewedReport => !!r);
  const finishedReports = finishReview(present).reports;
  const finished = new Map(present.map((r, i) => [r.index, finishedReports[i]!]));
  const bodies = data.bodies.map((b, index): RoundBody => {
    const r = finished.get(index);
    const received = b.events.filter((e) => e.kind === 'received');
    const lastReceived = received.at(-1);
    const lastReturn = lastReceived ? last(b.events, (e) => e.kind === 'returned' && e.id < lastReceived.id) : undefined;
    const rechecked =
      r && lastReturn
        ? recheck(
            {
              body: b.name,
              problems: lastReturn.problems ?? [],
              ...(b.returnedReport ? { values: cellValues(b.returnedReport) } : {}),
            },
            r,
          )
        : undefined;
    const deadline = deadlineFor(b, data.year);
    const status = statusOf(b.events, rechecked?.closed);
    const first = received[0];
    const late = first ? daysBetween(deadline, dayOf(first.at)) : 0;
    const acceptedEvent = status === '通过' ? last(b.events, (e) => e.kind === 'accepted') : undefined;
    const { report, ...review } = r ?? {};
    return {
      id: b.id,
      name: b.name,
      level: b.level,
      unlisted: b.unlisted,
      status,
      deadline,
      overdue: status === '未报送' && options.today > deadline,
      ...(late > 0 ? { lateDays: late } : {}),
      ...(lastReceived ? { receivedAt: lastReceived.at, fileName: lastReceived.fileName } : {}),
      submissions: received.length,
      ...(r && report
        ? {
            review: { ...(review as Omit<ReviewedReport, 'report'>), agency: report.agency, year: report.year, level: report.level },
            risk: r.risk,
          }
        : {}),
      problems: r ? problemRows(r) : [],
      ...(rechecked ? { recheck: rechecked } : {}),
      ...(acceptedEvent ? { accepted: { at: acceptedEvent.at, note: acceptedEvent.note ?? '' } } : {}),
      history: b.events,
    };
  });
  const counts = Object.fromEntries(ROUND_STATUSES.map((s) => [s, 0])) as Record<RoundStatus, number>;
  for (const b of bodies) counts[b.status]++;
  const deadlines = ruleOfKind('deadline').due.map((d) => ({
    who: d.who,
    date: `${data.year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
  }));
  const view = {
    year: data.year,
    region: data.region,
    today: options.today,
    deadlines,
    bodies,
    counts,
    overdue: bodies.filter((b) => b.overdue).length,
  };
  return { view, reviewed: new Map(data.bodies.flatMap((b, i) => (finished.has(i) ? [[b.id, finished.get(i)!] as const] : []))) };
}

/**
 * The last day (ISO) a body's report for `year` is due: its level's deadline
 * as the schedule.deadline rule has it (条例 第四十九条; the dates are data).
 */
export function deadlineFor(body: { name: string; level: Level }, year: number): string {
  // The rule list always holds the deadline rule; without it nothing is ever due.
  return dueDate({ level: body.level, agency: body.name, year })?.date ?? '9999-12-31';
}

/** The problems to store with a 退回: what the 问题清单 sent back says, in the shape a later recheck reads. */
export function problemsSent(problems: readonly ProblemRow[]): EarlierProblem[] {
  return problems.map(({ id, kind, rule, message, cells }) => ({ id, kind, rule, message, cells }));
}
