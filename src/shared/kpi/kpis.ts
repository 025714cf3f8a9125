// The few figures leaders read instead of 200 cells, defined once: the
// editor's 概览, the review page, the 一图读懂 and the exports all compute
// them here. A ratio whose denominator is 0 (or a cell that holds text) has
// no value: it shows "—", never NaN or ∞.
import { cellDef, cellKey, type CellKey } from '../model/cells';
import { cellNumber, isUnread, setCells, type Report } from '../model/report';
import { sumOfParts, TOTAL_LEAVES } from '../rules/totals';
import { REQUEST_GROUPS, SUIT_ROWS } from '../template/gov2021';
import { sumKnown } from '../math';
import { FIGURE_TOO_LARGE, formatFigure, isCountable, isShowable, NOT_A_COUNT } from '../figures';

export type KpiUnit = '件' | '%' | '万元';

export interface KpiDef {
  id: string;
  label: string;
  unit: KpiUnit;
  /** How it is computed, in words shown beside it. */
  definition: string;
  /** Where it is shown: the headline figures, the request ratios, appeals, or 主动公开. */
  group: 'requests' | 'ratios' | 'appeals' | 'proactive';
  value(report: Report): number | null;
}

/** A cell's number for a KPI: blank counts as 0, text makes the KPI unknown. */
function n(report: Report, key: CellKey): number | null {
  return cellNumber(report, key) ?? null;
}

const sum = (...values: (number | null)[]): number | null => sumKnown(values);

/** A share; null where the denominator is 0 or unknown (or below 0, which only figures that do not add up give). */
function ratio(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole <= 0) return null;
  return part / whole;
}

/** A group of table 三's results (（三）不予公开…), its rows' totals added: the table has no row for it. */
export const groupTotal = (report: Report, rows: readonly string[]) =>
  sumKnown(rows.map((row) => n(report, cellKey('requests', row, 'total'))));
const groupRows = (heading: string) => REQUEST_GROUPS.find((g) => g.heading === heading)!.rows;

const received = (r: Report) => n(r, 'requests.received.total');
const accepted = (r: Report) => sum(received(r), n(r, 'requests.carried_over.total'));
const closed = (r: Report) => n(r, 'requests.results_total.total');
const denied = (r: Report) => groupTotal(r, groupRows('（三）不予公开'));
const unable = (r: Report) => groupTotal(r, groupRows('（四）无法提供'));
const suitSum = (r: Report, col: string) => sum(...SUIT_ROWS.map((s) => n(r, cellKey('appeals', s.key, col))));
/** Closed cases: every case but those 尚未审结. */
const closedCases = (total: number | null, pending: number | null) => (total === null || pending === null ? null : total - pending);

