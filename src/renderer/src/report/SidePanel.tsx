// The editor's right-hand column: what the checks found, or the 概览 of the
// report's figures. Only the one shown is rendered, so the 概览 costs nothing
// while the author works with the findings; its code (and the 一图读懂's) is
// loaded the first time it is opened, not with the editor. The page owns the
// column: the 概览 is handed the report it shows.
import { lazy, Suspense, useState } from 'react';
import { FindingsPanel } from './FindingsPanel';
import { previousOf, reportOf, useEditorAfterFrame } from './afterFrame';

const KpiPanel = lazy(() => import('../overview/KpiPanel').then((m) => ({ default: m.KpiPanel })));

type Tab = 'findings' | 'overview';

export function SidePanel({ id, flush }: { id: number; flush: () => Promise<void> }) {
  const [tab, setTab] = useState<Tab>('findings');
  const tabButton = (which: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`side-tab-${which}`}
      aria-selected={tab === which}
      aria-controls="side-tab-panel"
      tabIndex={tab === which ? 0 : -1}
      onClick={() => setTab(which)}
      // ←/→ move between the two tabs, as in any tab list.
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const other: Tab = which === 'findings' ? 'overview' : 'findings';
        setTab(other);
        document.getElementById(`side-tab-${other}`)?.focus();
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist" aria-label="右侧栏">
        {tabButton('findings', '检查结果')}
        {tabButton('overview', '概览')}
      </div>
      <div className="side-tab-panel" id="side-tab-panel" role="tabpanel" aria-labelledby={`side-tab-${tab}`}>
        <div className="side-tab-scroll">
          {tab === 'findings' ? (
            <FindingsPanel />
          ) : (
            <Suspense fallback={<p className="muted kpi-loading">正在载入概览…</p>}>
              <OverviewTab id={id} flush={flush} />
            </Suspense>
          )}
        </div>
      </div>
    </div>
  );
}

/** The 概览 of the report in the editor, following its every edit in the frame after it (afterFrame.ts). */
function OverviewTab({ id, flush }: { id: number; flush: () => Promise<void> }) {
  const report = useEditorAfterFrame(reportOf)!;
  const previous = useEditorAfterFrame(previousOf);
  return <KpiPanel id={id} report={report} previous={previous} flush={flush} />;
}
