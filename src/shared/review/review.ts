// Reviewing many bodies' reports at once, as the 政务公开办 does in January:
// each report validated with its own body's last-year report where one is at
// hand, given a status, its counts, its headline figures with their risk
// marks, and the problems it must send back. Pure: the CLI, the round in the
// library and the 问题清单 writers all derive their rows from here.
//
// One report at a time (`reviewOne`), then what needs the whole batch
// (`finishReview`: the same body twice, a zero among bodies of its level), so
// a caller may review thousands of files as they are read, keeping only the
// results.
import { formatKpi, kpi } from '../kpi';
import type { Report } from '../model/report';
import { validate } from '../rules/engine';
import { blockingFindings } from '../rules/explanations';
import { countBySeverity, type DocumentOutline, type Finding, type Severity } from '../rules/types';
import { NARRATIVE_IDS } from '../template/gov2021';
import { groupSameBodies, nameMatcher } from './names';
import { assessRisks, RISK_THRESHOLDS, riskValues, markOf, type BodyRisk, type RiskMark } from './risk';

/** A file of the batch as read: its report, or why it could not be read. */
export type ReviewInput =
  /** `outline`: a document's headings as written, so that outline.numbering sees how the file numbered its parts. */
  { fileName: string; report: Report; notes: string[]; outline?: DocumentOutline } | { fileName: string; error: string };

