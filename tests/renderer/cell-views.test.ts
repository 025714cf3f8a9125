// The grid's cell views (cellViews.ts) over the real editor store, opened on a
// real library file through the real handlers: after every kind of change the
// page makes (a typed figure and its computed total, a draft, a move, a block
// selected, undo and redo, a finding clicked, another report opened), every
// cell's view is the store's, and exactly the cells whose view changed hear of it.
import { afterEach, describe, expect, it } from 'vitest';
import type { CellKey } from '../../src/shared/model/cells';
import { valueAt, type Report } from '../../src/shared/model/report';
import { useEditor } from '../../src/renderer/src/report/editorStore';
import { cellLocked, tableCellViews, type CellView } from '../../src/renderer/src/report/cellViews';
import { findingsOf } from '../../src/renderer/src/report/findings';
import { GRIDS } from '../../src/renderer/src/report/gridModel';
import { seed, withCells } from '../shared/fixtures';
import { apiOverLibrary, value } from '../helpers/api';

// Registered first, so that its tear-down (the library closed) runs after this file's (the store's last save).
const library = apiOverLibrary('nianbao-cells-');

afterEach(async () => {
  unsubscribeAll();
  await useEditor.getState().flush();
});

/** Stores the report and opens it in the store as the page does. */
async function open(report: Report): Promise<void> {
  const { api, services } = library;
  const id = value(services.library.add(report)).id;
  useEditor.getState().load(value(await api.library.open({ id })), {
    edit: (patch, revision, keepBefore) => api.library.edit({ id, patch, revision, keepBefore }),
    setStatus: (status) => api.library.setStatus({ id, status }),
    reopen: () => api.library.open({ id }),
  });
}

const editor = () => useEditor.getState();
const cells = GRIDS.requests.rows.flat();
const views = tableCellViews('requests');
let unsubscribes: (() => void)[] = [];
/** How often each cell heard of a change since the last `changes()`. */
let heard = new Map<CellKey, number>();
let shown = new Map<CellKey, CellView>();

/** Every cell of 表三 subscribed and read, as the grid on the page does. */
function subscribeAll() {
  unsubscribes = cells.map((key) => views.subscribe(key, () => heard.set(key, (heard.get(key) ?? 0) + 1)));
  shown = new Map(cells.map((key) => [key, views.view(key)]));
}

function unsubscribeAll() {
  for (const unsubscribe of unsubscribes) unsubscribe();
  unsubscribes = [];
}

/** The cells told of a change since the last call; checks they are exactly the cells whose view object changed. */
function changes(): CellKey[] {
  const told = [...heard.keys()];
  const changed = cells.filter((key) => views.view(key) !== shown.get(key));
  expect(new Set(told)).toEqual(new Set(changed));
  heard = new Map();
  shown = new Map(cells.map((key) => [key, views.view(key)]));
  return told;
}

/** Every cell's view says what the store holds. */
function expectViewsMatchStore() {
  const s = editor();
  const marks = s.marksOf(s.report!, s.previous);
  for (const key of cells) {
    const view = views.view(key);
    expect(view.value, key).toBe(valueAt(s.report!, key));
    expect(view.mark, key).toBe(marks.get(key));
    expect(view.locked, key).toBe(cellLocked(s, key));
  }
}

describe('the grid cell views over the real store', () => {
  it('follow a typed figure, its computed total and its marks, and tell only the cells that changed', async () => {
    await open(seed);
    subscribeAll();
    expectViewsMatchStore();

    editor().setDraft({ key: 'requests.received.natural', text: '12' });
    expect(changes()).toEqual([]);
    editor().commitDraft();
    const told = changes();
    expect(told).toEqual(expect.arrayContaining(['requests.received.natural', 'requests.received.total']));
    expect(told.length).toBeLessThan(cells.length / 2);
    expect(views.view('requests.received.natural').value).toBe(12);
    expectViewsMatchStore();

    editor().undo();
    changes();
    expect(views.view('requests.received.natural').value).toBe(valueAt(seed, 'requests.received.natural'));
    expectViewsMatchStore();
    editor().redo();
    changes();
    expect(views.view('requests.received.natural').value).toBe(12);
    expectViewsMatchStore();
  });

  it('move the active cell and a selected block, telling the cells that enter or leave them', async () => {
    await open(seed);
    subscribeAll();
    const [first, second] = cells as [CellKey, CellKey];
    expect(views.view(first).active).toBe(true);

    editor().select({ table: 'requests', active: second, anchor: second });
    expect(new Set(changes())).toEqual(new Set([first, second]));
    expect(views.view(first).active).toBe(false);
    expect(views.view(second).active).toBe(true);

    const corner = GRIDS.requests.rows[2]![2]!;
    editor().select({ table: 'requests', active: corner, anchor: first });
    changes();
    const block = GRIDS.requests.rows.slice(0, 3).flatMap((row) => row.slice(0, 3));
    for (const key of cells) expect(views.view(key).selected, key).toBe(block.includes(key));

    // A selection in another table leaves this one at its first cell.
    editor().select({ table: 'appeals', active: GRIDS.appeals.rows[0]![0]!, anchor: GRIDS.appeals.rows[0]![0]! });
    changes();
    expect(cells.filter((key) => views.view(key).active)).toEqual([first]);
    expect(cells.filter((key) => views.view(key).selected)).toEqual([]);
  });

  it('outline the cells of a finding clicked, and show a newly opened report', async () => {
    const broken = withCells(seed, { 'requests.received.natural': 99 });
    await open(broken);
    subscribeAll();
    const finding = findingsOf(editor().report!, editor().previous).find((f) => f.cells.some((key) => cells.includes(key)))!;
    editor().goTo({ section: 'requests', finding: finding.id });
    changes();
    for (const key of cells) expect(views.view(key).flagged, key).toBe(finding.cells.includes(key));

    await open(seed);
    changes();
    expectViewsMatchStore();
    expect(cells.filter((key) => views.view(key).flagged)).toEqual([]);
  });

  it('are right when read with no cell subscribed, and again once cells subscribe anew', async () => {
    await open(seed);
    subscribeAll();
    unsubscribeAll();
    editor().setCells([['requests.received.legal', '7']], { section: 'requests', cell: 'requests.received.legal' });
    expect(views.view('requests.received.legal').value).toBe(7);
    expectViewsMatchStore();
    heard = new Map();
    subscribeAll();
    editor().setCells([['requests.received.legal', '8']], { section: 'requests', cell: 'requests.received.legal' });
    expect(changes()).toContain('requests.received.legal');
    expectViewsMatchStore();
  });
});
