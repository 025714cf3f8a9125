// The roster at a glance: a row per body — its status, when its report came,
// its counts and figures with their risk marks — and, opened, its problems
// (each marked 已整改 / 仍存在 / 新发现 where it came back after a 退回), the
// cells it changed, its history, and what the reviewer can do with it.
import { Fragment } from 'react';
import { kpi } from '../../../shared/kpi';
import { briefCellNames, PROBLEM_COLUMNS, REVIEW_KPIS, type RecheckedProblem } from '../../../shared/review';
import { EVENT_LABEL, type RoundBody, type RoundStatus } from '../../../shared/review/round';
import { printedDate } from '../../../shared/model/dates';

export const STATUS_CLASS: Record<RoundStatus, string> = {
  未报送: 'missing',
  已报送: 'received',
  退回修改: 'returned',
  已整改: 'fixed',
  通过: 'accepted',
};

/** The risk figures the table shows (受理合计 and 办结 are on the 问题清单). */
const FIGURES = REVIEW_KPIS.filter((id) => id !== 'accepted' && id !== 'closed').map(kpi);
const COLUMNS = 9 + FIGURES.length;

const day = (iso: string) => printedDate(iso.slice(0, 10));
const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

interface Props {
  bodies: readonly RoundBody[];
  selected: ReadonlySet<number>;
  onSelect: (ids: readonly number[], on: boolean) => void;
  expanded: number | null;
  onExpand: (id: number | null) => void;
  onReturn: (ids: number[]) => void;
  onAccept: (ids: number[]) => void;
  onReopen: (id: number) => void;
  onOpenCopy: (id: number) => void;
  busy: boolean;
}

