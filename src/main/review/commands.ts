// `nianbao review` and `nianbao sum` (interchange.md): many bodies' reports at
// once, read through the one reader registry in budgeted workers (a hostile
// file is reported and skipped), reviewed or summed as they arrive, keeping
// of each report only its figures and findings: thousands of files in the
// memory of a few.
import { basename } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import { fileFormat, formatOfName, EXPORT_FORMATS } from '../../shared/formats';
import { kindOf, type Report } from '../../shared/model/report';
import { reportToJson } from '../../shared/model/report-json';
import {
  bodyOf,
  briefCellNames,
  checkRegion,
  earlierLookup,
  finishReview,
  firstProblems,
  matchRoster,
  overdue,
  recheck,
  recheckLine,
  reviewTitle,
  sumReports,
  type EarlierReport,
  type EarlierRound,
  type Recheck,
  type Review,
  type ReviewedReport,
  type ReviewInput,
  type RosterEntry,
  type SumPart,
} from '../../shared/review';
import type { RoundStatus } from '../../shared/review/round';
import { validate } from '../../shared/rules/engine';
import { SEVERITY_LABEL, severityCounts, type Finding } from '../../shared/rules/types';
import { localToday, printedDate, reportingYear } from '../../shared/model/dates';
import { LEVELS, NARRATIVE_IDS } from '../../shared/template/gov2021';
import { inferLevel, isLevel } from '../../shared/template/levels';
import { EXIT, parse, UsageError, yearOption, type CliIO, type Command } from '../cli-kit';
import { writeFileAtomic } from '../services/fs/files';
import { expandPaths, type Batch, type SkippedEntry } from '../services/review/batch';
import type { RosterRow } from '../services/review/workbook';
import { encodeFigures } from '../services/review/figures';
import { readAllFiles, reviewFiles, sumFiles } from './reading';

// The files are read in workers; this thread loads a writer (exceljs, docx) or a reader of its own only where an option asks for it.
const workbook = () => import('../services/review/workbook');
const letter = () => import('../services/review/letter');
const rosterFile = () => import('../services/review/roster-file');
const earlierRound = () => import('./earlier');
const writers = () => import('../formats/registry');

/** The value of a result, or undefined once its message is on stderr. */
function told<T>(result: Result<T>, io: CliIO): T | undefined {
  return failed(result, io) ? undefined : (result as { value: T }).value;
}

/** Whether a result failed; its message is then on stderr. */
function failed(result: Result<unknown>, io: CliIO): boolean {
  if (!result.ok) io.err(result.error.message);
  return !result.ok;
}

function parseDay(text: string | undefined): string {
  if (text === undefined) return localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) throw new UsageError('--as-of 应为日期，如 2025-02-01');
  return text;
}

/** The files of the arguments, with the entries left out said on `io` as they are listed. */
async function batchOf(paths: readonly string[], io: CliIO): Promise<Batch | undefined> {
  return told(await expandPaths(paths), io);
}

function skippedLine(s: SkippedEntry): string {
  return ['未读取', s.name, s.reason].join('\t');
}

function countsLine(review: Review): string {
  const c = review.counts;
  return `共 ${review.reports.length} 份报告：通过 ${c['通过']}，待核实 ${c['待核实']}，有错误 ${c['有错误']}，读取失败 ${c['读取失败']}`;
}

interface RosterLine {
  entry: RosterEntry;
  status: RoundStatus;
  deadline: string;
  overdue: boolean;
  reports: number[];
  /** Sent in the earlier round (`--against`) and not again in this one: what that round said of it. */
  earlier?: EarlierReport;
}

/** An earlier round's report that had to go back: an error, a file that could not be read, the same body twice. Warnings are settled by a 核实说明. */
const mustReturn = (e: EarlierReport) => e.problems.some((p) => p.kind !== 'notice' && p.kind !== 'warning');

/**
 * The roster beside the batch: each body's reports, its status and deadline;
 * the reports of no body on it. In a second round (`earlier`), a body that
 * sent its report in the earlier round and nothing now is not 未报送: it
 * stands as that round left it, 退回修改 where its report had to go back.
 */
