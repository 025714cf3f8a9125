// Exporting the submission document: a preview of the very HTML the PDF and
// the website get, the format, the draft mark (forced while the report is
// not final), then the native save dialog (desktop) or a download (browser).
// A draft that nothing blocks any more is finalized here too (定稿并导出);
// while something blocks it, the dialog lists what, and asks for each missing
// 核实说明 right there. Opened by the header's 定稿并导出 (`finalizing`), it
// asks only for what is missing and writes the final Word document.
import { useMemo, useState } from 'react';
import type { AuthorStatus, ExportFormat, ExportOutcome, ReportSummary } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { FILE_FORMATS } from '../../../shared/formats';
import { renderReportHtml } from '../../../shared/document/report-html';
import { localToday } from '../../../shared/model/dates';
import type { Report } from '../../../shared/model/report';
import { lateExportNotice } from '../../../shared/rules/engine';
import { SEVERITY_LABEL, type Finding } from '../../../shared/rules/types';
import { explanationProblem } from '../../../shared/rules/explanations';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { ExportProgress, useExportRun } from './exportRun';
import { DocumentPreview } from '../print/DocumentPreview';
import './transfer.css';

interface Props {
  id: number;
  /** Opened by 定稿并导出 while something blocks: only what is missing, then the final Word document. */
  finalizing?: boolean;
  report: Report;
  /** The errors and unexplained warnings that keep the report from being final. */
  blocking: readonly Finding[];
  /** Only a report marked 定稿 leaves without the draft mark. */
  final: boolean;
  /** Saves what the editor has not yet saved, so the export holds the latest text. */
  flush: () => Promise<void>;
  /** Marks the report 定稿 (the library checks again). */
  finalize: (status: AuthorStatus) => Promise<Result<ReportSummary> | null>;
  /** Brings the author to a finding that blocks (and closes the dialog). */
  onShow: (finding: Finding) => void;
  /** A warning's 核实说明 written here: the editor's own action, so it is saved and undone as in the findings panel. */
  explain: (finding: Finding, text: string) => void;
  onClose: () => void;
}

const FORMATS = FILE_FORMATS.filter((f) => f.writable).map((f) => ({
  format: f.id,
  label: `${f.label}（${f.extensions[0]}）`,
  hint: f.hint,
}));

