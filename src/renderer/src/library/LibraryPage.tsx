// The library: every report on this PC by body and year, with what can be
// done to each. The recycle bin keeps deleted reports until restored.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../../shared/api/contract';
import { StatusBadge } from '../common/StatusBadge';
import { useAppInfo } from '../common/appInfo';
import { documentTitle } from '../../../shared/model/report';
import { api } from '../api';
import { useNotices } from '../common/notices';
import { useRouter } from '../common/router';
import { localMinute } from '../../../shared/model/dates';
import { useConfirm } from '../common/Modal';
import { CreateDialog } from './CreateDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { StartYearDialog } from './StartYearDialog';
import { useFilePicker } from '../transfer/FilePicker';
import { HelpButton } from '../help/HelpHost';

export function LibraryPage() {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [search, setSearch] = useState('');
  const [showBin, setShowBin] = useState(false);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<File | null>(null);
  /** 开始今年的报告, with the files it starts from (dropped, or last year's file chosen on its own). */
  const [starting, setStarting] = useState<readonly File[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const picker = useFilePicker(setImporting, '选择要导入的报告文件');
  const confirm = useConfirm();
  const info = useAppInfo((s) => s.info);
  /** A read-only library (a read-only disk or file) can be read and reviewed, not written: say so on the buttons that write. */
  const readOnly = info?.readOnly ?? undefined;
  const show = useNotices((s) => s.show);
  const go = useRouter((s) => s.go);

  const load = useCallback(async () => {
    const res = await api!.library.list({ search: search.trim() || undefined, deleted: showBin });
    if (res.ok) setReports(res.value);
    else show('error', res.error.message);
  }, [search, showBin, show]);

  useEffect(() => {
    void load();
  }, [load]);

  const byAgency = useMemo(() => {
    const groups = new Map<string, ReportSummary[]>();
    for (const r of reports ?? []) groups.set(r.agency, [...(groups.get(r.agency) ?? []), r]);
    return [...groups.entries()];
  }, [reports]);

  async function act(label: string, run: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    const res = await run();
    if (res.ok) show('info', label);
    else show('error', res.error!.message);
    await load();
  }

  return (
    <div
      className={`page library-page${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (showBin || starting || importing || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        if (!dragging) return;
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        // Last year's report, this year's workbook and this year's draft, in any order: the dialog tells which is which.
        if (files.length > 0) setStarting(files);
      }}
    >
      <header className="page-header">
        <h1>年报编制助手</h1>
        <p className="subtitle">政府信息公开工作年度报告 · 报告库</p>
      </header>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          onClick={() => setStarting([])}
          disabled={showBin || !!readOnly}
          title={readOnly ?? '用上年的报告、今年的统计表和今年的正文开始今年的报告（也可以把几个文件一起拖到本页）'}
        >
          开始今年的报告
        </button>
        <button type="button" onClick={() => setCreating(true)} disabled={showBin || !!readOnly} title={readOnly}>
          新建报告
        </button>
        <button
          type="button"
          onClick={picker.open}
          disabled={showBin || !!readOnly}
          title={readOnly ?? '从上年的报告文件（Word、网页、PDF、.json）或含三张统计表的 Excel 文件新建报告'}
        >
          从文件导入…
        </button>
        {picker.element}
        <button
          type="button"
          onClick={() => go({ page: 'review' })}
          disabled={showBin}
          title="一次审核各单位报送的报告，导出问题清单，或汇总为本地区的报告"
        >
          汇总与审核…
        </button>
        <input
          type="search"
          className="search"
          placeholder="按机关名称或年度查找"
          aria-label="查找报告"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <HelpButton />
        <label className="toggle">
          <input type="checkbox" checked={showBin} onChange={(e) => setShowBin(e.target.checked)} /> 回收站
        </label>
      </div>

      {reports === null ? (
        <p className="muted">正在读取报告库…</p>
      ) : reports.length === 0 ? (
        <div className="empty">
          {showBin ? (
            <p>回收站是空的。</p>
          ) : search ? (
            <p>没有找到与「{search}」相符的报告。</p>
          ) : (
            <>
              <p>报告库里还没有报告。</p>
              <p className="muted">
                把上年的报告、今年的统计表和今年的正文（Word 草稿）一起拖到本页，或点击“开始今年的报告”选择文件，即可开始；有哪个用哪个。
              </p>
            </>
          )}
        </div>
      ) : (
        byAgency.map(([agency, rows]) => (
          <section key={agency} className="agency-group" aria-label={agency}>
            <h2>{agency}</h2>
            <table className="report-list">
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">报告</th>
                  <th scope="col">层级</th>
                  <th scope="col">状态</th>
                  <th scope="col">{showBin ? '删除时间' : '最后编辑'}</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-report-id={r.id}>
                    <td>{r.year}</td>
                    <td>
                      {showBin ? (
                        documentTitle(r)
                      ) : (
                        <button type="button" className="link" onClick={() => go({ page: 'report', id: r.id })}>
                          {documentTitle(r)}
                        </button>
                      )}
                      {rows.filter((o) => o.year === r.year).length > 1 && (
                        <span className="same-year" title="同一机关同一年度有多份报告：上年对照取定稿的一份，都未定稿时取最近编辑的一份">
                          第 {r.id} 号 · 同年度共 {rows.filter((o) => o.year === r.year).length} 份
                        </span>
                      )}
                    </td>
                    <td>{r.level}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>{localMinute(showBin ? (r.deletedAt ?? r.updatedAt) : r.updatedAt)}</td>
                    <td className="actions">
                      {showBin ? (
                        <button
                          type="button"
                          disabled={!!readOnly}
                          title={readOnly}
                          onClick={() => void act('已恢复报告', () => api!.library.restore({ id: r.id }))}
                        >
                          恢复
                        </button>
                      ) : (
                        <>
                          <button type="button" onClick={() => go({ page: 'report', id: r.id })}>
                            打开
                          </button>
                          <button
                            type="button"
                            disabled={!!readOnly}
                            title={readOnly}
                            onClick={() => void act('已复制为新的草稿', () => api!.library.duplicate({ id: r.id }))}
                          >
                            复制
                          </button>
                          <button
                            type="button"
                            className="danger"
                            disabled={!!readOnly}
                            title={readOnly}
                            onClick={() =>
                              void confirm
                                .ask({
                                  title: '移到回收站',
                                  message: `把「${documentTitle(r)}」移到回收站？之后可以在回收站恢复。`,
                                  confirmLabel: '移到回收站',
                                  danger: true,
                                })
                                .then((yes) => (yes ? act('已移到回收站', () => api!.library.remove({ id: r.id })) : undefined))
                            }
                          >
                            删除
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}

      {confirm.element}
      {dragging && <div className="drop-hint">松开鼠标：用这些文件开始今年的报告（上年的报告、今年的统计表、今年的正文）</div>}
      {starting && (
        <StartYearDialog
          reports={reports ?? []}
          files={starting}
          onClose={() => setStarting(null)}
          onStarted={(r, fixed) => {
            setStarting(null);
            if (fixed) show('info', `已建好 ${r.year} 年报告，并已全部修正：${fixed}`);
            go({ page: 'report', id: r.id });
          }}
        />
      )}
      {importing && (
        <ImportReportDialog
          file={importing}
          onStartFrom={(file) => {
            setImporting(null);
            setStarting([file]);
          }}
          onClose={() => setImporting(null)}
          onImported={(r) => {
            setImporting(null);
            go({ page: 'report', id: r.id });
          }}
        />
      )}
      {creating && (
        <CreateDialog
          existing={reports ?? []}
          onClose={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            go({ page: 'report', id: r.id });
          }}
        />
      )}
      {info && (
        <footer className="library-footer">
          资料库：{info.databasePath} · 每天自动备份
          {info.shell === 'browser' && ' · 浏览器模式（关闭服务前请先关闭本页面）'} · 版本 {info.version}
        </footer>
      )}
    </div>
  );
}