export function RosterTable({ bodies, selected, onSelect, expanded, onExpand, ...actions }: Props) {
  const allOn = bodies.length > 0 && bodies.every((b) => selected.has(b.id));
  return (
    <div className="review-table-wrap">
      <table className="review-table roster-table">
        <thead>
          <tr>
            <th scope="col" className="pick">
              <input
                type="checkbox"
                aria-label="全选（列表中的单位）"
                checked={allOn}
                onChange={(e) =>
                  onSelect(
                    bodies.map((b) => b.id),
                    e.target.checked,
                  )
                }
              />
            </th>
            <th scope="col" className="num">
              序
            </th>
            <th scope="col" className="body">
              单位
            </th>
            <th scope="col">层级</th>
            <th scope="col">状态</th>
            <th scope="col">报送</th>
            <th scope="col" className="num">
              错误
            </th>
            <th scope="col" className="num">
              需核实
            </th>
            {FIGURES.map((k) => (
              <th key={k.id} scope="col" className="num">
                {k.label}
              </th>
            ))}
            <th scope="col">风险</th>
          </tr>
        </thead>
        <tbody>
          {bodies.map((b, i) => (
            <Fragment key={b.id}>
              <BodyRow
                b={b}
                n={i + 1}
                selected={selected.has(b.id)}
                onSelect={(on) => onSelect([b.id], on)}
                expanded={expanded === b.id}
                onToggle={() => onExpand(expanded === b.id ? null : b.id)}
              />
              {expanded === b.id && <BodyDetail b={b} {...actions} />}
            </Fragment>
          ))}
          {bodies.length === 0 && (
            <tr>
              <td colSpan={COLUMNS} className="muted">
                没有符合条件的单位。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function BodyRow({
  b,
  n,
  selected,
  onSelect,
  expanded,
  onToggle,
}: {
  b: RoundBody;
  n: number;
  selected: boolean;
  onSelect: (on: boolean) => void;
  expanded: boolean;
  onToggle: () => void;
}) {
  const r = b.review;
  return (
    <tr className={`review-row status-${STATUS_CLASS[b.status]} ${expanded ? 'open' : ''}`} data-body={b.name}>
      <td className="pick">
        <input type="checkbox" aria-label={`选择 ${b.name}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      </td>
      <td className="num">{n}</td>
      <td className="body">
        <button type="button" className="link" aria-expanded={expanded} onClick={onToggle}>
          {b.name}
        </button>
        {b.unlisted && (
          <span className="tag unlisted" title="名单中没有这个单位：它的报告到了，自动加入名单">
            名单外
          </span>
        )}
        {r && r.agency !== b.name && <span className="muted small"> {r.agency}</span>}
      </td>
      <td>{b.level}</td>
      <td>
        <span className={`round-status ${STATUS_CLASS[b.status]}`}>{b.status}</span>
        {b.overdue && (
          <span className="tag overdue" title={`应于 ${day(b.deadline)}前报送`}>
            逾期
          </span>
        )}
      </td>
      <td className="when">
        {b.receivedAt ? (
          <>
            {time(b.receivedAt)}
            {b.submissions > 1 && <span className="muted"> 第 {b.submissions} 次</span>}
            {b.lateDays !== undefined && <span className="tag overdue">迟 {b.lateDays} 天</span>}
          </>
        ) : (
          <span className="muted">应于 {day(b.deadline)}前</span>
        )}
      </td>
      <td className={`num ${r?.counts.error ? 'has-error' : ''}`}>{r ? r.counts.error : '—'}</td>
      <td className={`num ${r?.unexplained ? 'has-warning' : ''}`}>{r ? r.counts.warning : '—'}</td>
      {FIGURES.map((k) => {
        const fig = r?.kpis.find((x) => x.id === k.id);
        return (
          <td key={k.id} className={`num ${fig?.mark ? `mark-${fig.mark}` : ''}`}>
            {fig ? fig.text : '—'}
          </td>
        );
      })}
      <td className="risk">
        {b.risk && b.risk.red > 0 && <span className="chip red">红 {b.risk.red}</span>}
        {b.risk && b.risk.yellow > 0 && <span className="chip yellow">黄 {b.risk.yellow}</span>}
      </td>
    </tr>
  );
}

const MARK_CLASS: Record<RecheckedProblem['mark'], string> = { 已整改: 'fixed', 仍存在: 'remaining', 新发现: 'added' };

function BodyDetail({
  b,
  onReturn,
  onAccept,
  onReopen,
  onOpenCopy,
  busy,
}: { b: RoundBody } & Omit<Props, 'bodies' | 'selected' | 'onSelect' | 'expanded' | 'onExpand'>) {
  const recheck = b.recheck;
  return (
    <tr className="review-detail">
      <td colSpan={COLUMNS}>
        <div className="detail-actions">
          <span className="muted">
            {b.fileName ? `文件：${b.fileName}` : `尚未报送（应于 ${day(b.deadline)}前）`}
            {b.review?.previousFile ? ` · 对照：${b.review.previousFile}` : ''}
            {b.accepted ? ` · ${day(b.accepted.at)}通过${b.accepted.note ? `：${b.accepted.note}` : ''}` : ''}
          </span>
          <span className="toolbar-gap" />
          {b.review && b.status !== '通过' && (
            <>
              <button type="button" disabled={busy} onClick={() => onReturn([b.id])}>
                退回修改（问题清单）…
              </button>
              <button type="button" disabled={busy} onClick={() => onAccept([b.id])}>
                通过…
              </button>
            </>
          )}
          {b.status === '通过' && (
            <button type="button" disabled={busy} onClick={() => onReopen(b.id)}>
              撤销通过
            </button>
          )}
          {b.review && (
            <button type="button" disabled={busy} onClick={() => onOpenCopy(b.id)}>
              在编辑器中打开（存入副本）
            </button>
          )}
        </div>
        {recheck && (
          <p className="recheck-line">
            对照上次退回的问题清单：<span className="mark fixed">已整改 {recheck.fixed} 项</span>、
            <span className="mark remaining">仍存在 {recheck.remaining} 项</span>、
            <span className="mark added">新发现 {recheck.added} 项</span>
            {recheck.changed && recheck.changed.length > 0 && (
              <span className="muted">
                {' '}
                · 改动了 {recheck.changed.length} 个格子：
                {recheck.changed
                  .slice(0, 6)
                  .map((c) => `${c.name} ${c.before ?? '空白'}→${c.after ?? '空白'}`)
                  .join('；')}
                {recheck.changed.length > 6 ? ' 等' : ''}
              </span>
            )}
          </p>
        )}
        {b.risk && b.risk.flags.length > 0 && (
          <ul className="risk-flags">
            {b.risk.flags.map((f, i) => (
              <li key={i} className={`flag-${f.mark}`}>
                {f.message}
              </li>
            ))}
          </ul>
        )}
        {recheck ? (
          <RecheckTable problems={recheck.problems} />
        ) : b.problems.length > 0 ? (
          <table className="problem-table">
            <thead>
              <tr>
                {PROBLEM_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.problems.map((p, i) => (
                <tr key={i} className={`problem-${p.kind}`}>
                  {PROBLEM_COLUMNS.map((c) => (
                    <td key={c.key} className={c.key === 'severity' ? 'sev' : undefined}>
                      {c.key === 'cells' ? p.cellsBrief : p[c.key]}
                      {c.key === 'message' && p.explanation && <div className="muted">核实说明：{p.explanation}</div>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          b.review && <p className="ok-line">未发现问题。</p>
        )}
        {b.history.length > 0 && (
          <p className="history muted">
            {b.history
              .map((e) => `${time(e.at)} ${EVENT_LABEL[e.kind]}${e.fileName ? `「${e.fileName}」` : ''}${e.note ? `（${e.note}）` : ''}`)
              .join(' → ')}
          </p>
        )}
      </td>
    </tr>
  );
}

function RecheckTable({ problems }: { problems: readonly RecheckedProblem[] }) {
  if (problems.length === 0) return <p className="ok-line">未发现问题。</p>;
  return (
    <table className="problem-table recheck-table">
      <thead>
        <tr>
          <th scope="col">对照上轮</th>
          <th scope="col">类别</th>
          <th scope="col">涉及单元格</th>
          <th scope="col">问题</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i} className={`problem-${p.kind}`}>
            <td>
              <span className={`mark ${MARK_CLASS[p.mark]}`}>{p.mark}</span>
              {p.how && <span className="muted small"> {p.how}</span>}
            </td>
            <td className="sev">{p.severity}</td>
            <td>{briefCellNames(p.cells)}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
