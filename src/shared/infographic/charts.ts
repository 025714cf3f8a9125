// The charts of the 一图读懂 and of the editor's 概览, as ECharts options:
// plain data built once here, rendered by ECharts in Node (the exports) and in
// the page (the editor). No ECharts code in src/shared: an option is a value.
import { groupTotal, kpi, KPIS, formatKpi } from '../kpi';
import { cellKey, type CellKey } from '../model/cells';
import { cellNumber, type Report } from '../model/report';
import {
  APPEAL_COLS,
  APPEAL_ROWS,
  LEVELS_MAKING_REGULATIONS,
  REQUEST_COLS,
  REQUEST_GROUPS,
  REQUEST_PART_COLS,
  REQUEST_ROWS,
} from '../template/gov2021';
import { textWidth } from './text';
import { formatFigure, isCountable, isShowable, NOT_A_COUNT } from '../figures';
import { COLORS, FONT_STACK, SERIES_COLORS } from './theme';

/** An ECharts option: plain JSON-like data. */
export type ChartOption = Record<string, unknown>;

/** Renders an option to an SVG string of the given size (ECharts' server-side SVG, in Node or in the page). */
export type ChartRenderer = (option: ChartOption, width: number, height: number) => string;

/** One category of a chart with its figure; null where a cell holds text. */
export interface Datum {
  name: string;
  value: number | null;
}

/** The length a figure is drawn at: itself, or null (nothing drawn) for text, a negative count or one no report can hold. */
export function drawnValue(value: number | null): number | null {
  return isCountable(value) ? value : null;
}

/** What a chart prints beside a figure: "3,862"; 「数值过大」 or 「数值有误」 where it is not drawn; nothing for text. */
export function figureLabel(value: number | null): string {
  if (value === null) return '';
  if (value < 0 && isShowable(value)) return NOT_A_COUNT;
  return formatFigure(value);
}

const numberAt = (report: Report, key: CellKey): number | null => cellNumber(report, key) ?? null;
const label = (key: string, rows: readonly { key: string; label: string; short?: string }[]) => {
  const row = rows.find((r) => r.key === key)!;
  return row.short ?? row.label;
};

// ---- the figures each chart shows ---------------------------------------------

/** 申请来源: this year's new requests by applicant type. */
export function applicantData(report: Report): Datum[] {
  return REQUEST_PART_COLS.map((col) => ({
    name: REQUEST_COLS.find((c) => c.key === col)!.label,
    value: numberAt(report, cellKey('requests', 'received', col)),
  }));
}

/** 办理结果: the six kinds of result of table 三, each group summed. */
export function resultData(report: Report): Datum[] {
  const single = (row: string): Datum => ({ name: label(row, REQUEST_ROWS), value: numberAt(report, cellKey('requests', row, 'total')) });
  return [
    single('granted'),
    single('partial'),
    ...REQUEST_GROUPS.map((g) => ({
      name: g.heading.replace(/^（.）/, ''),
      value: groupTotal(report, g.rows),
    })),
  ];
}

/** 主动公开: the counts of table 二 (规章 only where the body can make them or reported some). */
export function proactiveData(report: Report): Datum[] {
  const mayHaveRegulations = LEVELS_MAKING_REGULATIONS.includes(report.level);
  return KPIS.filter((k) => k.group === 'proactive' && k.unit === '件')
    .map((k) => ({ id: k.id, name: k.label, value: k.value(report) }))
    .filter((d) => mayHaveRegulations || !d.id.startsWith('regulations') || (d.value ?? 0) > 0)
    .map(({ name, value }) => ({ name, value }));
}

/** 复议诉讼: each kind of case by its result. */
export function appealData(report: Report): {
  rows: string[];
  series: { name: string; values: (number | null)[] }[];
  totals: (number | null)[];
} {
  const results = APPEAL_COLS.filter((c) => c.key !== 'total');
  return {
    // 行政复议, 直接起诉, 复议后起诉: the template's shortest name of each row (the heading says the last two are 行政诉讼).
    rows: APPEAL_ROWS.map((r) => r.aliases?.[0] ?? r.label),
    series: results.map((c) => ({ name: c.label, values: APPEAL_ROWS.map((r) => numberAt(report, cellKey('appeals', r.key, c.key))) })),
    totals: APPEAL_ROWS.map((r) => numberAt(report, cellKey('appeals', r.key, 'total'))),
  };
}

/** Whether a chart has anything to show: a figure other than 0 (a negative or absurd one is shown as such, not as none). */
const anything = (values: (number | null)[]) => values.some((v) => v !== null && v !== 0);