export const REVIEW_STATUSES = ['读取失败', '有错误', '待核实', '通过'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The figures the list shows for each report: 受理合计, 办结, then the risk figures (实质公开率, 复议纠错率, 诉讼纠错率). */
export const REVIEW_KPIS: readonly string[] = ['accepted', 'closed', ...RISK_THRESHOLDS.map((t) => t.kpi)];

export interface ReviewKpi {
  id: string;
  label: string;
  value: number | null;
  text: string;
  /** Red or yellow where the figure has a threshold and is past it. */
  mark: RiskMark | null;
}

export interface ReviewedReport {
  /** Position in the batch, as given. */
  index: number;
  fileName: string;
  status: ReviewStatus;
  /** Set when the file could not be read. */
  error?: string;
  report?: Report;
  findings: readonly Finding[];
  counts: Record<Severity, number>;
  /** Warnings without a 核实说明 (what keeps a report from 通过). */
  unexplained: number;
  kpis: readonly ReviewKpi[];
  /** What the reader did that the office should know (cells not found, guesses, conversions). */
  notes: readonly string[];
  /** The file of last year's report it was checked against. */
  previousFile?: string;
  /** Other files of the batch that are the same body's report of the same year. */
  duplicates: readonly string[];
  /** The values its risk is judged by (risk.ts), kept so the batch can be judged without the reports. */
  riskValues?: Readonly<Record<string, number | null>>;
  /** Marks and flags against the thresholds and the other bodies of its level (set by finishReview). */
  risk?: BodyRisk;
}

export interface Review {
  reports: readonly ReviewedReport[];
  counts: Record<ReviewStatus, number>;
}

const TABLES_ONLY_NOTE = '文件中只有统计表，正文未审核';

function statusOf(findings: readonly Finding[], report: Report): ReviewStatus {
  if (findings.some((f) => f.severity === 'error')) return '有错误';
  return blockingFindings(findings, report.explanations).length > 0 ? '待核实' : '通过';
}

const THRESHOLD = new Map(RISK_THRESHOLDS.map((t) => [t.kpi, t]));

/** The list's figures of a report, computed by the one KPI module, marked where they have a threshold. */
function reviewKpis(report: Report): ReviewKpi[] {
  // Only the list's figures: thousands of reports need not compute the other KPIs.
  return REVIEW_KPIS.map((id) => {
    const def = kpi(id);
    const value = def.value(report);
    const t = THRESHOLD.get(id);
    return { id, label: def.label, value, text: formatKpi(def, value), mark: t ? markOf(t, value) : null };
  });
}

type Readable = Extract<ReviewInput, { report: Report }>;
const readable = (i: ReviewInput): i is Readable => 'report' in i;

/** Last year's reports by body: finds the report of year − 1 of the same body (全称 or 简称). */
export type PreviousLookup = (report: Report) => Readable | undefined;

export function previousLookup(previous: readonly ReviewInput[]): PreviousLookup {
  const byYear = new Map<number, Readable[]>();
  for (const p of previous.filter(readable)) {
    const list = byYear.get(p.report.year);
    if (list) list.push(p);
    else byYear.set(p.report.year, [p]);
  }
  const matchers = new Map<number, (name: string) => number | undefined>();
  return (report) => {
    const year = report.year - 1;
    const candidates = byYear.get(year) ?? [];
    let match = matchers.get(year);
    if (!match) matchers.set(year, (match = nameMatcher(candidates.map((c) => c.report.agency))));
    const i = match(report.agency);
    return i === undefined ? undefined : candidates[i];
  };
}

/** One report, validated against its last year's report when there is one. */
export function reviewOne(input: ReviewInput, index: number, previous?: Readable): ReviewedReport {
  if (!readable(input)) {
    return {
      index,
      fileName: input.fileName,
      status: '读取失败',
      error: input.error,
      findings: [],
      counts: countBySeverity([]),
      unexplained: 0,
      kpis: [],
      notes: [],
      duplicates: [],
    };
  }
  const { report } = input;
  // A file with no text at all (a workbook of the three tables) is checked for its tables: "正文未填写" would only say what the file is.
  const textless = NARRATIVE_IDS.every((n) => report.narratives[n].trim() === '');
  const all = validate(report, { previous: previous?.report ?? null, ...(input.outline ? { outline: input.outline } : {}) });
  const findings = textless ? all.filter((f) => !(NARRATIVE_IDS as readonly string[]).includes(f.section)) : all;
  const notes = textless ? [...input.notes, TABLES_ONLY_NOTE] : input.notes;
  const counts = countBySeverity(findings);
  const unexplained = blockingFindings(findings, report.explanations).length - counts.error;
  return {
    index,
    fileName: input.fileName,
    status: statusOf(findings, report),
    report,
    findings,
    counts,
    unexplained,
    kpis: reviewKpis(report),
    riskValues: riskValues(report),
    notes,
    ...(previous ? { previousFile: previous.fileName } : {}),
    duplicates: [],
  };
}

/** For each report (by position), the other files that are the same body's report of the same year. */
function duplicateFiles(reports: readonly ReviewedReport[]): Map<number, string[]> {
  const byYear = new Map<number, number[]>();
  reports.forEach((r, i) => {
    if (!r.report) return;
    const list = byYear.get(r.report.year);
    if (list) list.push(i);
    else byYear.set(r.report.year, [i]);
  });
  const out = new Map<number, string[]>();
  for (const positions of byYear.values()) {
    for (const group of groupSameBodies(positions.map((i) => reports[i]!.report!.agency))) {
      if (group.length < 2) continue;
      const files = group.map((g) => positions[g]!);
      for (const i of files)
        out.set(
          i,
          files.filter((j) => j !== i).map((j) => reports[j]!.fileName),
        );
    }
  }
  return out;
}

/** What needs the whole batch: the same body twice, each body's risk beside the others of its level, the counts. */
export function finishReview(reports: readonly ReviewedReport[]): Review {
  const dups = duplicateFiles(reports);
  const readableOnes = reports.filter((r) => r.report && r.riskValues);
  const risks = assessRisks(readableOnes.map((r) => ({ level: r.report!.level, values: r.riskValues!, findings: r.findings })));
  const riskOf = new Map(readableOnes.map((r, i) => [r, risks[i]!]));
  const finished = reports.map((r, i) => ({ ...r, duplicates: dups.get(i) ?? [], ...(riskOf.has(r) ? { risk: riskOf.get(r) } : {}) }));
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const r of finished) counts[r.status]++;
  return { reports: finished, counts };
}

/** Every report of the batch reviewed; `previous` are last year's files, matched to this year's by body. */
export function reviewBatch(inputs: readonly ReviewInput[], previous: readonly ReviewInput[] = []): Review {
  const lookup = previousLookup(previous);
  return finishReview(inputs.map((input, i) => reviewOne(input, i, readable(input) ? lookup(input.report) : undefined)));
}

/** What the list shows for a body: its name, or the file's where it could not be read. */
export function bodyOf(r: Pick<ReviewedReport, 'report' | 'fileName'>): string {
  return r.report?.agency || r.fileName;
}

/** The title of a batch's 问题清单: "余杭区2024年度政府信息公开工作年度报告审核". */
export function reviewTitle(review: Pick<Review, 'reports'>, region?: string): string {
  const years = [...new Set(review.reports.flatMap((r) => (r.report ? [r.report.year] : [])))].sort();
  return `${region ?? ''}${years.join('、')}${years.length ? '年度' : ''}政府信息公开工作年度报告审核`;
}