function rosterLines(
  entries: readonly RosterEntry[],
  review: Review,
  rechecks: ReadonlyMap<number, Recheck>,
  today: string,
  earlier?: EarlierRound,
): { lines: RosterLine[]; unlisted: Set<number> } {
  const match = matchRoster(
    entries,
    review.reports.map((r) => ({ agency: r.report?.agency, fileName: r.fileName })),
  );
  const year = mostCommonYear(review);
  const findEarlier = earlier ? earlierLookup(earlier) : () => undefined;
  const lines = entries.map((entry, i): RosterLine => {
    const reports = match.byEntry[i]!;
    const before = reports.length === 0 ? findEarlier(entry.name) : undefined;
    const due = overdue(entry, year, today, reports.length > 0 || before !== undefined);
    if (before) return { entry, status: mustReturn(before) ? '退回修改' : '已报送', ...due, reports, earlier: before };
    // 已整改: every problem it was sent back with is closed, and it has no error now (a new one sends it back again).
    const fixed = reports.some((r) => {
      const re = rechecks.get(r);
      return re?.closed && re.fixed + re.remaining > 0 && review.reports[r]!.status !== '有错误';
    });
    return { entry, status: reports.length === 0 ? '未报送' : fixed ? '已整改' : '已报送', ...due, reports };
  });
  return { lines, unlisted: new Set(match.unlisted) };
}

function mostCommonYear(review: Review): number {
  const counts = new Map<number, number>();
  for (const r of review.reports) if (r.report) counts.set(r.report.year, (counts.get(r.report.year) ?? 0) + 1);
  let best = reportingYear();
  let most = 0;
  for (const [year, n] of counts) if (n > most || (n === most && year > best)) [best, most] = [year, n];
  return best;
}

function reportLine(r: ReviewedReport, extra: readonly string[]): string {
  if (r.error !== undefined) return [r.status, r.fileName, r.error, ...extra].join('\t');
  const counts = severityCounts(r.counts);
  const notes = [
    r.previousFile ? `对照上年：${r.previousFile}` : '',
    r.duplicates.length ? `与 ${r.duplicates.join('、')} 重复` : '',
    ...extra,
  ]
    .filter(Boolean)
    .join('；');
  return [r.status, bodyOf(r), r.report!.year, counts, r.fileName, notes].filter((x) => x !== '').join('\t');
}

const findingJson = ({ id, rule, severity, message, cells }: Finding) => ({ id, rule, severity, message, cells });

function reviewJson(
  review: Review,
  extras: {
    skipped: readonly SkippedEntry[];
    hierarchy?: readonly Finding[];
    roster?: { lines: RosterLine[]; unlisted: Set<number> };
    rechecks: ReadonlyMap<number, Recheck>;
    against?: { source: string; absent: readonly string[] };
  },
): string {
  const rosterOf = new Map<number, RosterLine>();
  for (const line of extras.roster?.lines ?? []) for (const i of line.reports) rosterOf.set(i, line);
  const reports = review.reports.map((r, i) => {
    const re = extras.rechecks.get(i);
    const line = rosterOf.get(i);
    return {
      file: r.fileName,
      status: r.status,
      ...(r.error !== undefined
        ? { error: r.error }
        : { body: r.report!.agency, agency: r.report!.agency, year: r.report!.year, level: r.report!.level }),
      ...(extras.roster ? { round: line ? line.status : '名单外' } : {}),
      counts: r.counts,
      kpis: Object.fromEntries(r.kpis.map((k) => [k.id, k.value])),
      ...(r.risk
        ? {
            risk: {
              figures: r.risk.figures.map(({ id, label, value, text, mark }) => ({ id, label, value, text, mark })),
              flags: r.risk.flags,
            },
          }
        : {}),
      findings: r.findings.map(findingJson),
      ...(re ? { recheck: re } : {}),
      notes: r.notes,
      ...(r.previousFile ? { previous: r.previousFile } : {}),
      duplicates: r.duplicates,
      // The figures as sent, in one line: a later `review --against` of this output lists the cells that changed.
      ...(r.report ? { figures: encodeFigures(r.report) } : {}),
    };
  });
  return JSON.stringify(
    {
      counts: review.counts,
      reports,
      skipped: extras.skipped,
      ...(extras.roster
        ? {
            roster: extras.roster.lines.map((l) => ({
              body: l.entry.name,
              level: l.entry.level,
              status: l.status,
              deadline: l.deadline,
              overdue: l.overdue,
              files: l.reports.map((i) => review.reports[i]!.fileName),
              ...(l.earlier ? { earlierRound: true } : {}),
            })),
            missing: extras.roster.lines
              .filter((l) => l.status === '未报送')
              .map((l) => ({ body: l.entry.name, level: l.entry.level, status: '未报送', deadline: l.deadline, overdue: l.overdue })),
          }
        : {}),
      ...(extras.against ? { against: { source: extras.against.source, notResubmitted: extras.against.absent } } : {}),
      ...(extras.hierarchy ? { hierarchy: extras.hierarchy.map(findingJson) } : {}),
    },
    null,
    2,
  );
}