export const KPIS: readonly KpiDef[] = [
  {
    id: 'received',
    label: '新收申请',
    unit: '件',
    group: 'requests',
    definition: '三、一 本年新收政府信息公开申请数量（总计）',
    value: received,
  },
  { id: 'accepted', label: '受理合计', unit: '件', group: 'requests', definition: '新收申请 + 上年结转申请（总计）', value: accepted },
  { id: 'closed', label: '办结', unit: '件', group: 'requests', definition: '三、（七）办理结果总计', value: closed },
  {
    id: 'disclosure_rate',
    label: '实质公开率',
    unit: '%',
    group: 'ratios',
    definition: '（予以公开 + 部分公开）÷ 办理结果总计；总计为 0 时不计算',
    value: (r) => ratio(sum(n(r, 'requests.granted.total'), n(r, 'requests.partial.total')), closed(r)),
  },
  {
    id: 'denied_share',
    label: '不予公开占比',
    unit: '%',
    group: 'ratios',
    definition: '（三）不予公开各项之和 ÷ 办理结果总计；总计为 0 时不计算',
    value: (r) => ratio(denied(r), closed(r)),
  },
  {
    id: 'unable_share',
    label: '无法提供占比',
    unit: '%',
    group: 'ratios',
    definition: '（四）无法提供各项之和 ÷ 办理结果总计；总计为 0 时不计算',
    value: (r) => ratio(unable(r), closed(r)),
  },
  {
    id: 'not_held_share',
    label: '本机关不掌握占无法提供',
    unit: '%',
    group: 'ratios',
    definition: '（四）1 本机关不掌握相关政府信息 ÷（四）无法提供各项之和；没有无法提供的申请时不计算',
    value: (r) => ratio(n(r, 'requests.unable_not_held.total'), unable(r)),
  },
  {
    id: 'carried_forward_share',
    label: '结转下年占比',
    unit: '%',
    group: 'ratios',
    definition: '四、结转下年度继续办理 ÷ 受理合计；受理合计为 0 时不计算',
    value: (r) => ratio(n(r, 'requests.carried_forward.total'), accepted(r)),
  },
  {
    id: 'review_cases',
    label: '行政复议',
    unit: '件',
    group: 'appeals',
    definition: '行政复议总计',
    value: (r) => n(r, 'appeals.review.total'),
  },
  {
    id: 'suit_cases',
    label: '行政诉讼',
    unit: '件',
    group: 'appeals',
    definition: '行政诉讼（未经复议直接起诉 + 复议后起诉）总计',
    value: (r) => suitSum(r, 'total'),
  },
  {
    id: 'review_correction_rate',
    label: '复议纠错率',
    unit: '%',
    group: 'appeals',
    definition: '行政复议结果纠正 ÷ 已审结的复议案件（总计 − 尚未审结）；没有审结的案件时不计算',
    value: (r) => ratio(n(r, 'appeals.review.corrected'), closedCases(n(r, 'appeals.review.total'), n(r, 'appeals.review.pending'))),
  },
  {
    id: 'suit_correction_rate',
    label: '诉讼纠错率',
    unit: '%',
    group: 'appeals',
    definition: '行政诉讼结果纠正 ÷ 已审结的诉讼案件（总计 − 尚未审结，两类诉讼合计）；没有审结的案件时不计算',
    value: (r) => ratio(suitSum(r, 'corrected'), closedCases(suitSum(r, 'total'), suitSum(r, 'pending'))),
  },
  {
    id: 'regulations_issued',
    label: '规章 本年制发',
    unit: '件',
    group: 'proactive',
    definition: '二、规章 本年制发件数',
    value: (r) => n(r, 'proactive.regulations.issued'),
  },
  {
    id: 'regulations_in_force',
    label: '规章 现行有效',
    unit: '件',
    group: 'proactive',
    definition: '二、规章 现行有效件数',
    value: (r) => n(r, 'proactive.regulations.in_force'),
  },
  {
    id: 'normative_issued',
    label: '规范性文件 本年制发',
    unit: '件',
    group: 'proactive',
    definition: '二、行政规范性文件 本年制发件数',
    value: (r) => n(r, 'proactive.normative_docs.issued'),
  },
  {
    id: 'normative_in_force',
    label: '规范性文件 现行有效',
    unit: '件',
    group: 'proactive',
    definition: '二、行政规范性文件 现行有效件数',
    value: (r) => n(r, 'proactive.normative_docs.in_force'),
  },
  {
    id: 'licensing',
    label: '行政许可',
    unit: '件',
    group: 'proactive',
    definition: '二、行政许可 本年处理决定数量',
    value: (r) => n(r, 'proactive.licensing.decisions'),
  },
  {
    id: 'penalty',
    label: '行政处罚',
    unit: '件',
    group: 'proactive',
    definition: '二、行政处罚 本年处理决定数量',
    value: (r) => n(r, 'proactive.penalty.decisions'),
  },
  {
    id: 'coercion',
    label: '行政强制',
    unit: '件',
    group: 'proactive',
    definition: '二、行政强制 本年处理决定数量',
    value: (r) => n(r, 'proactive.coercion.decisions'),
  },
  {
    id: 'fees',
    label: '行政事业性收费',
    unit: '万元',
    group: 'proactive',
    definition: '二、行政事业性收费 本年收费金额（万元）',
    value: (r) => n(r, 'proactive.fees.amount'),
  },
];

/** Said once beside the KPIs wherever they are shown. */
export const KPI_EDGE_NOTE = '空白单元格按 0 计；比率的分母为 0 时不计算，显示“—”；所需单元格填了文字时该项无法计算，也显示“—”。';

