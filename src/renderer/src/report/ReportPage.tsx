// One report, section by section: the outline on the left, the section being
// written in the middle, what the checks found on the right. Every edit is
// validated at once and saved within 300 ms; nothing typed is lost on leaving.
import { useCallback, useEffect, useState } from 'react';
import { documentTitle, type CellValue, type Report } from '../../../shared/model/report';
import type { ReportStatus } from '../../../shared/api/contract';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { onFlush, onShellCommand } from '../common/shell';
import { useNotices } from '../common/notices';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportDialog } from '../transfer/ImportDialog';
import { RevisionsDialog } from '../revisions/RevisionsDialog';
import { useFilePicker } from '../transfer/FilePicker';
import { downloadBase64 } from '../transfer/files';
import { SECTIONS } from '../../../shared/template/gov2021';
import { api } from '../api';
import { useRouter } from '../common/router';
import { useAppInfo } from '../common/appInfo';
import { HelpButton } from '../help/HelpHost';
import { FinalizeControl } from './FinalizeControl';
import { MetaFields } from './MetaFields';
import { Outline } from './Outline';
import { SaveIndicator, SaveProblem } from './SaveIndicator';
import { SectionView } from './SectionView';
import { usePlaceMemory } from './lastPlace';
import { firstNeed, placeOf } from './todo';
import { progressOf } from './progress';
import { useEditor } from './editorStore';
import { previousOf, reportOf, useEditorAfterFrame } from './afterFrame';
import type { Remote } from './saveQueue';
import { SidePanel } from './SidePanel';
import { FoldingPanel, useDrawers } from './Drawers';
import { HeaderMore } from './HeaderMore';
import { usePrintView } from '../print/printView';
import { PrintDialog } from '../print/PrintDialog';
import type { Finding } from '../../../shared/rules/types';
import { blockingCount } from '../../../shared/rules/explanations';
import './editor.css';
import { isLocked, LOCKED, lockedMessage } from '../../../shared/model/status';

/** How the editor store saves this report: through the typed API. */
function remoteFor(id: number): Remote {
  return {
    edit: (patch, revision, keepBefore) => api!.library.edit({ id, patch, revision, keepBefore }),
    setStatus: (status) => api!.library.setStatus({ id, status }),
    reopen: () => api!.library.open({ id }),
  };
}

/** Sends everything pending, the cell being typed into included. */
/** The report as printing starts: the figure being typed is part of what the author sees, so it goes in first. */
function reportToPrint(): { report: Report; status: ReportStatus } | null {
  useEditor.getState().commitDraft();
  const { report, status } = useEditor.getState();
  return report ? { report, status } : null;
}

const flushAll = () => useEditor.getState().flush({ includeDraft: true });

export function ReportPage({ id }: { id: number }) {
  const [error, setError] = useState<string | null>(null);
  const [loadedId, setLoadedId] = useState<number | null>(null);
  const go = useRouter((s) => s.go);

  useEffect(() => {
    let current = true;
    void api!.library.open({ id }).then((res) => {
      if (!current) return;
      if (!res.ok) return setError(res.error.message);
      useEditor.getState().load(res.value, remoteFor(id), { readOnly: !!useAppInfo.getState().info?.readOnly });
      setLoadedId(id);
    });
    return () => {
      current = false;
      // Leaving the page (another report, the library) sends what is pending.
      void useEditor.getState().flush({ includeDraft: true });
    };
  }, [id]);

  // The desktop shell asks for this before the window closes.
  useEffect(() => onFlush(() => useEditor.getState().flush({ includeDraft: true })), []);

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
      // Alt+1…6 jumps to a section, Alt+↑/↓ to the one before or after: the whole report without the mouse.
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        const ids = SECTIONS.map((s) => s.id);
        const at = ids.indexOf(useEditor.getState().section);
        const to = /^[1-6]$/.test(e.key) ? Number(e.key) - 1 : e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : -1;
        if (to < 0 || to >= ids.length) return;
        e.preventDefault();
        useEditor.getState().goTo({ section: ids[to]! });
        return;
      }
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
        <Editor id={id} onBack={() => void back()} />
      ) : (
        <p className="muted report-loading">正在打开报告…</p>
      )}
    </div>
  );
}

