// One statistics table drawn from its published layout (LAYOUTS), with the
// keyboard of a spreadsheet: arrows, Tab, Enter, typing replaces, F2 edits,
// Delete clears, blocks copied and pasted as tab-separated text, totals
// computed from their parts unless the author types them by hand.
//
// Speed: the table's header and label cells are drawn once per layout (the
// body below is a memoised element), and each value cell reads what it shows
// — its value, mark, lock, selection — from the table's cell views
// (cellViews.ts), so an edit re-renders the cells that changed, not the table.
// The cells hold plain text, each figure in a box of its own that the browser
// lays out alone; one input per table, laid over the active cell as a
// spreadsheet does, keeps the keyboard while the active cell moves: no element
// leaves the page with the focus, and a move lays nothing out again (the input
// is moved by a transform).
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { asCellKey, cellDef, type CellKey } from '../../../shared/model/cells';
import { valueAt } from '../../../shared/model/report';
import { SEVERITY_LABEL } from '../../../shared/rules/types';
import { LAYOUTS, placeCells, type LayoutCell } from '../../../shared/template/layout';
import { SCROLLER, useStickyHeader } from './stickyHeader';
import { TABLES, type TableId } from '../../../shared/template/gov2021';
import { useNotices } from '../common/notices';
import { tabbableBeside } from '../common/focus';
import {
  carriesLabels,
  clipboardFile,
  holdsFigures,
  labelledPasteNotice,
  parseTsv,
  placedByLabels,
  toTsv,
  withoutLabelColumns,
} from './clipboard';
import { readThroughApi } from '../transfer/useReadFile';
import type { CellMark } from './findings';
import { activeOf, cellLocked, selectedOf, useCellView } from './cellViews';
import { GRIDS, block, displayValue as display, moveFrom, pasteTargets, valueColumnCh, type Move } from './gridModel';
import { columnsOf, valueWidth } from './gridColumns';
import { afterNextFrame } from './afterFrame';
import { useEditor, type Selection } from './editorStore';
import { TOTAL_CELLS } from '../../../shared/rules/totals';
import { isLocked, lockedMessage } from '../../../shared/model/status';

/** Said when pasted totals disagree with their parts. */
const TOTALS_KEPT = '粘贴的总计与各项之和不一致，已保留粘贴的数字并改为手工填写总计，请核对标红的格子。';

/** Said when a block carries headers the reader matched to no table. */
const UNPLACED_LABELS = '粘贴的内容带有标题，但没有认出是哪张表的哪些格子，没有粘贴：请连同行、列标题复制整块表格，或只复制数字。';
/** Said when what was pasted into the grid holds no figure at all: prose meant for a section. */
const NO_FIGURES = '粘贴的内容里没有数字，不像表格，没有粘贴：正文请粘贴到一、五、六节的文字框里。';

