// 开始今年的报告: last year's report (one in the library, or any file the
// readers take), this year's workbook and this year's draft (Word, a web page,
// a text file, or text pasted here), in one dialog. Which file is which, and
// the body, year and level, come from the files (shared/start) and are shown
// once for confirmation; files that cannot be right together are named before
// anything is created, with a swap where they look given the wrong way round;
// every cell a file did not give is named; the figures are previewed in the
// shape of the tables and the draft's text by where it goes. One call creates
// this year's report from last year's with the figures and the text, in one
// transaction.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImportedFile, ReportSummary } from '../../../shared/api/contract';
import { blankReport, documentTitle, type Report } from '../../../shared/model/report';
import { formatOfName } from '../../../shared/formats';
import { nameMatcher } from '../../../shared/review/names';
import {
  assignRoles,
  draftTexts,
  lastYearOf,
  proposeIdentity,
  ROLE_NAME,
  startProblems,
  tableHeading,
  unreadCells,
  unreadOfFigures,
  type LastYear,
  type Role,
  type Roles,
  type SourceFile,
  type StartProblem,
} from '../../../shared/start/sources';
import { NARRATIVE_IDS, SECTION_BY_ID } from '../../../shared/template/gov2021';
import { DEFAULT_LEVEL } from '../../../shared/template/levels';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { useFilePicker } from '../transfer/FilePicker';
import { cellsToWrite, importCells } from '../../../shared/model/imported';
import { ImportSummary } from '../transfer/ImportSummary';
import { readThroughApi } from '../transfer/useReadFile';
import { reportingYear } from '../../../shared/model/dates';
import { checkIdentity, IdentityFields, type Identity } from './IdentityFields';
import '../transfer/transfer.css';

interface Props {
  reports: readonly ReportSummary[];
  /** Files dropped on the library page or picked before the dialog opened. */
  files: readonly File[];
  onClose: () => void;
  /** `fixed`: what 全部修正 changed, in words ('' for nothing). */
  onStarted: (r: ReportSummary, fixed: string) => void;
}

/** A file read for the dialog, with the format it came in (it decides whether last year's report is stored 已发布). */
type Source = SourceFile & { file: File };

/** The name of text pasted into the dialog: it is read as a text file. */
const PASTED = '粘贴的正文.txt';

