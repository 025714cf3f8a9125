// 一图读懂: the picture of the report's figures, previewed as it will be
// written, with the author's highlights (taken from 总体情况 until the author
// writes their own; kept on this computer with the report's number), and the
// file to write: PNG for WeChat or print, one-page PDF, or the web page.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  composeInfographic,
  defaultHighlights,
  INFOGRAPHIC_OUTPUTS,
  MAX_HIGHLIGHTS,
  parseHighlights,
  type InfographicKind,
} from '../../../shared/infographic';
import type { Report } from '../../../shared/model/report';
import { api } from '../api';
import { ExportStatus, useExportRun } from '../transfer/exportRun';
import { useChartRenderer } from './charts';
import '../transfer/transfer.css';

interface Props {
  id: number;
  report: Report;
  previous: Report | null;
  /** Saves what the editor has not yet saved: the file is drawn from the report as stored. */
  flush: () => Promise<void>;
  onClose: () => void;
}

const storageKey = (id: number) => `nianbao.infographic.highlights.${id}`;

function storedHighlights(id: number): string | null {
  try {
    return localStorage.getItem(storageKey(id));
  } catch {
    return null;
  }
}

export function InfographicDialog({ id, report, previous, flush, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const defaults = useMemo(() => defaultHighlights(report).join('\n'), [report]);
  const [text, setText] = useState(() => storedHighlights(id) ?? defaults);
  const [kind, setKind] = useState<InfographicKind>('png');
  const { stage, run } = useExportRun();
  const highlights = useMemo(() => parseHighlights(text), [text]);
  const deferredHighlights = useDeferredValue(highlights);
  const { render, failed } = useChartRenderer();
  const preview = useMemo(
    () => (render ? composeInfographic({ report, previous, highlights: deferredHighlights }, render) : null),
    [render, report, previous, deferredHighlights],
  );

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function edit(value: string) {
    setText(value);
    try {
      if (value === defaults) localStorage.removeItem(storageKey(id));
      else localStorage.setItem(storageKey(id), value);
    } catch {
      // Storage refused (private mode): the highlights still go with this export.
    }
  }

  async function send() {
    await flush();
    return api!.files.exportInfographic({ id, kind, highlights });
  }

  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  return (
    <dialog ref={dialog} className="dialog infographic-dialog" onClose={onClose} aria-labelledby="infographic-title">
      <h2 id="infographic-title">一图读懂</h2>
      <div className="dialog-body infographic-body">
        <div className="infographic-options">
          <label className="highlights">
            <span>
              工作亮点（每行一条，最多 {MAX_HIGHLIGHTS} 条）
              <button type="button" className="link" onClick={() => edit(defaults)} disabled={text === defaults}>
                恢复为取自“总体情况”的句子
              </button>
            </span>
            <textarea value={text} rows={8} onChange={(e) => edit(e.target.value)} aria-label="工作亮点" />
            {lines > MAX_HIGHLIGHTS && <small className="warn">只用前 {MAX_HIGHLIGHTS} 条</small>}
          </label>
          <fieldset disabled={stage.kind === 'working'}>
            <legend>导出为</legend>
            {INFOGRAPHIC_OUTPUTS.map((o) => (
              <label key={o.kind} className="format-option">
                <input type="radio" name="infographic-kind" value={o.kind} checked={kind === o.kind} onChange={() => setKind(o.kind)} />
                <span>
                  {o.label}
                  <small>{o.hint}</small>
                </span>
              </label>
            ))}
          </fieldset>
          {!previous && <p className="hint">资料库中没有 {report.year - 1} 年的报告，图中不列同比变化。</p>}
        </div>
        <div className="infographic-preview" aria-label="一图读懂预览">
          {failed ? (
            <p className="error">{failed}</p>
          ) : preview ? (
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.svg)}`}
              alt={preview.title}
              width={preview.width}
              height={preview.height}
            />
          ) : (
            <p className="muted">正在生成预览…</p>
          )}
        </div>
      </div>
      <ExportStatus stage={stage} onRun={() => void run(send)} onClose={() => dialog.current?.close()} />
    </dialog>
  );
}
