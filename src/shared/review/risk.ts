// Risk at a glance across a round (report-format.md, "Risk figures"): the
// KPIs defined once in ../kpi, each marked red or yellow by thresholds that
// are data; a total that jumps against last year (the `continuity.jump`
// findings); and a zero where most bodies of the same level have a value —
// a 街道 with no 行政处罚 among 街道 that all have some. Pure: the page's
// ranking and chart, the 问题清单 workbook and `review --json` read it.
import { formatKpi, kpi, type KpiDef } from '../kpi';
import type { Report } from '../model/report';
import { ruleOfKind } from '../rules/catalog';
import type { Finding } from '../rules/types';
import type { Level } from '../template/gov2021';

export type RiskMark = 'red' | 'yellow';

/** A KPI's marks: a value past `yellow` is yellow, past `red` red ("below": smaller is worse). */
export interface RiskThreshold {
  kpi: string;
  direction: 'below' | 'above';
  yellow: number;
  red: number;
}

/** Defaults of report-format.md: 实质公开率 below 45% yellow, below 40% red; a 纠错率 over 10% yellow, over 15% red. */
export const RISK_THRESHOLDS: readonly RiskThreshold[] = [
  { kpi: 'disclosure_rate', direction: 'below', yellow: 0.45, red: 0.4 },
  { kpi: 'review_correction_rate', direction: 'above', yellow: 0.1, red: 0.15 },
  { kpi: 'suit_correction_rate', direction: 'above', yellow: 0.1, red: 0.15 },
];

/**
 * A zero stands out where more than `share` of the bodies of the same level
 * that report the figure have it above 0, and at least `minPeers` of them
 * report it (two 街道 are no pattern).
 */
export const PEER_ZERO = {
  kpis: ['received', 'licensing', 'penalty', 'coercion', 'normative_issued'],
  share: 0.5,
  minPeers: 4,
} as const;

/** The rule whose findings are the jumps against last year. */
export const JUMP_RULE = ruleOfKind('jump').id;

/** The figures of the thresholds, in order: the columns every layout shows. */
export const RISK_KPIS: readonly KpiDef[] = RISK_THRESHOLDS.map((t) => kpi(t.kpi));

const PEER_KPIS: readonly KpiDef[] = PEER_ZERO.kpis.map(kpi);

/** What the risk of one body is computed from: small enough to keep for thousands of bodies. */
export interface RiskInput {
  level: Level;
  /** The KPI values the risks read, by id. */
  values: Readonly<Record<string, number | null>>;
  /** The body's findings (its jumps among them). */
  findings: readonly Finding[];
}

export interface RiskFigure {
  id: string;
  label: string;
  value: number | null;
  /** As shown: "38.5%", "—". */
  text: string;
  mark: RiskMark | null;
}

export interface RiskFlag {
  kind: 'threshold' | 'jump' | 'peer_zero';
  mark: RiskMark;
  /** Short, for a chip: "实质公开率 38.5%". */
  label: string;
  /** The sentence a reviewer reads. */
  message: string;
}

export interface BodyRisk {
  figures: readonly RiskFigure[];
  flags: readonly RiskFlag[];
  red: number;
  yellow: number;
}

/** The values a body's risk needs, computed once from its report. */
export function riskValues(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const def of [...RISK_KPIS, ...PEER_KPIS]) out[def.id] = def.value(report);
  return out;
}

/** A figure's mark by its threshold; none for a figure without a value. */
export function markOf(t: RiskThreshold, value: number | null): RiskMark | null {
  if (value === null || !Number.isFinite(value)) return null;
  const worse = (limit: number) => (t.direction === 'below' ? value < limit : value > limit);
  return worse(t.red) ? 'red' : worse(t.yellow) ? 'yellow' : null;
}

const percent = (n: number) => `${Math.round(n * 100)}%`;

