// One export from a dialog, whatever it writes (the report's documents, the
// 一图读懂): saved where the user chose (desktop) or downloaded (browser),
// and what became of it shown the same way in every export dialog.
import { useState } from 'react';
import type { ExportOutcome } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { api } from '../api';
import { downloadBase64 } from './files';

export type ExportStage =
  { kind: 'choose' } | { kind: 'working' } | { kind: 'done'; path: string | null; fileName: string } | { kind: 'failed'; message: string };

/** The stage of the export and the function that runs one: `send` saves what is pending and asks main to write; `reset` forgets the last file. */
export function useExportRun(): {
  stage: ExportStage;
  run: (send: () => Promise<Result<ExportOutcome>>) => Promise<void>;
  reset: () => void;
} {
  const [stage, setStage] = useState<ExportStage>({ kind: 'choose' });
  async function run(send: () => Promise<Result<ExportOutcome>>) {
    setStage({ kind: 'working' });
    const res = await send();
    if (!res.ok) return setStage({ kind: 'failed', message: res.error.message });
    const out = res.value;
    if (out.kind === 'cancelled') return setStage({ kind: 'choose' });
    if (out.kind === 'download') {
      downloadBase64(out.fileName, out.mime, out.data);
      return setStage({ kind: 'done', path: null, fileName: out.fileName });
    }
    setStage({ kind: 'done', path: out.path, fileName: out.path.split(/[\\/]/).pop()! });
  }
  return { stage, run, reset: () => setStage({ kind: 'choose' }) };
}

/** Progress, the failure, or where the file went, and the dialog's two buttons. */
export function ExportStatus({ stage, onRun, onClose }: { stage: ExportStage; onRun: () => void; onClose: () => void }) {
  return (
    <>
      <ExportProgress stage={stage} />
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {stage.kind === 'done' ? '关闭' : '取消'}
        </button>
        <button type="button" className="primary" disabled={stage.kind === 'working'} onClick={onRun}>
          {stage.kind === 'done' ? '再导出一份' : '导出'}
        </button>
      </div>
    </>
  );
}

/** Progress, the failure, or where the file went (for a dialog with buttons of its own). */
export function ExportProgress({ stage }: { stage: ExportStage }) {
  return (
    <>
      {stage.kind === 'working' && (
        <div className="progress-block">
          <p>正在导出…</p>
          <progress aria-label="导出进度" />
        </div>
      )}
      {stage.kind === 'failed' && (
        <p className="error" role="alert">
          {stage.message}
        </p>
      )}
      {stage.kind === 'done' && (
        <p className="done" role="status">
          已导出「{stage.fileName}」{stage.path ? '' : '，请在浏览器的“下载”中查看'}。
          {stage.path && (
            <button type="button" className="link" onClick={() => void api!.files.reveal({ path: stage.path! })}>
              打开所在文件夹
            </button>
          )}
        </p>
      )}
    </>
  );
}