const ARROWS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function TableGrid({ table }: { table: TableId }) {
  const layout = LAYOUTS[table];
  const grid = GRIDS[table];
  const active = useEditor((s) => activeOf(s, table));
  const manual = useEditor((s) => s.manualTotals[table]);
  const final = useEditor((s) => isLocked(s.status));
  const focus = useEditor((s) => s.focus);
  const { select, setDraft, commitDraft, setCells } = useEditor.getState();
  const show = useNotices((s) => s.show);
  const inputRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  /** The table and the input laid over it: the block the keyboard leaves with Ctrl+↓ / Ctrl+↑. */
  const frameRef = useRef<HTMLDivElement>(null);
  useStickyHeader(tableRef, layout.headerRows);
  /** F2: the arrows move the caret inside the cell instead of leaving it. */
  const [inCellEdit, setInCellEdit] = useState(false);
  const hasTotals = useMemo(() => grid.rows.flat().some((k) => TOTAL_CELLS.has(k)), [grid]);

  const columns = useMemo(() => columnsOf(layout), [layout]);
  const valueCh = useEditor((s) => valueColumnCh(s.report!, s.draft, table));
  const style = useMemo(() => ({ ...columns.style, ...valueWidth(valueCh) }), [columns, valueCh]);

  // The header and label cells, and one self-updating component per value cell: drawn once per layout.
  const body = useMemo(() => {
    const rows: { cell: LayoutCell; c: number }[][] = layout.rows.map(() => []);
    for (const p of placeCells(layout)) rows[p.r]!.push({ cell: p.cell, c: p.c });
    const labelClass = (c: number, colSpan: number, kind?: string) =>
      [kind, columns.stickyLeft(c, colSpan) && 'sticky-label'].filter(Boolean).join(' ') || undefined;
    return (
      <tbody>
        {rows.map((cells, r) => (
          <tr key={r}>
            {cells.map(({ cell, c }) =>
              cell.kind === 'value' ? (
                <GridCell key={cell.key} table={table} cellKey={cell.key} colSpan={cell.colSpan} />
              ) : (
                <th
                  key={`${r}-${c}`}
                  rowSpan={cell.rowSpan}
                  colSpan={cell.colSpan}
                  scope={cell.kind === 'head' ? 'col' : 'row'}
                  className={labelClass(c, cell.colSpan, cell.kind === 'head' ? undefined : cell.kind)}
                  style={columns.stickyLeft(c, cell.colSpan)}
                >
                  {cell.text}
                </th>
              ),
            )}
          </tr>
        ))}
      </tbody>
    );
  }, [layout, table, columns]);

  /** The editor's state now, for handlers: they run after renders and must not act on a stale selection. */
  const now = () => {
    const s = useEditor.getState();
    const selection = s.selection?.table === table ? s.selection : null;
    return { s, selection, selected: selectedOf(s, table), locked: (key: CellKey) => cellLocked(s, key) };
  };

  // Focus follows a request (undo, a finding clicked, a section opened at a cell).
  useEffect(() => {
    const place = focus?.place;
    if (!place) return;
    if (place.cell ? cellDef(place.cell)!.table === table : place.section === table) inputRef.current?.focus({ preventScroll: true });
  }, [focus, table]);

  // The active cell is scrolled into sight when it moved out of it with the keyboard in the grid. Measured just
  // before the next frame, whose layout it then is, rather than forced inside the key's handler.
  useLayoutEffect(() => {
    const frame = requestAnimationFrame(() => {
      const cell = tableRef.current?.querySelector<HTMLElement>(`td[data-cell="${active}"]`);
      if (cell && document.activeElement === inputRef.current) reveal(cell);
    });
    return () => cancelAnimationFrame(frame);
  }, [active, focus]);

  /** Selects, the keyboard going to the grid's input if it was elsewhere (a click from a text box; a paste's block, a move). */
  function follow(selection: Selection) {
    const input = inputRef.current;
    if (input && document.activeElement !== input) input.focus({ preventScroll: true });
    select(selection);
  }

  function moveTo(key: CellKey, extend = false) {
    commitDraft();
    setInCellEdit(false);
    const { selection } = now();
    follow({ table, active: key, anchor: extend && selection ? selection.anchor : key });
  }

  /** Ctrl+↓ / Ctrl+↑: out of the table to the control after it (or before it), as Tab would after its last cell. */
  function leave(forward: boolean) {
    commitDraft();
    setInCellEdit(false);
    if (frameRef.current) tabbableBeside(frameRef.current, forward)?.focus();
  }

  function cellAt(e: MouseEvent): CellKey | null {
    return asCellKey((e.target as HTMLElement).closest<HTMLElement>('td[data-cell]')?.dataset.cell ?? '') ?? null;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    // A key that ends or steers an input method's composition (Enter picking the characters) belongs to it, not to the grid.
    if (e.nativeEvent.isComposing) return;
    const { s, selected, locked } = now();
    const draft = s.draft;
    const editing = draft?.key === active;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      leave(e.key === 'ArrowDown');
    } else if ((e.key === 'Home' || e.key === 'End') && !inCellEdit && !e.altKey) {
      // Home/End: the row's first or last cell; with Ctrl, the table's.
      e.preventDefault();
      const end = e.key === 'End';
      const to =
        e.ctrlKey || e.metaKey ? (end ? grid.rows.at(-1)!.at(-1)! : grid.rows[0]![0]!) : moveFrom(grid, active, end ? 'end' : 'home')!;
      moveTo(to, e.shiftKey && !editing);
    } else if (e.key in ARROWS && !e.altKey && !(inCellEdit && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))) {
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
      setDraft({ key: active, text: draft?.key === active ? draft.text : display(valueAt(s.report!, active)) });
      // The caret at the end now, before the next key (the input already shows the cell's text): a rare key, its layout no matter.
      const input = inputRef.current!;
      input.setSelectionRange(input.value.length, input.value.length);
    } else if (e.key === 'Delete' && !editing) {
      e.preventDefault();
      const keys = [...selected].filter((k) => !locked(k));
      if (keys.length > 0)
        setCells(
          keys.map((k) => [k, null] as const),
          { section: table, cell: active },
        );
    } else if ((e.key === 'Backspace' || e.key.length === 1) && !e.ctrlKey && !e.metaKey && !e.altKey && locked(active)) {
      e.preventDefault();
      show('info', isLocked(s.status) ? lockedMessage(s.status) : '总计由各项自动相加。如需手工填写，请勾选表格上方的“手工填写总计”。');
    }
  }

  function onCopy(e: ClipboardEvent) {
    const { s, selection } = now();
    if (inCellEdit || !selection) return;
    e.preventDefault();
    const rows = block(grid, selection.anchor, selection.active).map((r) => r.map((k) => valueAt(s.report!, k)));
    e.clipboardData.setData('text/plain', toTsv(rows));
  }

  function onCut(e: ClipboardEvent) {
    const { selection, selected, locked } = now();
    if (inCellEdit || !selection) return;
    onCopy(e);
    const keys = [...selected].filter((k) => !locked(k));
    setCells(
      keys.map((k) => [k, null] as const),
      { section: table, cell: active },
    );
  }

  function onPaste(e: ClipboardEvent) {
    if (inCellEdit) return;
    e.preventDefault();
    setDraft(null);
    const text = e.clipboardData.getData('text/plain');
    const html = e.clipboardData.getData('text/html');
    const rows = parseTsv(text);
    // Prose pasted into the grid (a section's text in the wrong place) is neither a labelled table nor a block of figures.
    if (!holdsFigures(rows)) return show('info', NO_FIGURES);
    // A block with its labels is placed by them, through the reader every report file goes through; a bare block goes by position.
    if (!carriesLabels(rows)) return pasteByPosition(rows);
    void readThroughApi(clipboardFile(text, html)).then((read) => {
      const placed = read.ok ? placedByLabels(read.value) : null;
      if (!placed) {
        // Rows with only their row labels go by position; labels over the figures that no table matched would land in cells as text.
        if (carriesLabels(withoutLabelColumns(rows).rows)) return show('info', UNPLACED_LABELS);
        return pasteByPosition(rows);
      }
      const { manualSwitched } = setCells(placed.cells, { section: table, cell: active });
      const notice = labelledPasteNotice(placed);
      show(notice.kind, notice.text);
      if (manualSwitched.length > 0) show('info', TOTALS_KEPT);
    });
  }

  function pasteByPosition(pasted: string[][]) {
    const { rows, dropped } = withoutLabelColumns(pasted);
    if (rows.length === 0) return;
    if (!holdsFigures(rows)) return show('info', NO_FIGURES);
    if (dropped > 0) show('info', `粘贴内容左侧 ${dropped} 列是行标签，已略去，只粘贴数字。`);
    const { selection, selected } = now();
    const topLeft = block(grid, selection?.anchor ?? active, active)[0]![0]!;
    // One value pasted over a selected block fills the block, as in a spreadsheet.
    const single = rows.length === 1 && rows[0]!.length === 1;
    const { targets, outside } =
      single && selected.size > 1
        ? { targets: [...selected].map((k) => [k, rows[0]![0]!] as [CellKey, string]), outside: 0 }
        : pasteTargets(grid, topLeft, rows);
    const { manualSwitched } = setCells(targets, { section: table, cell: topLeft });
    const last = targets.at(-1)?.[0];
    // The block stays selected and the keyboard in the grid, at the block's last cell, as after a paste in a spreadsheet.
    if (last) follow({ table, anchor: topLeft, active: last });
    if (manualSwitched.length > 0) show('info', TOTALS_KEPT);
    if (outside > 0) show('info', `粘贴的内容超出表格，有 ${outside} 个数字没有粘贴。`);
  }

  return (
    <div className="grid-wrap" onCopy={onCopy} onCut={onCut} onPaste={onPaste}>
      <div className="grid-tools">
        {hasTotals && (
          <label className="totals-switch">
            <input type="checkbox" checked={manual} onChange={(e) => useEditor.getState().setManualTotals(table, e.target.checked)} />
            手工填写总计
            <span className="hint">{manual ? '（取消勾选会按各项重新计算总计）' : '（总计按各项自动相加）'}</span>
          </label>
        )}
        <CellBar cell={active} locked={final || (!manual && TOTAL_CELLS.has(active))} />
      </div>
      <div className="grid-frame" ref={frameRef} style={style}>
        <table
          ref={tableRef}
          className={`grid grid-${table}`}
          aria-label={TABLES[table].title}
          onMouseDown={(e) => {
            const key = cellAt(e);
            if (!key) return;
            // The keyboard stays in the grid's input (or goes to it): the cell clicked is not focusable.
            e.preventDefault();
            if (key === active) inputRef.current?.focus({ preventScroll: true });
            else moveTo(key, e.shiftKey);
          }}
          onMouseOver={(e) => {
            const key = cellAt(e);
            if (e.buttons === 1 && key && key !== now().selection?.active) moveTo(key, true);
          }}
        >
          {columns.cols}
          {body}
        </table>
        <CellInput
          cellKey={active}
          inputRef={inputRef}
          tableRef={tableRef}
          inCellEdit={inCellEdit}
          onKeyDown={onKeyDown}
          onBlur={() => {
            commitDraft();
            setInCellEdit(false);
          }}
        />
      </div>
    </div>
  );
}