// ---- the options --------------------------------------------------------------

/** Room for the longest category name of a bar chart at a type size, in px (ECharts would cut a longer one short). */
export function categoryLabelWidth(names: readonly string[], fontSize: number): number {
  return Math.ceil(Math.max(0, ...names.map((n) => textWidth(n, fontSize)))) + fontSize;
}

export interface ChartSizes {
  /** Type size of labels, in px. */
  font: number;
}

/**
 * A picture, not a dashboard: no hover emphasis. That also keeps ECharts from
 * writing hover CSS rules (class names numbered per process) into the SVG,
 * which, pasted into a web page, would apply to the whole page.
 */
const STILL = { silent: true, emphasis: { disabled: true } } as const;

function base(sizes: ChartSizes): ChartOption {
  return {
    animation: false,
    color: [...SERIES_COLORS],
    textStyle: { fontFamily: FONT_STACK, fontSize: sizes.font, color: COLORS.ink },
  };
}

/** Horizontal bars with the figure at each bar's end; categories read top to bottom. */
export function barOption(data: readonly Datum[], sizes: ChartSizes, labelWidth: number, color: string = COLORS.red): ChartOption {
  const top = [...data].reverse();
  // Room at the bars' end for the widest figure ("2,000,000"), so no label runs out of the picture.
  const figures = data.map((d) => figureLabel(d.value));
  const right = Math.ceil(Math.max(0, ...figures.map((f) => textWidth(f, sizes.font, true)))) + sizes.font;
  return {
    ...base(sizes),
    grid: { left: labelWidth, right, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: top.map((d) => d.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.line } },
      axisLabel: { fontSize: sizes.font, color: COLORS.ink },
    },
    series: [
      {
        type: 'bar',
        ...STILL,
        barMaxWidth: sizes.font * 1.4,
        barMinHeight: 2,
        itemStyle: { color, borderRadius: [0, 4, 4, 0] },
        // '-' is ECharts' "no value": a cell holding text gets no bar rather than a false 0, and a figure that can't
        // be drawn gets none but says why. Figures are printed as the KPIs print them ("3,862"), each its own literal text.
        data: top.map((d) => {
          const label = figureLabel(d.value);
          if (label === '') return '-';
          return { value: drawnValue(d.value) ?? 0, label: { formatter: label } };
        }),
        label: { show: true, position: 'right', fontSize: sizes.font, color: COLORS.ink, fontWeight: 'bold' },
        showBackground: true,
        backgroundStyle: { color: '#F3EBDD' },
      },
    ],
  };
}

/** A ring of the shares, without labels of its own: the legend beside it names each slice (no labels to collide). */
export function ringOption(data: readonly Datum[]): ChartOption {
  return {
    animation: false,
    color: [...SERIES_COLORS],
    series: [
      {
        type: 'pie',
        ...STILL,
        radius: ['58%', '92%'],
        center: ['50%', '50%'],
        // Nothing drawable (every figure text, negative or absurd) is an empty ring, not six equal slices.
        stillShowZeroSum: false,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: data.map((d, i) => ({
          name: d.name,
          value: drawnValue(d.value) ?? 0,
          itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
        })),
      },
    ],
  };
}

/** Room the stacked bars leave at their end, in px: a font size. */
const stackRight = (sizes: ChartSizes) => sizes.font;

/**
 * Which segment of the stacked bars has room for its count inside it: a
 * segment is as long as its share of the longest bar (the axis runs to exactly
 * that), and a count fits where its text and a little space each side does.
 * [row][series], rows in the order of `appeals.rows`.
 */
export function segmentLabelsFit(
  appeals: ReturnType<typeof appealData>,
  sizes: ChartSizes,
  labelWidth: number,
  width: number,
): boolean[][] {
  const plot = width - labelWidth - stackRight(sizes);
  const longest = Math.max(0, ...appeals.rows.map((_, i) => rowLength(appeals, i)));
  return appeals.rows.map((_, i) =>
    appeals.series.map((s) => {
      const v = drawnValue(s.values[i] ?? null);
      if (v === null || v === 0 || longest === 0) return false;
      return textWidth(figureLabel(v), sizes.font, true) + sizes.font / 2 <= (v / longest) * plot;
    }),
  );
}

/** The drawn length of a row of the stacked bars: the sum of its drawn segments. */
function rowLength(appeals: ReturnType<typeof appealData>, i: number): number {
  return appeals.series.reduce((a, s) => a + (drawnValue(s.values[i] ?? null) ?? 0), 0);
}

