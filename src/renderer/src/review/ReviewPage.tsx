// 汇总与审核: the page of the 政务公开办 that collects its bodies' reports.
// Drop a folder or many files (and, optionally, last year's), see every
// report's status, problems and headline figures, send each body its 问题清单,
// check the region's own report against its bodies, and sum them into the
// region's report. Files are only read: nothing in the user's folders changes.
import { useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ExportOutcome } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { importAccept, readableExtensions } from '../../../shared/formats';
import { kpi } from '../../../shared/kpi';
import {
  bodyOf,
  checkRegion,
  PROBLEM_COLUMNS,
  problemRows,
  REVIEW_KPIS,
  REVIEW_STATUSES,
  reviewBatch,
  type ReviewCache,
  type ReviewedReport,
  type ReviewStatus,
} from '../../../shared/review';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import { api } from '../api';
import { useNotices } from '../common/notices';
import { useRouter } from '../common/router';
import { downloadBase64 } from '../transfer/files';
import { readWithApi } from './readFile';
import { droppedFiles, pickedFiles, useReview, type FileSet } from './store';
import { SumDialog } from './SumDialog';
import './review.css';

type SortKey = 'index' | 'body' | 'year' | 'level' | 'status' | 'error' | 'warning' | `kpi:${string}`;
interface Sort {
  key: SortKey;
  dir: 1 | -1;
}

const STATUS_CLASS: Record<ReviewStatus, string> = { 读取失败: 'unread', 有错误: 'error', 待核实: 'warning', 通过: 'ok' };
const STATUS_RANK = Object.fromEntries(REVIEW_STATUSES.map((s, i) => [s, i])) as Record<ReviewStatus, number>;
const ACCEPT = importAccept();
const KPI_COLUMNS = REVIEW_KPIS.map(kpi);

function sortValue(r: ReviewedReport, key: SortKey): string | number {
  switch (key) {
    case 'index':
      return r.index;
    case 'body':
      return bodyOf(r);
    case 'year':
      return r.report?.year ?? 0;
    case 'level':
      return r.report?.level ?? '';
    case 'status':
      return STATUS_RANK[r.status];
    case 'error':
      return r.counts.error;
    case 'warning':
      return r.counts.warning;
  }
  // Reports without the figure (unread, or 0 as denominator) go last either way.
  return r.kpis.find((k) => `kpi:${k.id}` === key)?.value ?? -Infinity;
}

function compare(a: ReviewedReport, b: ReviewedReport, sort: Sort): number {
  const x = sortValue(a, sort.key);
  const y = sortValue(b, sort.key);
  const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
  return c * sort.dir || a.index - b.index;
}

/** A hidden file input and the button that opens it; `folder` picks a whole folder. */
function Picker({
  label,
  folder,
  onPick,
  disabled,
}: {
  label: string;
  folder?: boolean;
  onPick: (list: FileList) => void;
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
          if (e.target.files) onPick(e.target.files);
          e.target.value = '';
        }}
      />
    </>
  );
}

