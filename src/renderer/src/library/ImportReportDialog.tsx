// A report file (report JSON, or a workbook with the three tables) becomes a
// new report in the library, in one transaction. A workbook rarely names the
// body or the year for certain, so the author confirms them first. A report
// of a past year is most often last year's: the dialog offers to start this
// year's report from it instead.
import { useEffect, useState } from 'react';
import type { ReportSummary } from '../../../shared/api/contract';
import { formatOfName } from '../../../shared/formats';
import { api } from '../api';
import { Modal } from '../common/Modal';
import { useReadFile } from '../transfer/useReadFile';
import { reportingYear } from '../../../shared/model/dates';
import { checkIdentity, IdentityFields, type Identity } from './IdentityFields';
import type { TextRecord } from '../../../shared/api/import';
import { NARRATIVE_IDS, sectionHeading } from '../../../shared/template/gov2021';

/** What a document's running text gave, in one line: each section's length, the preamble, the closing lines. */
function textSummary(text: TextRecord): string {
  const parts = NARRATIVE_IDS.map((n) => {
    const heading = sectionHeading(n);
    return text.narratives[n].heading === null ? `${heading}：没有找到` : `${heading}：${text.narratives[n].characters} 字`;
  });
  const closing = text.signature || text.date ? `；落款「${text.signature ?? ''}」${text.date ?? ''}` : '';
  return `正文 ${parts.join('，')}${text.preamble > 0 ? `；前言 ${text.preamble} 字` : ''}${closing}。`;
}

interface Props {
  file: File;
  onClose: () => void;
  onImported: (r: ReportSummary) => void;
  /** 以它为上年报告，新建 N 年报告: 开始今年的报告 with this file as last year's. */
  onStartFrom: (file: File) => void;
}

export function ImportReportDialog({ file, onClose, onImported, onStartFrom }: Props) {
  const { read, error: readError } = useReadFile(file);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // What the file says of itself is the starting point; a body the workbook does not name is left for the author.
  useEffect(() => {
    if (read)
      setIdentity({
        agency: read.record?.agency.from === 'missing' ? '' : read.report.agency,
        year: String(read.report.year),
        level: read.report.level,
      });
  }, [read]);

  async function submit() {
    if (!read || !identity) return;
    const checked = checkIdentity(identity);
    if (!checked.ok) return setError(checked.message);
    setBusy(true);
    const res = await api!.library.import({
      report: { ...read.report, agency: checked.agency, year: checked.year, level: checked.level },
      source: formatOfName(file.name)?.id,
    });
    setBusy(false);
    if (res.ok) onImported(res.value);
    else setError(res.error.message);
  }

  const counts = read?.record?.counts;
  const pastYear = read && read.report.year < reportingYear() ? read.report.year : null;
  return (
    <Modal
      title={`从「${file.name}」新建报告`}
      onClose={onClose}
      onSubmit={() => void submit()}
      error={readError ?? error}
      actions={
        <>
          {pastYear !== null && (
            <button type="button" className="primary" onClick={() => onStartFrom(file)}>
              以它为上年报告，新建 {pastYear + 1} 年报告
            </button>
          )}
          <button type="submit" className={pastYear !== null ? undefined : 'primary'} disabled={!read || !identity || busy}>
            导入为新报告
          </button>
        </>
      }
    >
      {!read && !readError && <progress aria-label="读取进度" />}
      {read && identity && (
        <>
          {counts && (
            <p className="hint">
              读到 {counts.matched + counts.guessed} 个格子{counts.guessed > 0 && `（${counts.guessed} 个按相近标签推断）`}
              {counts.notFound > 0 && `，${counts.notFound} 个没有找到（留空）`}。
            </p>
          )}
          {read.record?.text && <p className="hint">{textSummary(read.record.text)}</p>}
          {read.notes.length > 0 && (
            <ul className="hint">
              {read.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <IdentityFields value={identity} onChange={setIdentity} />
        </>
      )}
    </Modal>
  );
}