export interface KpiValue {
  def: KpiDef;
  value: number | null;
  /** Last year's value; undefined when last year's report is not known. */
  previous?: number | null;
  /** value − previous (percentage points for a ratio); null when either is unknown. */
  change?: number | null;
  /**
   * Where last year's published total contradicts its own parts, last year's
   * value is taken from the parts, and this says so ("上年报告中行政复议·总计写作 0，
   * 与其各项之和 11 不符，按各项之和比较").
   */
  previousNote?: string;
}

/** A total of last year's report that contradicts its own parts, and what its parts add up to. */
export interface CorrectedTotal {
  cell: CellKey;
  published: number;
  parts: number;
}

/**
 * Last year's report as figures are compared against it: a published total
 * that contradicts its own leaves (every part given, none of them text) is
 * taken from the leaves. A report is published with its errors; a figure
 * "较上年" computed from a wrong total would be a wrong number in its turn.
 */
export function comparableLastYear(previous: Report): { report: Report; corrected: CorrectedTotal[] } {
  const corrected: CorrectedTotal[] = [];
  for (const [total, leaves] of TOTAL_LEAVES) {
    const published = cellNumber(previous, total);
    if (published === undefined || leaves.some((k) => isUnread(previous, k))) continue;
    const parts = sumOfParts(previous, leaves);
    if (typeof parts === 'number' && parts !== published) corrected.push({ cell: total, published, parts });
  }
  const report = setCells(
    previous,
    corrected.map((c) => [c.cell, c.parts] as const),
  );
  return { report, corrected };
}

export function kpi(id: string): KpiDef {
  const def = KPIS.find((k) => k.id === id);
  if (!def) throw new Error(`unknown KPI ${id}`);
  return def;
}

/** Every KPI of a report, beside last year's where that report is known. */
export function computeKpis(report: Report, previous?: Report | null): KpiValue[] {
  const last = previous ? comparableLastYear(previous) : undefined;
  return KPIS.map((def) => {
    const value = def.value(report);
    if (!previous || !last) return { def, value };
    const before = def.value(last.report);
    // The totals that moved this figure: each alone, set back to what was published, changes it.
    const moved = last.corrected.filter((c) => def.value(setCells(last.report, [[c.cell, c.published]])) !== before);
    const note =
      moved.length > 0
        ? `上年报告中${moved.map((c) => `${cellDef(c.cell)!.name}写作 ${c.published}，与其各项之和 ${c.parts} 不符`).join('；')}：上年按各项之和计`
        : undefined;
    return {
      def,
      value,
      previous: before,
      // A change from or to a wrong figure (negative, absurd) would be a wrong figure in its turn.
      change: isCountable(value) && isCountable(before) ? value - before : null,
      ...(note ? { previousNote: note } : {}),
    };
  });
}

/** A KPI as shown: "76.5%", "1,234 件", "96,171.6 万元" (one number format, formatFigure); "—" where it has no value, 「数值过大」/「数值有误」 where it can't be one. */
export function formatKpi(def: Pick<KpiDef, 'unit'>, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (!isShowable(def.unit === '%' ? value * 100 : value)) return FIGURE_TOO_LARGE;
  // Every KPI is a count, an amount or a share of counts: a negative one comes from a wrong cell, shown as such.
  if (value < 0) return NOT_A_COUNT;
  if (def.unit === '%') return `${formatFigure(value * 100, 1, true)}%`;
  return `${formatFigure(value, def.unit === '万元' ? 4 : 0)} ${def.unit}`;
}

/** A change as shown: "+12 件", "−3.2 个百分点", "持平"; "—" where it has no value. */
export function formatChange(def: Pick<KpiDef, 'unit'>, change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '—';
  const size = Math.abs(change);
  if (!isShowable(def.unit === '%' ? size * 100 : size)) return '—';
  // A change too small to show at the figure's precision is no change: never "+0.0 个百分点".
  const shown = def.unit === '%' ? formatFigure(size * 100, 1, true) : formatFigure(size, def.unit === '万元' ? 4 : 0);
  if (Number(shown.replace(/,/g, '')) === 0) return '持平';
  const sign = change > 0 ? '+' : '−';
  return `${sign}${shown} ${def.unit === '%' ? '个百分点' : def.unit}`;
}
