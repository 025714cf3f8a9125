// 汇总与审核: the 政务公开办's round of collection for a year. The roster at a
// glance with counts per status (who has not sent, who is 逾期); reports
// arrive by dropping files or a folder and are put with their bodies; a body
// is returned with its Word 问题清单, its report that comes back is rechecked,
// it is accepted with a note; risk across the round; the 汇总 into the
// library. Everything is kept in the library: nothing in the user's folders
// is written or moved.
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Result } from '../../../shared/api/result';
import { importAccept, readableExtensions } from '../../../shared/formats';
import { ROUND_STATUSES, type RoundStatus, type RoundView } from '../../../shared/review/round';
import { printedDate } from '../../../shared/model/dates';
import { api } from '../api';
import { useNotices } from '../common/notices';
import { useRouter } from '../common/router';
import { downloadBase64 } from '../transfer/files';
import type { ExportOutcome } from '../../../shared/api/contract';
import { NoteDialog } from './NoteDialog';
import { RiskPanel } from './RiskPanel';
import { RosterDialog } from './RosterDialog';
import { RosterTable, STATUS_CLASS } from './RosterTable';
import { RoundStart } from './RoundStart';
import { createRoundStore, droppedFiles, pickedFiles, type PickedFile } from './roundStore';
import { SumDialog } from './SumDialog';
import './review.css';

const ACCEPT = importAccept();
/** The round as the library has it; kept while the page is left for the editor and come back to. */
const useRound = createRoundStore(api!);

type Filter = RoundStatus | '逾期' | null;
/** Bodies not yet sent named on the summary line: a glance at a few; many are a filter's work. */
const MISSING_SHOWN = 12;
type Dialog = { kind: 'return' | 'accept'; ids: number[] } | { kind: 'sum' } | { kind: 'roster' } | { kind: 'new' } | null;

/** A hidden file input and the button that opens it; `folder` picks a whole folder. */
function Picker({
  label,
  folder,
  onPick,
  disabled,
}: {
  label: string;
  folder?: boolean;
  onPick: (files: PickedFile[]) => void;
  disabled?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        aria-label={label}
        {...(folder ? { webkitdirectory: '' } : { accept: ACCEPT })}
        onChange={(e) => {
          if (e.target.files) onPick(pickedFiles(e.target.files));
          e.target.value = '';
        }}
      />
    </>
  );
}

function deliverOutcome(out: ExportOutcome, what: string, show: (kind: 'info' | 'error', text: string) => void) {
  if (out.kind === 'download') downloadBase64(out.fileName, out.mime, out.data);
  if (out.kind !== 'cancelled') show('info', `已导出${what}：${out.kind === 'saved' ? out.path : out.fileName}`);
}