/**
 * Cases by kind, stacked by result; each segment's count inside it only where
 * it has room (segmentLabelsFit: the caller says the rest beside the chart).
 * The legend is drawn by the caller beside the chart (as for the ring), which
 * keeps ECharts' legend component out of the page's bundle. `width`: the chart's.
 */
export function stackedOption(appeals: ReturnType<typeof appealData>, sizes: ChartSizes, labelWidth: number, width: number): ChartOption {
  const order = appeals.rows.map((_, i) => i).reverse();
  const fits = segmentLabelsFit(appeals, sizes, labelWidth, width);
  const longest = Math.max(0, ...appeals.rows.map((_, i) => rowLength(appeals, i)));
  return {
    ...base(sizes),
    grid: { left: labelWidth, right: stackRight(sizes), top: 4, bottom: 4 },
    // The axis runs to the longest bar exactly (not to a round number past it), so segmentLabelsFit knows each segment's length.
    xAxis: { type: 'value', show: false, min: 0, max: longest || 1 },
    yAxis: {
      type: 'category',
      data: order.map((i) => appealRowName(appeals, i)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.line } },
      axisLabel: { fontSize: sizes.font, color: COLORS.ink },
    },
    series: appeals.series.map((s, k) => ({
      type: 'bar',
      ...STILL,
      name: s.name,
      stack: 'cases',
      barMaxWidth: sizes.font * 1.6,
      itemStyle: { color: SERIES_COLORS[k % SERIES_COLORS.length] },
      label: { show: true, position: 'inside', color: '#fff', fontSize: sizes.font, fontWeight: 'bold' },
      data: order.map((i) => {
        const v = drawnValue(s.values[i] ?? null);
        return { value: v ?? '-', label: { show: fits[i]![k]!, formatter: figureLabel(v) } };
      }),
    })),
  };
}

/** "行政复议（4件）": a row of the appeals chart with its total. */
export function appealRowName(appeals: ReturnType<typeof appealData>, i: number): string {
  const total = appeals.totals[i] ?? null;
  const shown = figureLabel(total);
  return `${appeals.rows[i]}（${shown === '' ? '—件' : drawnValue(total) === null ? shown : `${shown}件`}）`;
}

// ---- what the page and the panel show ------------------------------------------

export interface ChartSection {
  id: 'applicants' | 'results' | 'proactive' | 'appeals';
  heading: string;
  /** One line under the heading with the section's figure. */
  summary: string;
  /** The data behind it; null when there is nothing to chart (the message says so). */
  data: Datum[] | null;
  empty: string;
}

export function chartSections(report: Report): {
  applicants: ChartSection;
  results: ChartSection;
  proactive: ChartSection;
  appeals: ChartSection;
} {
  const received = kpi('received').value(report);
  const closed = kpi('closed').value(report);
  const applicants = applicantData(report);
  const results = resultData(report);
  const proactive = proactiveData(report);
  const appeals = appealData(report);
  const fees = kpi('fees');
  return {
    applicants: {
      id: 'applicants',
      heading: '申请来源',
      summary: `本年新收政府信息公开申请 ${formatKpi(kpi('received'), received)}`,
      data: anything(applicants.map((d) => d.value)) ? applicants : null,
      empty: received ? '各类申请人的数量未填写' : '本年度未收到政府信息公开申请',
    },
    results: {
      id: 'results',
      heading: '办理结果',
      summary: `办理结果总计 ${formatKpi(kpi('closed'), closed)}，实质公开率 ${formatKpi(kpi('disclosure_rate'), kpi('disclosure_rate').value(report))}`,
      data: anything(results.map((d) => d.value)) ? results : null,
      empty: '本年度没有办结的政府信息公开申请',
    },
    proactive: {
      id: 'proactive',
      heading: '主动公开',
      summary: `${fees.label} ${formatKpi(fees, fees.value(report))}`,
      data: anything(proactive.map((d) => d.value)) ? proactive : null,
      empty: '规范性文件、行政许可、处罚、强制各项本年度均为 0',
    },
    appeals: {
      id: 'appeals',
      heading: '复议诉讼',
      summary: `行政复议 ${formatKpi(kpi('review_cases'), kpi('review_cases').value(report))}，行政诉讼 ${formatKpi(kpi('suit_cases'), kpi('suit_cases').value(report))}`,
      data: anything(appeals.totals) ? appeals.rows.map((name, i) => ({ name, value: appeals.totals[i] ?? null })) : null,
      empty: '本年度未发生因政府信息公开引起的行政复议、行政诉讼',
    },
  };
}