/** Each readable report beside its body's report of the earlier round; the earlier bodies that had to send again and sent nothing. */
function recheckAll(review: Review, earlier: EarlierRound): { rechecks: Map<number, Recheck>; absent: string[] } {
  const find = earlierLookup(earlier);
  const rechecks = new Map<number, Recheck>();
  const seen = new Set<string>();
  review.reports.forEach((r, i) => {
    const e = find(bodyOf(r)) ?? earlier.reports.find((x) => x.fileName === r.fileName);
    if (!e) return;
    seen.add(e.body);
    rechecks.set(i, recheck(e, r));
  });
  const absent = earlier.reports.filter((e) => !seen.has(e.body) && mustReturn(e)).map((e) => e.body);
  return { rechecks, absent };
}

export const reviewCmd: Command = async (args, io) => {
  const { positionals, values } = parse(args, {
    previous: { type: 'string', multiple: true },
    out: { type: 'string' },
    word: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean' },
    roster: { type: 'string' },
    against: { type: 'string' },
    'as-of': { type: 'string' },
  });
  if (positionals.length === 0) throw new UsageError('缺少要审核的文件或文件夹');
  const today = parseDay(values['as-of']);
  const batch = await batchOf(positionals, io);
  if (!batch) return EXIT.unreadable;
  const roster = values.roster ? told(await (await rosterFile()).readRosterFile(values.roster), io) : undefined;
  if (values.roster && !roster) return EXIT.unreadable;
  const earlier = values.against ? told(await (await earlierRound()).readEarlierRound(values.against), io) : undefined;
  if (values.against && !earlier) return EXIT.unreadable;
  let previous: ReviewInput[] = [];
  if (values.previous) {
    const prevBatch = await batchOf(values.previous, io);
    if (!prevBatch) return EXIT.unreadable;
    previous = await readAllFiles(prevBatch.files);
  }
  const [own] = values.region ? await readAllFiles([{ path: values.region, name: basename(values.region) }]) : [];
  if (own && 'error' in own) {
    io.err(own.error);
    return EXIT.unreadable;
  }
  const region = own?.report;

  const reviewed = new Array<ReviewedReport>(batch.files.length);
  await reviewFiles(batch.files, (i, r) => (reviewed[i] = r), { previous });
  const review = finishReview(reviewed);
  const readable = review.reports.some((r) => r.report);
  if (!readable && !roster) {
    review.reports.forEach((r) => io.err(r.error!));
    batch.skipped.forEach((s) => io.err(`「${s.name}」${s.reason}`));
    io.err(review.reports.length === 0 ? '没有找到报告文件：请给出报告文件，或含报告文件的文件夹' : '没有一份报告能够读取');
    return EXIT.unreadable;
  }
  const hierarchy = region ? checkRegion(review, region) : undefined;
  const { rechecks, absent } = earlier ? recheckAll(review, earlier) : { rechecks: new Map<number, Recheck>(), absent: [] };
  const rosterView = roster ? rosterLines(roster.entries, review, rechecks, today, earlier) : undefined;

  if (values.json)
    io.out(
      reviewJson(review, {
        skipped: batch.skipped,
        hierarchy,
        roster: rosterView,
        rechecks,
        ...(earlier ? { against: { source: earlier.source, absent } } : {}),
      }),
    );
  else {
    const statusOf = new Map<number, string>();
    for (const l of rosterView?.lines ?? []) for (const i of l.reports) statusOf.set(i, l.status);
    review.reports.forEach((r, i) => {
      const re = rechecks.get(i);
      const extra = [
        ...(rosterView ? [rosterView.unlisted.has(i) ? '名单外' : `收集：${statusOf.get(i)}`] : []),
        ...(earlier ? [re ? `对照上轮：${recheckLine(re)}` : '上轮没有这个单位'] : []),
      ];
      io.out(reportLine(r, extra));
      if (re)
        for (const p of re.problems) io.out(`  ${p.mark}\t${p.severity}\t${p.cells ? briefCellNames(p.cells) + '：' : ''}${p.message}`);
      else if (r.status === '有错误') io.out('  ' + firstProblems(r, 1).split('\n')[0]);
      if (re?.changed?.length)
        io.out(`  改动的格子：${re.changed.map((c) => `${c.name} ${c.before ?? '空白'}→${c.after ?? '空白'}`).join('；')}`);
      for (const f of r.risk?.flags ?? []) io.out(`  风险（${f.mark === 'red' ? '红' : '黄'}）\t${f.message}`);
    });
    for (const l of rosterView?.lines ?? [])
      if (l.status === '未报送')
        io.out(['未报送', l.entry.name, l.entry.level, `应于 ${printedDate(l.deadline)}前报送`, ...(l.overdue ? ['逾期'] : [])].join('\t'));
    batch.skipped.forEach((s) => io.out(skippedLine(s)));
    if (region && hierarchy) {
      io.out(`本级报告 ${region.agency} 与各单位合计：${hierarchy.length === 0 ? '一致' : `${hierarchy.length} 个格子不一致`}`);
      hierarchy.forEach((f) => io.out(`  ${SEVERITY_LABEL[f.severity]}  ${f.message}`));
    }
    for (const body of absent) io.out(`上轮有错误应退回修改、本轮未重新报送：${body}`);
    if (rosterView) {
      const lines = rosterView.lines;
      const missing = lines.filter((l) => l.status === '未报送');
      const before = lines.filter((l) => l.earlier);
      const now = lines.length - missing.length - before.length;
      io.out(
        `名单 ${lines.length} 个单位：${earlier ? `本轮报送 ${now}，上轮已报送 ${before.length}（其中应退回修改而未重新报送 ${before.filter((l) => l.status === '退回修改').length}）` : `已报送 ${now}`}` +
          `，未报送 ${missing.length}（其中逾期 ${missing.filter((l) => l.overdue).length}）${rosterView.unlisted.size ? `；名单外的报告 ${rosterView.unlisted.size} 份` : ''}`,
      );
    }
    if (earlier) {
      const all = [...rechecks.values()];
      const sum = (k: 'fixed' | 'remaining' | 'added') => all.reduce((n, r) => n + r[k], 0);
      io.out(`对照 ${earlier.source}：${recheckLine({ fixed: sum('fixed'), remaining: sum('remaining'), added: sum('added') })}`);
    }
    io.out(countsLine(review));
  }
  if (values.out) {
    const title = reviewTitle(review, region?.agency);
    const rows: RosterRow[] | undefined = rosterView?.lines.map((l) => ({
      name: l.entry.name,
      level: l.entry.level,
      status: l.status,
      deadline: l.deadline,
      overdue: l.overdue,
      ...(l.reports.length > 0 ? { report: l.reports[0] } : {}),
    }));
    const bytes = await (
      await workbook()
    ).problemWorkbook(review, {
      title,
      date: today,
      ...(region && hierarchy ? { hierarchy: { region: region.agency, findings: hierarchy } } : {}),
      ...(rows ? { roster: rows } : {}),
      ...(earlier ? { rechecks, against: earlier.source } : {}),
    });
    if (failed(await writeFileAtomic(values.out, bytes), io)) return EXIT.unreadable;
  }
  if (values.word) {
    const bodies = review.reports.map((r, i) => ({ reviewed: r, ...(rechecks.get(i) ? { recheck: rechecks.get(i) } : {}) }));
    const written = await writeFileAtomic(values.word, await (await letter()).problemLetterDocx(bodies, { date: today }));
    if (failed(written, io)) return EXIT.unreadable;
  }
  if (!readable) return EXIT.unreadable;
  return review.reports.some((r) => r.status === '有错误' || r.status === '读取失败') ? EXIT.findings : EXIT.ok;
};