export function ReviewPage() {
  const { current, previous, reading, add, cancel, clear } = useReview();
  const cache = useRef<ReviewCache>(new WeakMap());
  const review = useMemo(() => reviewBatch(current, previous, cache.current), [current, previous]);
  const [filter, setFilter] = useState<ReviewStatus | null>(null);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'index', dir: 1 });
  const [expanded, setExpanded] = useState<number | null>(null);
  const [region, setRegion] = useState<number | null>(null);
  const [summing, setSumming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState<FileSet | null>(null);
  const show = useNotices((s) => s.show);
  const go = useRouter((s) => s.go);

  const rows = useMemo(() => {
    const q = search.trim();
    return review.reports
      .filter((r) => (!filter || r.status === filter) && (!q || bodyOf(r).includes(q) || r.fileName.includes(q)))
      .sort((a, b) => compare(a, b, sort));
  }, [review, filter, search, sort]);

  const regionReport = region === null ? undefined : review.reports[region]?.report;
  const hierarchy = useMemo(() => (regionReport ? checkRegion(review, regionReport, region!) : []), [review, regionReport, region]);

  const drop = (which: FileSet) => async (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(null);
    if (reading) return;
    void add(which, await droppedFiles(e.dataTransfer), readWithApi);
  };
  const dragOver = (which: FileSet) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(which);
  };

  async function deliver(made: Promise<Result<ExportOutcome>>, what: string) {
    setBusy(true);
    try {
      const res = await made;
      if (!res.ok) return show('error', res.error.message);
      const out = res.value;
      if (out.kind === 'download') downloadBase64(out.fileName, out.mime, out.data);
      if (out.kind !== 'cancelled') show('info', `已导出${what}：${out.kind === 'saved' ? out.path : out.fileName}`);
    } finally {
      setBusy(false);
    }
  }

  const exportWorkbook = () =>
    deliver(api!.review.workbook({ entries: current, previous, ...(regionReport ? { region: region! } : {}) }), '问题清单工作簿');
  const exportLetters = (indexes: number[]) => deliver(api!.review.letters({ entries: current, previous, indexes }), '问题清单（Word）');

  async function openCopy(r: ReviewedReport) {
    const res = await api!.library.import({ report: r.report! });
    if (!res.ok) return show('error', res.error.message);
    show('info', `已把「${r.fileName}」的副本存入报告库，原文件未改动`);
    go({ page: 'report', id: res.value.id });
  }

  const header = (label: ReactNode, key: SortKey, className = '') => (
    <th scope="col" className={className} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? (-s.dir as 1 | -1) : key === 'error' || key === 'warning' ? -1 : 1 }))}
      >
        {label}
        <span className="sort-mark">{sort.key === key ? (sort.dir === 1 ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );

  const empty = current.length === 0 && !reading;
  const readable = review.reports.filter((r) => r.report).length;

  return (
    <div
      className={`page review-page ${dragging === 'current' ? 'dragging' : ''}`}
      onDragOver={dragOver('current')}
      onDragLeave={() => setDragging(null)}
      onDrop={(e) => void drop('current')(e)}
    >
      <header className="page-header review-header">
        <button type="button" className="link" onClick={() => go({ page: 'library' })}>
          ← 报告库
        </button>
        <h1>汇总与审核</h1>
        <p className="subtitle">
          一次审核各单位报送的年度报告，导出问题清单退回修改，核对或生成本地区的汇总报告。只读取文件，不改动原文件。
        </p>
      </header>

      <section className={`review-sources ${empty ? 'no-files' : ''}`} aria-label="要审核的文件">
        <div className="source-box">
          <h2>本年各单位报告</h2>
          <p className="hint">{empty ? '把文件或整个文件夹拖到本页，或：' : `已读取 ${current.length} 个文件`}</p>
          <div className="source-buttons">
            <Picker label="选择文件…" onPick={(l) => void add('current', pickedFiles(l), readWithApi)} disabled={!!reading} />
            <Picker label="选择文件夹…" folder onPick={(l) => void add('current', pickedFiles(l), readWithApi)} disabled={!!reading} />
            {current.length > 0 && (
              <button
                type="button"
                className="danger"
                disabled={!!reading}
                onClick={() => (clear('current'), setRegion(null), setExpanded(null))}
              >
                清空
              </button>
            )}
          </div>
        </div>
        <div
          className={`source-box previous-box ${dragging === 'previous' ? 'dragging' : ''}`}
          onDragOver={dragOver('previous')}
          onDragLeave={(e) => (e.stopPropagation(), setDragging(null))}
          onDrop={(e) => void drop('previous')(e)}
        >
          <h2>上年报告（可选）</h2>
          <p className="hint">
            {previous.length > 0 ? `已读取 ${previous.length} 个，按单位名称对照` : '用于核对上年结转和现行有效件数。拖到这里，或：'}
          </p>
          <div className="source-buttons">
            <Picker label="选择文件…" onPick={(l) => void add('previous', pickedFiles(l), readWithApi)} disabled={!!reading} />
            <Picker label="选择文件夹…" folder onPick={(l) => void add('previous', pickedFiles(l), readWithApi)} disabled={!!reading} />
            {previous.length > 0 && (
              <button type="button" className="danger" disabled={!!reading} onClick={() => clear('previous')}>
                清空
              </button>
            )}
          </div>
        </div>
      </section>

      {empty && (
        <ol className="review-help">
          <li>放入本年各单位报送的报告：{readableExtensions().join('、')} 文件均可，可以整个文件夹（含子文件夹）一起放入。</li>
          <li>有上年的报告时放在右边：每份报告按单位名称（全称、简称均可）找到自己的上年报告，核对上年结转和现行有效件数。</li>
          <li>列表逐份显示状态、错误、需核实项和主要数字；点单位名称看问题和改正方法，可在编辑器中打开副本。</li>
          <li>导出问题清单（Excel 汇总表和 Word 逐单位清单）退回各单位；“汇总…”把同一年度的报告逐格相加为本地区的报告。</li>
        </ol>
      )}

      {reading && (
        <div className="review-progress" role="status">
          <span>
            正在读取{reading.set === 'previous' ? '上年报告' : ''}：{reading.done} / {reading.total}
          </span>
          <progress max={reading.total} value={reading.done} aria-label="读取进度" />
          <button type="button" onClick={cancel}>
            取消
          </button>
        </div>
      )}

      {review.reports.length > 0 && (
        <>
          <div className="toolbar review-toolbar">
            <div className="status-filters" role="group" aria-label="按状态筛选">
              <button
                type="button"
                className={filter === null ? 'active' : ''}
                aria-pressed={filter === null}
                onClick={() => setFilter(null)}
              >
                全部 {review.reports.length}
              </button>
              {REVIEW_STATUSES.map((s) => (
                <button
                  key={s}
                  type="button"
                  className={`status-filter ${STATUS_CLASS[s]} ${filter === s ? 'active' : ''}`}
                  aria-pressed={filter === s}
                  onClick={() => setFilter(filter === s ? null : s)}
                >
                  {s} {review.counts[s]}
                </button>
              ))}
            </div>
            <input
              type="search"
              className="search"
              placeholder="按单位或文件名查找"
              aria-label="查找单位"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <span className="toolbar-gap" />
            <button type="button" className="primary" disabled={busy || !!reading} onClick={() => void exportWorkbook()}>
              导出问题清单（Excel）
            </button>
            <button
              type="button"
              disabled={busy || !!reading || rows.length === 0}
              onClick={() => void exportLetters(rows.map((r) => r.index))}
              title="列表中显示的每个单位一份，可打印后退回"
            >
              问题清单（Word，{rows.length} 个单位）
            </button>
            <button type="button" disabled={!!reading || readable === 0} onClick={() => setSumming(true)}>
              汇总…
            </button>
          </div>

          {regionReport && (
            <section className="hierarchy" aria-label="本级报告与各单位合计">
              <h2>
                本级报告：{regionReport.agency}
                <span className="muted">
                  {' '}
                  与同年度其他 {review.reports.filter((r) => r.report?.year === regionReport.year && r.index !== region).length}{' '}
                  个单位的合计比对：
                  {hierarchy.length === 0 ? '各格一致' : `${hierarchy.length} 个格子不一致`}
                </span>
                <button type="button" className="link" onClick={() => setRegion(null)}>
                  取消比对
                </button>
              </h2>
              {hierarchy.length > 0 && (
                <ul className="finding-list">
                  {hierarchy.map((f) => (
                    <li key={f.id} className={`problem-${f.severity}`}>
                      <span className="sev">{SEVERITY_LABEL[f.severity]}</span> {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <div className="review-table-wrap">
            <table className="review-table">
              <thead>
                <tr>
                  {header('序', 'index', 'num')}
                  {header('单位', 'body', 'body')}
                  {header('年度', 'year')}
                  {header('层级', 'level')}
                  {header('状态', 'status')}
                  {header(SEVERITY_LABEL.error, 'error', 'num')}
                  {header(SEVERITY_LABEL.warning, 'warning', 'num')}
                  {KPI_COLUMNS.map((k) => header(k.label, `kpi:${k.id}`, 'num'))}
                  <th scope="col" className="notes-col">
                    读取说明
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ReviewRow
                    key={r.index}
                    r={r}
                    columns={7 + KPI_COLUMNS.length + 1}
                    expanded={expanded === r.index}
                    isRegion={region === r.index}
                    onToggle={() => setExpanded(expanded === r.index ? null : r.index)}
                    onOpen={() => void openCopy(r)}
                    onLetter={() => void exportLetters([r.index])}
                    onRegion={() => setRegion(region === r.index ? null : r.index)}
                    busy={busy}
                  />
                ))}
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={7 + KPI_COLUMNS.length + 1} className="muted">
                      没有符合条件的报告。
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      {dragging === 'current' && <div className="drop-hint">松开鼠标，读取这些文件</div>}
      {summing && (
        <SumDialog review={review} previous={previous} onClose={() => setSumming(false)} onOpened={(id) => go({ page: 'report', id })} />
      )}
    </div>
  );
}

interface RowProps {
  r: ReviewedReport;
  columns: number;
  expanded: boolean;
  isRegion: boolean;
  busy: boolean;
  onToggle: () => void;
  onOpen: () => void;
  onLetter: () => void;
  onRegion: () => void;
}

function ReviewRow({ r, columns, expanded, isRegion, busy, onToggle, onOpen, onLetter, onRegion }: RowProps) {
  const notes = r.error ?? r.notes.join('；');
  return (
    <>
      <tr className={`review-row ${expanded ? 'expanded' : ''} ${isRegion ? 'region' : ''}`} data-file={r.fileName}>
        <td className="num">{r.index + 1}</td>
        <td className="body">
          <button type="button" className="link" aria-expanded={expanded} onClick={onToggle} title={r.fileName}>
            {bodyOf(r)}
          </button>
          {r.duplicates.length > 0 && (
            <span className="tag dup" title={`与 ${r.duplicates.join('、')} 是同一单位同一年度`}>
              重复
            </span>
          )}
          {isRegion && <span className="tag region-tag">本级</span>}
          {r.previousFile && (
            <span className="tag prev" title={`对照上年报告：${r.previousFile}`}>
              有上年
            </span>
          )}
        </td>
        <td>{r.report?.year ?? '—'}</td>
        <td>{r.report?.level ?? '—'}</td>
        <td>
          <span className={`review-status ${STATUS_CLASS[r.status]}`}>{r.status}</span>
        </td>
        <td className={`num ${r.counts.error ? 'has-error' : ''}`}>{r.report ? r.counts.error : '—'}</td>
        <td className={`num ${r.unexplained ? 'has-warning' : ''}`}>{r.report ? r.counts.warning : '—'}</td>
        {r.kpis.length > 0 ? (
          r.kpis.map((k) => (
            <td key={k.id} className="num">
              {k.text}
            </td>
          ))
        ) : (
          <td colSpan={KPI_COLUMNS.length} />
        )}
        <td className="notes-col" title={notes}>
          {notes}
        </td>
      </tr>
      {expanded && (
        <tr className="review-detail">
          <td colSpan={columns}>
            <div className="detail-actions">
              <span className="muted">
                文件：{r.fileName}
                {r.previousFile ? ` · 对照上年：${r.previousFile}` : ''}
              </span>
              <span className="toolbar-gap" />
              {r.report && (
                <>
                  <button type="button" onClick={onOpen}>
                    在编辑器中打开（存入副本）
                  </button>
                  <button type="button" onClick={onRegion}>
                    {isRegion ? '取消本级比对' : '设为本级报告，与各单位合计比对'}
                  </button>
                </>
              )}
              <button type="button" disabled={busy} onClick={onLetter}>
                问题清单（Word）
              </button>
            </div>
            {r.notes.length > 0 && (
              <ul className="detail-notes">
                {r.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            <ProblemTable r={r} />
          </td>
        </tr>
      )}
    </>
  );
}

function ProblemTable({ r }: { r: ReviewedReport }) {
  const problems = problemRows(r);
  if (problems.length === 0) return <p className="ok-line">未发现问题。</p>;
  return (
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
        {problems.map((p, i) => (
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
  );
}
