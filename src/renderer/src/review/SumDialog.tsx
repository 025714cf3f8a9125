// 汇总: the region's body, year and level, the bodies whose reports are summed
// (those of that year; a body's second report left out), what the office
// must know about the figures — then the 汇总 goes into the library as a new
// report and opens in the editor like any other.
import { useState } from 'react';
import { bodyOf, sumReports, type ReviewInput, type Review } from '../../../shared/review';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { checkIdentity, IdentityFields, type Identity } from '../library/IdentityFields';
import { DEFAULT_LEVEL } from '../../../shared/template/levels';

interface Props {
  review: Review;
  previous: readonly ReviewInput[];
  onClose: () => void;
  onOpened: (id: number) => void;
}

export function SumDialog({ review, previous, onClose, onOpened }: Props) {
  const readable = review.reports.filter((r) => r.report);
  const years = [...new Set(readable.map((r) => r.report!.year))].sort((a, b) => b - a);
  const [identity, setIdentity] = useState<Identity>({ agency: '', year: String(years[0] ?? ''), level: '县区政府' });
  // A body's second report is left out at first: the same body twice would be refused.
  const [chosen, setChosen] = useState<Set<number>>(() => {
    const seen = new Set<string>();
    return new Set(
      readable
        .filter((r) => {
          const first = !r.duplicates.some((d) => seen.has(d));
          seen.add(r.fileName);
          return first;
        })
        .map((r) => r.index),
    );
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const year = Number(identity.year);
  const ofYear = readable.filter((r) => r.report!.year === year);
  const parts = ofYear.filter((r) => chosen.has(r.index)).map((r) => ({ fileName: r.fileName, report: r.report! }));
  const lastYear = previous.flatMap((p) =>
    'report' in p && p.report.year === year - 1 ? [{ fileName: p.fileName, report: p.report }] : [],
  );
  // A few hundred reports of 200 cells each: summed again on every change, in well under a frame.
  const summed = sumReports(parts, {
    agency: identity.agency.trim() || '（本地区）',
    year,
    // A region's level is the author's to choose; until then the sum is made at the default.
    level: identity.level ?? DEFAULT_LEVEL,
    previous: lastYear.length ? lastYear : undefined,
  });

  const problem = error ?? (summed.ok ? null : summed.error.message);

  async function submit() {
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    if (!summed.ok) return setError(summed.error.message);
    setBusy(true);
    const res = await api!.library.import({ report: { ...summed.value.report, agency: checked.agency } });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    // Opening the 汇总 leaves this page, and the dialog with it.
    onOpened(res.value.id);
  }

  return (
    <Modal
      title="汇总为本地区的报告"
      className="sum-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={problem}
      actions={
        <button type="submit" className="primary" disabled={busy || !summed.ok}>
          生成汇总并打开
        </button>
      }
    >
      <div className="sum-body">
        <div className="sum-identity">
          <IdentityFields value={identity} autoFocus onChange={setIdentity} />
          <p className="hint">
            三张表逐格相加；正文（一、五、六）由本级填写。汇总报告存入报告库，在编辑器中打开，可像其他报告一样修改和导出。
          </p>
        </div>
        <fieldset className="sum-parts">
          <legend>
            计入的单位（{parts.length} / {ofYear.length}）
            <button type="button" className="link" onClick={() => setChosen(new Set([...chosen, ...ofYear.map((r) => r.index)]))}>
              全选
            </button>
            <button
              type="button"
              className="link"
              onClick={() => setChosen(new Set([...chosen].filter((i) => !ofYear.some((r) => r.index === i))))}
            >
              全不选
            </button>
          </legend>
          {ofYear.length === 0 && <p className="muted">没有 {identity.year} 年度的报告。</p>}
          <ul>
            {ofYear.map((r) => (
              <li key={r.index}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(r.index)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(r.index);
                      else next.delete(r.index);
                      setChosen(next);
                    }}
                  />
                  {bodyOf(r)}
                  {r.duplicates.length > 0 && <span className="tag dup">重复</span>}
                  {r.counts.error > 0 && <span className="tag err">{r.counts.error} 个错误</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
      {summed.ok && (
        <ul className="sum-notices">
          {summed.value.notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
