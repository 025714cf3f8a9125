// Reviewing many bodies' reports at once, as the 政务公开办 does in January:
// each report validated with its own body's last-year report where one is at
// hand, given a status, its counts and four headline figures, and the
// problems it must send back. Pure: the CLI, the app's page and the 问题清单
// writers all derive their rows from here.
import { computeKpis, formatKpi } from '../kpi';
import type { Report } from '../model/report';
import { validate } from '../rules/engine';
import { blockingFindings } from '../rules/explanations';
import type { DocumentOutline, Finding, Severity } from '../rules/types';
import { NARRATIVE_IDS } from '../template/gov2021';
import { groupSameBodies, nameMatcher } from './names';

/** A file of the batch as read: its report, or why it could not be read. */
export type ReviewInput =
  /** `outline`: a document's headings as written, so that outline.numbering sees how the file numbered its parts. */
  { fileName: string; report: Report; notes: string[]; outline?: DocumentOutline } | { fileName: string; error: string };

export const REVIEW_STATUSES = ['读取失败', '有错误', '待核实', '通过'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The figures the list shows for each report (受理合计, 办结, 实质公开率, 复议纠错率). */
export const REVIEW_KPIS = ['accepted', 'closed', 'disclosure_rate', 'review_correction_rate'] as const;

export interface ReviewKpi {
  id: string;
  label: string;
  value: number | null;
  text: string;
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
}

export interface Review {
  reports: readonly ReviewedReport[];
  counts: Record<ReviewStatus, number>;
}

const TABLES_ONLY_NOTE = '文件中只有统计表，正文未审核';

const NO_COUNTS: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };

function statusOf(findings: readonly Finding[], report: Report): ReviewStatus {
  if (findings.some((f) => f.severity === 'error')) return '有错误';
  return blockingFindings(findings, report.explanations).length > 0 ? '待核实' : '通过';
}

/** The four figures of a report, computed by the one KPI module. */
function reviewKpis(report: Report): ReviewKpi[] {
  const all = computeKpis(report);
  return REVIEW_KPIS.map((id) => {
    const k = all.find((v) => v.def.id === id)!;
    return { id, label: k.def.label, value: k.value, text: formatKpi(k.def, k.value) };
  });
}

type Readable = Extract<ReviewInput, { report: Report }>;
const readable = (i: ReviewInput): i is Readable => 'report' in i;

/**
 * Last year's report of each readable input, by body name: among `previous`
 * (and, failing that, the batch itself), a report of year − 1 whose body is
 * the same (全称 or 简称).
 */
function previousOf(inputs: readonly ReviewInput[], previous: readonly ReviewInput[]): (Readable | undefined)[] {
  const byYear = new Map<number, Readable[]>();
  for (const p of [...previous, ...inputs].filter(readable)) {
    const list = byYear.get(p.report.year);
    if (list) list.push(p);
    else byYear.set(p.report.year, [p]);
  }
  const matchers = new Map<number, (name: string) => number | undefined>();
  return inputs.map((input) => {
    if (!readable(input)) return undefined;
    const year = input.report.year - 1;
    const candidates = byYear.get(year) ?? [];
    let match = matchers.get(year);
    if (!match) matchers.set(year, (match = nameMatcher(candidates.map((c) => c.report.agency))));
    const i = match(input.report.agency);
    return i === undefined ? undefined : candidates[i];
  });
}

/** The files of the batch that are one body's report of one year, more than once. */
function duplicateFiles(inputs: readonly ReviewInput[]): Map<number, string[]> {
  const byYear = new Map<number, number[]>();
  inputs.forEach((input, index) => {
    if (!readable(input)) return;
    const list = byYear.get(input.report.year);
    if (list) list.push(index);
    else byYear.set(input.report.year, [index]);
  });
  const out = new Map<number, string[]>();
  for (const indexes of byYear.values()) {
    for (const group of groupSameBodies(indexes.map((i) => (inputs[i] as Readable).report.agency))) {
      if (group.length < 2) continue;
      const files = group.map((g) => indexes[g]!);
      for (const i of files)
        out.set(
          i,
          files.filter((j) => j !== i).map((j) => inputs[j]!.fileName),
        );
    }
  }
  return out;
}

/** One report of the batch, validated against its last year's report when there is one. */
function reviewOne(input: ReviewInput, index: number, previous?: Readable, duplicates: readonly string[] = []): ReviewedReport {
  if (!readable(input)) {
    return {
      index,
      fileName: input.fileName,
      status: '读取失败',
      error: input.error,
      findings: [],
      counts: { ...NO_COUNTS },
      unexplained: 0,
      kpis: [],
      notes: [],
      duplicates,
    };
  }
  const { report } = input;
  // A file with no text at all (a workbook of the three tables) is checked for its tables: "正文未填写" would only say what the file is.
  const textless = NARRATIVE_IDS.every((n) => report.narratives[n].trim() === '');
  const all = validate(report, { previous: previous?.report ?? null, ...(input.outline ? { outline: input.outline } : {}) });
  const findings = textless ? all.filter((f) => !(NARRATIVE_IDS as readonly string[]).includes(f.section)) : all;
  const notes = textless ? [...input.notes, TABLES_ONLY_NOTE] : input.notes;
  const counts = { ...NO_COUNTS };
  for (const f of findings) counts[f.severity]++;
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
    notes,
    ...(previous ? { previousFile: previous.fileName } : {}),
    duplicates,
  };
}

/**
 * Results kept between reviews of a growing batch (the page re-reviews as
 * files arrive): an input is validated again only when its place, its
 * last-year report or its duplicates changed.
 */
export type ReviewCache = WeakMap<ReviewInput, { key: string; previous: Readable | undefined; result: ReviewedReport }>;

/** Every report of the batch reviewed; `previous` are last year's files, matched to this year's by body. */
export function reviewBatch(inputs: readonly ReviewInput[], previous: readonly ReviewInput[] = [], cache?: ReviewCache): Review {
  const prev = previousOf(inputs, previous);
  const dups = duplicateFiles(inputs);
  const reports = inputs.map((input, i) => {
    const key = `${i}|${(dups.get(i) ?? []).join('|')}`;
    const kept = cache?.get(input);
    if (kept && kept.key === key && kept.previous === prev[i]) return kept.result;
    const result = reviewOne(input, i, prev[i], dups.get(i));
    cache?.set(input, { key, previous: prev[i], result });
    return result;
  });
  const counts = Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
  for (const r of reports) counts[r.status]++;
  return { reports, counts };
}

/** What the list shows for a body: its name, or the file's where it could not be read. */
export function bodyOf(r: Pick<ReviewedReport, 'report' | 'fileName'>): string {
  return r.report?.agency || r.fileName;
}

/** The title of a batch's 问题清单: "余杭区2024年度政府信息公开工作年度报告审核". */
export function reviewTitle(review: Review, region?: string): string {
  const years = [...new Set(review.reports.flatMap((r) => (r.report ? [r.report.year] : [])))].sort();
  return `${region ?? ''}${years.join('、')}${years.length ? '年度' : ''}政府信息公开工作年度报告审核`;
}
