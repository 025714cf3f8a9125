// The handlers of the round channels (汇总与审核): the library's rounds, a
// file read through the one reader registry as it arrives, and the 问题清单
// made here from the round's own reviews — the Word document of a 退回 (the
// return is recorded once the document is saved), the workbook of the round.
import type { Channel, Input, Output } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/api/result';
import { localToday } from '../../shared/model/dates';
import { bodyOf, finishReview, reviewTitle, type Recheck } from '../../shared/review';
import { readReportBytes } from '../formats/readers';
import type { ReportLibrary } from '../services/library';
import { problemLetterDocx, problemWorkbook } from '../services/review';
import { readRosterBytes } from '../services/review/roster-file';
import type { MadeFile } from './session';

type RoundChannel = Extract<Channel, `round.${string}`>;

/** Hands a made file to the user: the save dialog (desktop) or a download (browser). */
export type Deliver = (made: Result<MadeFile>, format: 'xlsx' | 'docx') => Promise<Result<Output<'round.workbook'>>>;

type RoundImpl = { [C in RoundChannel]: (input: Input<C>) => Result<Output<C>> | Promise<Result<Output<C>>> };

export function roundHandlers(library: ReportLibrary, deliver: Deliver): RoundImpl {
  const rounds = library.rounds;
  return {
    'round.list': () => rounds.list(),
    'round.open': (i) => rounds.view(i.year),
    'round.create': (i) => rounds.create({ year: i.year, region: i.region, roster: i.roster, fromPrevious: i.fromPrevious }),
    'round.roster': (i) => rounds.setRoster(i.year, i),
    'round.rosterFile': (i) => readRosterBytes(i.fileName, Buffer.from(i.data, 'base64')),
    'round.receive': async (i) => {
      const read = await readReportBytes(i.fileName, Buffer.from(i.data, 'base64'));
      const arrival = read.ok ? { fileName: i.fileName, report: read.value.report } : { fileName: i.fileName, error: read.error.message };
      const received = rounds.receive(i.asPrevious ? i.year - 1 : i.year, [arrival], { asPrevious: i.asPrevious });
      return received.ok ? ok(received.value[0]!) : received;
    },
    'round.return': async (i) => {
      const letters = rounds.letters(i.year, i.bodyIds);
      if (!letters.ok) return letters;
      const bytes = await problemLetterDocx(
        letters.value.map((l) => ({
          reviewed: l.reviewed,
          ...(l.recheck ? { recheck: l.recheck } : {}),
          ...(i.note ? { note: i.note } : {}),
        })),
        { date: localToday() },
      );
      const names = letters.value.map((l) => bodyOf(l.reviewed));
      const fileName = `${names.length === 1 ? names[0] : `${names[0]}等${names.length}个单位`}问题清单.docx`;
      const outcome = await deliver(ok({ fileName, bytes }), 'docx');
      if (!outcome.ok) return outcome;
      // Cancelled in the save dialog: nothing was sent back, so nothing is recorded.
      if (outcome.value.kind === 'cancelled') {
        const view = rounds.view(i.year);
        return view.ok ? ok({ outcome: outcome.value, view: view.value }) : view;
      }
      const view = rounds.markReturned(i.year, i.bodyIds, i.note);
      return view.ok ? ok({ outcome: outcome.value, view: view.value }) : view;
    },
    'round.accept': (i) => rounds.accept(i.year, i.bodyIds, i.note),
    'round.reopen': (i) => rounds.reopen(i.year, i.bodyId),
    'round.copy': (i) => {
      const copied = rounds.copyToLibrary(i.year, i.bodyId);
      if (!copied.ok) return copied;
      const { report: _report, ...summary } = copied.value;
      return ok(summary);
    },
    'round.workbook': async (i) => {
      const round = rounds.reviewedRound(i.year);
      if (!round.ok) return round;
      const { view, reviewed } = round.value;
      // The bodies with a report, reviewed together (the risk of each beside the others of its level), in the roster's order.
      const withReport = view.bodies.filter((b) => reviewed.has(b.id));
      const review = finishReview(withReport.map((b, index) => ({ ...reviewed.get(b.id)!, index })));
      const rechecks = new Map<number, Recheck>();
      withReport.forEach((b, index) => b.recheck && rechecks.set(index, b.recheck));
      const title = reviewTitle(review, view.region);
      const bytes = await problemWorkbook(review, {
        title,
        date: localToday(),
        roster: view.bodies.map((b) => ({
          name: b.name,
          level: b.level,
          status: b.status,
          deadline: b.deadline,
          overdue: b.overdue,
          ...(reviewed.has(b.id) ? { report: withReport.indexOf(b) } : {}),
        })),
        ...(rechecks.size > 0 ? { rechecks, against: '上次退回的问题清单' } : {}),
      });
      return deliver(ok({ fileName: `${title}问题清单.xlsx`, bytes }), 'xlsx');
    },
    'round.sum': (i) => {
      const summed = rounds.sum(i.year, { agency: i.agency, level: i.level, bodyIds: i.bodyIds, includeErrors: i.includeErrors });
      if (!summed.ok) return summed;
      const { report: _report, ...summary } = summed.value.stored;
      return ok({ summary, notices: summed.value.notices, excluded: summed.value.excluded });
    },
  };
}
