// What an import would do, drawn in the shape of the three published tables
// (LAYOUTS): each cell shows the value it will hold, a changed one its old
// value struck through beside it, a label guessed by similarity marked, a
// cell the file does not have greyed. The editor's import and 开始今年的报告
// both show this preview and apply the same list of changes (shared/model/imported.ts).
import { useMemo } from 'react';
import type { CellReading } from '../../../shared/api/import';
import type { CellKey } from '../../../shared/model/cells';
import type { CellChange } from '../../../shared/model/imported';
import type { CellValue } from '../../../shared/model/report';
import { sectionHeading, TABLE_IDS, TABLES, type TableId } from '../../../shared/template/gov2021';
import { LAYOUTS, placeCells, type LayoutCell } from '../../../shared/template/layout';

/** How a value was read, in the words of the record's notes. */
export function readingText(x: CellReading): string {
  switch (x.kind) {
    case 'placeholder':
      return `「${x.found || '空白'}」按 0 读入`;
    case 'unit':
      return x.unit === '元' ? `「${x.found}」元，换算为万元` : `「${x.found}」按单位换算`;
    case 'formula':
      return '公式在导入时算出';
    case 'merged':
      return `取自合并范围内的 ${x.from}`;
    case 'note':
      return `「${x.found}」按数字读入，括号内的说明：${x.note}`;
    case 'numeral':
      return `「${x.found}」是汉字数字，已换算`;
    case 'cleaned':
      return '去掉了看不见的字符或开头的撇号';
    case 'sum':
      return `表中只有「${x.heading}」的合计（${x.from}），为 0，故此格为 0`;
    case 'hidden':
      return `取自隐藏的行、列或工作表（${x.where}），请核对`;
    case 'witness':
      return x.reason;
    case 'date':
      return `设成了日期格式（显示为 ${x.shown}），按其中的数字读入`;
  }
}

function show(v: CellValue): string {
  return v === null ? '' : String(v);
}

export function ImportPreview({ cells }: { cells: readonly CellChange[] }) {
  const byKey = useMemo(() => new Map(cells.map((c) => [c.key, c])), [cells]);
  return (
    <div className="import-preview" role="region" aria-label="导入预览">
      {TABLE_IDS.map((t) => (
        <PreviewTable key={t} table={t} byKey={byKey} />
      ))}
    </div>
  );
}

function PreviewTable({ table, byKey }: { table: TableId; byKey: ReadonlyMap<CellKey, CellChange> }) {
  const layout = LAYOUTS[table];
  const rows = useMemo(() => {
    const out: { cell: LayoutCell; c: number }[][] = layout.rows.map(() => []);
    for (const p of placeCells(layout)) out[p.r]!.push({ cell: p.cell, c: p.c });
    return out;
  }, [layout]);
  const total = layout.widths.reduce((a, b) => a + b, 0);
  return (
    <section className="preview-table">
      <h3>{sectionHeading(table)}</h3>
      <table className={`grid preview grid-${table}`} aria-label={`${TABLES[table].title}（导入后）`}>
        <colgroup>
          {layout.widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / total}%` }} />
          ))}
        </colgroup>
        <tbody>
          {rows.map((cells, r) => (
            <tr key={r}>
              {cells.map(({ cell, c }) =>
                cell.kind === 'value' ? (
                  <PreviewCell key={cell.key} change={byKey.get(cell.key)!} colSpan={cell.colSpan} />
                ) : (
                  <th
                    key={`${r}-${c}`}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className={cell.kind === 'head' ? undefined : cell.kind}
                  >
                    {cell.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PreviewCell({ change, colSpan }: { change: CellChange; colSpan: number }) {
  const { before, after, cell } = change;
  if (cell?.status === 'not_found' || cell?.status === 'left_blank')
    return (
      <td
        colSpan={colSpan}
        className="value not-found"
        data-cell={change.key}
        title={cell.status === 'left_blank' ? `${cell.remark}；保持原值` : '文件里没有这个格子，保持原值'}
      >
        {show(before)}
      </td>
    );
  const changed = before !== after;
  const guessed = cell?.status === 'guessed';
  const converted = (cell?.readings?.length ?? 0) > 0;
  const title = [
    cell ? `来自 ${cell.source.sheet}!${cell.source.address}「${cell.source.raw}」` : '',
    guessed ? cell.guesses.map((g) => `「${g.found}」按相近标签视为「${g.takenFor}」，请核对`).join('；') : '',
    ...(cell?.readings ?? []).map(readingText),
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <td
      colSpan={colSpan}
      className={`value${changed ? ' changed' : ''}${guessed ? ' guessed' : ''}${converted ? ' converted' : ''}`}
      data-cell={change.key}
      title={title || undefined}
    >
      {changed && before !== null && <del>{show(before)}</del>}
      {show(after)}
    </td>
  );
}
