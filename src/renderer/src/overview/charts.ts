// ECharts in the page, loaded only when a chart is first shown: the editor's
// first load carries none of it (the chunk comes with the 概览 or the 一图读懂).
import { useEffect, useState } from 'react';
import type { ChartRenderer } from '../../../shared/infographic';

let loading: Promise<ChartRenderer> | null = null;

export function loadChartRenderer(): Promise<ChartRenderer> {
  loading ??= import('../../../charts/echarts-svg').then((m) => m.renderChartSvg);
  return loading;
}

/** The chart renderer once loaded; null until then (and if it failed, with the reason). */
export function useChartRenderer(): { render: ChartRenderer | null; failed: string | null } {
  const [state, setState] = useState<{ render: ChartRenderer | null; failed: string | null }>({ render: null, failed: null });
  useEffect(() => {
    let live = true;
    loadChartRenderer().then(
      (render) => live && setState({ render, failed: null }),
      (err: unknown) => live && setState({ render: null, failed: `图表未能加载（${(err as Error).message}）` }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
