// The editor store over the real handlers and a real library file: the same
// createApi the page uses, with an in-process transport. Only the clock of the
// save debounce is faked (Vitest timers); every save goes to SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type NianbaoApi } from '../../src/shared/api/channels';
import type { EditPatch } from '../../src/shared/api/contract';
import { createHandlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { type CellKey } from '../../src/shared/model/cells';
import { valueAt, type Report } from '../../src/shared/model/report';
import { validate } from '../../src/shared/rules/engine';
import { useEditor } from '../../src/renderer/src/report/editorStore';
import { MAX_SECTION_CHARS } from '../../src/shared/model/limits';
import { findingsOf } from '../../src/renderer/src/report/findings';
import { previousOf, seed, withCells } from '../shared/fixtures';

let services: OpenedServices;
let api: NianbaoApi;
/** Every patch the store sent, in order (they go on to the real handler). */
let sent: EditPatch[];
let dir: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dir = mkdtempSync(join(tmpdir(), 'nianbao-store-'));
  const opened = await openServices({ databasePath: join(dir, 'library.db'), shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  services = opened.value;
  const handlers = createHandlers(services);
  api = createApi((channel, payload) => handlers[channel](payload));
  sent = [];
});

afterEach(async () => {
  await useEditor.getState().flush();
  vi.useRealTimers();
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

function add(report: Report): number {
  const stored = services.library.add(report);
  if (!stored.ok) throw new Error(stored.error.message);
  return stored.value.id;
}

/** Opens a stored report in the store as the page does: library.open, then load with the report's API calls. */
async function open(id: number): Promise<void> {
  const opened = await api.library.open({ id });
  if (!opened.ok) throw new Error(opened.error.message);
  useEditor.getState().load(opened.value, {
    edit: (patch, revision, keepBefore) => {
      sent.push(patch);
      return api.library.edit({ id, patch, revision, keepBefore });
    },
    setStatus: (status) => api.library.setStatus({ id, status }),
    reopen: () => api.library.open({ id }),
  });
}

function stored(id: number): Report {
  const got = services.library.get(id);
  if (!got.ok) throw new Error(got.error.message);
  return got.value.report;
}

function value<T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

const editor = () => useEditor.getState();
const inStore = (key: CellKey) => valueAt(editor().report!, key);
/** Lets the debounce run out and the save it starts reach the database. */
const afterDebounce = () => vi.advanceTimersByTimeAsync(300);

describe('the editor store over the real library', () => {
  it('saves a burst of edits as one patch once the debounce has run out, and it is in the database', async () => {
    const id = add(seed);
    await open(id);
    editor().setCells([['requests.received.natural', '12']], { section: 'requests', cell: 'requests.received.natural' });
    editor().setNarrative('other', `${seed.narratives.other}另：本年未收取费用。`);
    expect(editor().save.kind).toBe('pending');

    await vi.advanceTimersByTimeAsync(299);
    expect(sent).toEqual([]);
    expect(valueAt(stored(id), 'requests.received.natural')).toBe(10);

    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(1);
    // The total of the row is computed from its parts and goes in the same patch.
    expect(sent[0]).toEqual({
      cells: { 'requests.received.natural': 12, 'requests.received.total': 12 },
      narratives: { other: `${seed.narratives.other}另：本年未收取费用。` },
    });
    expect(editor().save.kind).toBe('saved');
    const after = stored(id);
    expect(valueAt(after, 'requests.received.natural')).toBe(12);
    expect(valueAt(after, 'requests.received.total')).toBe(12);
    expect(after.narratives.other).toBe(`${seed.narratives.other}另：本年未收取费用。`);
  });

  it('saves each undo and redo, across sections, and brings the author back to where the step was', async () => {
    const id = add(seed);
    await open(id);
    const added = `${seed.narratives.other}另：本年未发出收费通知。`;
    editor().setNarrative('other', added);
    await afterDebounce();
    editor().setCells([['appeals.review.upheld', '3']], { section: 'appeals', cell: 'appeals.review.upheld' });
    await afterDebounce();
    expect(stored(id).tables.appeals.review).toMatchObject({ upheld: 3, total: 3 });

    editor().undo();
    expect(editor().section).toBe('appeals');
    expect(editor().selection?.active).toBe('appeals.review.upheld');
    await afterDebounce();
    expect(stored(id).tables.appeals.review).toMatchObject({ upheld: 0, total: 0 });
    expect(stored(id).narratives.other).toBe(added);

    editor().undo();
    expect(editor().section).toBe('other');
    await afterDebounce();
    expect(stored(id)).toMatchObject({ narratives: seed.narratives, tables: seed.tables });

    editor().redo();
    editor().redo();
    expect(editor().section).toBe('appeals');
    await afterDebounce();
    expect(stored(id).narratives.other).toBe(added);
    expect(stored(id).tables.appeals.review).toMatchObject({ upheld: 3, total: 3 });
    expect(editor().future).toEqual([]);
  });

  it('computes totals from their parts in auto mode, keeps them as typed in manual mode, and recomputes on the way back', async () => {
    const id = add(seed);
    await open(id);
    expect(editor().manualTotals).toEqual({ proactive: false, requests: false, appeals: false });
    editor().setCells([['requests.received.natural', '12']], { section: 'requests' });
    expect(inStore('requests.received.total')).toBe(12);

    editor().setManualTotals('requests', true);
    editor().setCells([['requests.received.natural', '15']], { section: 'requests' });
    expect(inStore('requests.received.total')).toBe(12);
    await afterDebounce();
    expect(valueAt(stored(id), 'requests.received.natural')).toBe(15);
    expect(valueAt(stored(id), 'requests.received.total')).toBe(12);

    // Back to computed totals: recomputed now, as one step that can be undone.
    editor().setManualTotals('requests', false);
    expect(inStore('requests.received.total')).toBe(15);
    await afterDebounce();
    expect(valueAt(stored(id), 'requests.received.total')).toBe(15);
    editor().undo();
    await afterDebounce();
    expect(valueAt(stored(id), 'requests.received.total')).toBe(12);
  });

  it('switches a table to manual totals when a total that disagrees with its parts is typed in auto mode', async () => {
    const id = add(seed);
    await open(id);
    const { manualSwitched } = editor().setCells([['requests.received.total', '99']], { section: 'requests' });
    expect(manualSwitched).toEqual(['requests']);
    expect(editor().manualTotals.requests).toBe(true);
    expect(inStore('requests.received.total')).toBe(99);
    await afterDebounce();
    expect(valueAt(stored(id), 'requests.received.total')).toBe(99);
  });

  it('opens a report whose stored totals disagree with their parts in manual mode, and leaves those totals alone', async () => {
    const id = add(withCells(seed, { 'requests.granted.total': 8 }));
    await open(id);
    expect(editor().manualTotals).toEqual({ proactive: false, requests: true, appeals: false });
    editor().setCells([['requests.granted.natural', '6']], { section: 'requests' });
    await afterDebounce();
    expect(valueAt(stored(id), 'requests.granted.natural')).toBe(6);
    expect(valueAt(stored(id), 'requests.granted.total')).toBe(8);
  });

  it('keeps totals as typed when undo brings back totals that disagree with their parts', async () => {
    const id = add(withCells(seed, { 'requests.granted.total': 8 }));
    await open(id);
    editor().setManualTotals('requests', false);
    expect(valueAt(editor().report!, 'requests.granted.total')).toBe(9);
    editor().undo();
    expect(valueAt(editor().report!, 'requests.granted.total')).toBe(8);
    expect(editor().manualTotals.requests).toBe(true);
  });

  it('an import goes in one save that keeps the version before it; typing before it goes in its own', async () => {
    const id = add(seed);
    await open(id);
    editor().setNarrative('other', `${seed.narratives.other}另：本年未收取费用。`);
    await editor().flush({ includeDraft: true });
    editor().setCells(
      [
        ['appeals.review.upheld', 1],
        ['appeals.review.total', 1],
      ],
      { section: 'appeals' },
    );
    await editor().flush({ keepBefore: 'replace' });
    expect(sent).toEqual([
      { narratives: { other: `${seed.narratives.other}另：本年未收取费用。` } },
      { cells: { 'appeals.review.upheld': 1, 'appeals.review.total': 1 } },
    ]);
    const revisions = services.library.listRevisions(id);
    expect(revisions.ok && revisions.value.map((r) => r.reason)).toEqual(['replace', 'edit']);
    expect(valueAt(stored(id), 'appeals.review.upheld')).toBe(1);
    // The next save is an ordinary one.
    editor().setNarrative('other', seed.narratives.other);
    await editor().flush();
    const after = services.library.listRevisions(id);
    expect(after.ok && after.value.map((r) => r.reason)).toEqual(['replace', 'edit']);
  });

  it('flush sends what is pending at once; with includeDraft, the cell being typed into as well', async () => {
    const id = add(seed);
    await open(id);
    editor().setCells([['requests.received.natural', '11']], { section: 'requests' });
    await editor().flush();
    expect(sent).toHaveLength(1);
    expect(valueAt(stored(id), 'requests.received.natural')).toBe(11);
    expect(editor().save.kind).toBe('saved');

    // A timed save leaves the cell being typed into alone …
    editor().setDraft({ key: 'proactive.licensing.decisions', text: '7' });
    await editor().flush();
    expect(editor().draft).toEqual({ key: 'proactive.licensing.decisions', text: '7' });
    expect(valueAt(stored(id), 'proactive.licensing.decisions')).not.toBe(7);
    // … leaving the page takes it.
    await editor().flush({ includeDraft: true });
    expect(editor().draft).toBeNull();
    expect(valueAt(stored(id), 'proactive.licensing.decisions')).toBe(7);
    expect(sent).toHaveLength(2);
  });

  it('after a change of 年度 or 机关名称 is saved, checks continuity against the right last year’s report, or none', async () => {
    // Last year's 结转下年度 differs from this year's 上年结转: the continuity rule speaks while that report is last year's.
    const lastYear = previousOf(seed, { 'requests.carried_forward.natural': 5 });
    add(lastYear);
    const id = add(seed);
    await open(id);
    const continuity = () => findingsOf(editor().report!, editor().previous).filter((f) => f.rule.startsWith('continuity'));
    expect(editor().previous?.year).toBe(2021);
    expect(continuity().length).toBeGreaterThan(0);

    editor().setMeta({ year: 2023 });
    await afterDebounce();
    expect(stored(id).year).toBe(2023);
    expect(editor().previous).toBeNull();
    expect(continuity()).toEqual([]);

    editor().setMeta({ year: 2022 });
    await afterDebounce();
    expect(editor().previous?.year).toBe(2021);
    expect(continuity().map((f) => f.id)).toEqual(
      validate(seed, { previous: lastYear })
        .filter((f) => f.rule.startsWith('continuity'))
        .map((f) => f.id),
    );

    editor().setMeta({ agency: '余杭区审计局' });
    await afterDebounce();
    expect(stored(id).agency).toBe('余杭区审计局');
    expect(editor().previous).toBeNull();

    // Undoing the change of name brings last year's report back too.
    editor().undo();
    await afterDebounce();
    expect(editor().previous?.agency).toBe(seed.agency);
  });

  it('ends with last year’s report of the final year when the year changes again while the first change is being saved', async () => {
    add(previousOf(seed));
    add({ ...seed, year: 2023 });
    const id = add(seed);
    await open(id);
    expect(editor().previous?.year).toBe(2021);
    editor().setMeta({ year: 2025 });
    const first = editor().flush();
    editor().setMeta({ year: 2024 });
    await first;
    await editor().flush();
    expect(stored(id).year).toBe(2024);
    expect(editor().previous?.year).toBe(2023);
  });
});

describe('two windows on one report', () => {
  it('never writes over the other window’s save: it stops, says so, and reloads what the library has', async () => {
    const id = add(seed);
    await open(id);
    editor().setNarrative('other', '本窗口写的');
    await afterDebounce();
    expect(stored(id).narratives.other).toBe('本窗口写的');

    // Another window (a second browser tab) saves on the revision it opened.
    const other = value(await api.library.open({ id }));
    value(await api.library.edit({ id, revision: other.summary.revision, patch: { narratives: { problems: '另一个窗口写的' } } }));

    editor().setNarrative('other', '本窗口又写的');
    await afterDebounce();
    expect(editor().save).toEqual({
      kind: 'conflict',
      message: expect.stringContaining('已在别处（另一个窗口或浏览器标签页）修改并保存过'),
    });
    expect(stored(id).narratives).toMatchObject({ other: '本窗口写的', problems: '另一个窗口写的' });
    // No retry goes out behind the author's back.
    const sentBefore = sent.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(sentBefore);

    await editor().reload();
    expect(editor().save.kind).toBe('saved');
    expect(editor().report!.narratives).toMatchObject({ other: '本窗口写的', problems: '另一个窗口写的' });
    editor().setNarrative('other', '看过之后再改');
    await afterDebounce();
    expect(stored(id).narratives).toMatchObject({ other: '看过之后再改', problems: '另一个窗口写的' });
  });
});

describe('the length limit in the editor', () => {
  it('refuses typing or pasting past MAX_SECTION_CHARS, says why, and still takes shortening', async () => {
    const id = add(seed);
    await open(id);
    const long = 'a'.repeat(MAX_SECTION_CHARS);
    editor().setNarrative('problems', long);
    expect(editor().overlong).toBeNull();
    editor().setNarrative('problems', `${long}b`);
    expect(editor().report!.narratives.problems).toBe(long);
    expect(editor().overlong).toEqual({ id: 'problems', part: undefined, length: MAX_SECTION_CHARS + 1 });
    // A 150,000-line paste into one of 一、总体情况's boxes: refused, and said under that box.
    const pasted = Array.from({ length: 150_000 }, () => '测').join('\n');
    editor().setNarrative('overview', pasted, 2);
    expect(editor().report!.narratives.overview).toBe(seed.narratives.overview);
    expect(editor().overlong).toEqual({ id: 'overview', part: 2, length: pasted.length });
    editor().setNarrative('problems', long.slice(1));
    expect(editor().report!.narratives.problems).toBe(long.slice(1));
    await afterDebounce();
    expect(stored(id).narratives.problems).toBe(long.slice(1));
  });
});
