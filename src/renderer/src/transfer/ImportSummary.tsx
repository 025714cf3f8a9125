// What was read from a file, above its preview: where each table was found,
// the importer's notes, how many cells change and how many were guessed, then
// the tables themselves (ImportPreview).
import type { ReactNode } from 'react';
import type { ImportedFile } from '../../../shared/api/contract';
import { CELLS } from '../../../shared/model/cells';
import { sectionHeading, TABLE_IDS } from '../../../shared/template/gov2021';
import type { CellChange } from '../../../shared/model/imported';
import { ImportPreview } from './ImportPreview';

/** A short list of unread cells is shown open; a long one (a whole table missing) folded. */
const OPEN_LIST = 12;

/** Cells left blank for one reason are listed once under it: an old single row leaves 21 cells blank for the same reason. */
function byRemark(cells: readonly { key: string; remark: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const c of cells) groups.set(c.remark, [...(groups.get(c.remark) ?? []), CELLS.find((d) => d.key === c.key)!.name]);
  return [...groups];
}

/** `changes`: how many cells the import writes; `struck`: what a struck-through value is (the value now, or last year's). */
export function ImportSummary({
  read,
  cells,
  changes,
  struck = '原值',
  verb = '改动',
  hideIdentity = false,
}: {
  read: ImportedFile;
  cells: readonly CellChange[];
  changes: ReactNode;
  struck?: string;
  verb?: string;
  /** The dialog settles body, year and level itself and says so: the file's own words on them would contradict it. */
  hideIdentity?: boolean;
}) {
  const said = hideIdentity ? new Set(read.record?.identityNotes ?? []) : new Set<string>();
  const notes = read.notes.filter((n) => !said.has(n));
  const guessed = cells.filter((c) => c.cell?.status === 'guessed').length;
  const missing = cells.filter((c) => c.cell?.status === 'not_found').length;
  const leftBlank = cells.flatMap((c) => (c.cell?.status === 'left_blank' ? [c.cell] : []));
  // Every cell the file did not give, named with why: there is no silent blank.
  const unread = cells.flatMap((c) =>
    c.cell?.status === 'left_blank' || c.cell?.status === 'not_found' ? [{ key: c.key, remark: c.cell.remark ?? '文件中没有这一格' }] : [],
  );
  return (
    <>
      {read.record && (
        <ul className="import-tables">
          {TABLE_IDS.map((t) => {
            const loc = read.record!.tables[t];
            return (
              <li key={t} className={loc ? '' : 'missing'}>
                {sectionHeading(t)}：
                {loc
                  ? `在${read.record!.text ? '' : '工作表'}「${loc.sheet}」${loc.range}${loc.appealsShape === '3x5' ? '（3 行 × 5 列）' : ''}`
                  : '没有找到'}
              </li>
            );
          })}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="import-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className="import-summary">
        将{verb} <strong>{changes}</strong> 个格子
        {guessed > 0 && (
          <>
            ，其中 <strong className="guess">{guessed}</strong> 个是按相近的标签推断的（黄色），请核对
          </>
        )}
        {missing > 0 && (
          <>
            ；<strong>{missing}</strong> 个格子文件里没有（灰色），保持原值
          </>
        )}
        {leftBlank.length > 0 && (
          <>
            ；<strong>{leftBlank.length}</strong> 个格子无法确定数值，已留空（灰色），保持原值
          </>
        )}
        。不同的格子标蓝，划线的是{struck}；换算或按 0 读入的格子带下划线，鼠标停留可见说明。
      </p>
      {unread.length > 0 && (
        <details className="import-missing" open={unread.length <= OPEN_LIST}>
          <summary>文件没有给出数值的格子（{unread.length}），保持原值</summary>
          <ul>
            {byRemark(unread).map(([remark, names]) => (
              <li key={remark}>
                {remark}（{names.join('、')}）
              </li>
            ))}
          </ul>
        </details>
      )}
      <ImportPreview cells={cells} />
    </>
  );
}
