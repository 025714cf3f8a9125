// New report: the body, the year reported on and the body's level. Where the
// library holds the same body's report for the year before, the new one can
// start from it (narrative as a starting point, 上年结转 and 现行有效 carried).
import { useEffect, useRef, useState } from 'react';
import type { ReportSummary } from '../../../shared/api/contract';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { api } from '../api';

interface Props {
  existing: readonly ReportSummary[];
  onClose: () => void;
  onCreated: (r: ReportSummary) => void;
}

export function CreateDialog({ existing, onClose, onCreated }: Props) {
  const last = existing[0];
  const [agency, setAgency] = useState(last?.agency ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0)));
  const [level, setLevel] = useState<Level>(last?.level ?? '县区部门');
  const [fromPrevious, setFromPrevious] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const yearNumber = Number(year);
  const previous = existing.find((r) => r.agency === agency.trim() && r.year === yearNumber - 1);
  const duplicate = existing.find((r) => r.agency === agency.trim() && r.year === yearNumber);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!agency.trim()) return setError('请填写机关名称');
    if (!Number.isInteger(yearNumber) || yearNumber < 2000 || yearNumber > 2100) return setError('年度应为四位数字，如 2024');
    setBusy(true);
    const res = await api!.library.create({ agency: agency.trim(), year: yearNumber, level, fromPrevious: !!previous && fromPrevious });
    setBusy(false);
    if (res.ok) onCreated(res.value);
    else setError(res.error.message);
  }

  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="create-title">
      <form onSubmit={submit}>
        <h2 id="create-title">新建报告</h2>
        <label>
          机关名称
          <input autoFocus value={agency} onChange={(e) => setAgency(e.target.value)} placeholder="如：余杭区统计局" maxLength={100} />
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
        {previous && (
          <label className="check">
            <input type="checkbox" checked={fromPrevious} onChange={(e) => setFromPrevious(e.target.checked)} />
            从 {previous.year} 年报告创建（带入正文供改写，上年结转、现行有效件数自动填入）
          </label>
        )}
        {duplicate && <p className="hint">报告库里已有 {agency.trim()} {yearNumber} 年的报告，仍可再建一份。</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            取消
          </button>
          <button type="submit" className="primary" disabled={busy}>
            创建
          </button>
        </div>
      </form>
    </dialog>
  );
}