function thresholdText(t: RiskThreshold, mark: RiskMark): string {
  return `${t.direction === 'below' ? '低于' : '高于'} ${percent(mark === 'red' ? t.red : t.yellow)}`;
}

/** The three KPIs of a body with their marks. */
export function riskFigures(values: Readonly<Record<string, number | null>>): RiskFigure[] {
  return RISK_THRESHOLDS.map((t, i) => {
    const def = RISK_KPIS[i]!;
    const value = values[t.kpi] ?? null;
    return { id: def.id, label: def.label, value, text: formatKpi(def, value), mark: markOf(t, value) };
  });
}

/** Per level and figure: how many bodies report it, and how many above 0. */
function peerCounts(inputs: readonly RiskInput[]): Map<string, { known: number; nonzero: number }> {
  const counts = new Map<string, { known: number; nonzero: number }>();
  for (const input of inputs) {
    for (const def of PEER_KPIS) {
      const v = input.values[def.id];
      if (v === null || v === undefined) continue;
      const key = `${input.level}|${def.id}`;
      const c = counts.get(key) ?? { known: 0, nonzero: 0 };
      c.known++;
      if (v > 0) c.nonzero++;
      counts.set(key, c);
    }
  }
  return counts;
}

/** Each body's risk, in the order given; the zeros are judged against the bodies of the same level among `inputs`. */
export function assessRisks(inputs: readonly RiskInput[]): BodyRisk[] {
  const peers = peerCounts(inputs);
  return inputs.map((input) => {
    const figures = riskFigures(input.values);
    const flags: RiskFlag[] = [];
    figures.forEach((f, i) => {
      if (!f.mark) return;
      flags.push({
        kind: 'threshold',
        mark: f.mark,
        label: `${f.label} ${f.text}`,
        message: `${f.label}为 ${f.text}，${thresholdText(RISK_THRESHOLDS[i]!, f.mark)}`,
      });
    });
    for (const finding of input.findings) {
      if (finding.rule !== JUMP_RULE) continue;
      flags.push({ kind: 'jump', mark: 'yellow', label: '与上年相比变化很大', message: finding.message });
    }
    for (const def of PEER_KPIS) {
      if (input.values[def.id] !== 0) continue;
      const c = peers.get(`${input.level}|${def.id}`);
      if (!c || c.known < PEER_ZERO.minPeers || c.nonzero / c.known <= PEER_ZERO.share) continue;
      flags.push({
        kind: 'peer_zero',
        mark: 'yellow',
        label: `${def.label}为 0`,
        message: `${def.label}为 0，而同为「${input.level}」的 ${c.known} 个单位中有 ${c.nonzero} 个不为 0：请确认是否漏填`,
      });
    }
    const red = flags.filter((f) => f.mark === 'red').length;
    return { figures, flags, red, yellow: flags.length - red };
  });
}

/**
 * How near a body's worst figure comes to its yellow line: 1 on the line,
 * above 1 past it ("below" figures: the line over the value; "above": the
 * value over the line); 0 where no figure has a value.
 */
function nearness(figures: readonly RiskFigure[]): number {
  let worst = 0;
  RISK_THRESHOLDS.forEach((t, i) => {
    const v = figures[i]?.value;
    if (v === null || v === undefined || !Number.isFinite(v)) return;
    const near = t.direction === 'below' ? (v > 0 ? t.yellow / v : Infinity) : t.yellow > 0 ? v / t.yellow : v > 0 ? Infinity : 0;
    worst = Math.max(worst, near);
  });
  return worst;
}

type Ranked = Pick<BodyRisk, 'red' | 'yellow' | 'figures'>;

/** Worst first: more red marks, then more yellow, then the figure nearest its line; ties keep the given order. */
export function byRisk(a: Ranked, b: Ranked): number {
  return b.red - a.red || b.yellow - a.yellow || nearness(b.figures) - nearness(a.figures);
}

export const RISK_LABEL: Record<RiskMark, string> = { red: '红', yellow: '黄' };
