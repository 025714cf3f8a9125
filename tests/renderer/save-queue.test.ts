// The save queue on its own, over the real handlers and a real library file:
// a store holding only the queue's slice, edits made to it as the editor
// makes them, and every patch going on to SQLite. Only the clock of the
// debounce and the retry is faked (Vitest timers).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createApi, type NianbaoApi } from '../../src/shared/api/channels';
import type { EditPatch } from '../../src/shared/api/contract';
import { createHandlers } from '../../src/main/handlers';
import { openServices, type OpenedServices } from '../../src/main/open-services';
import { setCells, valueAt, type Report } from '../../src/shared/model/report';
import {
  createSaveQueue,
  NOTHING_SAVED,
  RETRY_MS,
  SAVE_DELAY_MS,
  SAVE_MAX_WAIT_MS,
  type SaveQueue,
  type SaveSlice,
} from '../../src/renderer/src/report/saveQueue';
import { value } from '../helpers/api';
import { seed } from '../shared/fixtures';

let dir: string;
let dbPath: string;
let services: OpenedServices | null;
let api: NianbaoApi;
let id: number;

async function openLibrary(): Promise<void> {
  const opened = await openServices({ databasePath: dbPath, shell: 'browser' });
  if (!opened.ok) throw new Error(opened.error.message);
  services = opened.value;
  const handlers = createHandlers(services);
  api = createApi((channel, payload) => handlers[channel](payload));
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dir = mkdtempSync(join(tmpdir(), 'nianbao-save-queue-'));
  dbPath = join(dir, 'library.db');
  await openLibrary();
  id = value(services!.library.add(seed)).id;
});

afterEach(async () => {
  vi.useRealTimers();
  await services?.close();
  chmodSync(dbPath, 0o644);
  rmSync(dir, { recursive: true, force: true });
});

interface Queued {
  store: StoreApi<SaveSlice>;
  queue: SaveQueue;
  /** Every patch the queue sent, in order, with the revision it was made on. */
  sent: { patch: EditPatch; revision: number }[];
  /** An edit as the editor makes one: a new report, then the queue told. */
  edit: (change: (report: Report) => Report) => void;
}

/** The report opened as the page opens it, and a queue saving it. */
async function queued(): Promise<Queued> {
  const opened = value(await api.library.open({ id }));
  const sent: Queued['sent'] = [];
  const store = createStore<SaveSlice>(() => ({
    ...NOTHING_SAVED,
    report: opened.report,
    saved: { report: opened.report, revision: opened.summary.revision },
    remote: {
      edit: (patch, revision, keepBefore) => {
        sent.push({ patch, revision });
        return api.library.edit({ id, patch, revision, keepBefore });
      },
      setStatus: (status) => api.library.setStatus({ id, status }),
      reopen: () => api.library.open({ id }),
    },
  }));
  const queue = createSaveQueue({ get: store.getState, set: store.setState, saved: async () => {} });
  const edit = (change: (report: Report) => Report) => {
    store.setState({ report: change(store.getState().report!) });
    queue.schedule();
  };
  return { store, queue, sent, edit };
}

const received = (n: number) => (report: Report) => setCells(report, [['requests.received.natural', n]]);
const other = (text: string) => (report: Report) => ({ ...report, narratives: { ...report.narratives, other: text } });
const stored = () => value(services!.library.get(id)).report;

