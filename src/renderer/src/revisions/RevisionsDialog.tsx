// Earlier versions of the open report: the library keeps a snapshot every few
// minutes of editing and before every import, status change and restore.
// Choosing one shows how it differs from now; restoring keeps the current
// state as a version of its own first, so nothing is lost either way.
import { useEffect, useState } from 'react';
import type { OpenedReport, RevisionReason, RevisionSummary } from '../../../shared/api/contract';
import { changedCells, valueAt, type Report } from '../../../shared/model/report';
import { NARRATIVE_IDS, SECTION_BY_ID } from '../../../shared/template/gov2021';
import { api } from '../api';
import { Modal, useConfirm } from '../common/Modal';
import { localMinute } from '../../../shared/model/dates';
import './revisions.css';

interface Props {
  id: number;
  current: Report;
  /** Saves pending edits before the list is read, so "now" is what the author sees. */
  flush: () => Promise<void>;
  onRestored: (opened: OpenedReport) => void;
  onClose: () => void;
}

const REASON: Record<RevisionReason, string> = {
  edit: '编辑前自动保存',
  replace: '导入前自动保存',
  status: '更改定稿状态前',
  restore: '恢复历史版本前',
};

const show = (v: string | number | null) => (v === null ? '（空）' : String(v));

/** The first stretch where two texts part, a little of each side around it, for "当时 … → 现在 …". */
function textChange(then: string, now: string): string {
  let start = 0;
  while (start < then.length && start < now.length && then[start] === now[start]) start++;
  let end = 0;
  while (end < then.length - start && end < now.length - start && then[then.length - 1 - end] === now[now.length - 1 - end]) end++;
  const clip = (t: string) => {
    const part = t.slice(Math.max(0, start - 6), t.length - end);
    const cut = part.length > 40 ? part.slice(0, 40) + '…' : part;
    return (start > 6 ? '…' : '') + (cut || '（无）');
  };
  return `「${clip(then)}」→「${clip(now)}」`;
}

/** In words: each cell that differs (then → now), where each text parts, and what else changed. */
function differences(then: Report, now: Report): string[] {
  const out: string[] = [];
  for (const c of changedCells(then, now))
    out.push(`表${SECTION_BY_ID[c.table].numeral} ${c.name}：${show(valueAt(then, c.key))} → ${show(valueAt(now, c.key))}`);
  for (const n of NARRATIVE_IDS) {
    if (then.narratives[n] !== now.narratives[n])
      out.push(
        `${SECTION_BY_ID[n].heading}：${textChange(then.narratives[n], now.narratives[n])}（当时 ${then.narratives[n].length} 字，现在 ${now.narratives[n].length} 字）`,
      );
  }
  if (then.agency !== now.agency) out.push(`机关名称：${then.agency} → ${now.agency}`);
  if (then.year !== now.year) out.push(`年度：${then.year} → ${now.year}`);
  if (then.level !== now.level) out.push(`层级：${then.level} → ${now.level}`);
  const ids = new Set([...Object.keys(then.explanations), ...Object.keys(now.explanations)]);
  const changed = [...ids].filter((i) => (then.explanations[i] ?? '') !== (now.explanations[i] ?? '')).length;
  if (changed > 0) out.push(`核实说明：${changed} 条不同`);
  return out;
}

export function RevisionsDialog({ id, current, flush, onRestored, onClose }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [chosen, setChosen] = useState<{ revision: RevisionSummary; report: Report } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = useConfirm();

  useEffect(() => {
    void flush().then(async () => {
      const res = await api!.library.revisions({ id });
      if (res.ok) setRevisions(res.value);
      else setError(res.error.message);
    });
  }, [id, flush]);

  async function choose(revision: RevisionSummary) {
    const res = await api!.library.revision({ id, revisionId: revision.id });
    if (res.ok) setChosen({ revision, report: res.value });
    else setError(res.error.message);
  }

  async function restore() {
    if (!chosen) return;
    const yes = await confirm.ask({
      title: '恢复历史版本',
      message: `恢复到 ${localMinute(chosen.revision.createdAt)} 的版本？现在的内容会先保存为一个历史版本。`,
      confirmLabel: '恢复',
    });
    if (!yes) return;
    setBusy(true);
    const res = await api!.library.restoreRevision({ id, revisionId: chosen.revision.id });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onRestored(res.value);
    onClose();
  }

  const diff = chosen ? differences(chosen.report, current) : [];
  return (
    <Modal
      title="历史版本"
      className="revisions-dialog"
      onClose={onClose}
      error={error}
      cancelLabel="关闭"
      actions={
        <button type="button" className="primary" disabled={!chosen || busy || diff.length === 0} onClick={() => void restore()}>
          恢复这个版本
        </button>
      }
    >
      {confirm.element}
      <div className="revisions-body">
        <ol className="revision-list" aria-label="历史版本列表">
          {revisions === null && !error && <li className="muted">正在读取…</li>}
          {revisions?.length === 0 && <li className="muted">还没有历史版本：编辑几分钟后会自动保存一份。</li>}
          {revisions?.map((r) => (
            <li key={r.id}>
              <button type="button" className={chosen?.revision.id === r.id ? 'chosen' : ''} onClick={() => void choose(r)}>
                <span className="when">{localMinute(r.createdAt)}</span>
                <span className="why">
                  {REASON[r.reason]} · {r.status}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <div className="revision-detail">
          {chosen ? (
            <>
              <h3>{localMinute(chosen.revision.createdAt)} 的版本</h3>
              {diff.length === 0 ? (
                <p>与现在的内容完全相同。</p>
              ) : (
                <>
                  <p>与现在相比（当时 → 现在）：</p>
                  <ul className="revision-diff">
                    {diff.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                </>
              )}
              <p className="hint">恢复后，现在的内容也会先保存为一个历史版本，可以随时再恢复回来。</p>
            </>
          ) : (
            <p className="muted">在左边选一个版本，查看它与现在的不同。</p>
          )}
        </div>
      </div>
    </Modal>
  );
}
