// Exporting the submission document: a preview of the very HTML the PDF and
// the website get, the format, the draft mark (forced while the report is
// not final), then the native save dialog (desktop) or a download (browser).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/api/contract';
import { FILE_FORMATS } from '../../../shared/formats';
import { renderReportHtml } from '../../../shared/document/html';
import type { Report } from '../../../shared/model/report';
import { validate } from '../../../shared/rules/engine';
import { api } from '../api';
import { ExportStatus, useExportRun } from './exportRun';
import './transfer.css';

interface Props {
  id: number;
  report: Report;
  /** How many errors and unexplained warnings keep the report from being final. */
  blocking: { errors: number; warnings: number };
  /** Only a report marked 定稿 leaves without the draft mark. */
  final: boolean;
  /** Saves what the editor has not yet saved, so the export holds the latest text. */
  flush: () => Promise<void>;
  onClose: () => void;
}

const FORMATS = FILE_FORMATS.filter((f) => f.writable).map((f) => ({ format: f.id, label: `${f.label}（${f.extensions[0]}）`, hint: f.hint }));

export function ExportDialog({ id, report, blocking, final, flush, onClose }: Props) {
  const mustDraft = !final;
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [draft, setDraft] = useState(mustDraft);
  const [oneSheet, setOneSheet] = useState(false);
  const [audit, setAudit] = useState(true);
  const [closing, setClosing] = useState(false);
  const { stage, run } = useExportRun();
  const dialog = useRef<HTMLDialogElement>(null);
  // The preview shows the printed document (Word and PDF carry 落款 and 成文日期).
  const html = useMemo(() => renderReportHtml(report, { draft, closing: format !== 'html' || closing }), [report, draft, format, closing]);
  // A final document published after the deadline gets the notice the rules give for it.
  const late = useMemo(
    () => (draft ? undefined : validate(report, { finalExportDate: new Date().toLocaleDateString('sv') }).find((f) => f.rule === 'schedule.deadline')),
    [report, draft],
  );

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function send() {
    await flush();
    return api!.files.exportDocument({
      id,
      format,
      draft,
      oneSheet: format === 'xlsx' && oneSheet,
      audit: format !== 'xlsx' || audit,
      closing: format === 'html' && closing,
    });
  }

  return (
    <dialog ref={dialog} className="dialog transfer-dialog export-dialog" onClose={onClose} aria-labelledby="export-title">
      <h2 id="export-title">导出报告</h2>
      <div className="export-body">
        <fieldset className="export-options" disabled={stage.kind === 'working'}>
          <legend>格式</legend>
          {FORMATS.map((f) => (
            <label key={f.format} className="format-option">
              <input type="radio" name="format" value={f.format} checked={format === f.format} onChange={() => setFormat(f.format)} />
              <span>
                {f.label}
                <small>{f.hint}</small>
              </span>
            </label>
          ))}
          {format === 'xlsx' && (
            <label className="check">
              <input type="checkbox" checked={oneSheet} onChange={(e) => setOneSheet(e.target.checked)} /> 三张表放在同一个工作表
            </label>
          )}
          {format === 'xlsx' && (
            <label className="check">
              <input type="checkbox" checked={audit} onChange={(e) => setAudit(e.target.checked)} /> 附“审核情况”表
            </label>
          )}
          {format === 'html' && (
            <label className="check">
              <input type="checkbox" checked={closing} onChange={(e) => setClosing(e.target.checked)} /> 网页末尾印落款和成文日期
            </label>
          )}
          <label className="check">
            <input type="checkbox" checked={draft} disabled={mustDraft} onChange={(e) => setDraft(e.target.checked)} /> 标注“草稿”
          </label>
          {mustDraft && (
            <p className="hint" role="note">
              {blocking.errors + blocking.warnings > 0
                ? `报告还有${[blocking.errors && ` ${blocking.errors} 个错误`, blocking.warnings && ` ${blocking.warnings} 个未写核实说明的需核实项`].filter(Boolean).join('、')}，只能导出草稿。`
                : '报告尚未定稿，只能导出草稿：关闭本窗口，点“标记为定稿”后再导出正式文件。'}
            </p>
          )}
          {late && (
            <p className="hint" role="note">
              {late.message}
            </p>
          )}
        </fieldset>
        <iframe className="export-preview" title="文档预览" srcDoc={html} sandbox="" />
      </div>
      <ExportStatus stage={stage} onRun={() => void run(send)} onClose={() => dialog.current?.close()} />
    </dialog>
  );
}