describe('the save queue over the real library', () => {
  it('sends a burst of edits as one patch once the author pauses, and the library has it', async () => {
    const { store, sent, edit } = await queued();
    edit(received(11));
    edit(received(12));
    edit(other('本年未收取费用。'));
    expect(store.getState().save.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(sent).toEqual([]);

    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.patch)).toEqual([{ cells: { 'requests.received.natural': 12 }, narratives: { other: '本年未收取费用。' } }]);
    expect(store.getState().save.kind).toBe('saved');
    expect(valueAt(stored(), 'requests.received.natural')).toBe(12);
    expect(stored().narratives.other).toBe('本年未收取费用。');
    // What the next patch is the difference from, and the revision it is made on, moved with the save.
    const now = value(await api.library.open({ id }));
    expect(store.getState().saved).toEqual({ report: now.report, revision: now.summary.revision });
  });

  it('still saves every SAVE_MAX_WAIT_MS while the author keeps typing, each save on the revision the last one made', async () => {
    const { sent, edit } = await queued();
    const step = SAVE_DELAY_MS - 50;
    for (let i = 1; i * step <= SAVE_MAX_WAIT_MS + step; i++) {
      edit(other(`第${i}句。`));
      await vi.advanceTimersByTimeAsync(step);
    }
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.revision).toBeGreaterThan(sent[0]!.revision);
    expect(stored().narratives.other).toBe(`第${Math.floor((SAVE_MAX_WAIT_MS + step) / step)}句。`);
  });

  it('sends edits made while a save travels in the next save, in order', async () => {
    const { store, queue, sent, edit } = await queued();
    edit(received(12));
    const first = queue.flush();
    edit(received(13));
    await first;
    await queue.flush();
    expect(sent.map((s) => s.patch.cells)).toEqual([{ 'requests.received.natural': 12 }, { 'requests.received.natural': 13 }]);
    expect(valueAt(stored(), 'requests.received.natural')).toBe(13);
    expect(store.getState().save.kind).toBe('saved');
  });

  it('never writes over another writer’s newer version: it stops and says so, and sends nothing more', async () => {
    const { store, sent, edit } = await queued();
    // Another window saves on the revision both opened.
    const theirs = value(await api.library.open({ id }));
    value(await api.library.edit({ id, revision: theirs.summary.revision, patch: { narratives: { other: '另一个窗口写的' } } }));

    edit(other('本窗口写的'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(store.getState().save).toEqual({ kind: 'conflict', message: expect.stringContaining('已在别处') });
    expect(stored().narratives.other).toBe('另一个窗口写的');

    edit(received(12));
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect(sent).toHaveLength(1);
    expect(valueAt(stored(), 'requests.received.natural')).toBe(10);
  });

  it('keeps what a failed save carried and retries it: a library locked by another program, then free', async () => {
    const { store, queue, sent, edit } = await queued();
    // Another program holds the file's write lock (SQLite waits its busy timeout, then gives up).
    const holder = new Database(dbPath);
    holder.exec('BEGIN EXCLUSIVE');
    // An import: the library is to keep the version before it, with the save that gets through.
    edit(received(12));
    await queue.flush('replace');
    expect(store.getState().save).toEqual({ kind: 'failed', message: expect.stringContaining('资料库正被另一个程序使用') });
    expect(store.getState()).toMatchObject({ saved: { report: seed }, keepBefore: 'replace' });

    // The author keeps typing meanwhile; the retry carries both edits.
    edit(other('锁定期间写的'));
    holder.exec('ROLLBACK');
    holder.close();
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.patch).toEqual({ cells: { 'requests.received.natural': 12 }, narratives: { other: '锁定期间写的' } });
    expect(store.getState()).toMatchObject({ save: { kind: 'saved' }, keepBefore: undefined });
    expect(valueAt(stored(), 'requests.received.natural')).toBe(12);
    expect(stored().narratives.other).toBe('锁定期间写的');
    expect(value(services!.library.listRevisions(id)).map((r) => r.reason)).toEqual(['replace']);
  }, 20_000);

  it('says why a read-only library refuses the save, and does not retry what it will refuse again', async () => {
    await services!.close();
    chmodSync(dbPath, 0o444);
    await openLibrary();
    const { store, sent, edit } = await queued();
    edit(received(12));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(store.getState().save).toEqual({ kind: 'failed', message: expect.stringContaining('只读') });
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect(sent).toHaveLength(1);
    expect(valueAt(stored(), 'requests.received.natural')).toBe(10);
  });
});