function cellClass(mark: CellMark | undefined, locked: boolean, flagged: boolean, selected: boolean): string {
  return ['value', mark && `mark-${mark.severity}`, locked && 'auto-total', flagged && 'flagged', selected && 'selected']
    .filter(Boolean)
    .join(' ');
}

/**
 * One value cell: it reads from the table's cell views only what it shows, and re-renders only when that changed. The active
 * cell shows its figure too, through the input laid over it until something is typed there.
 */
const GridCell = memo(function GridCell({ table, cellKey, colSpan }: { table: TableId; cellKey: CellKey; colSpan: number }) {
  const { value, mark, locked, flagged, active, selected } = useCellView(table, cellKey);
  return (
    <td
      colSpan={colSpan}
      data-cell={cellKey}
      className={active ? `${cellClass(mark, locked, flagged, selected)} active` : cellClass(mark, locked, flagged, selected)}
      title={mark ? mark.messages.join('\n') : undefined}
      aria-invalid={mark?.severity === 'error' || undefined}
    >
      <div className="figure">{display(value)}</div>
    </td>
  );
});

/**
 * Scrolls the section just enough to show the cell, when it is not fully in
 * sight: in sight means clear of the header rows and row labels that stay in
 * view over the table (the cell's scroll margins say how much they cover).
 */
