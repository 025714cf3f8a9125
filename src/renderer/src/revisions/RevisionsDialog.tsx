// Earlier versions of the open report: the library keeps a snapshot every few
// minutes of editing and before every import, status change and restore.
// Choosing one shows how it differs from now; restoring keeps the current
// state as a version of its own first, so nothing is lost either way.
import { useEffect, useRef, useState } from 'react';
import type { OpenedReport, RevisionReason, RevisionSummary } from '../../../shared/api/contract';
import { CELLS } from '../../../shared/model/cells';
import type { Report } from '../../../shared/model/report';
import { NARRATIVE_IDS, SECTIONS, type SectionId } from '../../../shared/template/gov2021';
import { api } from '../api';
import { formatTime } from '../common/time';
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

const HEADING = Object.fromEntries(SECTIONS.map((s) => [s.id, s.heading])) as Record<SectionId, string>;

/** In words: which sections differ between two versions, and by how many cells. */
function differences(then: Report, now: Report): string[] {
  const out: string[] = [];
  for (const table of ['proactive', 'requests', 'appeals'] as const) {
    const n = CELLS.filter((c) => c.table === table && (then.tables[table][c.row]?.[c.col] ?? null) !== (now.tables[table][c.row]?.[c.col] ?? null)).length;
    if (n > 0) out.push(`${HEADING[table]}：${n} 个格子不同`);
  }
  for (const n of NARRATIVE_IDS) {
    if (then.narratives[n] !== now.narratives[n]) out.push(`${HEADING[n]}：文字不同（当时 ${then.narratives[n].length} 字，现在 ${now.narratives[n].length} 字）`);
  }
  if (then.agency !== now.agency || then.year !== now.year || then.level !== now.level) out.push('机关名称、年度或层级不同');
  const explained = (r: Report) => Object.values(r.explanations).filter((t) => t.trim()).length;
  if (explained(then) !== explained(now)) out.push(`核实说明：当时 ${explained(then)} 条，现在 ${explained(now)} 条`);
  return out;
}

export function RevisionsDialog({ id, current, flush, onRestored, onClose }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [chosen, setChosen] = useState<{ revision: RevisionSummary; report: Report } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
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
    if (!chosen || !confirm(`恢复到 ${formatTime(chosen.revision.createdAt)} 的版本？现在的内容会先保存为一个历史版本。`)) return;
    setBusy(true);
    const res = await api!.library.restoreRevision({ id, revisionId: chosen.revision.id });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onRestored(res.value);
    dialog.current?.close();
  }

  const diff = chosen ? differences(chosen.report, current) : [];
  return (
    <dialog ref={dialog} className="dialog revisions-dialog" onClose={onClose} aria-labelledby="revisions-title">
      <h2 id="revisions-title">历史版本</h2>
      <div className="revisions-body">
        <ol className="revision-list" aria-label="历史版本列表">
          {revisions === null && !error && <li className="muted">正在读取…</li>}
          {revisions?.length === 0 && <li className="muted">还没有历史版本：编辑几分钟后会自动保存一份。</li>}
          {revisions?.map((r) => (
            <li key={r.id}>
              <button type="button" className={chosen?.revision.id === r.id ? 'chosen' : ''} onClick={() => void choose(r)}>
                <span className="when">{formatTime(r.createdAt)}</span>
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
              <h3>{formatTime(chosen.revision.createdAt)} 的版本</h3>
              {diff.length === 0 ? (
                <p>与现在的内容完全相同。</p>
              ) : (
                <>
                  <p>与现在相比：</p>
                  <ul>
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
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          关闭
        </button>
        <button type="button" className="primary" disabled={!chosen || busy || diff.length === 0} onClick={() => void restore()}>
          恢复这个版本
        </button>
      </div>
    </dialog>
  );
}
