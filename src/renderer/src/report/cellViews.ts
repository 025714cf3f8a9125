// What each value cell of a grid shows (its figure, mark, lock, selection),
// kept per table behind one subscription to the editor store. A cell that
// subscribed to the store itself made every store change (an Enter makes
// three or four) run ~175 selectors through React's checks; here a change
// recomputes the table's views in one loop — none when nothing a cell shows
// depends on what changed (a draft typed, the save's progress) — and only the
// cells whose view changed hear of it.
import { useCallback, useSyncExternalStore } from 'react';
import { cellDef, type CellKey } from '../../../shared/model/cells';
import { memo } from '../../../shared/memo';
import { valueAt, type CellValue } from '../../../shared/model/report';
import { isLocked } from '../../../shared/model/status';
import { TOTAL_CELLS } from '../../../shared/rules/totals';
import type { TableId } from '../../../shared/template/gov2021';
import { findingsOf, flaggedCells, type CellMark } from './findings';
import { GRIDS, block } from './gridModel';
import { useEditor, type EditorState, type Selection } from './editorStore';

/** The table's active cell: where the selection is, else its first cell. */
export function activeOf(s: Pick<EditorState, 'selection'>, table: TableId): CellKey {
  return s.selection?.table === table ? s.selection.active : GRIDS[table].rows[0]![0]!;
}

export function cellLocked(s: Pick<EditorState, 'status' | 'manualTotals'>, key: CellKey): boolean {
  return isLocked(s.status) || (!s.manualTotals[cellDef(key)!.table] && TOTAL_CELLS.has(key));
}

/** The cells of the selected block, once per selection (every table without one shares the empty set). */
const selectedBlock = memo(
  (selection: Selection | null): ReadonlySet<CellKey> =>
    new Set(selection ? block(GRIDS[selection.table], selection.anchor, selection.active).flat() : []),
);

export function selectedOf(s: Pick<EditorState, 'selection'>, table: TableId): ReadonlySet<CellKey> {
  return selectedBlock(s.selection?.table === table ? s.selection : null);
}

export interface CellView {
  value: CellValue;
  mark: CellMark | undefined;
  locked: boolean;
  flagged: boolean;
  active: boolean;
  selected: boolean;
}

/**
 * The whole of the store a cell's view is made from (`viewOf` sees nothing
 * else): when none of these changed, no cell's view did. `null` while no
 * report is open (the grid is leaving the page).
 */
function inputsOf(s: EditorState) {
  const { report, previous, status, manualTotals, selection, focus, marksOf } = s;
  if (!report) return null;
  return { report, previous, status, manualTotals, selection, finding: focus?.place.finding, marksOf };
}

type Inputs = NonNullable<ReturnType<typeof inputsOf>>;

function sameInputs(a: Inputs, b: Inputs): boolean {
  return (Object.keys(a) as (keyof Inputs)[]).every((k) => a[k] === b[k]);
}

/** What the table's cells are made from, worked out once per change of the inputs rather than once per cell. */
function tableFacts(inputs: Inputs, table: TableId) {
  return {
    marks: inputs.marksOf(inputs.report, inputs.previous),
    flagged: flaggedCells(findingsOf(inputs.report, inputs.previous), inputs.finding),
    active: activeOf(inputs, table),
    selected: selectedOf(inputs, table),
  };
}

function viewOf(inputs: Inputs, facts: ReturnType<typeof tableFacts>, key: CellKey): CellView {
  const active = facts.active === key;
  return {
    value: valueAt(inputs.report, key),
    mark: facts.marks.get(key),
    locked: cellLocked(inputs, key),
    flagged: facts.flagged.has(key),
    active,
    // The active cell shows as selected only within a block of several cells.
    selected: active ? facts.selected.size > 1 : facts.selected.has(key),
  };
}

function sameView(a: CellView, b: CellView): boolean {
  return (
    a.value === b.value &&
    a.mark === b.mark &&
    a.locked === b.locked &&
    a.flagged === b.flagged &&
    a.active === b.active &&
    a.selected === b.selected
  );
}

export interface TableCellViews {
  /** Hears when this cell's view may have changed; the last cell to leave ends the table's subscription to the store. */
  subscribe(key: CellKey, listener: () => void): () => void;
  /** The cell's view for the store as it is now: the same object while it did not change. */
  view(key: CellKey): CellView;
}

function createTableCellViews(table: TableId): TableCellViews {
  /** The store's state the views were last brought up to date with, and what they were computed from. */
  let state: EditorState | null = null;
  let inputs: Inputs | null = null;
  let facts: ReturnType<typeof tableFacts> | null = null;
  /** Every cell asked for so far: a change recomputes these. */
  const views = new Map<CellKey, CellView>();
  /** Cells whose view changed since their listeners last heard. */
  const changed = new Set<CellKey>();
  const listeners = new Map<CellKey, Set<() => void>>();
  let listening = 0;
  let unsubscribe: (() => void) | null = null;

  /** Brings the views up to the store's state: lazily from `view` (a render before any notification is right too), and on each change. */
  function update(s: EditorState) {
    if (s === state) return;
    state = s;
    const next = inputsOf(s);
    if (!next || (inputs && sameInputs(inputs, next))) return;
    inputs = next;
    facts = tableFacts(next, table);
    for (const [key, before] of views) {
      const view = viewOf(next, facts, key);
      if (sameView(before, view)) continue;
      views.set(key, view);
      changed.add(key);
    }
  }

  function notify(s: EditorState) {
    update(s);
    if (changed.size === 0) return;
    const keys = [...changed];
    changed.clear();
    for (const key of keys) listeners.get(key)?.forEach((listener) => listener());
  }

  return {
    subscribe(key, listener) {
      const own = listeners.get(key) ?? new Set();
      listeners.set(key, own.add(listener));
      if (listening++ === 0) unsubscribe = useEditor.subscribe(notify);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        own.delete(listener);
        if (own.size === 0 && listeners.get(key) === own) listeners.delete(key);
        if (--listening > 0) return;
        unsubscribe?.();
        unsubscribe = null;
        // No cell of this table is on the page: its views (and the report they hold) are let go; the next reader starts afresh.
        state = inputs = facts = null;
        views.clear();
        changed.clear();
      };
    },
    view(key) {
      update(useEditor.getState());
      const known = views.get(key);
      if (known) return known;
      if (!inputs || !facts) throw new Error(`cell ${key} shown with no report open`);
      const view = viewOf(inputs, facts, key);
      views.set(key, view);
      return view;
    },
  };
}

const byTable = new Map<TableId, TableCellViews>();

/** The cell views of one table, shared by every cell of it on the page. */
export function tableCellViews(table: TableId): TableCellViews {
  let views = byTable.get(table);
  if (!views) byTable.set(table, (views = createTableCellViews(table)));
  return views;
}

/** What one cell shows, re-rendering the cell only when that changed. */
export function useCellView(table: TableId, key: CellKey): CellView {
  const views = tableCellViews(table);
  const subscribe = useCallback((listener: () => void) => views.subscribe(key, listener), [views, key]);
  return useSyncExternalStore(subscribe, () => views.view(key));
}
