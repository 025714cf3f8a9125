// New report: the body, the year reported on and the body's level. Where the
// library holds the same body's report for the year before, the new one can
// start from it (narrative as a starting point, 上年结转 and 现行有效 carried).
import { useState } from 'react';
import type { ReportSummary } from '../../../shared/api/contract';
import { reportingYear } from '../../../shared/model/dates';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { checkIdentity, IdentityFields, levelFromName, type Identity } from './IdentityFields';

interface Props {
  existing: readonly ReportSummary[];
  onClose: () => void;
  onCreated: (r: ReportSummary) => void;
}

export function CreateDialog({ existing, onClose, onCreated }: Props) {
  const last = existing[0];
  const [identity, setIdentity] = useState<Identity>({
    agency: last?.agency ?? '',
    year: String(reportingYear()),
    level: last?.level ?? levelFromName(last?.agency ?? ''),
  });
  const [fromPrevious, setFromPrevious] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const agency = identity.agency.trim();
  const yearNumber = Number(identity.year);
  const previous = existing.find((r) => r.agency === agency && r.year === yearNumber - 1);
  const duplicate = existing.find((r) => r.agency === agency && r.year === yearNumber);

  async function submit() {
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const res = await api!.library.create({
      agency: checked.agency,
      year: checked.year,
      level: checked.level,
      fromPrevious: !!previous && fromPrevious,
    });
    setBusy(false);
    if (res.ok) onCreated(res.value);
    else setError(res.error.message);
  }

  return (
    <Modal
      title="新建报告"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          创建
        </button>
      }
    >
      <IdentityFields value={identity} onChange={setIdentity} autoFocus />
      {previous && (
        <label className="check">
          <input type="checkbox" checked={fromPrevious} onChange={(e) => setFromPrevious(e.target.checked)} />从 {previous.year}{' '}
          年报告创建（带入正文供改写，上年结转、现行有效件数自动填入）
        </label>
      )}
      {duplicate && (
        <p className="hint">
          报告库里已有 {agency} {yearNumber} 年的报告，仍可再建一份。
        </p>
      )}
    </Modal>
  );
}
