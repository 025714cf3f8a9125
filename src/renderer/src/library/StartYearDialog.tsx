// 开始今年的报告: last year's report (one in the library, or any file the
// readers take) and this year's workbook, in one dialog. Body, year (last
// year + 1) and level come from the files and are shown for confirmation; the
// workbook's figures are previewed in the shape of the tables against last
// year's; one call creates this year's report from last year's and applies the
// figures, in one transaction.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImportedFile, ReportSummary } from '../../../shared/api/contract';
import { blankReport, documentTitle, type Report } from '../../../shared/model/report';
import { NARRATIVE_IDS } from '../../../shared/template/gov2021';
import { DEFAULT_LEVEL } from '../../../shared/template/levels';
import { formatOfName } from '../../../shared/formats';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { useFilePicker } from '../transfer/FilePicker';
import { cellsToWrite, importCells } from '../transfer/ImportPreview';
import { ImportSummary } from '../transfer/ImportSummary';
import { readThroughApi } from '../transfer/useReadFile';
import { reportingYear } from './CreateDialog';
import { checkIdentity, IdentityFields, type Identity } from './IdentityFields';
import '../transfer/transfer.css';

interface Props {
  reports: readonly ReportSummary[];
  /** Files dropped on the library page or picked before the dialog opened. */
  files: readonly File[];
  onClose: () => void;
  /** `fixed`: what 全部修正 changed, in words ('' for nothing). */
  onStarted: (r: ReportSummary, fixed: string) => void;
  /** No last year's report at hand: this year's file alone becomes a new report (从文件新建). */
  onImportOnly: (file: File) => void;
}

interface Reading {
  file: File;
  read: ImportedFile;
}

type LastYear = { kind: 'library'; id: number } | { kind: 'file'; reading: Reading } | null;

/** A report with text in it is a report; a file with tables only is this year's workbook. */
const hasText = (r: Report) => NARRATIVE_IDS.some((n) => r.narratives[n].trim() !== '');

/** Which of the files read is last year's report and which this year's workbook. */
function assign(readings: readonly Reading[]): { last?: Reading; workbook?: Reading } {
  if (readings.length === 0) return {};
  const sorted = [...readings].sort(
    (a, b) => Number(hasText(b.read.report)) - Number(hasText(a.read.report)) || a.read.report.year - b.read.report.year,
  );
  if (sorted.length >= 2) return { last: sorted[0], workbook: sorted[1] };
  // One file alone: a report with its text is last year's; tables only are this year's workbook.
  const only = sorted[0]!;
  return hasText(only.read.report) ? { last: only } : { workbook: only };
}

/** The report of the latest year, the one edited last among several. */
function newest(reports: readonly ReportSummary[]): ReportSummary | undefined {
  return [...reports].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
}