/** Every file read into a part of the 汇总 (its errors counted, its text dropped), or the first that could not be read. */
async function readParts(paths: readonly string[], io: CliIO): Promise<Result<SumPart[]>> {
  const batch = await expandPaths(paths);
  if (!batch.ok) return batch;
  for (const s of batch.value.skipped) io.err(`未读取「${s.name}」：${s.reason}`);
  const parts = new Array<SumPart>(batch.value.files.length);
  let bad: string | undefined;
  await sumFiles(batch.value.files, (i, part) => {
    if ('error' in part) bad ??= part.error;
    else parts[i] = part;
  });
  if (bad !== undefined) return fail('unreadable', `${bad}。汇总未生成：请去掉或改正这个文件后再汇总`);
  if (parts.length === 0) return fail('nothing_to_sum', '没有找到报告文件：请给出各单位的报告文件，或含报告文件的文件夹');
  return ok(parts);
}

/**
 * Last year's 汇总 (`--previous`): a 汇总 file, or last year's bodies'
 * reports, summed here. A body's own report is refused: the 汇总 is checked
 * against last year's 汇总 only.
 */
async function previousSum(paths: readonly string[], options: { agency: string; level: Report['level']; year: number }, io: CliIO) {
  const parts = await readParts(paths, { out: () => undefined, err: () => undefined });
  if (!parts.ok) return parts;
  const sums = parts.value.filter((p) => kindOf(p.report) === 'sum');
  if (sums.length === 1 && parts.value.length === 1) return ok(sums[0]!.report);
  if (sums.length > 0)
    return fail('previous_mixed', `--previous 给出的「${sums[0]!.fileName}」是汇总，应只给这一份上年汇总，不要与各单位的报告一起给`);
  if (parts.value.length === 1)
    return fail(
      'previous_not_sum',
      `「${parts.value[0]!.fileName}」是${parts.value[0]!.report.agency}自己的年度报告，不是汇总：汇总只与上年的汇总对照。请给出上年用 nianbao sum 生成的汇总，或上年各单位报告所在的文件夹`,
    );
  const summed = sumReports(parts.value, { ...options, year: options.year - 1, includeErrors: true });
  if (!summed.ok) return summed;
  io.err(`上年汇总由 ${parts.value.length} 份上年报告相加得出。`);
  return ok(summed.value.report);
}

