// One report, section by section: the outline on the left, the section being
// written in the middle, what the checks found on the right. Every edit is
// validated at once and saved within 300 ms; nothing typed is lost on leaving.
import { useEffect, useState } from 'react';
import { documentTitle } from '../../../shared/model/report';
import { blockingFindings } from '../../../shared/rules/engine';
import { api } from '../api';
import { useRouter } from '../common/router';
import { FinalizeControl } from './FinalizeControl';
import { findingsOf } from './findings';
import { FindingsPanel } from './FindingsPanel';
import { MetaFields } from './MetaFields';
import { Outline } from './Outline';
import { SaveIndicator } from './SaveIndicator';
import { SectionView } from './SectionView';
import { sectionStatuses } from './sectionStatus';
import { useEditor } from './store';
import './editor.css';

export function ReportPage({ id }: { id: number }) {
  const [error, setError] = useState<string | null>(null);
  const [loadedId, setLoadedId] = useState<number | null>(null);
  const go = useRouter((s) => s.go);

  useEffect(() => {
    let current = true;
    void api!.library.open({ id }).then((res) => {
      if (!current) return;
      if (!res.ok) return setError(res.error.message);
      useEditor.getState().load(res.value, {
        edit: (patch) => api!.library.edit({ id, patch }),
        setStatus: (status) => api!.library.setStatus({ id, status }),
      });
      setLoadedId(id);
    });
    return () => {
      current = false;
      // Leaving the page (another report, the library) sends what is pending.
      void useEditor.getState().flush({ includeDraft: true });
    };
  }, [id]);

  useEffect(() => {
    // Closing the window or tab, or hiding it, sends what is pending.
    const flush = () => void useEditor.getState().flush({ includeDraft: true });
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  useEffect(() => {
    // Undo and redo belong to the whole report, in the text boxes too (their own undo would bypass the store).
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const editor = useEditor.getState();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        if (editor.draft) editor.setDraft(null);
        else editor.undo();
      } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
        e.preventDefault();
        editor.redo();
      } else if (key === 's') {
        e.preventDefault();
        void editor.flush({ includeDraft: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function back() {
    await useEditor.getState().flush({ includeDraft: true });
    go({ page: 'library' });
  }

  return (
    <div className="report-page">
      {error ? (
        <div className="report-error">
          <button type="button" onClick={() => go({ page: 'library' })}>
            ← 报告库
          </button>
          <p className="error">{error}</p>
        </div>
      ) : loadedId === id ? (
        <Editor onBack={() => void back()} />
      ) : (
        <p className="muted report-loading">正在打开报告…</p>
      )}
    </div>
  );
}

function Editor({ onBack }: { onBack: () => void }) {
  const report = useEditor((s) => s.report)!;
  const previous = useEditor((s) => s.previous);
  const section = useEditor((s) => s.section);
  const final = useEditor((s) => s.status === '定稿');
  const findings = findingsOf(report, previous);
  const blocking = blockingFindings(findings, report.explanations);
  const statuses = sectionStatuses(report, findings, report.explanations);

  return (
    <>
      <header className="report-header">
        <button type="button" onClick={onBack}>
          ← 报告库
        </button>
        <h1 className="report-title">{documentTitle(report)}</h1>
        <SaveIndicator />
        <FinalizeControl blocking={blocking} />
      </header>
      <MetaFields />
      {final && <p className="final-banner">报告已定稿，只能查看。如需修改，请先点“改回草稿”。</p>}
      <div className="report-body">
        <Outline statuses={statuses} />
        <SectionView key={section} id={section} />
        <FindingsPanel />
      </div>
    </>
  );
}
