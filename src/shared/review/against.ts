// A report that comes back, beside the 问题清单 it was sent back with: each
// earlier problem 已整改 (gone, or a warning now explained) or 仍存在, each
// problem it did not have 新发现, and the cells that changed. The earlier
// round comes from the library (what 退回 sent), from `review --json` output
// or from a 问题清单 workbook; all three become the same EarlierReport.
import { CELLS, type CellKey } from '../model/cells';
import { valueOf, type CellValue, type Report } from '../model/report';
import { isExplanation } from '../rules/explanations';
import { SEVERITY_LABEL, SEVERITIES, type Severity } from '../rules/types';
import { nameMatcher } from './names';
import { DUPLICATE_ID, problemRows, UNREADABLE_ID, type ProblemRow } from './problems';
import type { ReviewedReport } from './review';

export const RECHECK_MARKS = ['已整改', '仍存在', '新发现'] as const;
export type RecheckMark = (typeof RECHECK_MARKS)[number];

export type ProblemKind = ProblemRow['kind'];

/** A problem of the earlier round as it was sent back. */
export interface EarlierProblem {
  /** The finding's id; a 问题清单 of an older version has none, and is matched by rule and cells. */
  id?: string;
  kind: ProblemKind;
  rule: string;
  message: string;
  /** The cells by their printed names ("三、（七）总计·自然人、…"). */
  cells: string;
}

export interface EarlierReport {
  body: string;
  fileName?: string;
  problems: readonly EarlierProblem[];
  /** The figures as sent then, where the earlier round kept them: the changed cells are listed against them. */
  values?: Readonly<Partial<Record<CellKey, CellValue>>>;
}

export interface EarlierRound {
  /** Where it came from ("第一轮问题清单.xlsx"), for the lines that say what was compared. */
  source: string;
  reports: readonly EarlierReport[];
}

export interface RecheckedProblem {
  mark: RecheckMark;
  kind: ProblemKind;
  /** 错误, 需核实, 提示, 读取失败, 重复. */
  severity: string;
  rule: string;
  message: string;
  cells: string;
  /** For 已整改: 已改正, or 已写核实说明 for a warning that stands explained. */
  how?: string;
  id?: string;
}

export interface ChangedCell {
  key: CellKey;
  name: string;
  before: CellValue;
  after: CellValue;
}

export interface Recheck {
  problems: readonly RecheckedProblem[];
  fixed: number;
  remaining: number;
  added: number;
  /** Every earlier error and warning (and unreadable file, duplicate) is closed: the body's report is 已整改. */
  closed: boolean;
  /** The cells whose figure changed; null where the earlier figures are not known. */
  changed: readonly ChangedCell[] | null;
}

const KIND_LABEL: Record<ProblemKind, string> = { ...SEVERITY_LABEL, unreadable: '读取失败', duplicate: '重复' };
const KIND_OF_LABEL = new Map<string, ProblemKind>(Object.entries(KIND_LABEL).map(([k, v]) => [v, k as ProblemKind]));

/** A problem's kind from how an earlier round wrote it: a severity id ("error"), its label ("错误"), or the row's rule. */
export function problemKind(severity: string, rule = ''): ProblemKind | undefined {
  if (rule === UNREADABLE_ID) return 'unreadable';
  if (rule === DUPLICATE_ID) return 'duplicate';
  if ((SEVERITIES as readonly string[]).includes(severity)) return severity as Severity;
  return KIND_OF_LABEL.get(severity.trim());
}

/** The same problem in two rounds: the same finding id, or for an earlier one without ids, the same rule over the same cells. */
function same(earlier: EarlierProblem, now: ProblemRow): boolean {
  if (earlier.id) return earlier.id === now.id;
  return earlier.rule === now.rule && earlier.cells === now.cells;
}

/** A problem that must be closed for 已整改: every one but a notice. */
const mustClose = (kind: ProblemKind) => kind !== 'notice';

/** The report as it came back, beside the problems it was sent back with. */
export function recheck(earlier: EarlierReport, now: ReviewedReport): Recheck {
  const rows = problemRows(now);
  const matched = new Set<ProblemRow>();
  const problems: RecheckedProblem[] = [];
  for (const p of earlier.problems) {
    const still = rows.find((r) => !matched.has(r) && same(p, r));
    const base = {
      kind: p.kind,
      severity: KIND_LABEL[p.kind],
      rule: p.rule,
      message: p.message,
      cells: p.cells,
      ...(p.id ? { id: p.id } : {}),
    };
    if (!still) {
      problems.push({ ...base, mark: '已整改', how: '已改正' });
      continue;
    }
    matched.add(still);
    // A warning the body now explains is closed: it says why the figure is right.
    if (still.kind === 'warning' && isExplanation(still.explanation))
      problems.push({ ...base, mark: '已整改', how: '已写核实说明', message: still.message });
    else problems.push({ ...base, mark: '仍存在', message: still.message });
  }
  for (const r of rows) {
    if (matched.has(r)) continue;
    problems.push({ mark: '新发现', kind: r.kind, severity: r.severity, rule: r.rule, message: r.message, cells: r.cells, id: r.id });
  }
  const count = (mark: RecheckMark) => problems.filter((p) => p.mark === mark).length;
  return {
    problems,
    fixed: count('已整改'),
    remaining: count('仍存在'),
    added: count('新发现'),
    closed: problems.every((p) => p.mark !== '仍存在' || !mustClose(p.kind)),
    changed: changedCells(earlier.values, now),
  };
}

function changedCells(values: EarlierReport['values'], now: ReviewedReport): ChangedCell[] | null {
  if (!values || !now.report) return null;
  const out: ChangedCell[] = [];
  for (const c of CELLS) {
    const before = values[c.key] ?? null;
    const after = valueOf(now.report, c);
    if (before !== after) out.push({ key: c.key, name: c.name, before, after });
  }
  return out;
}

/** The earlier round's report of each body, found by name (全称 or 简称). */
export function earlierLookup(round: EarlierRound): (body: string) => EarlierReport | undefined {
  const find = nameMatcher(round.reports.map((r) => r.body));
  return (body) => {
    const i = find(body);
    return i === undefined ? undefined : round.reports[i];
  };
}

/** Every cell's value of a report, by key: the figures an earlier round keeps. */
export function cellValues(report: Report): Record<CellKey, CellValue> {
  return Object.fromEntries(CELLS.map((c) => [c.key, valueOf(report, c)])) as Record<CellKey, CellValue>;
}

/** The earlier round as this review would send it back: each body's problems and figures. */
export function earlierOf(reports: readonly ReviewedReport[], source: string): EarlierRound {
  return {
    source,
    reports: reports.map((r) => ({
      body: r.report?.agency || r.fileName,
      fileName: r.fileName,
      problems: problemRows(r).map(({ id, kind, rule, message, cells }) => ({ id, kind, rule, message, cells })),
      ...(r.report ? { values: cellValues(r.report) } : {}),
    })),
  };
}

/** "已整改 3 项，仍存在 1 项，新发现 2 项": a recheck in one line. */
export function recheckLine(r: Pick<Recheck, 'fixed' | 'remaining' | 'added'>): string {
  return `已整改 ${r.fixed} 项，仍存在 ${r.remaining} 项，新发现 ${r.added} 项`;
}
