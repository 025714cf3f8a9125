// One chart, drawn by ECharts into SVG once the chart code has loaded. The
// option is built by the caller from a deferred report, so a keystroke's
// render never waits for a chart.
import { memo, useMemo } from 'react';
import type { ChartOption } from '../../../shared/infographic';
import { useChartRenderer } from './charts';

export const ChartSvg = memo(function ChartSvg({
  option,
  width,
  height,
  label,
}: {
  option: ChartOption;
  width: number;
  height: number;
  label: string;
}) {
  const { render, failed } = useChartRenderer();
  const svg = useMemo(() => (render ? render(option, width, height) : null), [render, option, width, height]);
  if (failed) return <p className="chart-failed">{failed}</p>;
  return (
    <div
      className="chart"
      role="img"
      aria-label={label}
      style={{ width, height }}
      // Our own ECharts output: template labels and figures, escaped by ECharts.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
});