export function ExportDialog({ id, finalizing = false, report, blocking, final, flush, finalize, onShow, explain, onClose }: Props) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [draftChosen, setDraftChosen] = useState(!final);
  const [oneSheet, setOneSheet] = useState(false);
  const [audit, setAudit] = useState(true);
  const [closing, setClosing] = useState(false);
  const { stage, run, reset } = useExportRun();
  // Finalized in this dialog: final from here on, whatever the page has heard yet.
  const [finalized, setFinalized] = useState(false);
  const isFinal = final || finalized;
  const draft = !isFinal || draftChosen;
  // The preview shows the printed document (Word and PDF carry 落款 and 成文日期).
  const html = useMemo(() => renderReportHtml(report, { draft, closing: format !== 'html' || closing }), [report, draft, format, closing]);
  // A final document published after the deadline gets the notice the rules give for it.
  const late = useMemo(() => (draft ? undefined : lateExportNotice(report, localToday())), [report, draft]);
  const canFinalize = !isFinal && blocking.length === 0;

  /** Saves what is pending, marks the report 定稿 first when asked, then asks main to write. */
  async function send(asFinal: boolean): Promise<Result<ExportOutcome>> {
    await flush();
    if (asFinal && !isFinal) {
      const res = await finalize('定稿');
      if (res && !res.ok) return res;
      setFinalized(true);
    }
    return api!.files.exportDocument({
      id,
      format,
      draft: asFinal ? false : draft,
      oneSheet: format === 'xlsx' && oneSheet,
      audit: format !== 'xlsx' || audit,
      closing: format === 'html' && closing,
    });
  }

  const working = stage.kind === 'working';
  const missing = !isFinal && blocking.length > 0 && (
    <div className="export-blocking" role="note">
      <p className="hint">{finalizing ? '定稿前还差这些：' : '还不能定稿，只能导出草稿。先处理这些问题：'}</p>
      <ul>
        {blocking.map((f) => (
          <li key={f.id} className={`sev-${f.severity}`}>
            <button type="button" className="link" onClick={() => onShow(f)}>
              <strong>{SEVERITY_LABEL[f.severity]}</strong> {f.message}
            </button>
            {f.severity === 'warning' && <ExplanationField finding={f} text={report.explanations[f.id] ?? ''} explain={explain} />}
          </li>
        ))}
      </ul>
    </div>
  );

  if (finalizing)
    return (
      <Modal
        title="定稿并导出"
        className="transfer-dialog export-dialog finalizing"
        onClose={onClose}
        cancelLabel={stage.kind === 'done' ? '关闭' : '取消'}
        actions={
          stage.kind !== 'done' && (
            <button
              type="button"
              className="primary"
              disabled={working || !canFinalize}
              onClick={() => void run(() => send(true))}
              title={canFinalize ? '标记为定稿，并导出正式的 Word 文档' : '还有问题没有处理，不能定稿'}
            >
              定稿并导出
            </button>
          )
        }
      >
        {missing}
        {canFinalize && stage.kind === 'choose' && (
          <p className="hint" role="note">
            都处理好了：点“定稿并导出”即标记为定稿并导出正式的 Word 文档。
          </p>
        )}
        <ExportProgress stage={stage} />
      </Modal>
    );

  return (
    <Modal
      title="导出报告"
      className="transfer-dialog export-dialog"
      onClose={onClose}
      cancelLabel={stage.kind === 'done' ? '关闭' : '取消'}
      status={<ExportProgress stage={stage} />}
      actions={
        <>
          <button
            type="button"
            className={canFinalize ? undefined : 'primary'}
            disabled={working}
            onClick={() => void run(() => send(false))}
          >
            {stage.kind === 'done' ? '再导出一份' : draft ? '导出草稿' : '导出'}
          </button>
          {!isFinal && (
            <button
              type="button"
              className="primary"
              disabled={working || !canFinalize}
              onClick={() => void run(() => send(true))}
              title={canFinalize ? '标记为定稿，并导出正式文件（不带“草稿”）' : '还有问题没有处理，不能定稿'}
            >
              定稿并导出
            </button>
          )}
        </>
      }
    >
      <div className="export-body">
        <fieldset className="export-options" disabled={working}>
          <legend>格式</legend>
          {FORMATS.map((f) => (
            <label key={f.format} className="format-option">
              <input
                type="radio"
                name="format"
                value={f.format}
                checked={format === f.format}
                onChange={() => {
                  setFormat(f.format);
                  // The file just written was of the other format: it is no longer what this dialog is about to do.
                  reset();
                }}
              />
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
            <input type="checkbox" checked={draft} disabled={!isFinal} onChange={(e) => setDraftChosen(e.target.checked)} /> 标注“草稿”
          </label>
          {missing}
          {canFinalize && (
            <p className="hint" role="note">
              检查已通过：点“定稿并导出”即标记为定稿并导出正式文件。
            </p>
          )}
          {late && (
            <p className="hint" role="note">
              {late.message}
            </p>
          )}
        </fieldset>
        <DocumentPreview html={html} />
      </div>
    </Modal>
  );
}

/** A warning's 核实说明, written where 定稿 asks for it. */
function ExplanationField({ finding, text, explain }: { finding: Finding; text: string; explain: Props['explain'] }) {
  const problem = explanationProblem(text);
  return (
    <label className="explanation">
      核实说明
      <textarea
        aria-label={`核实说明：${finding.message}`}
        rows={2}
        value={text}
        placeholder="写明为什么这个数字或文字是对的"
        onChange={(e) => explain(finding, e.target.value)}
      />
      {problem && <span className="hint">{problem}</span>}
    </label>
  );
}
