// Risk at a glance across the round: every body with a report ranked by its
// red and yellow marks (实质公开率, 复议纠错率, 诉讼纠错率 past their thresholds, a
// jump against last year, a zero where most bodies of its level have a
// value), and one chart of a figure, the worst bodies first.
import { useMemo, useState } from 'react';
import { byRisk, RISK_KPIS, RISK_THRESHOLDS } from '../../../shared/review';
import { riskBars, riskChartOption, CHART_BARS } from '../../../shared/review/risk-chart';
import type { RoundView } from '../../../shared/review/round';
import { ChartSvg } from '../overview/ChartSvg';

const ROW = 22;

export function RiskPanel({ view, onShow }: { view: RoundView; onShow: (id: number) => void }) {
  const [figure, setFigure] = useState(RISK_KPIS[0]!.id);
  const ranked = useMemo(
    () => view.bodies.filter((b) => b.risk).sort((a, b) => byRisk(a.risk!, b.risk!) || a.name.localeCompare(b.name, 'zh-CN')),
    [view],
  );
  const bars = useMemo(
    () =>
      riskBars(
        figure,
        ranked.map((b) => {
          const f = b.risk!.figures.find((x) => x.id === figure)!;
          return { name: b.name, value: f.value, mark: f.mark };
        }),
      ),
    [ranked, figure],
  );
  const option = useMemo(() => riskChartOption(bars), [bars]);
  const threshold = RISK_THRESHOLDS.find((t) => t.kpi === figure)!;
  const label = RISK_KPIS.find((k) => k.id === figure)!.label;
  if (ranked.length === 0) return <p className="muted">还没有收到报告：收到后在这里按风险排序。</p>;
  return (
    <div className="risk-panel">
      <section className="risk-ranking" aria-label="风险排名">
        <h2>风险排名</h2>
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                名次
              </th>
              <th scope="col">单位</th>
              <th scope="col" className="num">
                红
              </th>
              <th scope="col" className="num">
                黄
              </th>
              {RISK_KPIS.map((k) => (
                <th key={k.id} scope="col" className="num">
                  {k.label}
                </th>
              ))}
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((b, i) => (
              <tr key={b.id}>
                <td className="num">{i + 1}</td>
                <td>
                  <button type="button" className="link" onClick={() => onShow(b.id)}>
                    {b.name}
                  </button>
                </td>
                <td className={`num ${b.risk!.red ? 'mark-red' : ''}`}>{b.risk!.red}</td>
                <td className={`num ${b.risk!.yellow ? 'mark-yellow' : ''}`}>{b.risk!.yellow}</td>
                {b.risk!.figures.map((f) => (
                  <td key={f.id} className={`num ${f.mark ? `mark-${f.mark}` : ''}`}>
                    {f.text}
                  </td>
                ))}
                <td className="flags">{b.risk!.flags.map((f) => f.label).join('；') || <span className="muted">无</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="risk-chart" aria-label="风险图">
        <h2>
          <select value={figure} onChange={(e) => setFigure(e.target.value)} aria-label="图中的指标">
            {RISK_KPIS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
          <span className="muted small">
            {' '}
            {threshold.direction === 'below' ? '最低' : '最高'}的 {Math.min(CHART_BARS, bars.length)} 个单位；
            {threshold.direction === 'below' ? '低于' : '高于'} {Math.round(threshold.yellow * 100)}% 标黄，
            {threshold.direction === 'below' ? '低于' : '高于'} {Math.round(threshold.red * 100)}% 标红
          </span>
        </h2>
        {bars.length > 0 ? (
          <ChartSvg option={option} width={460} height={Math.max(60, bars.length * ROW + 8)} label={`${label}（各单位）`} />
        ) : (
          <p className="muted">没有单位有这项数字（分母为 0 的不计算）。</p>
        )}
      </section>
    </div>
  );
}
