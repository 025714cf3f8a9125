// 汇总: the bodies whose last reports are summed (those whose tables have
// errors left out until the reviewer ticks them), the region's name and level;
// the 汇总 goes into the library as a report of its own kind, and what it says
// of the figures — which reports went in, which did not and why — is shown
// before it is opened.
import { useState } from 'react';
import type { SummedRound } from '../../../shared/api/contract';
import { errorsLeftOut, tableErrors } from '../../../shared/review';
import type { RoundView } from '../../../shared/review/round';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { inferLevel } from '../../../shared/template/levels';
import { api } from '../api';
import { Modal } from '../common/Modal';

interface Props {
  view: RoundView;
  onClose: () => void;
  onOpen: (id: number) => void;
}

export function SumDialog({ view, onClose, onOpen }: Props) {
  const sent = view.bodies.filter((b) => b.review);
  // The errors that keep a report out of a 汇总: its tables', as the 汇总 counts them.
  const errors = (b: (typeof sent)[number]) => tableErrors(b.review?.findings ?? []).length;
  const [agency, setAgency] = useState(view.region);
  const [level, setLevel] = useState<Level>(inferLevel(view.region).level);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(sent.filter((b) => errors(b) === 0).map((b) => b.id)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SummedRound | null>(null);

  async function submit() {
    if (done) return onOpen(done.summary.id);
    setBusy(true);
    const bodyIds = [...chosen];
    const includeErrors = sent.some((b) => chosen.has(b.id) && errors(b) > 0);
    const res = bodyIds.length
      ? await api!.rounds.sum({ year: view.year, agency, level, bodyIds, includeErrors })
      : { ok: false as const, error: { code: 'nothing', message: '请至少选择一个单位' } };
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setDone(res.value);
  }

  const missing = view.bodies.length - sent.length;
  return (
    <Modal
      title="汇总为本地区的报告"
      className="sum-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          {done ? '打开汇总报告' : '生成汇总'}
        </button>
      }
    >
      {done ? (
        <div className="sum-done">
          <p>
            已生成「{done.summary.agency}
            {done.summary.year}年政府信息公开工作年度报告（汇总）」，存入报告库。
          </p>
          <ul className="sum-notices">
            {done.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="sum-body">
          <div className="sum-identity">
            <label>
              汇总报告的机关名称
              <input value={agency} onChange={(e) => setAgency(e.target.value)} maxLength={100} />
            </label>
            <label>
              机关层级
              <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
                {LEVELS.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
            <p className="hint">
              三张表逐格相加，正文由本级填写。汇总是单独一类报告（标“汇总”），只与上年的汇总对照，不会与本级自己的年度报告混淆。
              {missing > 0 ? `名单中还有 ${missing} 个单位未报送。` : ''}
            </p>
          </div>
          <fieldset className="sum-parts">
            <legend>
              计入的单位（{chosen.size} / {sent.length}）
              <button type="button" className="link" onClick={() => setChosen(new Set(sent.map((b) => b.id)))}>
                全选
              </button>
              <button type="button" className="link" onClick={() => setChosen(new Set())}>
                全不选
              </button>
            </legend>
            <ul>
              {sent.map((b) => (
                <li key={b.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.has(b.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(b.id);
                        else next.delete(b.id);
                        setChosen(next);
                      }}
                    />
                    {b.name}
                    <span className="muted small"> {b.status}</span>
                    {errors(b) > 0 && <span className="tag err">{errorsLeftOut(errors(b)).reason}，默认不计入</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      )}
    </Modal>
  );
}