/** The report of the latest year, the one edited last among several. */
function newest(reports: readonly ReportSummary[]): ReportSummary | undefined {
  return [...reports].sort((a, b) => b.year - a.year || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Roles with one file left out: the others keep theirs. */
function without(roles: Roles, index: number): Roles {
  const shift = (i: number | undefined) => (i === undefined || i === index ? undefined : i > index ? i - 1 : i);
  const out: Roles = { extra: roles.extra.filter((i) => i !== index).map((i) => shift(i)!) };
  for (const role of ['last', 'workbook', 'draft'] as const) {
    const i = shift(roles[role]);
    if (i !== undefined) out[role] = i;
  }
  return out;
}

export function StartYearDialog({ reports, files: given, onClose, onStarted }: Props) {
  const live = useMemo(() => reports.filter((r) => !r.deletedAt), [reports]);
  // The files and the part each plays change together.
  const [{ files, roles }, setSources] = useState<{ files: Source[]; roles: Roles }>({ files: [], roles: { extra: [] } });
  /** Last year's report from the library, where no file plays that part: chosen, or found by body and year. */
  const [libraryId, setLibraryId] = useState<number | null>(() => newest(live)?.id ?? null);
  const [libraryReport, setLibraryReport] = useState<Report | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  // Files given at opening are being read from the first paint on.
  const [reading, setReading] = useState(given.length > 0 ? 1 : 0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [fixAll, setFixAll] = useState(true);

  const libraryYear = live.find((r) => r.id === libraryId)?.year;

  /** Reads files and puts them in their parts: all of them afresh, or the one picked for a part. */
  const addFiles = useCallback(
    async (picked: readonly File[], role?: Role) => {
      setError(null);
      setReading((n) => n + 1);
      const results = await Promise.all(picked.map(async (file) => ({ file, res: await readThroughApi(file, { allowNoTables: true }) })));
      setReading((n) => n - 1);
      const failed = results.flatMap((r) => (r.res.ok ? [] : [r.res.error.message]));
      if (failed.length > 0) setError(failed.join('；'));
      const read: Source[] = results.flatMap((r) => (r.res.ok ? [{ file: r.file, name: r.file.name, read: r.res.value }] : []));
      if (read.length === 0) return;
      setSources(({ files: before, roles: had }) => {
        if (role) {
          // Chosen for a part: it takes that part; the file that had it is no longer used.
          const all = [...before, ...read];
          return {
            files: all,
            roles: { ...had, [role]: all.length - 1, extra: [...had.extra, ...(had[role] !== undefined ? [had[role]] : [])] },
          };
        }
        // Several at once (dropped or chosen together): every file is placed again by what it is.
        const all = [...before.filter((b) => !read.some((r) => r.name === b.name)), ...read];
        return { files: all, roles: assignRoles(all, { libraryYear }) };
      });
    },
    [libraryYear],
  );

  useEffect(() => {
    if (given.length > 0) void addFiles(given).finally(() => setReading((n) => n - 1));
    // The files the dialog opened with are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [given]);

  const file = (role: Role): Source | undefined => (roles[role] === undefined ? undefined : files[roles[role]]);
  const lastFile = file('last');
  const workbook = file('workbook');
  const draft = file('draft');

  // With this year's files but none for last year, last year's report is the library's of the same body and the year before.
  const named = draft?.read.report.agency || workbook?.read.report.agency;
  useEffect(() => {
    if (lastFile || !named) return;
    const match = nameMatcher(live.map((r) => r.agency))(named);
    if (match === undefined) return;
    const body = live.filter((r) => r.agency === live[match]!.agency);
    const year = (draft ?? workbook)!.read.report.year;
    const found = newest(body.filter((r) => r.year === year - 1)) ?? newest(body);
    if (found) setLibraryId(found.id);
  }, [lastFile, named, live, draft, workbook]);

  useEffect(() => {
    if (lastFile || libraryId === null) return setLibraryReport(null);
    let current = true;
    void api!.library.open({ id: libraryId }).then((res) => {
      if (!current) return;
      if (res.ok) setLibraryReport(res.value.report);
      else setError(res.error.message);
    });
    return () => {
      current = false;
    };
  }, [libraryId, lastFile]);

  const last: LastYear | undefined = useMemo(
    () =>
      lastFile
        ? lastYearOf(lastFile)
        : libraryReport
          ? { report: libraryReport, label: '（报告库）', inLibrary: true, yearStated: true }
          : undefined,
    [lastFile, libraryReport],
  );
  const proposal = useMemo(
    () =>
      proposeIdentity({ last, draft, workbook, libraryAgencies: [...new Set(live.map((r) => r.agency))], fallbackYear: reportingYear() }),
    [last, draft, workbook, live],
  );
  // Body, year and level follow the files until the author changes them.
  const hasSources = !!(last || draft || workbook);
  const proposalKey = JSON.stringify([hasSources, proposal.agency.value, proposal.year.value, proposal.level.value]);
  useEffect(() => {
    if (!hasSources) return;
    setIdentity({ agency: proposal.agency.value, year: String(proposal.year.value), level: proposal.level.value });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposalKey]);

  const year = Number(identity?.year) || proposal.year.value;
  const problems = useMemo(() => startProblems({ files, roles, last, year }), [files, roles, last, year]);
  const blocking = problems.some((p) => p.blocking);

  // The same body's report of last year's file already in the library: start from that one rather than store a second copy.
  const fileInLibrary = lastFile
    ? live.find(
        (r) =>
          r.year === lastFile.read.report.year &&
          last?.yearStated &&
          nameMatcher([r.agency])(lastFile.read.report.agency || (identity?.agency ?? '')) !== undefined,
      )
    : undefined;

  const figures = workbook ?? (draft && draft.read.record?.counts.matched ? draft : undefined);
  const before = useMemo(() => last?.report ?? blankReport({ agency: '', year: year - 1, level: DEFAULT_LEVEL }), [last, year]);
  const cells = useMemo(() => (figures ? importCells(before, figures.read) : []), [before, figures]);
  const writes = useMemo(() => cellsToWrite(cells, { all: true }), [cells]);
  const texts = useMemo(() => (draft ? draftTexts(draft) : {}), [draft]);

  /** Last year's report as it will be stored: under this year's name where the file names the same body, and in the year before where it named none. */
  function lastAsStored(source: Source, checked: { agency: string; year: number }) {
    const report = source.read.report;
    const sameBody = !report.agency || nameMatcher([checked.agency])(report.agency) !== undefined;
    return {
      ...report,
      ...(sameBody ? { agency: checked.agency } : {}),
      ...(last?.yearStated ? {} : { year: checked.year - 1 }),
    };
  }

  async function submit() {
    if (!identity) return setError('请先选择文件：上年的报告、今年的统计表或今年的正文');
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    if (blocking) return setError('文件有问题，还不能创建：请先处理上面标红的问题');
    setBusy(true);
    const previous = lastFile
      ? fileInLibrary
        ? { id: fileInLibrary.id }
        : { report: lastAsStored(lastFile, checked), source: formatOfName(lastFile.name)?.id }
      : libraryReport && libraryId !== null
        ? { id: libraryId }
        : undefined;
    const d = draft?.read.report;
    const res = await api!.library.start({
      ...(previous ? { previous } : {}),
      meta: { agency: checked.agency, year: checked.year, level: checked.level },
      cells: Object.fromEntries(writes),
      ...(figures ? { unread: unreadOfFigures(figures, !!previous) } : {}),
      ...(draft ? { narratives: texts } : {}),
      ...(d
        ? {
            closing: {
              ...(d.preamble ? { preamble: d.preamble } : {}),
              ...(d.signature ? { signature: d.signature } : {}),
              ...(d.date ? { date: d.date } : {}),
            },
          }
        : {}),
      fixAll,
    });
    setBusy(false);
    if (res.ok) onStarted(res.value.summary, res.value.fixed);
    else setError(res.error.message);
  }

  function swap([a, b]: [Role, Role]) {
    setSources((s) => ({ ...s, roles: { ...s.roles, [a]: s.roles[b], [b]: s.roles[a] } }));
  }

  function remove(role: Role) {
    setSources((s) => {
      const i = s.roles[role];
      return i === undefined ? s : { files: s.files.filter((_, j) => j !== i), roles: without(s.roles, i) };
    });
  }

  const pickers = {
    last: useFilePicker((f) => void addFiles([f], 'last'), '选择上年的报告文件'),
    workbook: useFilePicker((f) => void addFiles([f], 'workbook'), '选择今年的统计表'),
    draft: useFilePicker((f) => void addFiles([f], 'draft'), '选择今年的正文'),
  };
  const several = useFilePicker((f) => void addFiles([f]), '选择上年的报告、今年的统计表和正文', {
    multiple: (picked) => void addFiles(picked),
  });

  return (
    <Modal
      title="开始今年的报告"
      className="transfer-dialog start-dialog"
      onClose={onClose}
      onSubmit={() => void submit()}
      error={error}
      actions={
        <button type="submit" className="primary" disabled={!hasSources || busy || reading > 0 || blocking}>
          创建 {year} 年报告
          {writes.length > 0 ? `并填入 ${writes.length} 个格子` : ''}
          {Object.keys(texts).length > 0 ? `${writes.length > 0 ? '和' : '并填入'}正文` : ''}
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
            value={lastFile ? 'file' : libraryId === null ? '' : String(libraryId)}
            onChange={(e) => {
              if (e.target.value === 'file') return;
              if (lastFile) remove('last');
              setLibraryId(e.target.value === '' ? null : Number(e.target.value));
            }}
          >
            <option value="">（没有上年的报告）</option>
            {lastFile && <option value="file">文件「{lastFile.name}」</option>}
            {live.map((r) => (
              <option key={r.id} value={r.id}>
                报告库：{documentTitle(r)}（{r.status}）
              </option>
            ))}
          </select>
          <button type="button" onClick={pickers.last.open}>
            选择文件…
          </button>
          {last && (
            <p className="hint">
              {documentTitle(last.report)}
              {fileInLibrary && '（报告库中已有这份报告，以报告库中的为准）'}
            </p>
          )}
        </div>
        <div className="start-source">
          <h3>② 今年的统计表</h3>
          <button type="button" onClick={pickers.workbook.open}>
            选择文件…
          </button>
          {workbook && (
            <button type="button" className="link" onClick={() => remove('workbook')}>
              不用这个文件
            </button>
          )}
          <p className="hint">{workbook ? `「${workbook.name}」` : '没有也可以：正文里有表格就用正文的，或创建后再导入、填写'}</p>
        </div>
        <div className="start-source">
          <h3>③ 今年的正文</h3>
          <button type="button" onClick={pickers.draft.open}>
            选择文件…
          </button>
          {draft && (
            <button type="button" className="link" onClick={() => remove('draft')}>
              不用这个文件
            </button>
          )}
          <textarea
            className="start-paste"
            aria-label="粘贴今年的正文"
            placeholder="或在这里粘贴今年的正文（Ctrl+V）"
            rows={2}
            value=""
            onChange={() => undefined}
            onPaste={(e) => {
              e.preventDefault();
              const text = e.clipboardData.getData('text/plain');
              if (text.trim()) void addFiles([new File([text], PASTED, { type: 'text/plain' })], 'draft');
            }}
          />
          <p className="hint">
            {draft
              ? draft.name === PASTED
                ? `已粘贴 ${draft.read.report.narratives.overview.length + draft.read.report.narratives.problems.length + draft.read.report.narratives.other.length} 字`
                : `「${draft.name}」`
              : 'Word 文档、网页或文本文件：一、五、六节的文字按标题分入各节'}
          </p>
        </div>
        <p className="muted start-both">
          也可以把几个文件一起拖到这里，或
          <button type="button" className="link" onClick={several.open}>
            一次选择几个文件
          </button>
          ，程序按内容分辨哪个是哪个。
        </p>
        {pickers.last.element}
        {pickers.workbook.element}
        {pickers.draft.element}
        {several.element}
      </div>
      {reading > 0 && <progress aria-label="读取进度" />}
      {problems.length > 0 && <Problems problems={problems} onSwap={swap} />}
      {identity && (
        <fieldset className="start-identity">
          <legend>核对今年报告的机关、年度和层级</legend>
          <p className="hint start-inferred">
            机关名称{proposal.agency.from}；{proposal.year.value} 年度，{proposal.year.from}。
          </p>
          <IdentityFields value={identity} onChange={setIdentity} />
        </fieldset>
      )}
      {last && lastFile && <Unread title={`上年的报告「${lastFile.name}」`} read={lastFile.read} />}
      {figures && <Unread title={`${figures === draft ? '今年的正文' : '今年的统计表'}「${figures.name}」`} read={figures.read} />}
      {draft && <DraftPreview read={draft.read} texts={texts} />}
      {figures && <ImportSummary read={figures.read} cells={cells} changes={writes.length} struck="上年数" verb="填入" hideIdentity />}
      <label className="check">
        <input type="checkbox" checked={fixAll} onChange={(e) => setFixAll(e.target.checked)} />
        同时全部修正：空格和“—”填 0、按各项重算总计、上年结转按上年报告的“结转下年度”填入（建好后会列出改了什么）
      </label>
    </Modal>
  );
}

function Problems({ problems, onSwap }: { problems: readonly StartProblem[]; onSwap: (roles: [Role, Role]) => void }) {
  return (
    <ul className="start-problems" aria-label="文件的问题">
      {problems.map((p) => (
        <li key={p.key} className={p.blocking ? 'blocking' : 'notice'} role={p.blocking ? 'alert' : undefined}>
          {p.message}
          {p.swap && (
            <button type="button" className="link" onClick={() => onSwap(p.swap!)}>
              调换：把「{ROLE_NAME[p.swap[0]]}」和「{ROLE_NAME[p.swap[1]]}」的文件对调
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Every cell a file did not give, by name: a table not found at all is named once. */
function Unread({ title, read }: { title: string; read: ImportedFile }) {
  const unread = unreadCells(read);
  if (unread.length === 0) return null;
  const count = unread.reduce((n, u) => n + u.names.length, 0);
  return (
    <details className="start-unread" open={unread.every((u) => !u.whole)}>
      <summary>
        {title}中没有读到的格子（{count}）：创建后留空，不当作 0
      </summary>
      <ul>
        {unread.map((u) => (
          <li key={u.table}>{u.whole ? `${tableHeading(u.table)}：整张表没有读到` : `${tableHeading(u.table)}：${u.names.join('、')}`}</li>
        ))}
      </ul>
    </details>
  );
}

/** Which text of the draft goes where: each section it fills, with its first words, and the closing lines. */
function DraftPreview({ read, texts }: { read: ImportedFile; texts: Partial<Record<string, string>> }) {
  const text = read.record?.text;
  const report = read.report;
  return (
    <section className="start-text" aria-label="正文去向">
      <h3>今年正文的去向</h3>
      <ul>
        {NARRATIVE_IDS.map((n) => {
          const t = texts[n];
          const heading = SECTION_BY_ID[n].heading;
          return (
            <li key={n} className={t ? '' : 'missing'}>
              <strong>{heading}</strong>
              {t
                ? `：${t.length} 字，「${t.slice(0, 24).replace(/\n/g, ' ')}…」${n === 'overview' && text?.overviewParts.length ? `，分入 ${text.overviewParts.length} 个部分：${text.overviewParts.join('、')}` : ''}`
                : '：正文中没有这一节，沿用上年的文字供改写'}
            </li>
          );
        })}
        {report.preamble && <li>前言：{report.preamble.length} 字</li>}
        {(report.signature || report.date) && (
          <li>
            落款：{report.signature ?? '（无）'}
            {report.date ? `，成文日期 ${report.date}` : ''}
          </li>
        )}
      </ul>
    </section>
  );
}