export const sumCmd: Command = async (args, io) => {
  const { positionals, values } = parse(args, {
    agency: { type: 'string' },
    year: { type: 'string' },
    level: { type: 'string' },
    previous: { type: 'string', multiple: true },
    out: { type: 'string' },
    'include-errors': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('缺少要汇总的文件或文件夹');
  const agency = values.agency?.trim();
  if (!agency) throw new UsageError('缺少 --agency 汇总报告的机关名称（如 余杭区人民政府）');
  const year = yearOption(values.year ?? '');
  const level = values.level === undefined ? inferLevel(agency).level : values.level;
  if (!isLevel(level)) throw new UsageError(`--level 应为 ${LEVELS.join('、')} 之一`);
  const out = values.out;
  const format = out ? formatOfName(out) : undefined;
  if (out && !(format && EXPORT_FORMATS.includes(format.id)))
    throw new UsageError(`--out 的扩展名应为 ${EXPORT_FORMATS.map((f) => fileFormat(f).extensions[0]).join('、')} 之一`);
  const parts = told(await readParts(positionals, io), io);
  if (!parts) return EXIT.unreadable;
  const previous = values.previous ? told(await previousSum(values.previous, { agency, level, year }, io), io) : null;
  if (previous === undefined) return EXIT.unreadable;
  const summed = told(sumReports(parts, { agency, year, level, includeErrors: !!values['include-errors'], previous }), io);
  if (!summed) return EXIT.unreadable;
  summed.notices.forEach((n) => io.err(n));
  io.err(`计入（${summed.included.length}）：${summed.included.map((p) => p.report.agency || p.fileName).join('、')}`);
  for (const e of summed.excluded) io.err(`未计入：${e.agency || e.fileName}（${e.fileName}）：${e.reason}`);
  const { report } = summed;
  if (previous) {
    // Against last year's 汇总: the tables only (the 汇总's text is the region's to write).
    const checked = validate(report, { previous }).filter(
      (f) => !(NARRATIVE_IDS as readonly string[]).includes(f.section) && f.rule !== 'cell.blank',
    );
    io.err(`与上年汇总（${previous.agency} ${previous.year} 年）对照：${checked.length === 0 ? '未发现问题' : `${checked.length} 项`}`);
    checked.forEach((f) => io.err(`  ${SEVERITY_LABEL[f.severity]}  ${f.message}`));
  }
  if (!out || !format) {
    io.out(reportToJson(report).trimEnd());
    return EXIT.ok;
  }
  // The 汇总 has no text yet: a document of it is a working draft, marked so.
  // --out was checked against the formats written above.
  const written = await (await writers()).writerFor(format.id)!(report, out, { findings: validate(report), draft: true });
  return failed(written, io) ? EXIT.unreadable : EXIT.ok;
};
