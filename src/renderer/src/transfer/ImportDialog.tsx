// Importing a workbook into the open report: read it in main, then show what
// would change — every cell's old and new value, what was guessed, what was
// not found — before anything is written. Applying is one edit (one undo
// step, one transaction); cancelling writes nothing.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CellReading, ImportedCell } from '../../../shared/api/import';
import { CELLS, type CellKey } from '../../../shared/model/cells';
import type { CellValue, Report } from '../../../shared/model/report';
import { SECTIONS, TABLE_IDS, type TableId } from '../../../shared/template/gov2021';
import { useReadFile } from './useReadFile';
import './transfer.css';

interface Props {
  file: File;
  current: Report;
  onApply: (changes: [CellKey, CellValue][], fileName: string) => void;
  onClose: () => void;
}

const TABLE_NAME = Object.fromEntries(SECTIONS.map((s) => [s.id, s.heading])) as Record<TableId, string>;
const TABLE_NUMERAL = Object.fromEntries(SECTIONS.map((s) => [s.id, s.numeral])) as Record<TableId, string>;

/** How a value was read, in the words of the record's notes. */
function readingText(x: CellReading): string {
  if (x.kind === 'placeholder') return `「${x.found || '空白'}」按 0 读入`;
  if (x.kind === 'unit') return x.unit === '元' ? `「${x.found}」元，换算为万元` : `「${x.found}」按单位换算`;
  if (x.kind === 'formula') return '公式在导入时算出';
  return `取自合并范围内的 ${x.from}`;
}

const isRead = (cell: ImportedCell | undefined) => !cell || (cell.status !== 'not_found' && cell.status !== 'left_blank');

function show(v: CellValue): string {
  if (v === null) return '（空）';
  return String(v);
}

interface Change {
  key: CellKey;
  name: string;
  table: TableId;
  before: CellValue;
  after: CellValue;
  cell: ImportedCell | undefined;
}

export function ImportDialog({ file, current, onApply, onClose }: Props) {
  const { progress, read, error } = useReadFile(file, { agency: current.agency, year: current.year });
  const [showAll, setShowAll] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const rows = useMemo<Change[]>(() => {
    if (!read) return [];
    return CELLS.map((c) => {
      const cell = read.record?.cells[c.key];
      const found = !read.record || isRead(cell);
      const after = found ? (read.report.tables[c.table][c.row]?.[c.col] ?? null) : null;
      return { key: c.key, name: c.name, table: c.table, before: current.tables[c.table][c.row]?.[c.col] ?? null, after, cell };
    });
  }, [read, current]);

  const found = rows.filter((r) => isRead(r.cell));
  const changed = found.filter((r) => r.before !== r.after);
  const guessed = found.filter((r) => r.cell?.status === 'guessed');
  const missing = rows.filter((r) => r.cell?.status === 'not_found');
  const leftBlank = rows.flatMap((r) => (r.cell?.status === 'left_blank' ? [r.cell] : []));
  const listed = showAll ? found : changed;

  return (
    <dialog ref={dialog} className="dialog transfer-dialog" onClose={onClose} aria-labelledby="import-title">
      <h2 id="import-title">导入「{file.name}」</h2>
      {!read && !error && (
        <div className="progress-block">
          <p>{progress === null ? '正在识别表格…' : '正在读取文件…'}</p>
          <progress max={1} value={progress ?? undefined} aria-label="读取进度" />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {read && (
        <>
          {read.record && (
            <ul className="import-tables">
              {TABLE_IDS.map((t) => {
                const loc = read.record!.tables[t];
                return (
                  <li key={t} className={loc ? '' : 'missing'}>
                    {TABLE_NAME[t]}：
                    {loc ? `在工作表「${loc.sheet}」${loc.range}${loc.appealsShape === '3x5' ? '（3 行 × 5 列）' : ''}` : '没有找到'}
                  </li>
                );
              })}
            </ul>
          )}
          {read.record?.year.stated !== undefined && read.record.year.stated !== current.year && (
            <p className="error" role="alert">
              这是 {read.record.year.stated} 年的表格，当前报告是 {current.year} 年度：请确认没有选错文件。
            </p>
          )}
          {read.notes.length > 0 && (
            <ul className="import-notes">
              {read.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <p className="import-summary">
            将改动 <strong>{changed.length}</strong> 个格子
            {guessed.length > 0 && <>，其中 <strong className="guess">{guessed.length}</strong> 个是按相近的标签推断的，请核对</>}
            {missing.length > 0 && <>；<strong>{missing.length}</strong> 个格子文件里没有，保持原值</>}
            {leftBlank.length > 0 && <>；<strong>{leftBlank.length}</strong> 个格子无法确定数值，已留空，保持原值</>}。
          </p>
          <label className="check">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> 显示读到的全部格子（否则只显示有改动的）
          </label>
          <div className="import-table-wrap">
            <table className="import-changes">
              <thead>
                <tr>
                  <th scope="col">格子</th>
                  <th scope="col">原值</th>
                  <th scope="col">导入值</th>
                  <th scope="col">来源</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((r) => (
                  <tr key={r.key} className={`${r.before !== r.after ? 'changed' : ''} ${r.cell?.status === 'guessed' ? 'guessed' : ''}`}>
                    <td>
                      表{TABLE_NUMERAL[r.table]} {r.name}
                    </td>
                    <td>{show(r.before)}</td>
                    <td>{show(r.after)}</td>
                    <td className="source">
                      {(r.cell?.status === 'matched' || r.cell?.status === 'guessed') && `${r.cell.source.sheet}!${r.cell.source.address}`}
                      {r.cell?.status === 'guessed' && r.cell.guesses.map((g) => ` 「${g.found}」视为「${g.takenFor}」`).join('')}
                      {(r.cell?.status === 'matched' || r.cell?.status === 'guessed') && r.cell.readings?.map((x) => ` ${readingText(x)}`).join('')}
                    </td>
                  </tr>
                ))}
                {listed.length === 0 && (
                  <tr>
                    <td colSpan={4} className="muted">
                      文件中的数字与当前报告完全相同。
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {leftBlank.length > 0 && (
            <details className="import-missing">
              <summary>找到了位置、但没有读入数值的格子（{leftBlank.length}），保持原值</summary>
              <ul>
                {leftBlank.map((c) => (
                  <li key={c.key}>
                    {CELLS.find((d) => d.key === c.key)!.name}：{c.remark}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {missing.length > 0 && (
            <details className="import-missing">
              <summary>文件里没有的格子（{missing.length}）</summary>
              <p>{missing.map((r) => r.name).join('、')}</p>
            </details>
          )}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          取消
        </button>
        {!error && (
        <button
          type="button"
          className="primary"
          disabled={!read || changed.length === 0}
          onClick={() => {
            onApply(
              changed.map((r) => [r.key, r.after]),
              file.name,
            );
            dialog.current?.close();
          }}
        >
          导入 {changed.length} 处改动
        </button>
        )}
      </div>
    </dialog>
  );
}