function Editor({ id, onBack }: { id: number; onBack: () => void }) {
  const report = useEditorAfterFrame(reportOf)!;
  const [importing, setImporting] = useState<File | null>(null);
  /** The export dialog: open to choose a format, or to ask for what 定稿并导出 still needs. */
  const [exporting, setExporting] = useState<false | 'choose' | 'finalize'>(false);
  const [revisions, setRevisions] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const { open: openPicker, element: pickerElement } = useFilePicker(setImporting, '选择要导入的文件');
  const show = useNotices((s) => s.show);
  const previous = useEditorAfterFrame(previousOf);
  const section = useEditor((s) => s.section);
  const status = useEditor((s) => s.status);
  const final = isLocked(status);
  const readOnly = useAppInfo((s) => s.info?.readOnly);
  /** Whether an import may write: not into a locked report, nor into a read-only library. */
  const importable = !final && !readOnly;
  const { blocking, statuses, todo } = progressOf(report, previous, status);
  usePlaceMemory(id, () => firstNeed(todo));
  const drawers = useDrawers();
  usePrintView(reportToPrint);
  const desktop = useAppInfo((s) => s.info?.shell === 'desktop');

  useEffect(() => {
    // Mounted once the report is loaded; a command that came while it was opening is handed over as these register.
    const off = [onShellCommand('export', () => setExporting('choose')), onShellCommand('print', () => setPrinting(true))];
    return () => off.forEach((f) => f());
  }, []);
  useEffect(
    () =>
      onShellCommand('import', () => {
        // The header's button is greyed out then; the menu's item says why instead of doing nothing.
        if (importable) openPicker();
        else show('info', isLocked(status) ? lockedMessage(status) : `不能导入：${readOnly}`);
      }),
    [importable, openPicker, readOnly, status, show],
  );

  /** The header's less used commands: in the header on a wide window, under 更多 on a narrow one. */
  const secondary = (
    <>
      <button type="button" onClick={() => setRevisions(true)}>
        历史版本
      </button>
      <HelpButton />
    </>
  );

  const finalizeExport = useCallback(() => void finalizeAndExport(), []); // eslint-disable-line react-hooks/exhaustive-deps -- reads the latest report through the store

  /** 定稿并导出, one action: where nothing blocks, 定稿 and the final Word document at once; else the dialog, asking only for what is missing. */
  async function finalizeAndExport() {
    // What blocks is worked out from the store as it is now, not as the page last drew it (a frame after an edit).
    const now = useEditor.getState();
    if (progressOf(now.report!, now.previous, now.status).blocking.length > 0) return setExporting('finalize');
    await flushAll();
    const res = await useEditor.getState().setStatus('定稿');
    if (res && !res.ok) return show('error', res.error.message);
    const out = await api!.files.exportDocument({ id, format: 'docx', draft: false });
    if (!out.ok) return show('error', out.error.message);
    const made = out.value;
    if (made.kind === 'download') {
      downloadBase64(made.fileName, made.mime, made.data);
      show('info', `已定稿，并导出「${made.fileName}」，请在浏览器的“下载”中查看`);
    } else if (made.kind === 'saved') show('info', `已定稿，并导出到 ${made.path}`);
    else show('info', '已定稿；没有保存文件，可以再点“导出…”');
  }

  async function applyImport(changes: [CellKey, CellValue][], fileName: string) {
    // What was typed before goes in its own save; the import is then one save, with the report as it
    // stood before it kept in 历史版本 (beyond this session's undo), in the same transaction.
    await useEditor.getState().flush({ includeDraft: true });
    const first = cellDef(changes[0]![0])!;
    useEditor.getState().setCells(changes, { section: first.table, cell: first.key });
    await useEditor.getState().flush({ keepBefore: 'replace' });
    show('info', `已从「${fileName}」导入 ${changes.length} 处改动；按 Ctrl+Z 可整体撤销`);
  }

  return (
    <div
      className={`report-drop${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!importable || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file && importable) setImporting(file);
      }}
    >
      <header className="report-header">
        <button type="button" onClick={onBack}>
          ← 报告库
        </button>
        <h1 className="report-title" title={documentTitle(report)}>
          {documentTitle(report)}
        </h1>
        <SaveIndicator />
        <button
          type="button"
          onClick={openPicker}
          disabled={!importable}
          title={readOnly ?? '从 Excel/WPS 工作簿、Word 文档、网页或 PDF 导入三张统计表（也可把文件拖到窗口上）'}
        >
          导入表格…
        </button>
        {pickerElement}
        <button type="button" onClick={() => setExporting('choose')}>
          导出…
        </button>
        <button
          type="button"
          // The desktop shows the pages first, then the system's print dialog; a browser's print shows its own preview.
          onClick={() => (desktop ? setPrinting(true) : window.print())}
          title="按公文格式打印全部内容（Ctrl+P）"
          aria-keyshortcuts="Control+P"
        >
          打印…
        </button>
        <span className="wide-only">{secondary}</span>
        <HeaderMore>{secondary}</HeaderMore>
        <FinalizeControl blocking={blocking} onFinalizeExport={finalizeExport} />
      </header>
      <MetaFields />
      <SaveProblem />
      {isLocked(status) && <p className="final-banner">{LOCKED[status]}，只能查看。如需修改，请先点“改回草稿”。</p>}
      {readOnly && <p className="readonly-banner">{readOnly}</p>}
      <div className={`report-body${drawers.open ? ` drawer-${drawers.open}` : ''}`}>
        <FoldingPanel
          which="outline"
          label="大纲"
          badge={
            <span className="rail-count">
              {SECTIONS.filter((s) => statuses[s.id] === '完成').length}/{SECTIONS.length}
            </span>
          }
          open={drawers.open === 'outline'}
          onToggle={drawers.toggle}
          onClose={drawers.close}
        >
          <Outline statuses={statuses} />
        </FoldingPanel>
        <SectionView key={section} id={section} />
        <FoldingPanel
          which="side"
          label="检查结果"
          badge={<FindingCounts blocking={blocking} />}
          open={drawers.open === 'side'}
          onToggle={drawers.toggle}
          onClose={drawers.close}
        >
          <SidePanel id={id} flush={flushAll} />
        </FoldingPanel>
      </div>
      {dragging && <div className="drop-hint">松开鼠标，导入这个表格文件</div>}
      {importing && (
        <ImportDialog
          file={importing}
          current={report}
          onApply={(changes, fileName) => void applyImport(changes, fileName)}
          onClose={() => setImporting(null)}
        />
      )}
      {revisions && (
        <RevisionsDialog
          id={id}
          current={report}
          flush={flushAll}
          onRestored={(opened) => {
            // The author stays where they were; only the content goes back.
            const { section } = useEditor.getState();
            useEditor.getState().load(opened, remoteFor(id), { readOnly: !!useAppInfo.getState().info?.readOnly });
            useEditor.getState().goTo({ section });
            show('info', '已恢复历史版本；恢复前的内容也保存为一个历史版本');
          }}
          onClose={() => setRevisions(false)}
        />
      )}
      {printing && <PrintDialog report={report} status={status} onClose={() => setPrinting(false)} />}
      {exporting && (
        <ExportDialog
          id={id}
          finalizing={exporting === 'finalize'}
          report={report}
          blocking={blocking}
          // Only what was marked 定稿 goes out as final (the export gate in main says the same); 已发布 was never checked here.
          final={status === '定稿'}
          flush={() => useEditor.getState().flush({ includeDraft: true })}
          finalize={(next) => useEditor.getState().setStatus(next)}
          onShow={(f) => {
            setExporting(false);
            useEditor.getState().goTo(placeOf(f));
          }}
          explain={(f, text) => useEditor.getState().setExplanation(f.id, text, f.section)}
          onClose={() => setExporting(false)}
        />
      )}
    </div>
  );
}

/** On the folded panel's rail: how many errors and unexplained warnings keep the report from being final. */
function FindingCounts({ blocking }: { blocking: readonly Finding[] }) {
  const errors = blocking.filter((f) => f.severity === 'error').length;
  const warnings = blocking.length - errors;
  return (
    <>
      {errors > 0 && (
        <span className="rail-count sev-error" title={blockingCount('error', errors)}>
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="rail-count sev-warning" title={blockingCount('warning', warnings)}>
          {warnings}
        </span>
      )}
    </>
  );
}
