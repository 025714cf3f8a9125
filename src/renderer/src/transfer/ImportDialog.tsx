// Importing a workbook into the open report: read it in main, then show what
// would change — the three tables as they will stand, old values struck
// through, guesses marked, what was not found greyed — before anything is
// written. Applying is one edit (one undo step, one transaction); cancelling
// writes nothing.
import { useMemo } from 'react';
import type { CellKey } from '../../../shared/model/cells';
import type { CellValue, Report } from '../../../shared/model/report';
import { Modal } from '../common/Modal';
import { cellsToWrite, importCells } from '../../../shared/model/imported';
import { ImportSummary } from './ImportSummary';
import { useReadFile } from './useReadFile';
import './transfer.css';

interface Props {
  file: File;
  current: Report;
  onApply: (changes: [CellKey, CellValue][], fileName: string) => void;
  onClose: () => void;
}

export function ImportDialog({ file, current, onApply, onClose }: Props) {
  const { progress, read, error } = useReadFile(file, { agency: current.agency, year: current.year });
  const cells = useMemo(() => (read ? importCells(current, read) : []), [read, current]);
  const changes = useMemo(() => cellsToWrite(cells), [cells]);

  return (
    <Modal
      title={`导入「${file.name}」`}
      className="transfer-dialog"
      onClose={onClose}
      error={error}
      actions={
        !error && (
          <button
            type="button"
            className="primary"
            disabled={!read || changes.length === 0}
            onClick={(e) => {
              onApply(changes, file.name);
              e.currentTarget.closest('dialog')?.close();
            }}
          >
            导入 {changes.length} 处改动
          </button>
        )
      }
    >
      {!read && !error && (
        <div className="progress-block">
          <p>{progress === null ? '正在识别表格…' : '正在读取文件…'}</p>
          <progress max={1} value={progress ?? undefined} aria-label="读取进度" />
        </div>
      )}
      {read && (
        <>
          {read.record?.year.stated !== undefined && read.record.year.stated !== current.year && (
            <p className="error" role="alert">
              这是 {read.record.year.stated} 年的表格，当前报告是 {current.year} 年度：请确认没有选错文件。
            </p>
          )}
          <ImportSummary read={read} cells={cells} changes={changes.length} />
        </>
      )}
    </Modal>
  );
}
