// A report file (report JSON, or a workbook with the three tables) becomes a
// new report in the library, in one transaction. A workbook rarely names the
// body or the year for certain, so the author confirms them first.
import { useEffect, useRef, useState } from 'react';
import type { ReportSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { useReadFile } from '../transfer/useReadFile';
import { checkIdentity, IdentityFields, type Identity } from './IdentityFields';

interface Props {
  file: File;
  onClose: () => void;
  onImported: (r: ReportSummary) => void;
}

export function ImportReportDialog({ file, onClose, onImported }: Props) {
  const { read, error: readError } = useReadFile(file);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // What the file says of itself is the starting point; a body the workbook does not name is left for the author.
  useEffect(() => {
    if (read) setIdentity({ agency: read.record?.agency.from === 'missing' ? '' : read.report.agency, year: String(read.report.year), level: read.report.level });
  }, [read]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!read || !identity) return;
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const res = await api!.library.import({ report: { ...read.report, agency: checked.agency, year: checked.year, level: checked.level } });
    setBusy(false);
    if (res.ok) onImported(res.value);
    else setError(res.error.message);
  }

  const counts = read?.record?.counts;
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="import-report-title">
      <form onSubmit={submit}>
        <h2 id="import-report-title">从「{file.name}」新建报告</h2>
        {!read && !readError && <progress aria-label="读取进度" />}
        {read && identity && (
          <>
            {counts && (
              <p className="hint">
                读到 {counts.matched + counts.guessed} 个格子{counts.guessed > 0 && `（${counts.guessed} 个按相近标签推断）`}
                {counts.notFound > 0 && `，${counts.notFound} 个没有找到（留空）`}。
              </p>
            )}
            {read.notes.length > 0 && (
              <ul className="hint">
                {read.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            <IdentityFields value={identity} onChange={setIdentity} />
          </>
        )}
        {(readError ?? error) && (
          <p className="error" role="alert">
            {readError ?? error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            取消
          </button>
          <button type="submit" className="primary" disabled={!read || !identity || busy}>
            导入为新报告
          </button>
        </div>
      </form>
    </dialog>
  );
}