export function StartYearDialog({ reports, files, onClose, onStarted, onImportOnly }: Props) {
  // Last year's report in the library, where there is one: the newest of the latest year (the workbook may name another, below).
  const [last, setLast] = useState<LastYear>(() => {
    const candidate = newest(reports.filter((r) => !r.deletedAt));
    return candidate ? { kind: 'library', id: candidate.id } : null;
  });
  const [libraryReport, setLibraryReport] = useState<Report | null>(null);
  const [workbook, setWorkbook] = useState<Reading | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [reading, setReading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fixAll, setFixAll] = useState(true);

  const addFiles = useCallback(async (picked: readonly File[]) => {
    setError(null);
    setReading((n) => n + 1);
    const results = await Promise.all(picked.slice(0, 2).map(async (file) => ({ file, res: await readThroughApi(file) })));
    setReading((n) => n - 1);
    const failed = results.find((r) => !r.res.ok);
    if (failed && !failed.res.ok) setError(failed.res.error.message);
    const readings = results.flatMap((r) => (r.res.ok ? [{ file: r.file, read: r.res.value }] : []));
    const { last: lastRead, workbook: workbookRead } = assign(readings);
    if (lastRead) setLast({ kind: 'file', reading: lastRead });
    if (workbookRead) takeWorkbook(workbookRead, !lastRead);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- takeWorkbook reads only the report list, fixed while the dialog is open
  }, []);

  /** This year's workbook; where its title names body and year and no file was given for last year, the library's report of the year before is taken. */
  function takeWorkbook(reading: Reading, pickLast: boolean) {
    setWorkbook(reading);
    const record = reading.read.record;
    if (!pickLast || record?.agency.from !== 'title') return;
    const match = newest(
      reports.filter((r) => !r.deletedAt && r.agency === record.agency.value && r.year === reading.read.report.year - 1),
    );
    if (match) setLast({ kind: 'library', id: match.id });
  }

  useEffect(() => {
    if (files.length > 0) void addFiles(files);
  }, [files, addFiles]);

  const libraryId = last?.kind === 'library' ? last.id : null;
  useEffect(() => {
    if (libraryId === null) return setLibraryReport(null);
    let current = true;
    void api!.library.open({ id: libraryId }).then((res) => {
      if (!current) return;
      if (res.ok) setLibraryReport(res.value.report);
      else setError(res.error.message);
    });
    return () => {
      current = false;
    };
  }, [libraryId]);

  const lastReport = last?.kind === 'file' ? last.reading.read.report : libraryReport;
  // Body, year and level follow last year's report until the author changes them.
  useEffect(() => {
    if (lastReport) setIdentity({ agency: lastReport.agency, year: String(lastReport.year + 1), level: lastReport.level });
  }, [lastReport]);

  // Chosen as last year's, a file is last year's, text or not.
  const lastPicker = useFilePicker(
    (f) =>
      void readThroughApi(f).then((res) =>
        res.ok ? setLast({ kind: 'file', reading: { file: f, read: res.value } }) : setError(res.error.message),
      ),
    '选择上年报告文件',
  );
  const workbookPicker = useFilePicker(
    (f) =>
      void readThroughApi(f).then((res) =>
        res.ok ? takeWorkbook({ file: f, read: res.value }, last?.kind !== 'file') : setError(res.error.message),
      ),
    '选择今年的统计表',
  );
  const bothPicker = useFilePicker((f) => void addFiles([f]), '选择上年报告和今年的统计表', {
    multiple: (picked) => void addFiles(picked),
  });

  const before = useMemo(() => lastReport ?? blankReport({ agency: '', year: reportingYear() - 1, level: DEFAULT_LEVEL }), [lastReport]);
  const cells = useMemo(() => (workbook ? importCells(before, workbook.read) : []), [before, workbook]);
  const writes = useMemo(() => cellsToWrite(cells, { all: true }), [cells]);
  // The same body and year already in the library: start from that report rather than store a second copy.
  const fileInLibrary =
    last?.kind === 'file' ? reports.find((r) => !r.deletedAt && r.agency === lastReport?.agency && r.year === lastReport?.year) : undefined;

  async function submit() {
    if (!lastReport || !identity) return setError('请先选择上年报告：报告库中的一份，或上年的报告文件');
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const previous =
      last?.kind === 'library'
        ? { id: last.id }
        : fileInLibrary
          ? { id: fileInLibrary.id }
          : { report: lastReport, source: last?.kind === 'file' ? formatOfName(last.reading.file.name)?.id : undefined };
    const res = await api!.library.start({
      previous,
      meta: { agency: checked.agency, year: checked.year, level: checked.level },
      cells: Object.fromEntries(writes),
      fixAll,
    });
    setBusy(false);
    if (res.ok) onStarted(res.value.summary, res.value.fixed);
    else setError(res.error.message);
  }

  const year = identity ? Number(identity.year) || '' : '';
  return (
    <Modal
      title="开始今年的报告"
      className="transfer-dialog start-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
      actions={
        <button type="submit" className="primary" disabled={!lastReport || busy || reading > 0}>
          创建 {year} 年报告{workbook ? `并填入 ${writes.length} 个格子` : ''}
        </button>
      }
    >
      <div
        className="start-sources"
        onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void addFiles([...e.dataTransfer.files]);
        }}
      >
        <div className="start-source">
          <h3>① 上年的报告</h3>
          <select
            aria-label="报告库中的上年报告"
            value={last?.kind === 'library' ? String(last.id) : last?.kind === 'file' ? 'file' : ''}
            onChange={(e) =>
              setLast(e.target.value === '' ? null : e.target.value === 'file' ? last : { kind: 'library', id: Number(e.target.value) })
            }
          >
            <option value="">（从文件读取）</option>
            {last?.kind === 'file' && <option value="file">文件「{last.reading.file.name}」</option>}
            {reports
              .filter((r) => !r.deletedAt)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  报告库：{documentTitle(r)}（{r.status}）
                </option>
              ))}
          </select>
          <button type="button" onClick={lastPicker.open}>
            选择上年报告文件…
          </button>
          {lastReport && (
            <p className="hint">
              {documentTitle(lastReport)}
              {fileInLibrary && '（报告库中已有这份报告，将以报告库中的为准）'}
            </p>
          )}
        </div>
        <div className="start-source">
          <h3>② 今年的统计表</h3>
          <button type="button" onClick={workbookPicker.open}>
            选择今年的统计表…
          </button>
          <p className="hint">{workbook ? `「${workbook.file.name}」` : '没有也可以：创建后在报告里导入或直接填写'}</p>
          {workbook && !lastReport && (
            <button type="button" className="link" onClick={() => onImportOnly(workbook.file)}>
              没有上年报告：只用这个文件新建报告
            </button>
          )}
        </div>
        <p className="muted start-both">
          也可以把两个文件一起拖到这里，或
          <button type="button" className="link" onClick={bothPicker.open}>
            一次选择两个文件
          </button>
          。
        </p>
        {lastPicker.element}
        {workbookPicker.element}
        {bothPicker.element}
      </div>
      {reading > 0 && <progress aria-label="读取进度" />}
      {identity && (
        <fieldset className="start-identity">
          <legend>③ 核对今年报告的机关、年度和层级</legend>
          <IdentityFields value={identity} onChange={setIdentity} />
        </fieldset>
      )}
      {workbook && <ImportSummary read={workbook.read} cells={cells} changes={writes.length} struck="上年数" verb="填入" />}
      <label className="check">
        <input type="checkbox" checked={fixAll} onChange={(e) => setFixAll(e.target.checked)} />
        同时全部修正：空格和“—”填 0、按各项重算总计、上年结转按上年报告的“结转下年度”填入（建好后会列出改了什么）
      </label>
    </Modal>
  );
}
