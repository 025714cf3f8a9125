// 概览: the few figures leaders read, live as the tables change, each beside
// last year's (when the library holds last year's report) and with its
// definition; small charts under each group. The KPIs are cheap, worked out
// once per report version, and follow every edit at once (each line redrawn
// only when its figures changed); the charts are drawn after the edit's frame
// is on screen, when the page is idle, so a keystroke never waits for them.
import { memo, startTransition, useEffect, useMemo, useState } from 'react';
import { memo as remember } from '../../../shared/memo';
import { computeKpis, formatChange, formatKpi, KPI_EDGE_NOTE, type KpiDef, type KpiValue } from '../../../shared/kpi';
import {
  appealData,
  appealRowName,
  barOption,
  categoryLabelWidth,
  chartSections,
  COLORS,
  ringOption,
  SERIES_COLORS,
  stackedOption,
  type ChartSection,
} from '../../../shared/infographic';
import type { Report } from '../../../shared/model/report';
import { whenIdle } from '../common/idle';
import { ChartSvg } from './ChartSvg';
import { InfographicDialog } from './InfographicDialog';
import './overview.css';

const GROUPS: readonly { id: KpiDef['group']; heading: string; chart: ChartSection['id'] }[] = [
  { id: 'requests', heading: '依申请公开', chart: 'applicants' },
  { id: 'ratios', heading: '办理结果的比率', chart: 'results' },
  { id: 'appeals', heading: '行政复议、行政诉讼', chart: 'appeals' },
  { id: 'proactive', heading: '主动公开', chart: 'proactive' },
];

const CHART_WIDTH = 290;
const FONT = { font: 12 };

export interface KpiPanelProps {
  /** The report's id in the library, for the 一图读懂's export. */
  id: number;
  report: Report;
  /** Last year's report, when the library holds it: each KPI beside its figure. */
  previous: Report | null;
  /** Saves what is pending before the 一图读懂 is exported. */
  flush: () => Promise<void>;
}

export const KpiPanel = memo(function KpiPanel({ id, report, previous, flush }: KpiPanelProps) {
  const [drawing, setDrawing] = useState(false);
  const kpis = kpisOf(report, previous);
  const deferred = useWhenIdle(report);
  const sections = useMemo(() => chartSections(deferred), [deferred]);

  return (
    <section className="kpi-panel" aria-label="概览">
      <div className="kpi-top">
        <p className="kpi-basis">{previous ? `与 ${previous.year} 年报告相比` : '资料库中没有上年的报告，只列本年数字'}</p>
        <button type="button" className="primary" onClick={() => setDrawing(true)}>
          一图读懂…
        </button>
      </div>
      {GROUPS.map((g) => (
        <div key={g.id} className="kpi-group">
          <h3>{g.heading}</h3>
          <ul className="kpi-list">
            {kpis
              .filter((k) => k.def.group === g.id)
              .map((k) => (
                <KpiItem key={k.def.id} k={k} />
              ))}
          </ul>
          <GroupChart section={sections[g.chart]} report={deferred} />
        </div>
      ))}
      <p className="kpi-note">{KPI_EDGE_NOTE}</p>
      {drawing && <InfographicDialog id={id} report={report} previous={previous} flush={flush} onClose={() => setDrawing(false)} />}
    </section>
  );
});

/** The KPIs of a report version (and last year's), worked out once whoever asks. */
const kpisOf = remember((report: Report, previous: Report | null) => computeKpis(report, previous));

/** `value` as it was when the page was last idle: what follows an edit without holding up its frame. */
function useWhenIdle<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => whenIdle(() => startTransition(() => setShown(value)), 500, 50), [value]);
  return shown;
}

/** Each edit hands new KPI objects; a line is redrawn only when its figures changed. */
const KpiItem = memo(
  KpiItemView,
  (a, b) => a.k.def === b.k.def && a.k.value === b.k.value && a.k.previous === b.k.previous && a.k.change === b.k.change,
);

function KpiItemView({ k }: { k: KpiValue }) {
  return (
    <li className="kpi" data-kpi={k.def.id} title={k.def.definition}>
      <span className="kpi-label">{k.def.label}</span>
      <span className="kpi-value">{formatKpi(k.def, k.value)}</span>
      {k.previous !== undefined && (
        <span className="kpi-change" title={k.previousNote}>
          上年 {formatKpi(k.def, k.previous)}
          {k.previousNote ? '（按各项之和）' : ''} · {formatChange(k.def, k.change)}
        </span>
      )}
      {k.previousNote && <small className="kpi-note">{k.previousNote}</small>}
      <small className="kpi-def">{k.def.definition}</small>
    </li>
  );
}

function Legend({ items, row }: { items: readonly string[]; row?: boolean }) {
  return (
    <ul className={`chart-legend${row ? ' row' : ''}`}>
      {items.map((item, i) => (
        <li key={item}>
          <i style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />
          {item}
        </li>
      ))}
    </ul>
  );
}

function GroupChart({ section, report }: { section: ChartSection; report: Report }) {
  const option = useMemo(() => {
    if (!section.data) return null;
    if (section.id === 'results') return ringOption(section.data);
    if (section.id === 'appeals') {
      const appeals = appealData(report);
      return stackedOption(
        appeals,
        FONT,
        categoryLabelWidth(
          appeals.rows.map((_, i) => appealRowName(appeals, i)),
          FONT.font,
        ),
        CHART_WIDTH,
      );
    }
    return barOption(
      section.data,
      FONT,
      categoryLabelWidth(
        section.data.map((d) => d.name),
        FONT.font,
      ),
      section.id === 'proactive' ? COLORS.gold : COLORS.red,
    );
  }, [section, report]);
  if (!option) return <p className="chart-empty">{section.empty}</p>;
  const height = section.id === 'results' ? 150 : section.data!.length * 26 + 8;
  const width = section.id === 'results' ? 150 : CHART_WIDTH;
  return (
    <figure className={`kpi-chart chart-${section.id}`}>
      <figcaption>{section.heading}</figcaption>
      <div className="chart-row">
        <ChartSvg option={option} width={width} height={height} label={`${section.heading}：${section.summary}`} />
        {section.id === 'results' && <Legend items={section.data!.map((d) => `${d.name} ${d.value ?? '—'}`)} />}
      </div>
      {section.id === 'appeals' && <Legend items={appealData(report).series.map((s) => s.name)} row />}
    </figure>
  );
}