function reveal(cell: HTMLElement) {
  const box = cell.closest<HTMLElement>(SCROLLER) ?? document.scrollingElement;
  if (!box) return;
  const r = cell.getBoundingClientRect();
  const b =
    box === document.scrollingElement
      ? { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth }
      : box.getBoundingClientRect();
  const margin = getComputedStyle(cell);
  const top = b.top + (parseFloat(margin.scrollMarginTop) || 0);
  const left = b.left + (parseFloat(margin.scrollMarginLeft) || 0);
  if (r.top < top || r.bottom > b.top + box.clientHeight || r.left < left || r.right > b.left + box.clientWidth)
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * The input laid over its cell: moved there by a transform, which the browser draws without laying anything out
 * again, from the cell's place read just before the next frame (whose layout that read then is); its size is set
 * only when the cell's differs. Placed again when the table's or the cell's size changes, as the cell may have moved.
 */
function useOverCell(input: RefObject<HTMLInputElement | null>, table: RefObject<HTMLTableElement | null>, cellKey: CellKey) {
  const size = useRef({ width: -1, height: -1 });
  useLayoutEffect(() => {
    const place = () => {
      const cell = table.current?.querySelector<HTMLElement>(`td[data-cell="${cellKey}"]`);
      const box = input.current?.offsetParent;
      const style = input.current?.style;
      if (!cell || !box || !style) return;
      // Boxes, not offsets: a column of a calculated width starts between pixels, and offsets are rounded.
      const at = cell.getBoundingClientRect();
      const origin = box.getBoundingClientRect();
      style.transform = `translate(${at.left - origin.left}px, ${at.top - origin.top}px)`;
      const { width, height } = at;
      if (width !== size.current.width || height !== size.current.height) {
        size.current = { width, height };
        style.width = `${width}px`;
        style.height = `${height}px`;
      }
    };
    const frame = requestAnimationFrame(place);
    // The table's size changes with the window, with rows grown by their labels and with a wider figure (all value
    // columns widen then); the cell's is watched too, so that the input follows it whichever of them moved it.
    const observer = new ResizeObserver(place);
    const cell = table.current?.querySelector(`td[data-cell="${cellKey}"]`);
    for (const box of [table.current, cell]) if (box) observer.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [input, table, cellKey]);
}

/**
 * The table's one input, over the active cell: typing goes into a draft, committed on leaving the cell. It stays on
 * the page and keeps the keyboard while the active cell moves; its name is the active cell's, as a screen reader says it.
 */
function CellInput({
  cellKey,
  inputRef,
  tableRef,
  inCellEdit,
  onKeyDown,
  onBlur,
}: {
  cellKey: CellKey;
  inputRef: RefObject<HTMLInputElement | null>;
  tableRef: RefObject<HTMLTableElement | null>;
  inCellEdit: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}) {
  const value = useEditor((s) => valueAt(s.report!, cellKey));
  const mark = useEditor((s) => s.marksOf(s.report!, s.previous).get(cellKey));
  const locked = useEditor((s) => cellLocked(s, cellKey));
  const draft = useEditor((s) => (s.draft?.key === cellKey ? s.draft.text : null));
  const setDraft = useEditor((s) => s.setDraft);
  const shown = draft ?? display(value);
  useOverCell(inputRef, tableRef, cellKey);

  // The input's text follows the active cell, the whole of it selected between edits so that typing replaces it (IME
  // input included). A focused input's value written costs the browser most of a millisecond: it is written once the
  // key's frame has been drawn, not inside the key's handler nor before that frame. Until then the cell under the
  // input (transparent while nothing is typed) shows the figure; a key, a composition or a text input coming first
  // writes it first.
  const pending = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const write = () => {
      pending.current = null;
      if (input.value !== shown) input.value = shown;
      if (draft === null && document.activeElement === input) input.select();
    };
    pending.current = write;
    const cancel = afterNextFrame(write);
    return () => {
      cancel();
      pending.current = null;
    };
  }, [shown, draft, inputRef]);
  const writeNow = () => pending.current?.();

  return (
    <input
      ref={inputRef}
      className={['cell-input', inCellEdit && 'in-edit', draft !== null && 'typing', mark && `mark-${mark.severity}`]
        .filter(Boolean)
        .join(' ')}
      // No autofill or spelling for a figure: the browser's autofill agent also makes each focus ~5× slower.
      autoComplete="off"
      spellCheck={false}
      readOnly={locked}
      aria-label={cellDef(cellKey)!.name}
      aria-invalid={mark?.severity === 'error' || undefined}
      aria-describedby="cell-bar"
      onChange={(e) => setDraft({ key: cellKey, text: e.target.value })}
      onKeyDown={(e) => {
        writeNow();
        onKeyDown(e);
      }}
      onBeforeInput={writeNow}
      onCompositionStart={writeNow}
      onFocus={(e) => {
        if (draft === null) e.target.select();
      }}
      onBlur={onBlur}
    />
  );
}

/** The active cell's name and what the checks say about it: the message on focus, as a spreadsheet's formula bar. */
const CellBar = memo(function CellBar({ cell, locked }: { cell: CellKey; locked: boolean }) {
  const mark = useEditor((s) => s.marksOf(s.report!, s.previous).get(cell));
  const name = cellDef(cell)!.name;
  const message = mark ? `${SEVERITY_LABEL[mark.severity]}：${mark.messages.join('；')}` : null;
  return (
    <div
      id="cell-bar"
      className={`cell-bar ${mark ? `mark-${mark.severity}` : ''}`}
      role="status"
      aria-live="polite"
      title={message ? `${name}\n${message}` : undefined}
    >
      <p className="cell-bar-text">
        <strong>{name}</strong>
        {message ? <span>{message}</span> : locked ? <span className="hint">自动计算的总计</span> : null}
      </p>
    </div>
  );
});
