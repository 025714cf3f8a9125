// One statistics table drawn from its published layout (LAYOUTS), with the
// keyboard of a spreadsheet: arrows, Tab, Enter, typing replaces, F2 edits,
// Delete clears, blocks copied and pasted as tab-separated text, totals
// computed from their parts unless the author types them by hand.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import type { CellValue } from '../../../shared/model/report';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import { LAYOUTS, placeCells, type LayoutCell } from '../../../shared/template/layout';
import { TABLES, type TableId } from '../../../shared/template/gov2021';
import { useNotices } from '../common/notices';
import { parseTsv, toTsv } from './clipboard';
import { cellMarks, findingsOf, type CellMark } from './findings';
import { GRIDS, block, moveFrom, pasteTargets, type Move } from './gridModel';
import { useEditor } from './store';
import { TOTAL_CELLS } from './totals';

function display(value: CellValue): string {
  return value === null ? '' : String(value);
}

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function TableGrid({ table }: { table: TableId }) {
  const layout = LAYOUTS[table];
  const grid = GRIDS[table];
  const placedRows = useMemo(() => {
    const rows: { cell: LayoutCell; c: number }[][] = layout.rows.map(() => []);
    for (const p of placeCells(layout)) rows[p.r]!.push({ cell: p.cell, c: p.c });
    return rows;
  }, [layout]);
  const totalWidth = layout.widths.reduce((a, b) => a + b, 0);

  const report = useEditor((s) => s.report)!;
  const previous = useEditor((s) => s.previous);
  const manual = useEditor((s) => s.manualTotals[table]);
  const selection = useEditor((s) => (s.selection?.table === table ? s.selection : null));
  const focus = useEditor((s) => s.focus);
  const { select, setDraft, commitDraft, setCells } = useEditor.getState();
  const show = useNotices((s) => s.show);
  const findings = findingsOf(report, previous);
  const marks = cellMarks(findings, report.explanations);
  const flagged = useMemo(() => new Set(findings.find((f) => f.id === focus?.place.finding)?.cells ?? []), [findings, focus]);

  const active = selection?.active ?? grid.rows[0]![0]!;
  const selected = useMemo(() => new Set(selection ? block(grid, selection.anchor, selection.active).flat() : []), [grid, selection]);
  const inputRef = useRef<HTMLInputElement>(null);
  /** Set when the keyboard should follow the active cell to its new input. */
  const keepFocus = useRef(false);
  /** F2: the arrows move the caret inside the cell instead of leaving it. */
  const [inCellEdit, setInCellEdit] = useState(false);

  const value = (key: CellKey) => {
    const d = cellDef(key)!;
    return report.tables[d.table][d.row]?.[d.col] ?? null;
  };
  const final = useEditor((s) => s.status === '定稿');
  const locked = (key: CellKey) => final || (!manual && TOTAL_CELLS.has(key));

  // Focus follows a request (undo, a finding clicked, a section opened at a cell).
  useEffect(() => {
    const place = focus?.place;
    if (!place) return;
    if (place.cell ? cellDef(place.cell)!.table === table : place.section === table) inputRef.current?.focus();
  }, [focus, table]);

  function moveTo(key: CellKey, extend = false) {
    commitDraft();
    setInCellEdit(false);
    // The input moves with the active cell and takes the keyboard as it mounts, before the next key arrives.
    keepFocus.current = true;
    select({ table, active: key, anchor: extend && selection ? selection.anchor : key });
  }

  function cellAt(e: MouseEvent): CellKey | null {
    return (e.target as HTMLElement).closest<HTMLElement>('td[data-cell]')?.dataset.cell ?? null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const draft = useEditor.getState().draft;
    const editing = draft?.key === active;
    if (e.key in ARROWS && !(inCellEdit && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))) {
      e.preventDefault();
      moveTo(moveFrom(grid, active, ARROWS[e.key]!)!, e.shiftKey && !editing);
    } else if (e.key === 'Tab') {
      const next = moveFrom(grid, active, e.shiftKey ? 'prev' : 'next');
      if (next) {
        e.preventDefault();
        moveTo(next);
      } else commitDraft(); // past the table's last cell, the page's next control takes the keyboard
    } else if (e.key === 'Enter') {
      e.preventDefault();
      moveTo(moveFrom(grid, active, e.shiftKey ? 'up' : 'down')!);
    } else if (e.key === 'Escape' && editing) {
      e.preventDefault();
      setDraft(null);
      setInCellEdit(false);
    } else if (e.key === 'F2') {
      e.preventDefault();
      if (locked(active)) return;
      setInCellEdit(true);
      setDraft({ key: active, text: draft?.key === active ? draft.text : display(value(active)) });
      const input = inputRef.current!;
      requestAnimationFrame(() => input.setSelectionRange(input.value.length, input.value.length));
    } else if (e.key === 'Delete' && !editing) {
      e.preventDefault();
      const keys = [...selected].filter((k) => !locked(k));
      if (keys.length > 0) setCells(keys.map((k) => [k, null] as const), { section: table, cell: active });
    } else if ((e.key === 'Backspace' || e.key.length === 1) && !e.ctrlKey && !e.metaKey && !e.altKey && locked(active)) {
      e.preventDefault();
      show('info', final ? '报告已定稿，不能修改：如需修改，请先改回草稿。' : '总计由各项自动相加。如需手工填写，请勾选表格上方的“手工填写总计”。');
    }
  }

  function onCopy(e: ClipboardEvent) {
    if (inCellEdit || !selection) return;
    e.preventDefault();
    const rows = block(grid, selection.anchor, selection.active).map((r) => r.map(value));
    e.clipboardData.setData('text/plain', toTsv(rows));
  }

  function onCut(e: ClipboardEvent) {
    if (inCellEdit || !selection) return;
    onCopy(e);
    const keys = [...selected].filter((k) => !locked(k));
    setCells(keys.map((k) => [k, null] as const), { section: table, cell: active });
  }

  function onPaste(e: ClipboardEvent) {
    if (inCellEdit) return;
    e.preventDefault();
    setDraft(null);
    const rows = parseTsv(e.clipboardData.getData('text/plain'));
    if (rows.length === 0) return;
    const topLeft = block(grid, selection?.anchor ?? active, active)[0]![0]!;
    // One value pasted over a selected block fills the block, as in a spreadsheet.
    const single = rows.length === 1 && rows[0]!.length === 1;
    const { targets, outside } = single && selected.size > 1 ? { targets: [...selected].map((k) => [k, rows[0]![0]!] as [CellKey, string]), outside: 0 } : pasteTargets(grid, topLeft, rows);
    const { manualSwitched } = setCells(targets, { section: table, cell: topLeft });
    const last = targets.at(-1)?.[0];
    if (last) select({ table, anchor: topLeft, active: last });
    if (manualSwitched.length > 0) show('info', '粘贴的总计与各项之和不一致，已保留粘贴的数字并改为手工填写总计，请核对标红的格子。');
    if (outside > 0) show('info', `粘贴的内容超出表格，有 ${outside} 个数字没有粘贴。`);
  }

  return (
    <div className="grid-wrap" onCopy={onCopy} onCut={onCut} onPaste={onPaste}>
      <div className="grid-tools">
        {TOTAL_CELLS.size > 0 && grid.rows.flat().some((k) => TOTAL_CELLS.has(k)) && (
          <label className="totals-switch">
            <input type="checkbox" checked={manual} onChange={(e) => useEditor.getState().setManualTotals(table, e.target.checked)} />
            手工填写总计
            <span className="hint">{manual ? '（取消勾选会按各项重新计算总计）' : '（总计按各项自动相加）'}</span>
          </label>
        )}
        <CellBar cell={active} mark={marks.get(active)} locked={locked(active)} />
      </div>
      <table
        className={`grid grid-${table}`}
        aria-label={TABLES[table].title}
        onMouseDown={(e) => {
          const key = cellAt(e);
          if (!key || key === active) return;
          e.preventDefault();
          moveTo(key, e.shiftKey);
        }}
        onMouseOver={(e) => {
          const key = cellAt(e);
          if (e.buttons === 1 && key && key !== selection?.active) moveTo(key, true);
        }}
      >
        <colgroup>
          {layout.widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / totalWidth}%` }} />
          ))}
        </colgroup>
        <tbody>
          {placedRows.map((cells, r) => (
            <tr key={r}>
              {cells.map(({ cell, c }) =>
                cell.kind === 'value' ? (
                  cell.key === active ? (
                    <ActiveCell
                      key={cell.key}
                      cellKey={cell.key}
                      colSpan={cell.colSpan}
                      value={value(cell.key)}
                      mark={marks.get(cell.key)}
                      locked={locked(cell.key)}
                      flagged={flagged.has(cell.key)}
                      selected={selected.size > 1}
                      inputRef={inputRef}
                      keepFocus={keepFocus}
                      inCellEdit={inCellEdit}
                      onKeyDown={onKeyDown}
                      onBlur={() => {
                        commitDraft();
                        setInCellEdit(false);
                      }}
                    />
                  ) : (
                    <ValueCell
                      key={cell.key}
                      cellKey={cell.key}
                      colSpan={cell.colSpan}
                      value={value(cell.key)}
                      mark={marks.get(cell.key)}
                      locked={locked(cell.key)}
                      flagged={flagged.has(cell.key)}
                      selected={selected.has(cell.key)}
                    />
                  )
                ) : cell.kind === 'head' ? (
                  <th key={`${r}-${c}`} rowSpan={cell.rowSpan} colSpan={cell.colSpan} scope="col">
                    {cell.text}
                  </th>
                ) : (
                  <th key={`${r}-${c}`} rowSpan={cell.rowSpan} colSpan={cell.colSpan} scope="row" className={cell.kind}>
                    {cell.text}
                  </th>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(mark: CellMark | undefined, locked: boolean, flagged: boolean, selected: boolean): string {
  return ['value', mark && `mark-${mark.severity}`, locked && 'auto-total', flagged && 'flagged', selected && 'selected'].filter(Boolean).join(' ');
}

const ValueCell = memo(function ValueCell(props: {
  cellKey: CellKey;
  colSpan: number;
  value: CellValue;
  mark: CellMark | undefined;
  locked: boolean;
  flagged: boolean;
  selected: boolean;
}) {
  const { cellKey, colSpan, value, mark, locked, flagged, selected } = props;
  return (
    <td
      colSpan={colSpan}
      data-cell={cellKey}
      className={cellClass(mark, locked, flagged, selected)}
      title={mark ? mark.messages.join('\n') : undefined}
      aria-invalid={mark?.severity === 'error' || undefined}
    >
      {display(value)}
    </td>
  );
});

function ActiveCell(props: {
  cellKey: CellKey;
  colSpan: number;
  value: CellValue;
  mark: CellMark | undefined;
  locked: boolean;
  flagged: boolean;
  selected: boolean;
  inputRef: React.RefObject<HTMLInputElement | null>;
  keepFocus: React.RefObject<boolean>;
  inCellEdit: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}) {
  const { cellKey, colSpan, value, mark, locked, flagged, selected, inputRef, keepFocus, inCellEdit, onKeyDown, onBlur } = props;
  const draft = useEditor((s) => (s.draft?.key === cellKey ? s.draft.text : null));
  const setDraft = useEditor((s) => s.setDraft);
  const shown = draft ?? display(value);

  useLayoutEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    inputRef.current?.focus();
  }, [keepFocus, inputRef]);

  // Between edits the whole text is selected, so that typing replaces it (IME input included).
  useEffect(() => {
    const input = inputRef.current;
    if (input && draft === null && document.activeElement === input) input.select();
  }, [draft, value, inputRef, cellKey]);

  return (
    <td colSpan={colSpan} data-cell={cellKey} className={`${cellClass(mark, locked, flagged, selected)} active`}>
      <input
        ref={inputRef}
        className={inCellEdit ? 'cell-input in-edit' : 'cell-input'}
        value={shown}
        readOnly={locked}
        aria-label={cellDef(cellKey)!.name}
        aria-invalid={mark?.severity === 'error' || undefined}
        aria-describedby="cell-bar"
        title={mark ? mark.messages.join('\n') : undefined}
        onChange={(e) => setDraft({ key: cellKey, text: e.target.value })}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (draft === null) e.target.select();
        }}
        onMouseUp={(e) => {
          // The click that made this cell active ends here: keep the text selected so that typing replaces it.
          if (draft === null && !inCellEdit) {
            e.preventDefault();
            e.currentTarget.select();
          }
        }}
        onBlur={onBlur}
      />
    </td>
  );
}

/** The active cell's name and what the checks say about it: the message on focus, as a spreadsheet's formula bar. */
function CellBar({ cell, mark, locked }: { cell: CellKey; mark: CellMark | undefined; locked: boolean }) {
  return (
    <div id="cell-bar" className={`cell-bar ${mark ? `mark-${mark.severity}` : ''}`} role="status" aria-live="polite">
      <strong>{cellDef(cell)!.name}</strong>
      {mark ? (
        <span>
          {SEVERITY_LABEL[mark.severity]}：{mark.messages.join('；')}
        </span>
      ) : locked ? (
        <span className="hint">自动计算的总计</span>
      ) : null}
    </div>
  );
}
