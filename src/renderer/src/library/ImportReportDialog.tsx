// A report file (report JSON, or a workbook with the three tables) becomes a
// new report in the library, in one transaction. A workbook rarely names the
// body or the year for certain, so the author confirms them first.
import { useEffect, useRef, useState } from 'react';
import type { ImportedFile, ReportSummary } from '../../../shared/api/contract';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { api } from '../api';
import { fileToBase64 } from '../transfer/files';

interface Props {
  file: File;
  onClose: () => void;
  onImported: (r: ReportSummary) => void;
}

export function ImportReportDialog({ file, onClose, onImported }: Props) {
  const [read, setRead] = useState<ImportedFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState('');
  const [level, setLevel] = useState<Level>('县区部门');
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let cancelled = false;
    (async () => {
      try {
        const res = await api!.files.read({ fileName: file.name, data: await fileToBase64(file) });
        if (cancelled) return;
        if (!res.ok) return setError(res.error.message);
        setRead(res.value);
        setAgency(res.value.record?.agency.from === 'missing' ? '' : res.value.report.agency);
        setYear(String(res.value.report.year));
        setLevel(res.value.report.level);
      } catch (err) {
        if (!cancelled) setError((err as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [file]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!read) return;
    const y = Number(year);
    if (!agency.trim()) return setError('请填写机关名称');
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError('年度应为四位数字，如 2024');
    setBusy(true);
    const res = await api!.library.import({ report: { ...read.report, agency: agency.trim(), year: y, level } });
    setBusy(false);
    if (res.ok) onImported(res.value);
    else setError(res.error.message);
  }

  const counts = read?.record?.counts;
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="import-report-title">
      <form onSubmit={submit}>
        <h2 id="import-report-title">从「{file.name}」新建报告</h2>
        {!read && !error && <progress aria-label="读取进度" />}
        {read && (
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
            <label>
              机关名称
              <input value={agency} onChange={(e) => setAgency(e.target.value)} maxLength={100} placeholder="如：余杭区统计局" />
            </label>
            <label>
              报告年度
              <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" maxLength={4} />
            </label>
            <label>
              机关层级
              <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
                {LEVELS.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            取消
          </button>
          <button type="submit" className="primary" disabled={!read || busy}>
            导入为新报告
          </button>
        </div>
      </form>
    </dialog>
  );
}
