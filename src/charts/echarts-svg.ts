// ECharts' server-side SVG rendering, the one chart renderer of the program:
// the exports call it in Node, the editor's 概览 in the page (loaded there
// only when charts are shown). It runs in both, so it lives beside neither
// src/main nor src/renderer; the options themselves are built in
// src/shared/infographic. Only the parts used are imported, to keep it small.
import { init, use } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartRenderer } from '../shared/infographic';

use([BarChart, PieChart, GridComponent, SVGRenderer]);

export const renderChartSvg: ChartRenderer = (option, width, height) => {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