export function ReviewPage() {
  const { rounds, view, arriving, refused, added, error, load, setView, receive, cancel } = useRound();
  const [filter, setFilter] = useState<Filter>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [expanded, setExpanded] = useState<number | null>(null);
  const [tab, setTab] = useState<'roster' | 'risk'>('roster');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<'current' | 'previous' | null>(null);
  const show = useNotices((s) => s.show);
  const go = useRouter((s) => s.go);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => {
    const q = search.trim();
    return (view?.bodies ?? []).filter(
      (b) =>
        (filter === null || (filter === '逾期' ? b.overdue : b.status === filter)) &&
        (!q || b.name.includes(q) || (b.fileName ?? '').includes(q)),
    );
  }, [view, filter, search]);

  const nb = api;
  if (!nb) return null;

  const changed = (next: RoundView) => {
    setView(next);
    void load(next.year);
  };

  const drop = (asPrevious: boolean) => async (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(null);
    if (!view || arriving) return;
    void receive(await droppedFiles(e.dataTransfer), asPrevious);
  };
  const dragOver = (which: 'current' | 'previous') => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(which);
  };

  async function call<T>(made: Promise<Result<T>>, done: (value: T) => void): Promise<string | null> {
    setBusy(true);
    try {
      const res = await made;
      if (!res.ok) return res.error.message;
      done(res.value);
      return null;
    } finally {
      setBusy(false);
    }
  }

  const namesOf = (ids: readonly number[]) => ids.map((id) => view?.bodies.find((b) => b.id === id)?.name ?? '');
  const select = (ids: readonly number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    setSelected(next);
  };
  const chosen = [...selected].filter((id) => view?.bodies.some((b) => b.id === id && b.review));
  // With nothing ticked, the two actions take the bodies a reviewer takes them for in bulk: every report with errors
  // not sent back yet, every report that came back with what was asked fixed.
  const toReturn = (view?.bodies ?? []).filter((b) => b.status === '已报送' && b.review?.status === '有错误').map((b) => b.id);
  const toAccept = (view?.bodies ?? []).filter((b) => b.status === '已整改').map((b) => b.id);
  const missing = (view?.bodies ?? []).filter((b) => b.status === '未报送');

  return (
    <div
      className={`page review-page ${dragging === 'current' ? 'dragging' : ''}`}
      onDragOver={view ? dragOver('current') : undefined}
      onDragLeave={() => setDragging(null)}
      onDrop={view ? (e) => void drop(false)(e) : undefined}
    >
      <header className="page-header review-header">
        <button type="button" className="link" onClick={() => go({ page: 'library' })}>
          ← 报告库
        </button>
        <h1>汇总与审核</h1>
        {rounds && rounds.length > 0 && (
          <div className="round-picker">
            <label>
              收集年度
              <select
                value={view?.year ?? ''}
                onChange={(e) => {
                  setSelected(new Set());
                  setExpanded(null);
                  void load(Number(e.target.value));
                }}
              >
                {rounds.map((r) => (
                  <option key={r.year} value={r.year}>
                    {r.year} 年度（{r.region}）
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => setDialog({ kind: 'new' })}>
              新建一轮收集…
            </button>
          </div>
        )}
      </header>
      {error && <p className="error">{error}</p>}
      {rounds === null && <p className="muted">正在读取…</p>}
      {rounds !== null && (!view || dialog?.kind === 'new') && (
        <RoundStart
          rounds={rounds}
          onCreated={(v) => {
            setDialog(null);
            changed(v);
          }}
          onCancel={view ? () => setDialog(null) : undefined}
        />
      )}

      {view && dialog?.kind !== 'new' && (
        <>
          <section className="round-summary" aria-label="本轮收集">
            <p>
              <strong>
                {view.year} 年度 · {view.region}
              </strong>{' '}
              名单 {view.bodies.length} 个单位。应报送日期：{view.deadlines.map((d) => `${d.who} ${printedDate(d.date)}`).join('，')}
              （条例第四十九条）。
            </p>
            {missing.length > 0 && (
              <p className="missing-line">
                <span className="missing-label">未报送：</span>
                {missing.slice(0, MISSING_SHOWN).map((b, i) => (
                  <span key={b.id}>
                    {i > 0 && '、'}
                    {b.name}
                    {b.overdue && <span className="tag overdue">逾期</span>}
                  </span>
                ))}
                {missing.length > MISSING_SHOWN && ` 等 ${missing.length} 个（点“未报送”看全部）`}
              </p>
            )}
            <div className="status-filters" role="group" aria-label="按状态筛选">
              <button
                type="button"
                className={filter === null ? 'active' : ''}
                aria-pressed={filter === null}
                onClick={() => setFilter(null)}
              >
                全部 {view.bodies.length}
              </button>
              {ROUND_STATUSES.map((s) => (
                <button
                  key={s}
                  type="button"
                  className={`status-filter ${STATUS_CLASS[s]} ${filter === s ? 'active' : ''}`}
                  aria-pressed={filter === s}
                  onClick={() => setFilter(filter === s ? null : s)}
                >
                  {s} {view.counts[s]}
                </button>
              ))}
              <button
                type="button"
                className={`status-filter overdue ${filter === '逾期' ? 'active' : ''}`}
                aria-pressed={filter === '逾期'}
                onClick={() => setFilter(filter === '逾期' ? null : '逾期')}
              >
                逾期 {view.overdue}
              </button>
            </div>
          </section>

          <div className="toolbar review-toolbar">
            <span className="toolbar-label">接收报告：</span>
            <Picker label="选择文件…" onPick={(f) => void receive(f, false)} disabled={!!arriving} />
            <Picker label="选择文件夹…" folder onPick={(f) => void receive(f, false)} disabled={!!arriving} />
            <span
              className={`previous-drop ${dragging === 'previous' ? 'dragging' : ''}`}
              onDragOver={dragOver('previous')}
              onDragLeave={(e) => (e.stopPropagation(), setDragging(null))}
              onDrop={(e) => void drop(true)(e)}
              title="上年各单位的报告，用于核对上年结转和现行有效件数（按单位名称对照）"
            >
              <Picker label="上年报告…" folder onPick={(f) => void receive(f, true)} disabled={!!arriving} />
            </span>
            <span className="toolbar-gap" />
            {chosen.length > 0 ? (
              <>
                <button type="button" disabled={busy} onClick={() => setDialog({ kind: 'return', ids: chosen })}>
                  退回修改（{chosen.length}）…
                </button>
                <button type="button" disabled={busy} onClick={() => setDialog({ kind: 'accept', ids: chosen })}>
                  通过（{chosen.length}）…
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  disabled={busy || toReturn.length === 0}
                  title="勾选单位可只退回其中几个"
                  onClick={() => setDialog({ kind: 'return', ids: toReturn })}
                >
                  退回有错误的（{toReturn.length}）…
                </button>
                <button
                  type="button"
                  disabled={busy || toAccept.length === 0}
                  title="勾选单位可通过任意几个"
                  onClick={() => setDialog({ kind: 'accept', ids: toAccept })}
                >
                  通过已整改的（{toAccept.length}）…
                </button>
              </>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() => void call(nb.rounds.workbook({ year: view.year }), (out) => deliverOutcome(out, '问题清单工作簿', show))}
            >
              导出问题清单（Excel）
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !view.bodies.some((b) => b.review)}
              onClick={() => setDialog({ kind: 'sum' })}
            >
              汇总…
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'roster' })}>
              名单…
            </button>
          </div>

          {arriving && (
            <div className="review-progress" role="status">
              <span>
                正在接收{arriving.asPrevious ? '上年报告' : ''}：{arriving.done} / {arriving.total}
              </span>
              <progress max={arriving.total} value={arriving.done} aria-label="接收进度" />
              <button type="button" onClick={cancel}>
                停止
              </button>
            </div>
          )}
          {(refused.length > 0 || added.length > 0) && !arriving && (
            <div className="arrivals" role="status">
              {added.length > 0 && (
                <p>名单中没有、已按报告加入名单（标“名单外”）：{added.join('、')}。如是名单中某单位的别称，请在“名单…”中去掉多余的一个。</p>
              )}
              {refused.length > 0 && (
                <details open={refused.length <= 5}>
                  <summary>{refused.length} 个文件未接收</summary>
                  <ul>
                    {refused.map((r) => (
                      <li key={r.fileName}>{r.error}</li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          )}
          {view.bodies.every((b) => b.submissions === 0) && !arriving && (
            <p className="drop-help">
              把各单位报送的文件或整个文件夹拖到本页，或用“选择文件…”“选择文件夹…”：{readableExtensions().join('、')}
              均可；每份报告按单位名称（全称、简称均可）对应到名单中的单位。
            </p>
          )}

          <div className="tabs" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'roster'}
              className={tab === 'roster' ? 'active' : ''}
              onClick={() => setTab('roster')}
            >
              名单与报送
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'risk'}
              className={tab === 'risk' ? 'active' : ''}
              onClick={() => setTab('risk')}
            >
              风险一览
            </button>
            <span className="toolbar-gap" />
            {tab === 'roster' && (
              <input
                type="search"
                className="search"
                placeholder="按单位或文件名查找"
                aria-label="查找单位"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            )}
          </div>
          {tab === 'roster' ? (
            <RosterTable
              bodies={rows}
              selected={selected}
              onSelect={select}
              expanded={expanded}
              onExpand={setExpanded}
              busy={busy}
              onReturn={(ids) => setDialog({ kind: 'return', ids })}
              onAccept={(ids) => setDialog({ kind: 'accept', ids })}
              onReopen={(id) => void call(nb.rounds.reopen({ year: view.year, bodyId: id }), changed)}
              onOpenCopy={(id) =>
                void call(nb.rounds.copy({ year: view.year, bodyId: id }), (summary) => {
                  show('info', '已把这份报告的副本存入报告库，收集中的报告不变');
                  go({ page: 'report', id: summary.id });
                })
              }
            />
          ) : (
            <RiskPanel
              view={view}
              onShow={(id) => {
                setTab('roster');
                setFilter(null);
                setExpanded(id);
              }}
            />
          )}
        </>
      )}
      {dragging === 'current' && <div className="drop-hint">松开鼠标，接收这些报告</div>}
      {view && dialog?.kind === 'return' && (
        <NoteDialog
          title={`退回修改（${dialog.ids.length} 个单位）`}
          names={namesOf(dialog.ids)}
          label="审核意见（印在问题清单上，可不填）"
          placeholder="如：请于 1 月 25 日前改正后重新报送"
          submitLabel="生成问题清单并退回"
          hint="生成每个单位的 Word 问题清单（每个单位单独成页），保存后记为“退回修改”；单位重新报送后逐项核对是否已整改。"
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            call(nb.rounds.return({ year: view.year, bodyIds: dialog.ids, ...(note.trim() ? { note: note.trim() } : {}) }), (res) => {
              deliverOutcome(res.outcome, '问题清单（Word）', show);
              setSelected(new Set());
              changed(res.view);
            })
          }
        />
      )}
      {view && dialog?.kind === 'accept' && (
        <NoteDialog
          title={`通过（${dialog.ids.length} 个单位）`}
          names={namesOf(dialog.ids)}
          label="备注（与日期一起记录）"
          placeholder="如：已核对，同意发布"
          submitLabel="通过"
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            call(nb.rounds.accept({ year: view.year, bodyIds: dialog.ids, note }), (next) => {
              setSelected(new Set());
              changed(next);
            })
          }
        />
      )}
      {view && dialog?.kind === 'sum' && (
        <SumDialog view={view} onClose={() => setDialog(null)} onOpen={(id) => go({ page: 'report', id })} />
      )}
      {view && dialog?.kind === 'roster' && <RosterDialog view={view} onClose={() => setDialog(null)} onSaved={changed} />}
    </div>
  );
}
