// The one chart of the review page: a figure across the round's bodies, the
// lowest (or highest, for a 纠错率) first, each bar in its risk mark's colour,
// so the bodies to look at stand out. An ECharts option, plain data; the page
// renders it with the program's one chart renderer (src/charts).
import type { ChartOption } from '../infographic';
import { categoryLabelWidth } from '../infographic/charts';
import { FONT_STACK } from '../infographic/theme';
import { RISK_THRESHOLDS, type RiskMark } from './risk';

/** A body's figure and its mark. */
export interface RiskBar {
  name: string;
  value: number;
  mark: RiskMark | null;
}

export const RISK_COLORS: Record<RiskMark | 'none', string> = { red: '#B3261E', yellow: '#E0A100', none: '#5B7FAF' };

/** Bars a chart shows: the worst; the ranking table lists them all. */
export const CHART_BARS = 20;

/** The bars of one risk figure, worst first, at most CHART_BARS (bodies without the figure have no bar). */
export function riskBars(kpi: string, bodies: readonly { name: string; value: number | null; mark: RiskMark | null }[]): RiskBar[] {
  const worseLow = RISK_THRESHOLDS.find((t) => t.kpi === kpi)?.direction !== 'above';
  return bodies
    .filter((b): b is RiskBar => b.value !== null && Number.isFinite(b.value))
    .sort((a, b) => (worseLow ? a.value - b.value : b.value - a.value))
    .slice(0, CHART_BARS);
}

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Horizontal bars, the worst at the top, each with its figure at its end. */
export function riskChartOption(bars: readonly RiskBar[], fontSize = 12): ChartOption {
  const top = [...bars].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, fontSize },
    grid: {
      left: categoryLabelWidth(
        bars.map((b) => b.name),
        fontSize,
      ),
      right: fontSize * 4,
      top: 4,
      bottom: 4,
    },
    xAxis: { type: 'value', show: false, max: Math.max(1, ...bars.map((b) => b.value)) },
    yAxis: { type: 'category', data: top.map((b) => b.name), axisTick: { show: false }, axisLabel: { fontSize } },
    series: [
      {
        type: 'bar',
        silent: true,
        emphasis: { disabled: true },
        barMaxWidth: fontSize * 1.3,
        data: top.map((b) => ({
          value: b.value,
          itemStyle: { color: RISK_COLORS[b.mark ?? 'none'] },
          label: { formatter: percent(b.value) },
        })),
        label: { show: true, position: 'right', fontSize },
      },
    ],
  };
}
